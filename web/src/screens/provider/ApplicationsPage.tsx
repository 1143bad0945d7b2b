// The provider's own requests to participate with their state in words, and where to apply.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { formatDate, formatTime, t, tCode, useLanguage } from "../../i18n";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { CategoryName } from "../../ui/Names";
import { useLoad } from "../../ui/useLoad";

export function ApplicationsPage() {
  useLanguage();
  const list = useLoad(() => api.GET("/v1/applications"), []);
  return (
    <Layout title={t("myApplications")}>
      <Reconfirmations />
      <p>
        <a href="/">{t("publishedDps")}</a>
      </p>
      {!list.data ? (
        list.failed ? <Failed /> : <Loading />
      ) : list.data.items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <table class="table stack">
          <caption class="visually-hidden">{t("myApplications")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("category")}</th>
              <th scope="col">{t("stateLabel")}</th>
              <th scope="col">{t("receivedAt")}</th>
              <th scope="col">{t("decisionDue")}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((a) => (
              <tr key={a.id}>
                <td data-label={t("category")}>
                  <a href={`/provider/applications/${a.id}`}>
                    <CategoryName id={a.category_id} />
                  </a>
                </td>
                <td data-label={t("stateLabel")}>{tCode("app_", a.state)}</td>
                <td data-label={t("receivedAt")}>{a.received_at ? formatTime(a.received_at) : "–"}</td>
                <td data-label={t("decisionDue")}>{a.decision_due ? formatDate(a.decision_due) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

// The authority's open requests to confirm that the criteria still hold, each answered here.
function Reconfirmations() {
  const list = useLoad(() => api.GET("/v1/reconfirmations"), []);
  const [done, setDone] = useState<string[]>([]);
  if (!list.data || list.data.items.length === 0) return null;
  const confirm = async (id: string) => {
    const { error } = await api.POST("/v1/reconfirmations/{request_id}/confirmation", { params: { path: { request_id: id } } });
    if (!error) setDone([...done, id]);
  };
  return (
    <section aria-labelledby="reconfirmations-title" class="card">
      <h2 id="reconfirmations-title">{t("reconfirmations")}</h2>
      <ul class="plain">
        {list.data.items.map((r) => (
          <li key={r.id}>
            <CategoryName id={r.category_id} /> · {t("dueDate")} {formatDate(r.due)}: {r.message}{" "}
            {done.includes(r.id) ? (
              <span role="status">{t("confirmed")}</span>
            ) : (
              <button type="button" class="primary" onClick={() => confirm(r.id)}>
                {t("confirm")}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
