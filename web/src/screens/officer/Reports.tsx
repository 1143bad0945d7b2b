// Quality and spend under each DPS the caller oversees: per category the providers'
// scorecards with every rate drawn as its interval, and the spend per month as bars, with
// the CSV for a spreadsheet.
import { api } from "../../api/client";
import { formatEuros, formatMonth, localised, t, useLanguage } from "../../i18n";
import { NpsWithInterval, RateWithInterval } from "../../ui/Uncertain";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { OrganisationName } from "../../ui/Names";
import { useLoad } from "../../ui/useLoad";


export function Reports() {
  useLanguage();
  const dpss = useLoad(() => api.GET("/v1/dps"), []);
  if (!dpss.data) return <Layout title={t("scorecards")}>{dpss.failed ? <Failed /> : <Loading />}</Layout>;
  return (
    <Layout title={t("scorecards")}>
      <p>{t("period")}</p>
      {dpss.data.items.map((d) => (
        <section key={d.id} aria-labelledby={`report-${d.id}`}>
          <h2 id={`report-${d.id}`}>{d.title}</h2>
          <Categories dpsId={d.id} />
          <Spend dpsId={d.id} />
        </section>
      ))}
    </Layout>
  );
}

function Categories({ dpsId }: { dpsId: string }) {
  const categories = useLoad(() => api.GET("/v1/dps/{dps_id}/categories", { params: { path: { dps_id: dpsId } } }), [dpsId]);
  if (!categories.data) return categories.failed ? <Failed /> : <Loading />;
  return (
    <>
      {categories.data.items
        .filter((c) => c.award_method === "customer_choice")
        .map((c) => (
          <CategoryScorecards key={c.id} id={c.id} name={localised(c.name)} />
        ))}
    </>
  );
}

function CategoryScorecards({ id, name }: { id: string; name: string }) {
  const cards = useLoad(() => api.GET("/v1/categories/{category_id}/scorecards", { params: { path: { category_id: id } } }), [id]);
  const providers = useLoad(
    () => api.GET("/v1/categories/{category_id}/admitted-providers", { params: { path: { category_id: id } } }),
    [id],
  );
  const nameOf = (p: string) => providers.data?.items.find((x) => x.provider_id === p)?.name ?? <OrganisationName id={p} />;
  if (!cards.data) return cards.failed ? <Failed /> : <Loading />;
  if (cards.data.items.length === 0)
    return (
      <p>
        {t("scorecards")}: {name} — {t("noOrders")}
      </p>
    );
  return (
    <table class="table scorecards stack">
      <caption>
        {t("scorecards")}: {name}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t("provider")}</th>
          <th scope="col">{t("orders")}</th>
          <th scope="col">{t("acceptance")}</th>
          <th scope="col">{t("completion")}</th>
          <th scope="col">{t("nps")}</th>
        </tr>
      </thead>
      <tbody>
        {cards.data.items.map((s) => (
          <tr key={s.provider_id}>
            <th scope="row">{nameOf(s.provider_id)}</th>
            <td data-label={t("orders")}>{s.orders}</td>
            <td data-label={t("acceptance")}>
              <RateWithInterval what={t("acceptance")} rate={s.acceptance_rate} interval={s.acceptance_interval} n={s.orders} unit={t("ordersCount")} />
            </td>
            <td data-label={t("completion")}>
              <RateWithInterval what={t("completion")} rate={s.completion_rate} interval={s.completion_interval} n={s.ended} unit={t("fromEnded")} tooFew={t("tooFewEnded")} />
            </td>
            <td data-label={t("nps")}>
              <NpsWithInterval score={s.customer_nps.score} interval={s.customer_nps.interval} responses={s.customer_nps.responses} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Spend({ dpsId }: { dpsId: string }) {
  const spend = useLoad(() => api.GET("/v1/dps/{dps_id}/spend", { params: { path: { dps_id: dpsId } } }), [dpsId]);
  if (!spend.data || typeof spend.data === "string") return spend.failed ? null : <Loading />;
  const months = new Map<string, number>();
  for (const row of spend.data.items) months.set(row.month, (months.get(row.month) ?? 0) + row.payable_cents);
  const rows = [...months.entries()].sort(([a], [b]) => a.localeCompare(b));
  const most = Math.max(1, ...rows.map(([, c]) => c));
  return (
    <figure class="spend">
      <figcaption>{t("spend")}</figcaption>
      <table class="table bars">
        <thead>
          <tr>
            <th scope="col">{t("month")}</th>
            <th scope="col">{t("amount")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([month, cents]) => (
            <tr key={month}>
              <th scope="row">{formatMonth(month)}</th>
              <td>
                <span class="bar" style={{ width: `${(cents / most) * 70}%` }} aria-hidden="true" />
                <span>{formatEuros(cents)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/v1/dps/${dpsId}/spend?format=csv`} download={`spend-${dpsId}.csv`}>
          {t("downloadCsv")}
        </a>
      </p>
    </figure>
  );
}
