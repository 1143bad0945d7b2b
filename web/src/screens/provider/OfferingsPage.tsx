// The provider's offerings in each customer-choice category it is admitted to: what a coach
// and a customer will see on the choice list, kept current here (free places above all).
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { formatDate, formatEuros, helsinkiDate, localised, t, useLanguage } from "../../i18n";
import { languageName, languageNames, municipalityName, municipalityNames, splitCodes } from "../../names";
import { CheckboxGroup, CodesField, ErrorSummary, Field } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";
import { useFields } from "../../ui/useFields";
import { useLoad } from "../../ui/useLoad";

type Offering = Schemas["offering"];
type Category = Schemas["category"];
type OfferingBody = Schemas["offering.request"];

export function OfferingsPage() {
  useLanguage();
  const applications = useLoad(() => api.GET("/v1/applications"), []);
  if (!applications.data) return <Layout title={t("offerings")}>{applications.failed ? <Failed /> : <Loading />}</Layout>;
  const admitted = [...new Set(applications.data.items.filter((a) => a.state === "admitted").map((a) => a.category_id))];
  return (
    <Layout title={t("offerings")}>
      {admitted.length === 0 ? <p>{t("notAdmittedYet")}</p> : admitted.map((c) => <CategoryOfferings key={c} categoryId={c} />)}
    </Layout>
  );
}

function CategoryOfferings({ categoryId }: { categoryId: string }) {
  const category = useLoad(() => api.GET("/v1/categories/{category_id}", { params: { path: { category_id: categoryId } } }), [categoryId]);
  const offerings = useLoad(
    () => api.GET("/v1/categories/{category_id}/offerings", { params: { path: { category_id: categoryId } } }),
    [categoryId],
  );
  const [editing, setEditing] = useState<string | null>(null);
  const c = category.data;
  if (!c) return category.failed ? <Failed /> : <Loading />;
  if (c.award_method !== "customer_choice") return null;
  const headingId = `offerings-${categoryId}`;
  return (
    <section aria-labelledby={headingId} class="card">
      <h2 id={headingId}>{localised(c.name)}</h2>
      {c.price.unit_price_ceiling_cents != null && (
        <p>
          {t("priceCeiling")}: {formatEuros(c.price.unit_price_ceiling_cents)}
        </p>
      )}
      <ul class="plain">
        {(offerings.data?.items ?? []).map((o) =>
          editing === o.id ? (
            <li key={o.id}>
              <EditOffering category={c} offeringId={o.id} onSaved={() => { setEditing(null); offerings.reload(); }} />
            </li>
          ) : (
            <li key={o.id} class="offering-row">
              <h3>{localised(o.description)}</h3>
              {/* What a customer's choice depends on first: places, whether it is offered, when it can start. */}
              <dl class="facts">
                <dt>{t("freePlaces")}</dt>
                <dd>{o.free_places}</dd>
                <dt>{t("stateLabel")}</dt>
                <dd>{o.active ? t("active") : t("notActive")}</dd>
                <dt>{t("earliestStart")}</dt>
                <dd>{formatDate(o.earliest_start)}</dd>
                <dt>{t("price")}</dt>
                <dd>{formatEuros(o.unit_price_cents)}</dd>
                <dt>{t("languagesServed")}</dt>
                <dd>{languageNames(o.languages)}</dd>
                <dt>{t("regions")}</dt>
                <dd>{o.regions.length ? municipalityNames(o.regions) : t("everywhere")}</dd>
              </dl>
              <button type="button" onClick={() => setEditing(o.id)} aria-label={`${t("editOffering")}: ${localised(o.description)}`}>
                {t("editOffering")}
              </button>
            </li>
          ),
        )}
      </ul>
      <details>
        <summary>{t("newOffering")}</summary>
        <OfferingForm category={c} onSaved={offerings.reload} />
      </details>
    </section>
  );
}

// The offering read afresh with its version (ETag), which the edit sends back in If-Match: an
// edit made while an order took a place is refused instead of giving that place back.
function EditOffering({ category, offeringId, onSaved }: { category: Category; offeringId: string; onSaved: () => void }) {
  const read = useLoad(async () => {
    const r = await api.GET("/v1/offerings/{offering_id}", { params: { path: { offering_id: offeringId } } });
    return { data: r.data && { offering: r.data, etag: r.response.headers.get("ETag") ?? "" }, error: r.error };
  }, [offeringId]);
  if (!read.data) return read.failed ? <Failed /> : <Loading />;
  return <OfferingForm category={category} offering={read.data.offering} etag={read.data.etag} onSaved={onSaved} />;
}

