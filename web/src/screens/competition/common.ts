// What both sides of a mini-competition read: the categories bought by mini-competition and
// the times in the page's local form.
import { api, type Schemas } from "../../api/client";

export type Competition = Schemas["competition"];

export async function miniCompetitionCategories(): Promise<{ data?: Schemas["category-list"]["items"] }> {
  const dpss = await api.GET("/v1/dps");
  if (!dpss.data) return {};
  const lists = await Promise.all(
    dpss.data.items.map((d) => api.GET("/v1/dps/{dps_id}/categories", { params: { path: { dps_id: d.id } } })),
  );
  return { data: lists.flatMap((l) => l.data?.items ?? []).filter((c) => c.award_method === "mini_competition") };
}

// <input type="datetime-local"> speaks the browser's local time without a zone.
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}
export function isoToLocalInput(iso: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${iso.getFullYear()}-${pad(iso.getMonth() + 1)}-${pad(iso.getDate())}T${pad(iso.getHours())}:${pad(iso.getMinutes())}`;
}
