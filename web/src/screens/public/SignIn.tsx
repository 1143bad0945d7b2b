// Sign-in from the browser: the server sets an HttpOnly session cookie; the page keeps only the
// CSRF token, in memory. Where the organisations' identity providers are configured, one button
// each sends the browser to its provider (authorization code with PKCE, all on the server); the
// server brings it back here, signed in or with `failed` saying why not.
import { useEffect, useState } from "preact/hooks";
import { api } from "../../api/client";
import { formatNumber, lang, t, useLanguage, type WordKey } from "../../i18n";
import { navigate } from "../../router";
import { signIn, useSession } from "../../session";
import { ErrorSummary, Field } from "../../ui/forms";
import { Layout } from "../../ui/Layout";
import type { Problem } from "../../ui/problem";
import { useLoad } from "../../ui/useLoad";

export const homeOf = { coach: "/coach", provider: "/orders", officer: "/officer", auditor: "/officer/reports", admin: "/admin" };

function formatWait(seconds: number): string {
  return seconds < 60 ? `${formatNumber(seconds)} ${t("seconds")}` : `${formatNumber(Math.ceil(seconds / 60))} ${t("minutes")}`;
}

// What the server's way back from an identity provider says in `failed`.
const failures: Record<string, WordKey> = {
  unknown: "signInFailed_unknown",
  expired: "signInFailed_expired",
  refused: "signInFailed_refused",
  "not-a-user": "signInFailed_notAUser",
  failed: "signInFailed_failed",
};

function failureComingBack(): WordKey | null {
  const failed = new URLSearchParams(location.search).get("failed");
  return failed === null ? null : (failures[failed] ?? "signInFailed_failed");
}

export function SignIn() {
  useLanguage();
  const session = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<Problem | null>(() => {
    const failed = failureComingBack();
    return failed ? { detail: t(failed) } : null;
  });
  const [busy, setBusy] = useState(false);
  const providers = useLoad(() => api.GET("/v1/identity-providers"), []);
  useEffect(() => {
    if (session) navigate(session.passwordChangeRequired ? "/password" : homeOf[session.role]);
  }, [session]);
  useEffect(() => {
    // Said once: a reload of the page does not say it again.
    if (location.search.includes("failed=")) history.replaceState(null, "", location.pathname);
  }, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const answer = await signIn(email, password);
    setBusy(false);
    if (answer.kind === "refused") setProblem({ detail: t("badSignIn") });
    if (answer.kind === "wait") setProblem({ detail: t("signInWait").replace("{wait}", formatWait(answer.seconds)) });
  };
  const offered = providers.data?.items ?? [];
  return (
    <Layout title={t("signIn")}>
      <ErrorSummary problem={problem} />
      {offered.length > 0 && (
        <>
          <h2>{t("withEmployerAccount")}</h2>
          <div class="actions">
            {offered.map((p) => (
              <button key={p.id} type="button" class="primary"
                onClick={() => location.assign(`/v1/identity-providers/${encodeURIComponent(p.id)}/sign-in?lang=${lang()}`)}>
                {t("signInThrough").replace("{name}", p.display_name)}
              </button>
            ))}
          </div>
          <h2>{t("withPassword")}</h2>
        </>
      )}
      <form onSubmit={submit} class="form narrow" noValidate>
        <Field pointer="/email" label={t("email")} problem={problem}>
          {(p) => (
            <input {...p} type="email" autocomplete="username" value={email} required
              onInput={(e) => setEmail(e.currentTarget.value)} />
          )}
        </Field>
        <Field pointer="/password" label={t("password")} problem={problem}>
          {(p) => (
            <input {...p} type="password" autocomplete="current-password" value={password} required
              onInput={(e) => setPassword(e.currentTarget.value)} />
          )}
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {t("signIn")}
        </button>
      </form>
      <p>
        <a href="/register">{t("registerProvider")}</a>
      </p>
    </Layout>
  );
}
