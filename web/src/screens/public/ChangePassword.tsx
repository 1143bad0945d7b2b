// Any signed-in user changes their own password; their other sessions end, this one stays.
// After an administrator's reset it is the only page that opens, until the user has chosen one.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { t, useLanguage } from "../../i18n";
import { navigate } from "../../router";
import { loadSession, useSession } from "../../session";
import { homeOf } from "./SignIn";
import { ErrorSummary, Field } from "../../ui/forms";
import { Layout } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";

export function ChangePassword() {
  useLanguage();
  const session = useSession();
  const required = session?.passwordChangeRequired ?? false;
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const { problem, run } = useAct();
  const [done, setDone] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    run(
      () => api.PUT("/v1/sessions/current/password", { body: { current_password: current, new_password: next } }),
      async () => {
        setCurrent("");
        setNext("");
        setDone(true);
        if (required) {
          await loadSession();
          if (session) navigate(homeOf[session.role]);
        }
      },
    );
  };
  return (
    <Layout title={t("changePassword")}>
      {required && <p class="notice" role="status">{t("passwordChangeRequired")}</p>}
      <ErrorSummary problem={problem} />
      {done && <p role="status">{t("passwordChanged")}</p>}
      <form onSubmit={submit} class="form narrow" noValidate>
        <Field pointer="/current_password" label={t("currentPassword")} problem={problem}>
          {(p) => <input {...p} type="password" autocomplete="current-password" value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />}
        </Field>
        <Field pointer="/new_password" label={t("newPassword")} problem={problem}>
          {(p) => <input {...p} type="password" autocomplete="new-password" value={next} onInput={(e) => setNext(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary">
          {t("changePassword")}
        </button>
      </form>
    </Layout>
  );
}
