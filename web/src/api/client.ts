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

export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(csrf);
