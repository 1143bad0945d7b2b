// A provider's request to participate: one form built from the category's criteria (yes/no,
// number, date, text, attachment with upload progress), saved as a draft, then "check your
// answers" and one button, then a receipt with the time of receipt and the decision's due
// date that can be printed. While the officer asks for clarification, the answers can be
// changed and the request answered here.
import { Fragment } from "preact";
import { useEffect, useState } from "preact/hooks";
import { api, csrfHeader, type Schemas } from "../../api/client";
import { formatDate, formatTime, localised, t, tCode, useLanguage } from "../../i18n";
import { ErrorSummary, Field, fieldId } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { asProblem, fieldError, refusalText, type Problem } from "../../ui/problem";
import { useLoad } from "../../ui/useLoad";
import { AnswerText, useApplication, useAttachments, type Answer, type Criterion } from "../qualification/application";

type Attachment = Schemas["attachment-list"]["items"][number];

// The API names an answer by its place in the array sent (/answers/2/date); the page names it
// by its criterion's key (/answers/<key>/date), so the message finds its field.
function byCriterion(problem: Problem, sent: Answer[]): Problem {
  const errors = problem.errors?.map((e) => ({
    ...e,
    pointer: e.pointer.replace(/^\/answers\/([0-9]+)/, (whole, n: string) => (sent[Number(n)] ? `/answers/${sent[Number(n)].key}` : whole)),
  }));
  return errors ? { ...problem, errors } : problem;
}

export function ApplicationPage({ id }: { id: string }) {
  useLanguage();
  const { app, category } = useApplication(id);
  const [answers, setAnswers] = useState<Answer[]>([]);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [uploads, setUploads] = useState(0);
  const attachments = useAttachments(id, uploads);
  useEffect(() => {
    if (app.data) setAnswers(app.data.answers);
  }, [app.data]);

  const a = app.data;
  const criteria = category.data?.criteria ?? [];
  if (!a || !category.data) return <Layout title={t("application")}>{app.failed ? <Failed /> : <Loading />}</Layout>;
  const title = `${t("application")}: ${localised(category.data.name)}`;
  const editable = a.state === "draft" || a.state === "clarification_requested";
  const ordered = criteria.flatMap((c) => answers.filter((x) => x.key === c.key));
  const setAnswer = (next: Answer) => {
    if (next.attachment_id !== answers.find((x) => x.key === next.key)?.attachment_id) setUploads((n) => n + 1);
    setAnswers([...answers.filter((x) => x.key !== next.key), next]);
  };
  const files = attachments.data?.items ?? [];

  const save = async () => {
    const { error } = await api.PUT("/v1/applications/{application_id}/answers", {
      params: { path: { application_id: id } },
      body: { answers: ordered },
    });
    if (error) {
      setProblem(byCriterion(asProblem(error), ordered));
      return false;
    }
    setProblem(null);
    return true;
  };
  const submit = async () => {
    if (!(await save())) return setChecking(false);
    const { error } = await api.POST("/v1/applications/{application_id}/submission", { params: { path: { application_id: id } } });
    if (error) {
      setChecking(false);
      return setProblem(asProblem(error));
    }
    setChecking(false);
    app.reload();
  };

  if (checking)
    return (
      <Layout title={t("checkAnswers")}>
        <p class="lead">{t("checkAnswersIntro")}</p>
        <AnswerSummary criteria={criteria} answers={ordered} attachments={files} />
        <div class="actions">
          <button type="button" class="primary" onClick={submit}>
            {t("submitApplication")}
          </button>
          <button type="button" onClick={() => setChecking(false)}>
            {t("change")}
          </button>
        </div>
      </Layout>
    );

  return (
    <Layout title={title}>
      <p id="application-state">{tCode("app_", a.state)}</p>
      {/* The decision stands; what happened to the admission since is said beside it. */}
      {a.admission && a.admission.state !== "admitted" && (
        <p class="notice" id="admission-state">
          {t("admissionNow")}: {tCode("adm_", a.admission.state)}
          {a.admission.reason && ` — ${a.admission.reason}`} ({formatTime(a.admission.updated_at)})
        </p>
      )}
      {a.received_at && (
        <section class="card receipt" aria-labelledby="receipt-title">
          <h2 id="receipt-title">{t("receipt")}</h2>
          <dl class="facts">
            <dt>{t("receivedAt")}</dt>
            <dd id="received-at">{formatTime(a.received_at)}</dd>
            {a.decision_due && (
              <>
                <dt>{t("decisionDue")}</dt>
                <dd>{formatDate(a.decision_due)}</dd>
              </>
            )}
          </dl>
          <p>{t("receiptBody")}</p>
          <button type="button" class="no-print" onClick={() => window.print()}>
            {t("print")}
          </button>
        </section>
      )}
      {a.decision_reason && (
        <p>
          {t("decisionReasonLabel")}: {a.decision_reason}
        </p>
      )}
      <Messages id={id} />
      <ErrorSummary problem={problem} />
      {editable ? (
        <form
          class="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (a.state === "draft") setChecking(true);
          }}
        >
          {criteria.map((c) => (
            <CriterionField key={c.key} criterion={c} answer={answers.find((x) => x.key === c.key)} onChange={setAnswer} problem={problem} applicationId={id} attachments={files} />
          ))}
          {a.state === "draft" ? (
            <div class="actions">
              <button type="submit" class="primary">
                {t("checkAnswers")}
              </button>
              <button type="button" onClick={async () => setSaved(await save())}>
                {t("saveDraft")}
              </button>
              {saved && <p role="status">{t("done")}</p>}
            </div>
          ) : (
            <ClarificationAnswer id={id} answers={ordered} onSent={app.reload} onAnswersRefused={setProblem} />
          )}
        </form>
      ) : (
        <AnswerSummary criteria={criteria} answers={a.answers} attachments={files} />
      )}
    </Layout>
  );
}

