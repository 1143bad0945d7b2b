// The one way the browser client talks to the server: a client typed from the served API
// description (src/api/openapi.d.ts, generated from `tarjotin openapi`), so a screen that
// reads a field the API does not have, or sends a body it would refuse, does not compile.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./openapi";

export type Schemas = components["schemas"];

let csrfToken = "";

// The session cookie is HttpOnly: the browser sends it, scripts never see it. What scripts
// hold is the CSRF token the session answers carry, in memory only, never in storage.
export function rememberCsrfToken(token: string | undefined | null): void {
  csrfToken = token ?? "";
}

// For the few requests that cannot go through the client (uploads with progress).
export function csrfHeader(): Record<string, string> {
  return csrfToken ? { "X-CSRF-Token": csrfToken } : {};
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (request.method !== "GET" && csrfToken) request.headers.set("X-CSRF-Token", csrfToken);
    return request;
  },
};

// Every list answers a page at a time. A screen that shows a whole list (a DPS's categories, a
// report) asks without `limit` and gets every page here, followed by `next`; a screen that pages
// itself (the order list) passes `limit` and gets one page.
const wholeLists: Middleware = {
  async onResponse({ request, response }) {
    if (request.method !== "GET" || !response.ok) return response;
    const url = new URL(request.url);
    if (url.searchParams.has("limit") || url.searchParams.has("after")) return response;
    if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) return response;
    const first = await response.clone().json();
    if (!first || !Array.isArray(first.items) || typeof first.next !== "string") return response;
    const items: unknown[] = [...first.items];
    let next: string | undefined = first.next;
    while (next) {
      url.searchParams.set("limit", "1000");
      url.searchParams.set("after", next);
      const more = await fetch(url, { credentials: "same-origin" });
      if (!more.ok) return more;
      const page = await more.json();
      items.push(...page.items);
      next = page.next;
    }
    return new Response(JSON.stringify({ items }), { status: 200, headers: response.headers });
  },
};

export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(csrf);
api.use(wholeLists);
