// What both sides of a mini-competition read: the categories bought by mini-competition and
// the times in the page's local form.
import { categoriesBoughtBy } from "../../api/categories";
import type { Schemas } from "../../api/client";

export type Competition = Schemas["competition"];

export const miniCompetitionCategories = () => categoriesBoughtBy("mini_competition");

// <input type="datetime-local"> speaks the browser's local time without a zone.
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}
export function isoToLocalInput(iso: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${iso.getFullYear()}-${pad(iso.getMonth() + 1)}-${pad(iso.getDate())}T${pad(iso.getHours())}:${pad(iso.getMinutes())}`;
}
