// The officer's set-up: the authority's DPSs with their state, a new one drafted; one DPS with
// its state acts, its categories (opened and closed here), a new category with the criteria
// editor, and each category's admitted providers, who can be suspended or excluded with a
// reason.
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { formatDate, helsinkiDate, localised, t, tCode, useLanguage } from "../../i18n";
import { navigate } from "../../router";
import { languageNames, municipalityNames, splitCodes } from "../../names";
import { CodeSelect, CodesField, ErrorSummary, Field } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";
import { useFields } from "../../ui/useFields";
import { useLoad } from "../../ui/useLoad";

type CriterionInput = Schemas["category.request"]["criteria"][number];
type DpsAct = Schemas["dps-transition.request"]["act"];

const dpsActs: Record<string, DpsAct[]> = { draft: ["publish"], open: ["suspend", "close"], suspended: ["resume", "close"] };

export function DpsList() {
  useLanguage();
  const list = useLoad(() => api.GET("/v1/dps"), []);
  const [f, , set] = useFields({ title: "", description: "", notice_reference: "", valid_from: "", valid_until: "" });
  const { problem, run } = useAct();
  const submit = (e: Event) => {
    e.preventDefault();
    run(() => api.POST("/v1/dps", { body: f }), (data) => navigate(`/officer/dps/${data.id}`));
  };
  return (
    <Layout title={t("setUp")}>
      {!list.data ? (
        list.failed ? <Failed /> : <Loading />
      ) : (
        <ul class="plain">
          {list.data.items.map((d) => (
            <li key={d.id}>
              <a href={`/officer/dps/${d.id}`}>{d.title}</a> · {tCode("dps_", d.state)}
            </li>
          ))}
        </ul>
      )}
      <h2>{t("newDps")}</h2>
      <ErrorSummary problem={problem} />
      <form onSubmit={submit} class="form" noValidate>
        <Field pointer="/title" label={t("title")} problem={problem}>
          {(a) => <input {...a} value={f.title} onInput={set("title")} />}
        </Field>
        <Field pointer="/description" label={t("description")} problem={problem}>
          {(a) => <textarea {...a} rows={3} value={f.description} onInput={set("description")} />}
        </Field>
        <Field pointer="/notice_reference" label={t("noticeReference")} problem={problem}>
          {(a) => <input {...a} value={f.notice_reference} onInput={set("notice_reference")} />}
        </Field>
        <Field pointer="/valid_from" label={t("validFrom")} problem={problem}>
          {(a) => <input {...a} type="date" value={f.valid_from} onInput={set("valid_from")} />}
        </Field>
        <Field pointer="/valid_until" label={t("validUntil")} problem={problem}>
          {(a) => <input {...a} type="date" value={f.valid_until} onInput={set("valid_until")} />}
        </Field>
        <button type="submit" class="primary">
          {t("createDps")}
        </button>
      </form>
    </Layout>
  );
}

export function DpsSetUp({ id }: { id: string }) {
  useLanguage();
  const dps = useLoad(() => api.GET("/v1/dps/{dps_id}", { params: { path: { dps_id: id } } }), [id]);
  const categories = useLoad(() => api.GET("/v1/dps/{dps_id}/categories", { params: { path: { dps_id: id } } }), [id]);
  const { problem, run } = useAct();
  const d = dps.data;
  if (!d) return <Layout title={t("dps")}>{dps.failed ? <Failed /> : <Loading />}</Layout>;
  const act = (a: DpsAct) => run(() => api.POST("/v1/dps/{dps_id}/transitions", { params: { path: { dps_id: id } }, body: { act: a } }), dps.reload);
  return (
    <Layout title={d.title}>
      <p id="dps-state">
        {tCode("dps_", d.state)} · {t("validity")} {formatDate(d.valid_from)} – {formatDate(d.valid_until)}
      </p>
      <ErrorSummary problem={problem} />
      <div class="actions">
        {(dpsActs[d.state] ?? []).map((a) => (
          <button key={a} type="button" class={a === "publish" ? "primary" : ""} onClick={() => act(a)}>
            {tCode("act_", a)}
          </button>
        ))}
      </div>
      <h2>{t("categories")}</h2>
      {(categories.data?.items ?? []).map((c) => (
        <CategoryAdmin key={c.id} id={c.id} name={localised(c.name)} state={c.state} onChange={categories.reload} />
      ))}
      <details>
        <summary>{t("newCategory")}</summary>
        <NewCategory dpsId={id} onCreated={categories.reload} />
      </details>
    </Layout>
  );
}

