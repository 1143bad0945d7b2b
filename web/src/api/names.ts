// Categories and organisations that lists name only by id, read once per page load however
// many rows name them (a queue of ten applications to one category asks for it once).
import { api, type Schemas } from "./client";

type Answer<T> = Promise<{ data?: T }>;
const categories = new Map<string, Answer<Schemas["category"]>>();
const organisations = new Map<string, Answer<Schemas["organisation"]>>();

function once<T>(cache: Map<string, Answer<T>>, id: string, read: () => Answer<T>): Answer<T> {
  let answer = cache.get(id);
  if (!answer) {
    answer = read().then((r) => {
      if (!r.data) cache.delete(id); // a failure is asked again next time
      return { data: r.data };
    });
    cache.set(id, answer);
  }
  return answer;
}

export function readCategory(id: string): Answer<Schemas["category"]> {
  return once(categories, id, () => api.GET("/v1/categories/{category_id}", { params: { path: { category_id: id } } }));
}

export function readOrganisation(id: string): Answer<Schemas["organisation"]> {
  return once(organisations, id, () => api.GET("/v1/organisations/{organisation_id}", { params: { path: { organisation_id: id } } }));
}
