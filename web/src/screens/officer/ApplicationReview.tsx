// One application beside its category's criteria: each answer (a document by its name, to
// download) with what the automatic evaluation found, then the decision (a rejection needs
// reasons) or a clarification request.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { formatDate, t, tCode, useLanguage } from "../../i18n";
import { ErrorSummary, Field } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { CategoryName, OrganisationName } from "../../ui/Names";
import { useAct } from "../../ui/useAct";
import { AnswerText, EvaluationText, useApplication, useAttachments } from "../qualification/application";
import { timeLeft } from "./timeLeft";

export function ApplicationReview({ id }: { id: string }) {
  useLanguage();
  const { app, category } = useApplication(id);
  const attachments = useAttachments(id, app.data?.updated_at);
  const [reason, setReason] = useState("");
  const [message, setMessage] = useState("");
  const { problem, run } = useAct();
  const a = app.data;
  if (!a) return <Layout title={t("application")}>{app.failed ? <Failed /> : <Loading />}</Layout>;
  const criteria = category.data?.criteria ?? [];
  const path = { params: { path: { application_id: id } } };
  const decide = (decision: "admit" | "reject") =>
    run(() => api.POST("/v1/applications/{application_id}/decision", { ...path, body: { decision, ...(reason ? { reason } : {}) } }), app.reload);
  const extend = () => run(() => api.POST("/v1/applications/{application_id}/deadline-extension", { ...path, body: { reason } }), app.reload);
  const clarify = (e: Event) => {
    e.preventDefault();
    run(() => api.POST("/v1/applications/{application_id}/clarification-request", { ...path, body: { message } }), app.reload);
  };
  const open = a.state === "submitted" || a.state === "clarification_requested";
  return (
    <Layout title={t("application")}>
      <dl class="facts">
        <dt>{t("provider")}</dt>
        <dd>
          <OrganisationName id={a.provider_id} />
        </dd>
        <dt>{t("category")}</dt>
        <dd>
          <CategoryName id={a.category_id} />
        </dd>
      </dl>
      <p id="application-state">
        {tCode("app_", a.state)}
        {a.decision_due && ` · ${t("decisionDue")} ${formatDate(a.decision_due)}`}
        {timeLeft(a) && ` · ${timeLeft(a)}`}
      </p>
      <table class="table stack">
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
            const answer = a.answers.find((x) => x.key === k.key);
            return (
              <tr key={k.key}>
                <th scope="row">{k.question}</th>
                <td data-label={t("answer")}>
                  <AnswerText answer={answer} attachments={attachments.data?.items ?? []} />
                </td>
                <td data-label={t("evaluation")}>
                  <EvaluationText criterion={k} answer={answer} evaluation={a.evaluations.find((x) => x.key === k.key)} receivedAt={a.received_at} />
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
              <button type="button" onClick={extend}>
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