function CategoryAdmin({ id, name, state, onChange }: { id: string; name: string; state: string; onChange: () => void }) {
  const admitted = useLoad(() => api.GET("/v1/categories/{category_id}/admissions", { params: { path: { category_id: id } } }), [id]);
  const [reason, setReason] = useState("");
  const { problem, run } = useAct();
  const prefix = `cat-${id}-`;
  const categoryAct = (a: "open" | "close") =>
    run(() => api.POST("/v1/categories/{category_id}/transitions", { params: { path: { category_id: id } }, body: { act: a } }), onChange);
  const admissionAct = (provider: string, a: "suspend" | "exclude" | "reinstate") =>
    run(
      () =>
        api.POST("/v1/categories/{category_id}/admissions/{provider_id}/transitions", {
          params: { path: { category_id: id, provider_id: provider } },
          body: { act: a, ...(reason ? { reason } : {}) },
        }),
      admitted.reload,
    );
  const headingId = `${prefix}title`;
  return (
    <section class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {name} · {tCode("cat_", state)}
      </h3>
      <ErrorSummary problem={problem} idPrefix={prefix} />
      <div class="actions">
        {state === "draft" && (
          <button type="button" onClick={() => categoryAct("open")}>
            {t("act_open")}
          </button>
        )}
        {state === "open" && (
          <button type="button" onClick={() => categoryAct("close")}>
            {t("act_close")}
          </button>
        )}
      </div>
      {state === "open" && <AskReconfirmation categoryId={id} />}
      {admitted.data && admitted.data.items.length > 0 && (
        <>
          <h4>{t("admissions")}</h4>
          <Field pointer="/reason" label={t("admissionReason")} problem={problem} idPrefix={prefix}>
            {(a) => <input {...a} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <ul class="plain">
            {admitted.data.items.map((p) => (
              <li key={p.provider_id}>
                {p.name} · {tCode("adm_", p.state)}
                {p.reason && ` (${p.reason})`}{" "}
                {p.state === "suspended" && (
                  <button type="button" onClick={() => admissionAct(p.provider_id, "reinstate")} aria-label={`${t("act_reinstate")}: ${p.name}`}>
                    {t("act_reinstate")}
                  </button>
                )}{" "}
                {p.state === "admitted" && (
                  <button type="button" onClick={() => admissionAct(p.provider_id, "suspend")} aria-label={`${t("act_suspend")}: ${p.name}`}>
                    {t("act_suspend")}
                  </button>
                )}{" "}
                {p.state !== "excluded" && (
                  <button type="button" onClick={() => admissionAct(p.provider_id, "exclude")} aria-label={`${t("act_exclude")}: ${p.name}`}>
                    {t("act_exclude")}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

// Every admitted provider is asked to confirm by the due date that the criteria still hold;
// a background job suspends those who do not.
function AskReconfirmation({ categoryId }: { categoryId: string }) {
  const [due, setDue] = useState(helsinkiDate(30));
  const [message, setMessage] = useState("");
  const { problem, run } = useAct();
  const [sent, setSent] = useState(false);
  const p = `reconfirm-${categoryId}-`;
  const submit = (e: Event) => {
    e.preventDefault();
    run(() => api.POST("/v1/categories/{category_id}/reconfirmations", { params: { path: { category_id: categoryId } }, body: { due, message } }), () => setSent(true));
  };
  return (
    <details>
      <summary>{t("askReconfirmation")}</summary>
      <form onSubmit={submit} class="form" noValidate>
        <ErrorSummary problem={problem} idPrefix={p} />
        <Field pointer="/due" label={t("dueDate")} problem={problem} idPrefix={p}>
          {(a) => <input {...a} type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />}
        </Field>
        <Field pointer="/message" label={t("message")} problem={problem} idPrefix={p}>
          {(a) => <textarea {...a} rows={2} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />}
        </Field>
        <button type="submit">{t("askReconfirmation")}</button>
        {sent && <p role="status">{t("done")}</p>}
      </form>
    </details>
  );
}

const criterionTypes: CriterionInput["type"][] = ["yes_no", "number_at_least", "date_within_days", "text", "attachment"];
const criterionKinds: CriterionInput["kind"][] = ["selection", "exclusion_ground"];

function NewCategory({ dpsId, onCreated }: { dpsId: string; onCreated: () => void }) {
  const [f, setF, set] = useFields({ fi: "", sv: "", en: "", description: "", regions: "", languages: "fi, sv", unit: "palvelu", ceiling: "", method: "customer_choice" });
  const [criteria, setCriteria] = useState<CriterionInput[]>([{ key: "", question: "", type: "yes_no", kind: "selection" }]);
  const { problem, run } = useAct();
  const setCriterion = (i: number, change: Partial<CriterionInput>) => setCriteria(criteria.map((c, j) => (i === j ? { ...c, ...change } : c)));
  const p = "new-category-";
  const submit = (e: Event) => {
    e.preventDefault();
    run(
      () =>
        api.POST("/v1/dps/{dps_id}/categories", {
          params: { path: { dps_id: dpsId } },
          body: {
            name: { fi: f.fi, sv: f.sv, en: f.en },
            description: f.description,
            regions: splitCodes(f.regions),
            languages: splitCodes(f.languages),
            award_method: f.method as "customer_choice" | "mini_competition",
            price: { unit: f.unit, ...(f.ceiling ? { unit_price_ceiling_cents: Math.round(Number(f.ceiling.replace(",", ".")) * 100) } : {}) },
            criteria,
          },
        }),
      onCreated,
    );
  };
  const input = (pointer: string, key: keyof typeof f, label: string, hint?: string) => (
    <Field pointer={pointer} label={label} hint={hint} problem={problem} idPrefix={p}>
      {(a) => <input {...a} value={f[key]} onInput={set(key)} />}
    </Field>
  );
  return (
    <form onSubmit={submit} class="form" noValidate>
      <ErrorSummary problem={problem} idPrefix={p} />
      {input("/name/fi", "fi", t("nameFi"))}
      {input("/name/sv", "sv", t("nameSv"))}
      {input("/name/en", "en", t("nameEn"))}
      <Field pointer="/description" label={t("description")} problem={problem} idPrefix={p}>
        {(a) => <textarea {...a} rows={3} value={f.description} onInput={set("description")} />}
      </Field>
      <CodesField pointer="/regions" label={t("regions")} hint={t("regionsHint")} value={f.regions} onInput={(v) => setF({ ...f, regions: v })} names={municipalityNames} problem={problem} idPrefix={p} />
      <CodesField pointer="/languages" label={t("languagesServed")} hint={t("languageCodesHint")} value={f.languages} onInput={(v) => setF({ ...f, languages: v })} names={languageNames} problem={problem} idPrefix={p} />
      <Field pointer="/award_method" label={t("awardMethod")} problem={problem} idPrefix={p}>
        {(a) => (
          <select {...a} value={f.method} onChange={set("method")}>
            <option value="customer_choice">{t("method_customer_choice")}</option>
            <option value="mini_competition">{t("method_mini_competition")}</option>
          </select>
        )}
      </Field>
      {input("/price/unit", "unit", t("priceUnit"))}
      {input("/price/unit_price_ceiling_cents", "ceiling", t("ceilingEuros"))}
      <fieldset>
        <legend>{t("criteria")}</legend>
        {criteria.map((c, i) => (
          <div key={i} class="card">
            <Field pointer={`/criteria/${i}/question`} label={`${t("question")} ${i + 1}`} problem={problem} idPrefix={p}>
              {(a) => <textarea {...a} rows={2} value={c.question} onInput={(e) => setCriterion(i, { question: e.currentTarget.value })} />}
            </Field>
            <Field pointer={`/criteria/${i}/key`} label={`${t("criterionKey")} ${i + 1}`} hint="a-z, 0-9, -" problem={problem} idPrefix={p}>
              {(a) => <input {...a} value={c.key} onInput={(e) => setCriterion(i, { key: e.currentTarget.value })} />}
            </Field>
            <Field pointer={`/criteria/${i}/type`} label={`${t("answerType")} ${i + 1}`} problem={problem} idPrefix={p}>
              {(a) => <CodeSelect control={a} value={c.type} codes={criterionTypes} word={(x) => tCode("type_", x)} onChange={(x) => setCriterion(i, { type: x as CriterionInput["type"] })} />}
            </Field>
            <Field pointer={`/criteria/${i}/kind`} label={`${t("kind")} ${i + 1}`} problem={problem} idPrefix={p}>
              {(a) => <CodeSelect control={a} value={c.kind} codes={criterionKinds} word={(x) => tCode("kind_", x)} onChange={(x) => setCriterion(i, { kind: x as CriterionInput["kind"] })} />}
            </Field>
            {(c.type === "number_at_least" || c.type === "date_within_days") && (
              <Field pointer={c.type === "number_at_least" ? `/criteria/${i}/threshold` : `/criteria/${i}/max_age_days`} label={`${t("limit")} ${i + 1}`} problem={problem} idPrefix={p}>
                {(a) => (
                  <input
                    {...a}
                    type="number"
                    value={c.type === "number_at_least" ? c.threshold ?? "" : c.max_age_days ?? ""}
                    onInput={(e) =>
                      setCriterion(i, c.type === "number_at_least" ? { threshold: Number(e.currentTarget.value) } : { max_age_days: Number(e.currentTarget.value) })
                    }
                  />
                )}
              </Field>
            )}
            <div class="field checkbox">
              <input id={`${p}att-${i}`} type="checkbox" checked={c.attachment_required ?? false} onChange={(e) => setCriterion(i, { attachment_required: e.currentTarget.checked })} />
              <label for={`${p}att-${i}`}>{t("attachmentRequired")}</label>
            </div>
            {criteria.length > 1 && (
              <button type="button" onClick={() => setCriteria(criteria.filter((_, j) => j !== i))}>
                {t("removeCriterion")} {i + 1}
              </button>
            )}
          </div>
        ))}
        <button type="button" onClick={() => setCriteria([...criteria, { key: "", question: "", type: "yes_no", kind: "selection" }])}>
          {t("addCriterion")}
        </button>
      </fieldset>
      <button type="submit" class="primary">
        {t("createCategory")}
      </button>
    </form>
  );
}
