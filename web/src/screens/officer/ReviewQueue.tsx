// The officer's queue: applications awaiting a decision under each of the authority's DPSs,
// soonest due first, each named by its provider and category, with the time left and the
// overdue ones said in words (and marked, not by colour alone).
import { api } from "../../api/client";
import { formatDate, formatTime, t, tCode, useLanguage } from "../../i18n";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { CategoryName, OrganisationName } from "../../ui/Names";
import { useLoad } from "../../ui/useLoad";
import { timeLeft } from "./timeLeft";

export function ReviewQueue() {
  useLanguage();
  const dpss = useLoad(() => api.GET("/v1/dps"), []);
  if (!dpss.data) return <Layout title={t("reviewQueue")}>{dpss.failed ? <Failed /> : <Loading />}</Layout>;
  return (
    <Layout title={t("reviewQueue")}>
      {dpss.data.items.map((d) => (
        <DpsQueue key={d.id} id={d.id} title={d.title} />
      ))}
    </Layout>
  );
}

function DpsQueue({ id, title }: { id: string; title: string }) {
  const queue = useLoad(() => api.GET("/v1/dps/{dps_id}/applications", { params: { path: { dps_id: id } } }), [id]);
  const headingId = `queue-${id}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {!queue.data ? (
        queue.failed ? <Failed /> : <Loading />
      ) : queue.data.items.length === 0 ? (
        <p>{t("queueEmpty")}</p>
      ) : (
        <table class="table stack">
          <caption class="visually-hidden">{t("reviewQueue")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("provider")}</th>
              <th scope="col">{t("category")}</th>
              <th scope="col">{t("timeLeft")}</th>
              <th scope="col">{t("decisionDue")}</th>
              <th scope="col">{t("stateLabel")}</th>
              <th scope="col">{t("receivedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.items.map((a) => (
              <tr key={a.id} class={a.overdue ? "overdue" : ""}>
                <td data-label={t("provider")}>
                  <a href={`/officer/applications/${a.id}`}>
                    <OrganisationName id={a.provider_id} />
                  </a>
                </td>
                <td data-label={t("category")}>
                  <CategoryName id={a.category_id} />
                </td>
                <td data-label={t("timeLeft")}>{a.overdue ? <strong>{timeLeft(a)}</strong> : timeLeft(a)}</td>
                <td data-label={t("decisionDue")}>{a.decision_due ? formatDate(a.decision_due) : "–"}</td>
                <td data-label={t("stateLabel")}>{tCode("app_", a.state)}</td>
                <td data-label={t("receivedAt")}>{a.received_at ? formatTime(a.received_at) : "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
