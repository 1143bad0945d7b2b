// The coach's start: find one of the unit's customers by its case reference, or record a new
// one pseudonymously (reference and coarse profile only).
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { t, tCode, useLanguage } from "../../i18n";
import { navigate } from "../../router";
import { commonServiceLanguages, languageName, municipalityName, namedMunicipalities } from "../../names";
import { CheckboxGroup, CodeSelect, ErrorSummary, Field } from "../../ui/forms";
import { Layout } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";
import { useFields } from "../../ui/useFields";

const unemploymentBands = ["under_3_months", "from_3_to_12_months", "from_12_to_24_months", "over_24_months"] as const;
const ageBands = ["under_25", "from_25_to_29", "from_30_to_54", "over_54"] as const;

export function CoachHome() {
  useLanguage();
  const [reference, setReference] = useState("");
  const [notFound, setNotFound] = useState(false);
  const find = async (e: Event) => {
    e.preventDefault();
    const { data } = await api.GET("/v1/customers", { params: { query: { reference } } });
    if (data) navigate(`/coach/customers/${data.id}`);
    else setNotFound(true);
  };
  return (
    <Layout title={t("customers")}>
      <form onSubmit={find} class="form inline" role="search" noValidate>
        <Field pointer="/find" label={t("findCustomer")} hint={t("referenceHint")} problem={null}>
          {(p) => (
            <input {...p} type="search" value={reference} onInput={(e) => setReference(e.currentTarget.value)} />
          )}
        </Field>
        <button type="submit">{t("find")}</button>
      </form>
      {notFound && <p role="status">{t("noSuchCustomer")}</p>}
      <NewCustomer initialReference={notFound ? reference : ""} />
    </Layout>
  );
}

function NewCustomer({ initialReference }: { initialReference: string }) {
  const [form, setForm, set] = useFields({
    reference: initialReference,
    region: "", // a municipality's code, or "other" while the coach types a code
    otherRegion: "",
    unemployment_band: "",
    age_band: "",
  });
  const [languages, setLanguages] = useState<string[]>(["fi"]);
  const { problem, run } = useAct();
  const submit = (e: Event) => {
    e.preventDefault();
    run(
      () =>
        api.POST("/v1/customers", {
          body: {
            reference: form.reference || initialReference,
            region: form.region === "other" ? form.otherRegion.trim() : form.region,
            languages,
            unemployment_band: form.unemployment_band as (typeof unemploymentBands)[number],
            age_band: form.age_band as (typeof ageBands)[number],
          },
        }),
      (data) => navigate(`/coach/customers/${data.id}`),
    );
  };
  return (
    <section aria-labelledby="new-customer">
      <h2 id="new-customer">{t("newCustomer")}</h2>
      <ErrorSummary problem={problem} />
      <form onSubmit={submit} class="form" noValidate>
        <Field pointer="/reference" label={t("reference")} hint={t("referenceHint")} problem={problem}>
          {(p) => <input {...p} value={form.reference || initialReference} onInput={set("reference")} />}
        </Field>
        <Field pointer="/region" label={t("region")} problem={problem}>
          {(p) => (
            <select {...p} value={form.region} onChange={set("region")}>
              <option value="">–</option>
              {namedMunicipalities().map((code) => (
                <option key={code} value={code}>
                  {municipalityName(code)}
                </option>
              ))}
              <option value="other">{t("otherMunicipality")}</option>
            </select>
          )}
        </Field>
        {form.region === "other" && (
          <Field pointer="/region" label={t("municipalityCode")} problem={problem} idPrefix="other-">
            {(p) => <input {...p} inputMode="numeric" value={form.otherRegion} onInput={set("otherRegion")} />}
          </Field>
        )}
        <CheckboxGroup
          pointer="/languages"
          legend={t("customerLanguages")}
          hint={t("customerLanguagesHint")}
          options={commonServiceLanguages.map((code) => ({ value: code, label: languageName(code) }))}
          chosen={languages}
          onChange={setLanguages}
          problem={problem}
        />
        <Field pointer="/unemployment_band" label={t("unemployment")} problem={problem}>
          {(p) => <CodeSelect control={p} value={form.unemployment_band} codes={unemploymentBands} word={(b) => tCode("band_", b)} onChange={(v) => setForm({ ...form, unemployment_band: v })} blank />}
        </Field>
        <Field pointer="/age_band" label={t("ageBand")} problem={problem}>
          {(p) => <CodeSelect control={p} value={form.age_band} codes={ageBands} word={(b) => tCode("age_", b)} onChange={(v) => setForm({ ...form, age_band: v })} blank />}
        </Field>
        <button type="submit" class="primary">
          {t("addCustomer")}
        </button>
      </form>
    </section>
  );
}
