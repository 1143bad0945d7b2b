// Sign-in from the browser: the server sets an HttpOnly session cookie; the page keeps only the
// CSRF token, in memory.
import { useEffect, useState } from "preact/hooks";
import { formatNumber, t, useLanguage } from "../../i18n";
import { navigate } from "../../router";
import { signIn, useSession } from "../../session";
import { ErrorSummary, Field } from "../../ui/forms";
import { Layout } from "../../ui/Layout";
import type { Problem } from "../../ui/problem";

export const homeOf = { coach: "/coach", provider: "/orders", officer: "/officer", auditor: "/officer/reports", admin: "/admin" };

function formatWait(seconds: number): string {
  return seconds < 60 ? `${formatNumber(seconds)} ${t("seconds")}` : `${formatNumber(Math.ceil(seconds / 60))} ${t("minutes")}`;
}

export function SignIn() {
  useLanguage();
  const session = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (session) navigate(session.passwordChangeRequired ? "/password" : homeOf[session.role]);
  }, [session]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const answer = await signIn(email, password);
    setBusy(false);
    if (answer.kind === "refused") setProblem({ detail: t("badSignIn") });
    if (answer.kind === "wait") setProblem({ detail: t("signInWait").replace("{wait}", formatWait(answer.seconds)) });
  };
  return (
    <Layout title={t("signIn")}>
      <ErrorSummary problem={problem} />
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
