// Quality and spend under each DPS the caller oversees: per category the providers'
// scorecards with every rate drawn as its interval, and the spend per month as bars, with
// the CSV for a spreadsheet.
import { api, type Schemas } from "../../api/client";
import { formatEuros, formatMonth, formatNumber, formatPercent, formatRange, localised, t, useLanguage } from "../../i18n";
import { IntervalBar } from "../../ui/IntervalBar";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useLoad } from "../../ui/useLoad";

type Scorecard = Schemas["scorecard-list"]["items"][number];

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
  const nameOf = (p: string) => providers.data?.items.find((x) => x.provider_id === p)?.name ?? p.slice(0, 8);
  if (!cards.data) return cards.failed ? <Failed /> : <Loading />;
  if (cards.data.items.length === 0)
    return (
      <p>
        {t("scorecards")}: {name} — {t("noOrders")}
      </p>
    );
  return (
    <table class="table scorecards">
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
            <td>{s.orders}</td>
            <td>
              <Rate rate={s.acceptance_rate} interval={s.acceptance_interval} n={s.orders} unit={t("ordersCount")} />
            </td>
            <td>
              <Rate rate={s.completion_rate} interval={s.completion_interval} n={s.ended} unit={t("fromEnded")} />
            </td>
            <td>
              <Nps nps={s.customer_nps} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Rate({ rate, interval, n, unit }: { rate: number | null; interval: { low: number; high: number } | null; n: number; unit: string }) {
  if (rate == null || !interval) return <>{t("tooFew")}</>;
  const text = `${formatPercent(rate)} (${formatRange(formatPercent(interval.low), formatPercent(interval.high))}), ${n} ${unit}`;
  return (
    <>
      {text}
      <IntervalBar value={rate * 100} low={interval.low * 100} high={interval.high * 100} min={0} max={100} label={`${text}; ${t("interval")}`} />
    </>
  );
}

function Nps({ nps }: { nps: Scorecard["customer_nps"] }) {
  if (nps.score == null || !nps.interval) return <>{t("tooFew")}</>;
  const text = `${formatNumber(nps.score)} (${formatRange(formatNumber(nps.interval.low), formatNumber(nps.interval.high))}), ${nps.responses} ${t("fromAnswers")}`;
  return (
    <>
      {text}
      <IntervalBar value={nps.score} low={nps.interval.low} high={nps.interval.high} min={-100} max={100} label={`NPS ${text}; ${t("interval")}`} />
    </>
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
