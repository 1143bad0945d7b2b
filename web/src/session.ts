// Who is signed in, read from the server on every page load (the cookie is HttpOnly, so the
// page cannot read it, and nothing about the session is kept in the browser's storage).
import { useEffect, useState } from "preact/hooks";
import { api, rememberCsrfToken } from "./api/client";

export type Role = "admin" | "officer" | "provider" | "coach" | "auditor";
export interface Session {
  userId: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  // After an administrator's reset: only the password page opens until the user picks one.
  passwordChangeRequired: boolean;
}

let current: Session | null | undefined = undefined; // undefined: not yet known
const listeners = new Set<() => void>();

function set(s: Session | null): void {
  current = s;
  listeners.forEach((f) => f());
}

export async function loadSession(): Promise<void> {
  // A lost connection is asked again; after that the page treats the visitor as signed out
  // rather than waiting for ever.
  let answer: Awaited<ReturnType<typeof readCurrent>> | undefined;
  for (let attempt = 0; attempt < 3 && !answer; ++attempt) {
    answer = await readCurrent().catch(() => undefined);
    if (!answer) await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
  }
  const data = answer?.data;
  if (!data) return set(null);
  rememberCsrfToken(data.csrf_token);
  set({
    userId: data.user_id,
    role: data.role,
    organisationId: data.organisation.id,
    organisationName: data.organisation.name,
    passwordChangeRequired: data.password_change_required,
  });
}

function readCurrent() {
  return api.GET("/v1/sessions/current");
}

// Signed in, refused, or held back after too many failures for the given number of seconds.
export type SignInAnswer = { kind: "signed-in" } | { kind: "refused" } | { kind: "wait"; seconds: number };

export async function signIn(email: string, password: string): Promise<SignInAnswer> {
  const { data, response } = await api.POST("/v1/browser-sessions", { body: { email, password } });
  if (response.status === 429) return { kind: "wait", seconds: Number(response.headers.get("Retry-After")) || 1 };
  if (!data) return { kind: "refused" };
  rememberCsrfToken(data.csrf_token);
  await loadSession();
  return { kind: "signed-in" };
}

export async function signOut(): Promise<void> {
  await api.DELETE("/v1/sessions/current");
  rememberCsrfToken(null);
  set(null);
}

export function useSession(): Session | null | undefined {
  const [seen, setSeen] = useState(current);
  useEffect(() => {
    const f = () => setSeen(current);
    listeners.add(f);
    // The answer may have come between the first render and this effect, when nobody was
    // listening yet: catch up, or the page would wait for it for ever.
    f();
    return () => void listeners.delete(f);
  }, []);
  return seen;
}
