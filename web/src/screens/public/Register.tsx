// A provider company registers itself and its first user (open to anyone: a DPS admits any
// provider that meets the criteria).
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { t, useLanguage } from "../../i18n";
import { ErrorSummary, Field } from "../../ui/forms";
import { Layout } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";
import { useFields } from "../../ui/useFields";

export function Register() {
  useLanguage();
  const [form, , set] = useFields({ name: "", business_id: "", display_name: "", email: "", password: "" });
  const { problem, run } = useAct();
  const [done, setDone] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    run(
      () =>
        api.POST("/v1/provider-registrations", {
          body: {
            organisation: { name: form.name, business_id: form.business_id },
            user: { email: form.email, display_name: form.display_name, password: form.password },
          },
        }),
      () => setDone(true),
    );
  };
  if (done)
    return (
      <Layout title={t("registerProvider")}>
        <p role="status">{t("registered")}</p>
        <p>
          <a href="/sign-in">{t("signIn")}</a>
        </p>
      </Layout>
    );
  const text = (pointer: string, key: keyof typeof form, label: string, type = "text", auto = "off") => (
    <Field pointer={pointer} label={label} problem={problem}>
      {(p) => <input {...p} type={type} autocomplete={auto} value={form[key]} onInput={set(key)} />}
    </Field>
  );
  return (
    <Layout title={t("registerProvider")}>
      <ErrorSummary problem={problem} />
      <form onSubmit={submit} class="form narrow" noValidate>
        {text("/organisation/name", "name", t("companyName"), "text", "organization")}
        {text("/organisation/business_id", "business_id", t("businessId"))}
        {text("/user/display_name", "display_name", t("yourName"), "text", "name")}
        {text("/user/email", "email", t("email"), "email", "username")}
        {text("/user/password", "password", t("password"), "password", "new-password")}
        <button type="submit" class="primary">
          {t("registerProvider")}
        </button>
      </form>
    </Layout>
  );
}