// Regions and languages are chosen from the category's own, the only ones an offering may
// name; a category that covers every region leaves the municipality codes to be typed.
function OfferingForm({ category, offering, etag, onSaved }: { category: Category; offering?: Offering; etag?: string; onSaved: () => void }) {
  const [f, setF, set] = useFields({
    fi: offering?.description.fi ?? "",
    sv: offering?.description.sv ?? "",
    en: offering?.description.en ?? "",
    price: offering ? String(offering.unit_price_cents / 100) : "",
    places: offering ? String(offering.free_places) : "",
    regions: offering?.regions.join(", ") ?? "",
    start: offering?.earliest_start ?? helsinkiDate(),
    days: offering ? String(offering.typical_duration_days) : "60",
    active: offering?.active ?? true,
  });
  const [regions, setRegions] = useState<string[]>(offering?.regions ?? []);
  const [languages, setLanguages] = useState<string[]>(offering?.languages ?? category.languages.slice(0, 1));
  const { problem, run } = useAct();
  const categoryRegions = category.regions ?? [];
  const everyRegion = categoryRegions.length === 0;
  const submit = (e: Event) => {
    e.preventDefault();
    const body: OfferingBody = {
      description: { fi: f.fi, sv: f.sv, en: f.en },
      unit_price_cents: Math.round(Number(f.price.replace(",", ".")) * 100),
      free_places: Number(f.places),
      regions: everyRegion ? splitCodes(f.regions) : regions,
      languages,
      earliest_start: f.start,
      typical_duration_days: Number(f.days),
      active: f.active,
    };
    run(
      () =>
        offering
          ? api.PUT("/v1/offerings/{offering_id}", {
              params: { path: { offering_id: offering.id }, header: etag ? { "If-Match": etag } : {} },
              body,
            })
          : api.POST("/v1/categories/{category_id}/offerings", { params: { path: { category_id: category.id } }, body }),
      onSaved,
    );
  };
  const prefix = offering ? offering.id : category.id;
  const input = (pointer: string, key: keyof typeof f, label: string, type = "text", hint?: string) => (
    <Field pointer={pointer} label={label} hint={hint} problem={problem} idPrefix={prefix}>
      {(p) => <input {...p} type={type} value={String(f[key])} onInput={set(key)} />}
    </Field>
  );
  return (
    <form onSubmit={submit} class="form" noValidate>
      <ErrorSummary problem={problem} idPrefix={prefix} />
      {input("/description/fi", "fi", t("descriptionFi"))}
      {input("/description/sv", "sv", t("descriptionSv"))}
      {input("/description/en", "en", t("descriptionEn"))}
      {input("/unit_price_cents", "price", t("priceEuros"), "text")}
      {input("/free_places", "places", t("freePlaces"), "number")}
      {everyRegion ? (
        <CodesField pointer="/regions" label={t("regions")} hint={t("regionsHint")} value={f.regions} onInput={(v) => setF({ ...f, regions: v })} names={municipalityNames} problem={problem} idPrefix={prefix} />
      ) : (
        <CheckboxGroup
          pointer="/regions"
          legend={t("regions")}
          hint={t("regionsChoiceHint")}
          options={categoryRegions.map((code) => ({ value: code, label: municipalityName(code) }))}
          chosen={regions}
          onChange={setRegions}
          problem={problem}
          idPrefix={prefix}
        />
      )}
      <CheckboxGroup
        pointer="/languages"
        legend={t("languagesServed")}
        options={category.languages.map((code) => ({ value: code, label: languageName(code) }))}
        chosen={languages}
        onChange={setLanguages}
        problem={problem}
        idPrefix={prefix}
      />
      {input("/earliest_start", "start", t("earliestStart"), "date")}
      {input("/typical_duration_days", "days", t("durationDays"), "number")}
      <div class="field checkbox">
        <input id={`${prefix}-active`} type="checkbox" checked={f.active} onChange={(e) => setF({ ...f, active: e.currentTarget.checked })} />
        <label for={`${prefix}-active`}>{t("active")}</label>
      </div>
      <button type="submit" class="primary">
        {t("save")}
      </button>
    </form>
  );
}
