// The administrator's page: an organisation's users (added with a role and an initial
// password, deactivated and activated again; deactivation ends their sessions; a forgotten
// password is reset to a one-time one, shown once, that the user must change), and new
// organisations — coaching units, further authorities — whose users are added the same way.
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { t, tCode, useLanguage } from "../../i18n";
import { navigate } from "../../router";
import { useSession } from "../../session";
import { CodeSelect, ErrorSummary, Field } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";
import { useFields } from "../../ui/useFields";
import { useLoad } from "../../ui/useLoad";

type Role = Schemas["user.request"]["role"];
type Kind = Schemas["organisation.request"]["kind"];
const roles: Role[] = ["officer", "coach", "auditor", "admin", "provider"];
const kinds: Kind[] = ["coaching_unit", "contracting_authority", "provider"];

export function AdminPage({ id }: { id?: string }) {
  useLanguage();
  const session = useSession();
  const organisationId = id ?? session?.organisationId ?? "";
  const org = useLoad(
    async () =>
      organisationId
        ? api.GET("/v1/organisations/{organisation_id}", { params: { path: { organisation_id: organisationId } } })
        : { data: undefined },
    [organisationId],
  );
  const users = useLoad(
    async () =>
      organisationId
        ? api.GET("/v1/organisations/{organisation_id}/users", { params: { path: { organisation_id: organisationId } } })
        : { data: undefined },
    [organisationId],
  );
  const { problem, run } = useAct();
  const [issued, setIssued] = useState<{ email: string; password: string } | null>(null);
  if (!org.data) return <Layout title={t("users")}>{org.failed ? <Failed /> : <Loading />}</Layout>;
  const setActive = (user: string, active: boolean) =>
    run(() => api.PATCH("/v1/users/{user_id}", { params: { path: { user_id: user } }, body: { active } }), users.reload);
  const resetPassword = (user: string, email: string) =>
    run(
      () => api.POST("/v1/users/{user_id}/password-reset", { params: { path: { user_id: user } } }),
      (data) => {
        setIssued({ email, password: data.one_time_password });
        users.reload();
      },
    );
  return (
    <Layout title={`${t("users")}: ${org.data.name}`}>
      <p>
        {t("orgKind")}: {tCode("org_", org.data.kind)}
      </p>
      <ErrorSummary problem={problem} />
      {issued && (
        <div class="notice" role="status">
          <p>
            {t("oneTimePasswordFor")} {issued.email}: <code class="secret">{issued.password}</code>
          </p>
          <p>{t("oneTimePasswordHint")}</p>
        </div>
      )}
      {!users.data ? (
        <Loading />
      ) : (
        <table class="table stack">
          <caption class="visually-hidden">{t("users")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("personName")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("actions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.id}>
                <td data-label={t("personName")}>
                  {u.display_name}
                  {!u.active && ` (${t("inactive")})`}
                  {u.password_change_required && ` (${t("mustChangePassword")})`}
                </td>
                <td data-label={t("email")}>{u.email}</td>
                <td data-label={t("role")}>{tCode("role_", u.role)}</td>
                <td>
                  {u.id !== session?.userId && (
                    <button type="button" onClick={() => setActive(u.id, !u.active)} aria-label={`${u.active ? t("deactivate") : t("activate")}: ${u.email}`}>
                      {u.active ? t("deactivate") : t("activate")}
                    </button>
                  )}
                  {u.id !== session?.userId && u.active && (
                    <button type="button" onClick={() => resetPassword(u.id, u.email)} aria-label={`${t("resetPassword")}: ${u.email}`}>
                      {t("resetPassword")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewUser organisationId={organisationId} onAdded={users.reload} />
      {!id && <NewOrganisation />}
    </Layout>
  );
}

function NewUser({ organisationId, onAdded }: { organisationId: string; onAdded: () => void }) {
  const [f, setF, set] = useFields({ display_name: "", email: "", role: "officer", password: "" });
  const { problem, run } = useAct();
  const p = "user-";
  const submit = (e: Event) => {
    e.preventDefault();
    run(
      () => api.POST("/v1/organisations/{organisation_id}/users", { params: { path: { organisation_id: organisationId } }, body: { ...f, role: f.role as Role } }),
      () => {
        setF({ display_name: "", email: "", role: f.role, password: "" });
        onAdded();
      },
    );
  };
  return (
    <section aria-labelledby="add-user-title">
      <h2 id="add-user-title">{t("addUser")}</h2>
      <ErrorSummary problem={problem} idPrefix={p} />
      <form onSubmit={submit} class="form" noValidate>
        <Field pointer="/display_name" label={t("personName")} problem={problem} idPrefix={p}>
          {(a) => <input {...a} autocomplete="off" value={f.display_name} onInput={set("display_name")} />}
        </Field>
        <Field pointer="/email" label={t("email")} problem={problem} idPrefix={p}>
          {(a) => <input {...a} type="email" autocomplete="off" value={f.email} onInput={set("email")} />}
        </Field>
        <Field pointer="/role" label={t("role")} problem={problem} idPrefix={p}>
          {(a) => <CodeSelect control={a} value={f.role} codes={roles} word={(r) => tCode("role_", r)} onChange={(role) => setF({ ...f, role })} />}
        </Field>
        <Field pointer="/password" label={t("initialPassword")} problem={problem} idPrefix={p}>
          {(a) => <input {...a} type="password" autocomplete="new-password" value={f.password} onInput={set("password")} />}
        </Field>
        <button type="submit" class="primary">
          {t("addUser")}
        </button>
      </form>
    </section>
  );
}

function NewOrganisation() {
  const [f, setF, set] = useFields({ kind: "coaching_unit", name: "", business_id: "" });
  const { problem, run } = useAct();
  const p = "org-";
  const submit = (e: Event) => {
    e.preventDefault();
    run(
      () => api.POST("/v1/organisations", { body: { kind: f.kind as Kind, name: f.name, ...(f.business_id ? { business_id: f.business_id } : {}) } }),
      (data) => navigate(`/admin/organisations/${data.id}`),
    );
  };
  return (
    <section aria-labelledby="new-org-title">
      <h2 id="new-org-title">{t("newOrganisation")}</h2>
      <ErrorSummary problem={problem} idPrefix={p} />
      <form onSubmit={submit} class="form" noValidate>
        <Field pointer="/kind" label={t("orgKind")} problem={problem} idPrefix={p}>
          {(a) => <CodeSelect control={a} value={f.kind} codes={kinds} word={(k) => tCode("org_", k)} onChange={(kind) => setF({ ...f, kind })} />}
        </Field>
        <Field pointer="/name" label={t("companyName")} problem={problem} idPrefix={p}>
          {(a) => <input {...a} value={f.name} onInput={set("name")} />}
        </Field>
        <Field pointer="/business_id" label={t("businessId")} problem={problem} idPrefix={p}>
          {(a) => <input {...a} value={f.business_id} onInput={set("business_id")} />}
        </Field>
        <button type="submit" class="primary">
          {t("createOrganisation")}
        </button>
      </form>
    </section>
  );
}
