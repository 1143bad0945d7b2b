// The officer's mini-competitions: per category bought by mini-competition, the competitions
// with their state in words, and a new one drafted with its weighted award criteria.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { formatTime, localised, t, tCode, useLanguage } from "../../i18n";
import { navigate } from "../../router";
import { ErrorSummary, Field } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useLoad } from "../../ui/useLoad";
import { isoToLocalInput, localInputToIso, miniCompetitionCategories } from "./common";
import { useAct } from "../../ui/useAct";
import { useFields } from "../../ui/useFields";

type CriterionInput = Schemas["competition.request"]["criteria"][number];
type Category = Schemas["category-list"]["items"][number];

export function OfficerCompetitions() {
  return <CompetitionsPage each={(c) => <CategoryCompetitions key={c.id} id={c.id} name={localised(c.name)} />} />;
}

// Both sides' page of competitions: something for each category bought by mini-competition.
export function CompetitionsPage({ each }: { each: (category: Category) => ComponentChildren }) {
  useLanguage();
  const categories = useLoad(miniCompetitionCategories, []);
  if (!categories.data) return <Layout title={t("competitions")}>{categories.failed ? <Failed /> : <Loading />}</Layout>;
  return <Layout title={t("competitions")}>{categories.data.map(each)}</Layout>;
}

export function CompetitionList({ categoryId }: { categoryId: string }) {
  const list = useLoad(
    () => api.GET("/v1/categories/{category_id}/competitions", { params: { path: { category_id: categoryId } } }),
    [categoryId],
  );
  if (!list.data) return list.failed ? <Failed /> : <Loading />;
  if (list.data.items.length === 0) return <p>{t("none")}</p>;
  return (
    <ul class="plain">
      {list.data.items.map((c) => (
        <li key={c.id}>
          <a href={`/competitions/${c.id}`}>{c.title}</a> · {tCode("comp_", c.state)} · {t("tenderDeadline")}{" "}
          {formatTime(c.tender_deadline)}
        </li>
      ))}
    </ul>
  );
}

function CategoryCompetitions({ id, name }: { id: string; name: string }) {
  const headingId = `competitions-${id}`;
  return (
    <section aria-labelledby={headingId} class="card">
      <h2 id={headingId}>{name}</h2>
      <CompetitionList categoryId={id} />
      <details>
        <summary>{t("newCompetition")}</summary>
        <NewCompetition categoryId={id} />
      </details>
    </section>
  );
}

function NewCompetition({ categoryId }: { categoryId: string }) {
  const inDays = (d: number) => isoToLocalInput(new Date(Date.now() + d * 86400e3));
  const [f, , set] = useFields({ title: "", description: "", quantity: "", questions: inDays(7), tenders: inDays(14) });
  const [criteria, setCriteria] = useState<CriterionInput[]>([
    { key: "price", name: "Hinta", basis: "price", weight: 60 },
    { key: "quality", name: "Laatu", basis: "quality", weight: 40, max_points: 10 },
  ]);
  const { problem, run } = useAct();
  const p = `new-${categoryId}`;
  const setCriterion = (i: number, change: Partial<CriterionInput>) =>
    setCriteria(criteria.map((c, j) => (i === j ? { ...c, ...change } : c)));
  const submit = (e: Event) => {
    e.preventDefault();
    run(
      () =>
        api.POST("/v1/categories/{category_id}/competitions", {
          params: { path: { category_id: categoryId } },
          body: {
            title: f.title,
            description: f.description,
            quantity: f.quantity,
            criteria,
            questions_deadline: localInputToIso(f.questions),
            tender_deadline: localInputToIso(f.tenders),
          },
        }),
      (data) => navigate(`/competitions/${data.id}`),
    );
  };
  return (
    <form onSubmit={submit} class="form" noValidate>
      <ErrorSummary problem={problem} idPrefix={p} />
      <Field pointer="/title" label={t("title")} problem={problem} idPrefix={p}>
        {(a) => <input {...a} value={f.title} onInput={set("title")} />}
      </Field>
      <Field pointer="/description" label={t("description")} problem={problem} idPrefix={p}>
        {(a) => <textarea {...a} rows={3} value={f.description} onInput={set("description")} />}
      </Field>
      <fieldset>
        <legend>{t("awardCriteria")}</legend>
        {criteria.map((c, i) => (
          <div key={i} class="criterion-row">
            <Field pointer={`/criteria/${i}/name`} label={`${t("criterionName")} ${i + 1} (${tCode("basis_", c.basis)})`} problem={problem} idPrefix={p}>
              {(a) => <input {...a} value={c.name} onInput={(e) => setCriterion(i, { name: e.currentTarget.value })} />}
            </Field>
            <Field pointer={`/criteria/${i}/weight`} label={`${t("weight")} ${i + 1}`} problem={problem} idPrefix={p}>
              {(a) => <input {...a} type="number" min={1} max={100} value={c.weight} onInput={(e) => setCriterion(i, { weight: Number(e.currentTarget.value) })} />}
            </Field>
          </div>
        ))}
      </fieldset>
      <Field pointer="/questions_deadline" label={t("questionsDeadline")} problem={problem} idPrefix={p}>
        {(a) => <input {...a} type="datetime-local" step={1} value={f.questions} onInput={set("questions")} />}
      </Field>
      <Field pointer="/tender_deadline" label={t("tenderDeadline")} problem={problem} idPrefix={p}>
        {(a) => <input {...a} type="datetime-local" step={1} value={f.tenders} onInput={set("tenders")} />}
      </Field>
      <button type="submit" class="primary">
        {t("createDraft")}
      </button>
    </form>
  );
}
