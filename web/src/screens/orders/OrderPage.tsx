// One order as each party needs it. The provider answers and moves it along (a decline or an
// interruption needs a reason) and writes the closing report; the ordering coach records the
// outcome and hands the customer a one-time feedback link, as text and as a QR code.
import qrcode from "qrcode-generator";
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { formatDate, formatEuros, formatTime, helsinkiDate, localised, t, tCode, useLanguage } from "../../i18n";
import { languageNames, municipalityName } from "../../names";
import { useSession } from "../../session";
import { CodeSelect, ErrorSummary, Field } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { refusedField } from "../../ui/problem";
import { useAct } from "../../ui/useAct";
import { useFields } from "../../ui/useFields";
import { useLoad } from "../../ui/useLoad";

type Order = Schemas["order"];
type Act = Schemas["order-transition.request"]["act"];

// What the provider may do in each state; the server decides, this only offers the buttons.
const providerActs: Partial<Record<Order["state"], Act[]>> = {
  placed: ["accept", "decline"],
  accepted: ["start", "decline"],
  started: ["complete", "interrupt"],
};
const needsReason: Act[] = ["decline", "interrupt", "cancel"];

export function OrderPage({ id }: { id: string }) {
  useLanguage();
  const session = useSession();
  const order = useLoad(() => api.GET("/v1/orders/{order_id}", { params: { path: { order_id: id } } }), [id]);
  const o = order.data;
  if (!o) return <Layout title={t("order")}>{order.failed ? <Failed /> : <Loading />}</Layout>;
  const ended = o.state === "completed" || o.state === "interrupted";
  return (
    <Layout title={`${t("order")}: ${localised(o.category_name)}`}>
      <dl class="facts">
        <dt>{t("stateLabel")}</dt>
        <dd id="order-state">{tCode("state_", o.state)}</dd>
        <dt>{t("provider")}</dt>
        <dd>{o.provider_name}</dd>
        {o.customer_reference && (
          <>
            <dt>{t("reference")}</dt>
            <dd>{o.customer_reference}</dd>
          </>
        )}
        {o.customer_languages && (
          <>
            <dt>{t("customerFacts")}</dt>
            <dd>
              {languageNames(o.customer_languages)} · {municipalityName(o.customer_region ?? "")}
            </dd>
          </>
        )}
        <dt>{t("price")}</dt>
        <dd>{formatEuros(o.unit_price_cents)}</dd>
        <dt>{t("placedAt")}</dt>
        <dd>{formatTime(o.placed_at)}</dd>
        {o.outcome && (
          <>
            <dt>{t("outcome")}</dt>
            <dd>{tCode("outcome_", o.outcome)}</dd>
          </>
        )}
      </dl>
      {/* The coach reads what the provider reported before saying what the service led to. */}
      {o.closing_report && session?.role === "coach" && (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t("closingReport")}</h2>
          <dl class="facts">
            <dt>{t("workDone")}</dt>
            <dd>{o.closing_report.work_done}</dd>
            <dt>{t("results")}</dt>
            <dd>{o.closing_report.results}</dd>
            <dt>{t("nextSteps")}</dt>
            <dd>{o.closing_report.next_steps}</dd>
          </dl>
        </section>
      )}
      {session?.role === "provider" && <ProviderActions order={o} onChange={order.reload} />}
      {session?.role === "provider" && ended && <ClosingReportForm order={o} onSaved={order.reload} />}
      {session?.role === "coach" && ended && <OutcomeForm order={o} onSaved={order.reload} />}
      {session?.role === "coach" && <ConsentButtons order={o} />}
      {session?.role === "coach" && ended && !o.feedback.some((f) => f.source === "coach") && (
        <CoachRating order={o} onSaved={order.reload} />
      )}
      {session?.role === "coach" && ended && <FeedbackLink order={o} />}
    </Layout>
  );
}

function ProviderActions({ order, onChange }: { order: Order; onChange: () => void }) {
  const acts = providerActs[order.state] ?? [];
  const [reason, setReason] = useState("");
  const { problem, run } = useAct();
  if (acts.length === 0) return null;
  const act = (what: Act) =>
    run(
      () => api.POST("/v1/orders/{order_id}/transitions", { params: { path: { order_id: order.id } }, body: { act: what, ...(reason ? { reason } : {}) } }),
      () => {
        setReason("");
        onChange();
      },
    );
  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">{t("actions")}</h2>
      <ErrorSummary problem={problem} />
      {acts.some((a) => needsReason.includes(a)) && (
        <Field pointer="/reason" label={t("reason")} problem={problem}>
          {(p) => <input {...p} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
      )}
      <div class="actions">
        {acts.map((a) => (
          <button key={a} type="button" class={a === "accept" || a === "complete" ? "primary" : ""} onClick={() => act(a)}>
            {t(a as "accept" | "decline" | "start" | "complete" | "interrupt")}
          </button>
        ))}
      </div>
    </section>
  );
}

function ClosingReportForm({ order, onSaved }: { order: Order; onSaved: () => void }) {
  const r = order.closing_report;
  const [form, , set] = useFields({ work_done: r?.work_done ?? "", results: r?.results ?? "", next_steps: r?.next_steps ?? "" });
  const { problem, run } = useAct();
  const [saved, setSaved] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    run(
      () => api.PUT("/v1/orders/{order_id}/closing-report", { params: { path: { order_id: order.id } }, body: form }),
      () => {
        setSaved(true);
        onSaved();
      },
    );
  };
  return (
    <section aria-labelledby="report-form-title">
      <h2 id="report-form-title">{t("closingReport")}</h2>
      <ErrorSummary problem={problem} />
      <form onSubmit={submit} class="form" noValidate>
        {(["work_done", "results", "next_steps"] as const).map((k) => (
          <Field key={k} pointer={"/" + k} label={t(k === "work_done" ? "workDone" : k === "results" ? "results" : "nextSteps")} problem={problem}>
            {(p) => <textarea {...p} rows={3} value={form[k]} onInput={set(k)} />}
          </Field>
        ))}
        <button type="submit" class="primary">
          {t("writeReport")}
        </button>
        {saved && <p role="status">{t("done")}</p>}
      </form>
    </section>
  );
}

