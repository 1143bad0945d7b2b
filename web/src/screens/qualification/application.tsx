// A request to participate as both sides read it: the provider answering, checking its answers
// and keeping the receipt, the officer deciding. The request with its category's criteria; an
// answer in words (a document by its file name, which downloads); and what the automatic
// evaluation found, said from the criterion and the answer in the reader's language.
import { readCategory } from "../../api/names";
import { api, type Schemas } from "../../api/client";
import { formatDate, locale, t, tCode } from "../../i18n";
import { useLoad } from "../../ui/useLoad";

export type Answer = Schemas["application"]["answers"][number];
export type Criterion = NonNullable<Schemas["category"]["criteria"]>[number];
type Evaluation = Schemas["application"]["evaluations"][number];
type Attachment = Schemas["attachment-list"]["items"][number];

// The request, and once it is in, its category (the criteria are the category's).
export function useApplication(id: string) {
  const app = useLoad(() => api.GET("/v1/applications/{application_id}", { params: { path: { application_id: id } } }), [id]);
  const categoryId = app.data?.category_id;
  const category = useLoad(async () => (categoryId ? readCategory(categoryId) : { data: undefined }), [categoryId]);
  return { app, category };
}

export function useAttachments(applicationId: string, version: unknown = null) {
  return useLoad(
    () => api.GET("/v1/applications/{application_id}/attachments", { params: { path: { application_id: applicationId } } }),
    [applicationId, version],
  );
}

export function AnswerText({ answer, attachments }: { answer: Answer | undefined; attachments: Attachment[] }) {
  if (!answer) return <>–</>;
  const value =
    answer.yes !== undefined
      ? t(answer.yes ? "yes" : "no")
      : answer.number !== undefined
        ? new Intl.NumberFormat(locale()).format(answer.number)
        : answer.date
          ? formatDate(answer.date)
          : (answer.text ?? "");
  if (!answer.attachment_id) return <>{value || "–"}</>;
  const file = attachments.find((a) => a.id === answer.attachment_id);
  return (
    <>
      {value && `${value} · `}
      {file ? (
        <a href={`/v1/attachments/${file.id}/content`} download={file.filename}>
          {file.filename}
        </a>
      ) : (
        t("attached")
      )}
    </>
  );
}

const dayMs = 86400e3;

// The calendar day, in Helsinki, of a moment: the day the server judged the answers on.
function helsinkiDay(timestamp: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(new Date(timestamp));
}

export function EvaluationText(props: { criterion: Criterion; answer: Answer | undefined; evaluation: Evaluation | undefined; receivedAt: string | null | undefined }) {
  const { criterion: c, answer: a, evaluation: e } = props;
  if (!e) return <>–</>;
  let why = "";
  if (c.type === "number_at_least" && a?.number !== undefined) why = `${t("atLeast")} ${new Intl.NumberFormat(locale()).format(c.threshold ?? 0)}`;
  else if (c.type === "date_within_days" && a?.date) {
    const judged = props.receivedAt ? helsinkiDay(props.receivedAt) : helsinkiDay(new Date().toISOString());
    const age = Math.round((Date.parse(judged) - Date.parse(a.date)) / dayMs);
    why = `${age} ${t("daysOld")}, ${t("atMost")} ${c.max_age_days}`;
  } else if (e.verdict === "missing" && c.attachment_required && a && !a.attachment_id) why = t("attachmentMissing");
  return (
    <>
      {tCode("verdict_", e.verdict)}
      {why && ` (${why})`}
    </>
  );
}
