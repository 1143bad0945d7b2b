// One DPS: its open categories with their criteria, price model and admitted providers.
import { api, type Schemas } from "../../api/client";
import { languageNames, municipalityNames } from "../../names";
import { navigate } from "../../router";
import { useSession } from "../../session";
import { ErrorSummary } from "../../ui/forms";
import { formatEuros, localised, t, tCode, useLanguage } from "../../i18n";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";
import { useLoad } from "../../ui/useLoad";

export function DpsPage({ id }: { id: string }) {
  useLanguage();
  const dps = useLoad(() => api.GET("/v1/dps/{dps_id}", { params: { path: { dps_id: id } } }), [id]);
  const categories = useLoad(
    () => api.GET("/v1/dps/{dps_id}/categories", { params: { path: { dps_id: id } } }),
    [id],
  );
  return (
    <Layout title={dps.data?.title ?? t("dps")}>
      {dps.data?.description && <p class="lead">{dps.data.description}</p>}
      <h2>{t("categories")}</h2>
      {categories.failed ? (
        <Failed />
      ) : !categories.data ? (
        <Loading />
      ) : (
        categories.data.items.map((c) => <CategoryCard key={c.id} id={c.id} />)
      )}
    </Layout>
  );
}

function CategoryCard({ id }: { id: string }) {
  const category = useLoad(
    () => api.GET("/v1/categories/{category_id}", { params: { path: { category_id: id } } }),
    [id],
  );
  const admitted = useLoad(
    () =>
      api.GET("/v1/categories/{category_id}/admitted-providers", {
        params: { path: { category_id: id } },
      }),
    [id],
  );
  const c = category.data;
  if (!c) return category.failed ? <Failed /> : <Loading />;
  return (
    <section class="card" aria-labelledby={`category-${id}`}>
      <h3 id={`category-${id}`}>{localised(c.name)}</h3>
      {c.description && <p>{c.description}</p>}
      <Price price={c.price} />
      {c.regions && c.regions.length > 0 && (
        <p>
          {t("regions")}: {municipalityNames(c.regions)}
        </p>
      )}
      <p>
        {t("languagesServed")}: {languageNames(c.languages)}
      </p>
      {c.criteria && c.criteria.length > 0 && (
        <>
          <h4>{t("criteria")}</h4>
          <ol>
            {c.criteria.map((k) => (
              <li key={k.key}>{k.question}</li>
            ))}
          </ol>
        </>
      )}
      {c.state === "open" && <ApplyButton categoryId={id} />}
      <h4>{t("admittedProviders")}</h4>
      {admitted.data && admitted.data.items.length > 0 ? (
        <ul>
          {admitted.data.items.map((p) => (
            <li key={p.provider_id}>{p.name}</li>
          ))}
        </ul>
      ) : (
        <p>{t("none")}</p>
      )}
    </section>
  );
}

function Price({ price }: { price: Schemas["category"]["price"] }) {
  const bonuses = Object.entries(price.outcome_bonus_cents ?? {});
  return (
    <dl class="facts">
      {price.unit_price_ceiling_cents != null && (
        <>
          <dt>{t("priceCeiling")}</dt>
          <dd>
            {formatEuros(price.unit_price_ceiling_cents)} / {price.unit || t("perUnit")}
          </dd>
        </>
      )}
      {bonuses.map(([outcome, cents]) => (
        <>
          <dt>
            {t("outcomeBonus")}: {tCode("outcome_", outcome)}
          </dt>
          <dd>{formatEuros(cents)}</dd>
        </>
      ))}
    </dl>
  );
}

// A signed-in provider starts a draft request to participate; anyone else is told to sign in
// or register first by the sign-in page itself.
function ApplyButton({ categoryId }: { categoryId: string }) {
  const session = useSession();
  const { problem, run } = useAct();
  if (session?.role !== "provider") return null;
  const start = () =>
    run(
      () => api.POST("/v1/categories/{category_id}/applications", { params: { path: { category_id: categoryId } }, body: {} }),
      (data) => navigate(`/provider/applications/${data.id}`),
    );
  return (
    <>
      <ErrorSummary problem={problem} idPrefix={categoryId} />
      <button type="button" class="primary" onClick={start}>
        {t("apply")}
      </button>
    </>
  );
}