const outcomes: Schemas["outcome.request"]["type"][] = [
  "employed_permanent_full_time",
  "employed_permanent_part_time",
  "employed_fixed_term_full_time",
  "employed_fixed_term_part_time",
  "subsidised_employment",
  "studies",
  "work_trial",
  "another_service",
  "no_change",
  "unknown",
];

function OutcomeForm({ order, onSaved }: { order: Order; onSaved: () => void }) {
  const [type, setType] = useState("");
  const [date, setDate] = useState(helsinkiDate());
  const { problem, run } = useAct();
  const submit = (e: Event) => {
    e.preventDefault();
    run(
      () => api.POST("/v1/orders/{order_id}/outcomes", { params: { path: { order_id: order.id } }, body: { type: type as Schemas["outcome.request"]["type"], date } }),
      onSaved,
    );
  };
  return (
    <section aria-labelledby="outcome-title">
      <h2 id="outcome-title">{t("recordOutcome")}</h2>
      <ErrorSummary problem={problem} />
      <form onSubmit={submit} class="form" noValidate>
        <Field pointer="/type" label={t("outcome")} problem={problem}>
          {(p) => <CodeSelect control={p} value={type} codes={outcomes} word={(k) => tCode("outcome_", k)} onChange={setType} blank />}
        </Field>
        <Field pointer="/date" label={t("outcomeDate")} problem={problem}>
          {(p) => <input {...p} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="primary">
          {t("recordOutcome")}
        </button>
      </form>
    </section>
  );
}

// The customer lets this order's provider see the records of their earlier services.
function ConsentButtons({ order }: { order: Order }) {
  const [given, setGiven] = useState<string[]>([]);
  const give = async (scope: "closing_reports" | "outcomes") => {
    const { error } = await api.POST("/v1/customers/{customer_id}/consents", {
      params: { path: { customer_id: order.customer_id } },
      body: { provider_id: order.provider_id, scope },
    });
    if (!error) setGiven([...given, scope]);
  };
  return (
    <section aria-labelledby="consent-title">
      <h2 id="consent-title">{t("giveConsent")}</h2>
      <div class="actions">
        {(["closing_reports", "outcomes"] as const).map((scope) =>
          given.includes(scope) ? (
            <p key={scope} role="status">
              {tCode("scope_", scope)}: {t("done")}
            </p>
          ) : (
            <button key={scope} type="button" onClick={() => give(scope)}>
              {tCode("scope_", scope)}
            </button>
          ),
        )}
      </div>
    </section>
  );
}

// The coach's own 0–10 rating of the service, once, beside the customer's answer.
function CoachRating({ order, onSaved }: { order: Order; onSaved: () => void }) {
  const [score, setScore] = useState("");
  const { problem, run, refuse } = useAct();
  const submit = (e: Event) => {
    e.preventDefault();
    if (score === "") return refuse(refusedField("/score", "required"));
    run(() => api.POST("/v1/orders/{order_id}/coach-rating", { params: { path: { order_id: order.id } }, body: { score: Number(score) } }), onSaved);
  };
  return (
    <section aria-labelledby="rating-title">
      <h2 id="rating-title">{t("coachRating")}</h2>
      <ErrorSummary problem={problem} idPrefix="rating-" />
      <form onSubmit={submit} class="form inline" noValidate>
        <Field pointer="/score" label={t("score")} problem={problem} idPrefix="rating-">
          {(p) => (
            <select {...p} value={score} onChange={(e) => setScore(e.currentTarget.value)}>
              <option value="">–</option>
              {Array.from({ length: 11 }, (_, n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">{t("rate")}</button>
      </form>
    </section>
  );
}

// The link's token is shown once, in this answer only: the page draws it as a QR code the
// customer scans with their phone, and as the address to type, both printable.
function FeedbackLink({ order }: { order: Order }) {
  const [link, setLink] = useState<Schemas["feedback-link"] | null>(null);
  const { problem, run } = useAct();
  const make = () => run(() => api.POST("/v1/orders/{order_id}/feedback-link", { params: { path: { order_id: order.id } } }), setLink);
  const url = link ? `${location.origin}/feedback/${encodeURIComponent(link.token)}` : "";
  const svg = link ? qrSvg(url) : "";
  return (
    <section aria-labelledby="feedback-link-title" class="feedback-link">
      <h2 id="feedback-link-title">{t("feedbackLink")}</h2>
      <ErrorSummary problem={problem} />
      {!link ? (
        <button type="button" onClick={make}>
          {t("makeFeedbackLink")}
        </button>
      ) : (
        <>
          <p>{t("feedbackLinkHelp")}</p>
          <img class="qr" src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} alt={url} width={220} height={220} />
          <p>
            <a href={url} id="feedback-url">
              {url}
            </a>
          </p>
          <p>
            {t("expires")}: {formatDate(link.expires_at.slice(0, 10))}
          </p>
          <button type="button" class="no-print" onClick={() => window.print()}>
            {t("print")}
          </button>
        </>
      )}
    </section>
  );
}

function qrSvg(text: string): string {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  return qr.createSvgTag({ cellSize: 4, margin: 4, scalable: true });
}
