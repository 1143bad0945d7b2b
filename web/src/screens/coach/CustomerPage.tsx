// One customer: the profile that matches them to offerings, and the step to the choice list
// in a customer-choice category.
import { useState } from "preact/hooks";
import { categoriesBoughtBy } from "../../api/categories";
import { api, type Schemas } from "../../api/client";
import { formatTime, localised, t, tCode, useLanguage } from "../../i18n";
import { languageNames, municipalityName } from "../../names";
import { navigate } from "../../router";
import { ErrorSummary, Field } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";
import { useLoad } from "../../ui/useLoad";

export function CustomerPage({ id }: { id: string }) {
  useLanguage();
  const customer = useLoad(() => api.GET("/v1/customers/{customer_id}", { params: { path: { customer_id: id } } }), [id]);
  // The open customer-choice categories of every open DPS the coach can see.
  const categories = useLoad(() => categoriesBoughtBy("customer_choice", { openOnly: true }), []);
  const [category, setCategory] = useState("");
  const [startBy, setStartBy] = useState("");
  const { problem, run } = useAct();
  const [busy, setBusy] = useState(false);
  const c = customer.data;
  if (!c) return <Layout title={t("customer")}>{customer.failed ? <Failed /> : <Loading />}</Layout>;
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    await run(
      () => api.POST("/v1/choice-sets", { body: { category_id: category, customer_id: id, ...(startBy ? { start_by: startBy } : {}) } }),
      (data) => navigate(`/coach/choice-sets/${data.id}`),
    );
    setBusy(false);
  };
  return (
    <Layout title={`${t("customer")} ${c.reference}`}>
      <dl class="facts">
        <dt>{t("region")}</dt>
        <dd>{municipalityName(c.region)}</dd>
        <dt>{t("customerLanguages")}</dt>
        <dd>{languageNames(c.languages)}</dd>
        <dt>{t("unemployment")}</dt>
        <dd>{tCode("band_", c.unemployment_band)}</dd>
        <dt>{t("ageBand")}</dt>
        <dd>{tCode("age_", c.age_band)}</dd>
      </dl>
      <Consents customer={c} onChange={customer.reload} />
      <h2>{t("chooseService")}</h2>
      <ErrorSummary problem={problem} />
      {!categories.data ? (
        <Loading />
      ) : (
        <form onSubmit={submit} class="form" noValidate>
          <Field pointer="/category_id" label={t("category")} problem={problem}>
            {(p) => (
              <select {...p} value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
                <option value="">–</option>
                {categories.data!.map((k) => (
                  <option key={k.id} value={k.id}>
                    {localised(k.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field pointer="/start_by" label={t("startBy")} problem={problem}>
            {(p) => <input {...p} type="date" value={startBy} onInput={(e) => setStartBy(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="primary" disabled={busy}>
            {t("makeChoiceSet")}
          </button>
        </form>
      )}
      <p>
        <a href={`/orders?customer_id=${id}`}>{t("orders")}</a>
      </p>
    </Layout>
  );
}

// The consents the customer gave: each provider may see earlier services' records only while
// the consent stands; the coach withdraws one when the customer says so.
function Consents({ customer, onChange }: { customer: Schemas["customer"]; onChange: () => void }) {
  if (customer.consents.length === 0) return null;
  const withdraw = async (consent: string) => {
    await api.POST("/v1/customers/{customer_id}/consents/{consent_id}/withdrawal", {
      params: { path: { customer_id: customer.id, consent_id: consent } },
    });
    onChange();
  };
  return (
    <section aria-labelledby="consents-title">
      <h2 id="consents-title">{t("consents")}</h2>
      <ul class="plain">
        {customer.consents.map((k) => (
          <li key={k.id}>
            {tCode("scope_", k.scope)} · {t("givenAt")} {formatTime(k.given_at)}
            {k.withdrawn_at ? (
              ` · ${t("withdrawn")} ${formatTime(k.withdrawn_at)}`
            ) : (
              <>
                {" "}
                <button type="button" onClick={() => withdraw(k.id)}>
                  {t("withdraw")}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
