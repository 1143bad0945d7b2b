// The customer's page behind the one-time link, on their own phone, no account: the question
// 0–10 as eleven large radio buttons, an optional comment, one button, a clear thank-you — and
// a clear page when the link was used already or does not work. The answer records the
// language the customer answered in.
import { useState } from "preact/hooks";
import { api } from "../../api/client";
import { lang, localised, t, useLanguage } from "../../i18n";
import { ErrorSummary, Field } from "../../ui/forms";
import { BarePage, Loading } from "../../ui/Layout";
import { fieldError, refusedField } from "../../ui/problem";
import { useAct } from "../../ui/useAct";
import { useLoad } from "../../ui/useLoad";

export function FeedbackPage({ token }: { token: string }) {
  useLanguage();
  const form = useLoad(() => api.GET("/v1/feedback/{token}", { params: { path: { token } } }), [token]);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const { problem, run, refuse } = useAct();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  if (form.failed)
    return (
      <BarePage title={t("linkUnknown")}>
        <p>{t("linkUnknownBody")}</p>
      </BarePage>
    );
  if (!form.data)
    return (
      <BarePage title={t("feedback")}>
        <Loading />
      </BarePage>
    );
  if (sent)
    return (
      <BarePage title={t("thanks")}>
        <p role="status">{t("thanksBody")}</p>
      </BarePage>
    );
  if (form.data.answered)
    return (
      <BarePage title={t("linkUsed")}>
        <p>{t("thanksBody")}</p>
      </BarePage>
    );

  const submit = async (e: Event) => {
    e.preventDefault();
    if (score === null) return refuse(refusedField("/score", "required"));
    setBusy(true);
    await run(() => api.POST("/v1/feedback/{token}", { params: { path: { token } }, body: { score, language: lang(), ...(comment ? { comment } : {}) } }), () => setSent(true));
    setBusy(false);
  };
  const scoreError = fieldError(problem, "/score");
  return (
    <BarePage title={t("feedback")}>
      <p class="lead">
        {form.data.provider_name} · {localised(form.data.service)}
      </p>
      <ErrorSummary problem={problem} />
      <form onSubmit={submit} class="form" noValidate>
        <fieldset class={scoreError ? "scale field-error" : "scale"} id="field-score" tabIndex={-1}
          aria-describedby={"scale-ends" + (scoreError ? " score-error" : "")}>
          <legend>{t("recommendQuestion")}</legend>
          <p class="hint" id="scale-ends">
            {t("notLikely")}, {t("veryLikely")}
          </p>
          {scoreError && (
            <p class="error-message" id="score-error">
              {scoreError}
            </p>
          )}
          <div class="scale-options">
            {Array.from({ length: 11 }, (_, n) => (
              <label key={n} class="scale-option">
                <input type="radio" name="score" value={n} checked={score === n} onChange={() => setScore(n)} />
                <span>{n}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field pointer="/comment" label={t("comment")} problem={problem}>
          {(p) => <textarea {...p} rows={4} maxLength={2000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {t("send")}
        </button>
      </form>
    </BarePage>
  );
}