// Each criterion's fields are named by its key (/answers/<key>/number), which stays the same
// however many answers are saved: ids stay unique and each label names its own field.
function CriterionField({ criterion: c, answer, onChange, problem, applicationId, attachments }: {
  criterion: Criterion; answer: Answer | undefined; onChange: (a: Answer) => void; problem: Problem | null; applicationId: string; attachments: Attachment[];
}) {
  const pointer = `/answers/${c.key}`;
  const hint =
    c.type === "number_at_least" ? `${t("atLeast")} ${c.threshold}` : c.type === "date_within_days" ? `${t("atMost")} ${c.max_age_days} ${t("daysOld")}` : undefined;
  const change = (next: Partial<Answer>) => onChange({ ...answer, ...next, key: c.key });
  const upload = (p: FieldControl) => <Upload {...p} applicationId={applicationId} answer={answer} attachments={attachments} onAttached={(id) => change({ attachment_id: id })} />;
  const yesNoError = fieldError(problem, `${pointer}/yes`);
  return (
    <div>
      {c.type === "yes_no" ? (
        <fieldset class={yesNoError ? "field field-error" : "field"} id={fieldId(`${pointer}/yes`)} tabIndex={-1} aria-describedby={yesNoError ? fieldId(`${pointer}/yes`) + "-error" : undefined}>
          <legend>{c.question}</legend>
          {yesNoError && (
            <p class="error-message" id={fieldId(`${pointer}/yes`) + "-error"}>
              {yesNoError}
            </p>
          )}
          {[true, false].map((v) => (
            <label key={String(v)} class="checkbox">
              <input type="radio" name={c.key} checked={answer?.yes === v} onChange={() => change({ yes: v })} /> {v ? t("yes") : t("no")}
            </label>
          ))}
        </fieldset>
      ) : (
        <Field pointer={c.type === "attachment" ? `${pointer}/attachment_id` : `${pointer}/${c.type === "number_at_least" ? "number" : c.type === "date_within_days" ? "date" : "text"}`} label={c.question} hint={hint} problem={problem}>
          {(p) =>
            c.type === "number_at_least" ? (
              <input {...p} type="number" value={answer?.number ?? ""} onInput={(e) => change({ number: Number(e.currentTarget.value) })} />
            ) : c.type === "date_within_days" ? (
              <input {...p} type="date" value={answer?.date ?? ""} onInput={(e) => change({ date: e.currentTarget.value })} />
            ) : c.type === "text" ? (
              <textarea {...p} rows={3} value={answer?.text ?? ""} onInput={(e) => change({ text: e.currentTarget.value })} />
            ) : (
              upload(p)
            )
          }
        </Field>
      )}
      {c.attachment_required && c.type !== "attachment" && (
        <Field pointer={`${pointer}/attachment_id`} label={t("uploadFile")} problem={problem}>
          {upload}
        </Field>
      )}
    </div>
  );
}

