// The provider's own requests to participate with their state in words, and where to apply.
import { api } from "../../api/client";
import { formatDate, formatTime, localised, t, tCode, useLanguage } from "../../i18n";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useLoad } from "../../ui/useLoad";

export function ApplicationsPage() {
  useLanguage();
  const list = useLoad(() => api.GET("/v1/applications"), []);
  return (
    <Layout title={t("myApplications")}>
      <p>
        <a href="/">{t("publishedDps")}</a>
      </p>
      {!list.data ? (
        list.failed ? <Failed /> : <Loading />
      ) : list.data.items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <table class="table">
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
                <td>
                  <a href={`/provider/applications/${a.id}`}>
                    <CategoryName id={a.category_id} />
                  </a>
                </td>
                <td>{tCode("app_", a.state)}</td>
                <td>{a.received_at ? formatTime(a.received_at) : "–"}</td>
                <td>{a.decision_due ? formatDate(a.decision_due) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

function CategoryName({ id }: { id: string }) {
  const c = useLoad(() => api.GET("/v1/categories/{category_id}", { params: { path: { category_id: id } } }), [id]);
  return <>{c.data ? localised(c.data.name) : id.slice(0, 8)}</>;
}
