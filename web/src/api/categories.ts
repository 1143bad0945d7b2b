// The categories bought one way under every DPS the caller can see: customer choice for the
// coach's choice list, mini-competition for the competitions pages.
import { api, type Schemas } from "./client";

type Category = Schemas["category-list"]["items"][number];

export async function categoriesBoughtBy(
  method: Category["award_method"],
  { openOnly = false } = {},
): Promise<{ data?: Category[] }> {
  const dpss = await api.GET("/v1/dps");
  if (!dpss.data) return {};
  const lists = await Promise.all(
    dpss.data.items
      .filter((d) => !openOnly || d.state === "open")
      .map((d) => api.GET("/v1/dps/{dps_id}/categories", { params: { path: { dps_id: d.id } } })),
  );
  return {
    data: lists
      .flatMap((l) => l.data?.items ?? [])
      .filter((c) => c.award_method === method && (!openOnly || c.state === "open")),
  };
}