type FieldControl = { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean };

// The upload goes straight to the API with its real media type; XMLHttpRequest rather than
// fetch, because only it reports upload progress.
function Upload(props: FieldControl & { applicationId: string; answer: Answer | undefined; attachments: Attachment[]; onAttached: (id: string) => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [name, setName] = useState("");
  const [refused, setRefused] = useState<Problem | null>(null);
  const pick = (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/v1/applications/${props.applicationId}/attachments`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.setRequestHeader("Content-Disposition", `attachment; filename="${file.name.replace(/[^\w.\- ]/g, "_")}"`);
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (p) => p.lengthComputable && setProgress(Math.round((p.loaded / p.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      if (xhr.status === 201 || xhr.status === 200) {
        const body = JSON.parse(xhr.responseText) as { id: string; filename: string };
        setName(body.filename);
        setRefused(null);
        props.onAttached(body.id);
      } else {
        setRefused(asProblem(parsed(xhr.responseText) ?? { detail: String(xhr.status) }));
      }
    };
    xhr.onerror = () => {
      setProgress(null);
      setRefused({ detail: t("failed") });
    };
    xhr.send(file);
  };
  const attached = name || props.attachments.find((a) => a.id === props.answer?.attachment_id)?.filename;
  return (
    <>
      <input id={props.id} aria-describedby={props["aria-describedby"]} aria-invalid={props["aria-invalid"]} type="file" accept="application/pdf,image/png,image/jpeg" onChange={pick} />
      {progress !== null && (
        <progress max={100} value={progress} aria-label={t("uploading")}>
          {progress} %
        </progress>
      )}
      {props.answer?.attachment_id && (
        <p role="status">
          {t("attached")}
          {attached && `: ${attached}`}
        </p>
      )}
      {refused && (
        <p class="error-message" role="alert">
          {refusalText(refused)}
        </p>
      )}
    </>
  );
}

// A refusal's body, or nothing when the answer was not JSON (a proxy's error page).
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function AnswerSummary({ criteria, answers, attachments }: { criteria: Criterion[]; answers: Answer[]; attachments: Attachment[] }) {
  return (
    <dl class="facts summary">
      {criteria.map((c) => (
        <Fragment key={c.key}>
          <dt>{c.question}</dt>
          <dd>
            <AnswerText answer={answers.find((x) => x.key === c.key)} attachments={attachments} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}

function Messages({ id }: { id: string }) {
  const list = useLoad(() => api.GET("/v1/applications/{application_id}/messages", { params: { path: { application_id: id } } }), [id]);
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t("messages")}</h2>
      <ul class="plain">
        {list.data.items.map((m) => (
          <li key={m.id}>
            <time dateTime={m.sent_at}>{formatTime(m.sent_at)}</time>: {m.body}
          </li>
        ))}
      </ul>
    </section>
  );
}

// A refusal of the changed answers is said beside them, in the form above; one of the message,
// here.
function ClarificationAnswer({ id, answers, onSent, onAnswersRefused }: { id: string; answers: Answer[]; onSent: () => void; onAnswersRefused: (p: Problem) => void }) {
  const [message, setMessage] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const send = async () => {
    const { error } = await api.POST("/v1/applications/{application_id}/clarification-answer", {
      params: { path: { application_id: id } },
      body: { message, answers },
    });
    if (!error) return onSent();
    const refused = asProblem(error);
    if (refused.errors?.some((e) => e.pointer.startsWith("/answers"))) return onAnswersRefused(byCriterion(refused, answers));
    setProblem(refused);
  };
  return (
    <section aria-labelledby="clarification-title">
      <h2 id="clarification-title">{t("answerClarification")}</h2>
      <ErrorSummary problem={problem} idPrefix="clarification-" />
      <Field pointer="/message" label={t("message")} problem={problem} idPrefix="clarification-">
        {(p) => <textarea {...p} rows={4} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />}
      </Field>
      <button type="button" class="primary" onClick={send}>
        {t("sendAnswer")}
      </button>
    </section>
  );
}
