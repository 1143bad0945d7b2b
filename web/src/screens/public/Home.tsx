// The published DPSs: what anyone may read before signing in.
import { api } from "../../api/client";
import { formatDate, t, useLanguage } from "../../i18n";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useLoad } from "../../ui/useLoad";

export function Home() {
  useLanguage();
  const list = useLoad(() => api.GET("/v1/dps"), []);
  return (
    <Layout title={t("publishedDps")}>
      <p class="lead">{t("dpsIntro")}</p>
      {list.failed ? (
        <Failed />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul class="cards">
          {list.data.items.map((d) => (
            <li key={d.id} class="card">
              <h2>
                <a href={`/dps/${d.id}`}>{d.title}</a>
              </h2>
              {d.description && <p>{d.description}</p>}
              {d.valid_from && d.valid_until && (
                <p class="meta">
                  {t("validity")}: {formatDate(d.valid_from)} – {formatDate(d.valid_until)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/register">{t("registerProvider")}</a>
      </p>
    </Layout>
  );
}
