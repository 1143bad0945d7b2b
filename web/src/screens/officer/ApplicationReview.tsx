// One application beside its category's criteria: each answer with the automatic evaluation,
// then the decision (a rejection needs reasons) or a clarification request.
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { formatDate, t, tCode, useLanguage } from "../../i18n";
import { ErrorSummary, Field } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { asProblem, type Problem } from "../../ui/problem";
import { useLoad } from "../../ui/useLoad";

type Answer = Schemas["application"]["answers"][number];

function answerText(a: Answer | undefined): string {
  if (!a) return "–";
  const x = a as { yes?: boolean; number?: number; date?: string; text?: string; attachment_id?: string };
  if (x.yes !== undefined) return x.yes ? t("yes") : t("no");
  if (x.number !== undefined) return String(x.number);
  if (x.date) return formatDate(x.date);
  if (x.attachment_id) return "📎";
  return x.text ?? "–";
}

export function ApplicationReview({ id }: { id: string }) {
  useLanguage();
  const app = useLoad(() => api.GET("/v1/applications/{application_id}", { params: { path: { application_id: id } } }), [id]);
  const categoryId = app.data?.category_id;
  const category = useLoad(
    async () =>
      categoryId
        ? api.GET("/v1/categories/{category_id}", { params: { path: { category_id: categoryId } } })
        : { data: undefined },
    [categoryId],
  );
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const a = app.data;
  if (!a) return <Layout title={t("application")}>{app.failed ? <Failed /> : <Loading />}</Layout>;
  const criteria = category.data?.criteria ?? [];
  const decide = async (decision: "admit" | "reject") => {
    const { error } = await api.POST("/v1/applications/{application_id}/decision", {
      params: { path: { application_id: id } },
      body: { decision, ...(reason ? { reason } : {}) },
    });
    if (error) return setProblem(asProblem(error));
    setProblem(null);
    app.reload();
  };
  const clarify = async (e: Event) => {
    e.preventDefault();
    const { error } = await api.POST("/v1/applications/{application_id}/clarification-request", {
      params: { path: { application_id: id } },
      body: { message },
    });
    if (error) return setProblem(asProblem(error));
    setProblem(null);
    app.reload();
  };
  const open = a.state === "submitted" || a.state === "clarification_requested";
  return (
    <Layout title={t("application")}>
      <p id="application-state">
        {tCode("app_", a.state)}
        {a.decision_due && ` · ${t("decisionDue")} ${formatDate(a.decision_due)}`}
        {a.overdue ? ` · ${t("overdue")}` : a.working_days_left != null ? ` · ${a.working_days_left} ${t("workingDaysLeft")}` : ""}
      </p>
      <table class="table">
        <caption>{t("answers")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("criterion")}</th>
            <th scope="col">{t("answer")}</th>
            <th scope="col">{t("evaluation")}</th>
          </tr>
        </thead>
        <tbody>
          {criteria.map((k) => {
            const answer = a.answers.find((x) => (x as { key: string }).key === k.key);
            const ev = a.evaluations.find((x) => x.key === k.key) as { verdict?: string; reason?: string } | undefined;
            return (
              <tr key={k.key}>
                <th scope="row">{k.question}</th>
                <td>{answerText(answer)}</td>
                <td>
                  {ev?.verdict ? tCode("verdict_", ev.verdict) : "–"}
                  {ev?.reason ? ` (${ev.reason})` : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {open && (
        <>
          <ErrorSummary problem={problem} />
          <section aria-labelledby="decision-title">
            <h2 id="decision-title">{t("decision")}</h2>
            <Field pointer="/reason" label={t("decisionReason")} problem={problem}>
              {(p) => <textarea {...p} rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
            </Field>
            <div class="actions">
              <button type="button" class="primary" onClick={() => decide("admit")}>
                {t("admit")}
              </button>
              <button type="button" onClick={() => decide("reject")}>
                {t("reject")}
              </button>
            </div>
          </section>
          {!a.deadline_extended && (
            <div class="actions">
              <button
                type="button"
                onClick={async () => {
                  const { error } = await api.POST("/v1/applications/{application_id}/deadline-extension", {
                    params: { path: { application_id: id } },
                    body: { reason },
                  });
                  if (error) return setProblem(asProblem(error));
                  setProblem(null);
                  app.reload();
                }}
              >
                {t("extendDeadline")}
              </button>
            </div>
          )}
          {a.state === "submitted" && (
            <section aria-labelledby="clarify-title">
              <h2 id="clarify-title">{t("askClarification")}</h2>
              <form onSubmit={clarify} class="form" noValidate>
                <Field pointer="/message" label={t("message")} problem={problem}>
                  {(p) => <textarea {...p} rows={3} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />}
                </Field>
                <button type="submit">{t("askClarification")}</button>
              </form>
            </section>
          )}
        </>
      )}
    </Layout>
  );
}
