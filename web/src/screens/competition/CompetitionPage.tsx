// One mini-competition. For the authority's officer: publish, answer questions, open the
// tenders after the deadline, score each quality criterion with a justification, the ranking,
// the award. For an invited provider: the terms, questions, the sealed tender (saved, then
// submitted; withdrawn before the deadline), its receipt digest, and the decision.
import { useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { formatEuros, formatNumber, formatTime, t, tCode, useLanguage } from "../../i18n";
import { useSession } from "../../session";
import { ErrorSummary, Field } from "../../ui/forms";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { useAct } from "../../ui/useAct";
import { useLoad } from "../../ui/useLoad";
import type { Competition } from "./common";

export function CompetitionPage({ id }: { id: string }) {
  useLanguage();
  const session = useSession();
  const c = useLoad(() => api.GET("/v1/competitions/{competition_id}", { params: { path: { competition_id: id } } }), [id]);
  if (!c.data) return <Layout title={t("competition")}>{c.failed ? <Failed /> : <Loading />}</Layout>;
  const k = c.data;
  return (
    <Layout title={k.title}>
      <p class="lead">{k.description}</p>
      <dl class="facts">
        <dt>{t("stateLabel")}</dt>
        <dd id="competition-state">{tCode("comp_", k.state)}</dd>
        <dt>{t("questionsDeadline")}</dt>
        <dd>{formatTime(k.questions_deadline)}</dd>
        <dt>{t("tenderDeadline")}</dt>
        <dd>{formatTime(k.tender_deadline)}</dd>
        <dt>{t("invited")}</dt>
        <dd>{k.invited}</dd>
        <dt>{t("tendersCount")}</dt>
        <dd>{k.tenders ?? t("sealedUntilDeadline")}</dd>
      </dl>
      <h2>{t("awardCriteria")}</h2>
      <ul>
        {k.criteria.map((x) => (
          <li key={x.key}>
            {x.name} ({tCode("basis_", x.basis)}): {t("weightOf")} {x.weight} %
          </li>
        ))}
      </ul>
      {session?.role === "officer" ? <OfficerSide competition={k} onChange={c.reload} /> : <ProviderSide competition={k} />}
    </Layout>
  );
}

function OfficerSide({ competition: k, onChange }: { competition: Competition; onChange: () => void }) {
  const { problem, run } = useAct();
  const path = { params: { path: { competition_id: k.id } } };
  return (
    <>
      <ErrorSummary problem={problem} />
      <div class="actions">
        {k.state === "draft" && (
          <button type="button" class="primary" onClick={() => run(() => api.POST("/v1/competitions/{competition_id}/transitions", { ...path, body: { act: "publish" } }), onChange)}>
            {t("publish")}
          </button>
        )}
        {k.state === "published" && (
          <button type="button" class="primary" onClick={() => run(() => api.POST("/v1/competitions/{competition_id}/opening", path), onChange)}>
            {t("openTenders")}
          </button>
        )}
      </div>
      {k.state !== "draft" && <Questions competition={k} officer />}
      {(k.state === "opened" || k.state === "awarded" || k.state === "concluded") && <Tenders competition={k} onChange={onChange} />}
    </>
  );
}

function Tenders({ competition: k, onChange }: { competition: Competition; onChange: () => void }) {
  const path = { params: { path: { competition_id: k.id } } };
  const tenders = useLoad(() => api.GET("/v1/competitions/{competition_id}/tenders", path), [k.id]);
  const ranking = useLoad(() => api.GET("/v1/competitions/{competition_id}/ranking", path), [k.id]);
  const { problem, run } = useAct();
  const quality = k.criteria.filter((x) => x.basis === "quality");
  const reload = () => {
    tenders.reload();
    ranking.reload();
    onChange();
  };
  if (!tenders.data || !ranking.data) return <Loading />;
  const first = ranking.data.items.find((r) => r.rank === 1);
  return (
    <section aria-labelledby="tenders-title">
      <h2 id="tenders-title">{t("tenders")}</h2>
      <ErrorSummary problem={problem} />
      {tenders.data.items.map((tender, n) => (
        <div key={tender.tender_id} class="card">
          <h3>
            {t("tenders")} {n + 1}: {formatEuros(tender.price_cents)}
          </h3>
          <p>{tender.received_at && `${t("receivedAt")} ${formatTime(tender.received_at)}`}</p>
          {quality.map((q) => (
            <ScoreForm key={q.key} competitionId={k.id} tenderId={tender.tender_id} criterion={q} answer={tender.answers[q.key] ?? ""} onSaved={reload} disabled={k.state !== "opened"} />
          ))}
        </div>
      ))}
      <table class="table">
        <caption>{t("ranking")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("rank")}</th>
            <th scope="col">{t("price")}</th>
            <th scope="col">{t("total")}</th>
          </tr>
        </thead>
        <tbody>
          {ranking.data.items.map((r) => (
            <tr key={r.tender_id}>
              <td>{r.rank}</td>
              <td>{formatEuros(r.price_cents)}</td>
              <td>{formatNumber(r.total, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {k.state === "opened" && first && (
        <button type="button" class="primary" onClick={() => run(() => api.POST("/v1/competitions/{competition_id}/award", { ...path, body: { tender_id: first.tender_id } }), reload)}>
          {t("award")}
        </button>
      )}
    </section>
  );
}

function ScoreForm(props: { competitionId: string; tenderId: string; criterion: Competition["criteria"][number]; answer: string; onSaved: () => void; disabled: boolean }) {
  const [points, setPoints] = useState("");
  const [why, setWhy] = useState("");
  const { problem, run } = useAct();
  const prefix = `${props.tenderId}-${props.criterion.key}`;
  const save = (e: Event) => {
    e.preventDefault();
    run(
      () =>
        api.PUT("/v1/competitions/{competition_id}/tenders/{tender_id}/scores/{criterion_key}", {
          params: { path: { competition_id: props.competitionId, tender_id: props.tenderId, criterion_key: props.criterion.key } },
          body: { points: Number(points), justification: why },
        }),
      props.onSaved,
    );
  };
  return (
    <form onSubmit={save} class="form" noValidate>
      <p>
        <strong>{props.criterion.name}:</strong> {props.answer}
      </p>
      {!props.disabled && (
        <>
          <ErrorSummary problem={problem} idPrefix={prefix} />
          <Field pointer="/points" label={`${t("score")} (0–${props.criterion.max_points})`} problem={problem} idPrefix={prefix}>
            {(a) => <input {...a} type="number" min={0} max={props.criterion.max_points} value={points} onInput={(e) => setPoints(e.currentTarget.value)} />}
          </Field>
          <Field pointer="/justification" label={t("justification")} problem={problem} idPrefix={prefix}>
            {(a) => <textarea {...a} rows={2} value={why} onInput={(e) => setWhy(e.currentTarget.value)} />}
          </Field>
          <button type="submit">{t("saveScore")}</button>
        </>
      )}
    </form>
  );
}

function Questions({ competition: k, officer = false }: { competition: Competition; officer?: boolean }) {
  const path = { params: { path: { competition_id: k.id } } };
  const list = useLoad(() => api.GET("/v1/competitions/{competition_id}/questions", path), [k.id]);
  const [text, setText] = useState("");
  const { problem, run } = useAct();
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">{t("questions")}</h2>
      <ErrorSummary problem={problem} idPrefix="q-" />
      <ul class="plain">
        {(list.data?.items ?? []).map((q) => (
          <li key={q.id}>
            <p>{q.text}</p>
            {q.answer ? <p>→ {q.answer}</p> : officer && k.state === "published" && <AnswerQuestion id={q.id} onSaved={list.reload} />}
          </li>
        ))}
      </ul>
      {!officer && k.state === "published" && (
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run(() => api.POST("/v1/competitions/{competition_id}/questions", { ...path, body: { text } }), () => {
              setText("");
              list.reload();
            });
          }}
        >
          <Field pointer="/text" label={t("ask")} problem={problem} idPrefix="q-">
            {(a) => <textarea {...a} rows={2} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
          </Field>
          <button type="submit">{t("ask")}</button>
        </form>
      )}
    </section>
  );
}

function AnswerQuestion({ id, onSaved }: { id: string; onSaved: () => void }) {
  const [answer, setAnswer] = useState("");
  const { problem, run } = useAct();
  return (
    <form
      class="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run(() => api.PUT("/v1/questions/{question_id}/answer", { params: { path: { question_id: id } }, body: { answer } }), onSaved);
      }}
    >
      <Field pointer="/answer" label={t("answer")} problem={problem} idPrefix={`a-${id}`}>
        {(a) => <textarea {...a} rows={2} value={answer} onInput={(e) => setAnswer(e.currentTarget.value)} />}
      </Field>
      <button type="submit">{t("sendAnswer")}</button>
    </form>
  );
}

function ProviderSide({ competition: k }: { competition: Competition }) {
  return (
    <>
      <Questions competition={k} />
      <TenderForm competition={k} />
      {(k.state === "awarded" || k.state === "concluded") && <Decision id={k.id} />}
    </>
  );
}

// The tender is sealed once saved: the page never gets its content back, only its state and,
// once submitted, the time of receipt and the digest to keep.
function TenderForm({ competition: k }: { competition: Competition }) {
  const path = { params: { path: { competition_id: k.id } } };
  const own = useLoad(() => api.GET("/v1/competitions/{competition_id}/tender", path), [k.id]);
  const [price, setPrice] = useState("");
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [note, setNote] = useState("");
  const { problem, run } = useAct();
  const open = k.state === "published";
  const receipt = own.data as Schemas["tender-receipt"] | undefined;
  return (
    <section aria-labelledby="tender-title">
      <h2 id="tender-title">{t("yourTender")}</h2>
      {receipt && (
        <dl class="facts">
          <dt>{t("stateLabel")}</dt>
          <dd id="tender-state">{tCode("tender_", receipt.state)}</dd>
          {receipt.received_at && (
            <>
              <dt>{t("receivedAt")}</dt>
              <dd>{formatTime(receipt.received_at)}</dd>
              <dt>{t("receiptDigest")}</dt>
              <dd>
                <code class="digest">{receipt.receipt}</code>
              </dd>
            </>
          )}
        </dl>
      )}
      <ErrorSummary problem={problem} idPrefix="tender-" />
      {open && receipt?.state !== "submitted" && (
        <form
          class="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run(
              () =>
                api.PUT("/v1/competitions/{competition_id}/tender", {
                  ...path,
                  body: { price_cents: Math.round(Number(price.replace(",", ".")) * 100), answers, note },
                }),
              own.reload,
            );
          }}
        >
          <Field pointer="/price_cents" label={t("tenderPrice")} problem={problem} idPrefix="tender-">
            {(a) => <input {...a} inputMode="decimal" value={price} onInput={(e) => setPrice(e.currentTarget.value)} />}
          </Field>
          {k.criteria
            .filter((x) => x.basis === "quality")
            .map((x) => (
              <Field key={x.key} pointer={`/answers/${x.key}`} label={x.name} problem={problem} idPrefix="tender-">
                {(a) => <textarea {...a} rows={3} value={answers[x.key] ?? ""} onInput={(e) => setAnswers({ ...answers, [x.key]: e.currentTarget.value })} />}
              </Field>
            ))}
          <Field pointer="/note" label={t("note")} problem={problem} idPrefix="tender-">
            {(a) => <textarea {...a} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
          </Field>
          <button type="submit">{t("saveTender")}</button>
        </form>
      )}
      <div class="actions">
        {open && receipt?.state === "draft" && (
          <button type="button" class="primary" onClick={() => run(() => api.POST("/v1/competitions/{competition_id}/tender/submission", path), own.reload)}>
            {t("submitTender")}
          </button>
        )}
        {open && receipt?.state === "submitted" && (
          <button type="button" onClick={() => run(() => api.POST("/v1/competitions/{competition_id}/tender/withdrawal", path), own.reload)}>
            {t("withdrawTender")}
          </button>
        )}
      </div>
    </section>
  );
}

function Decision({ id }: { id: string }) {
  const d = useLoad(() => api.GET("/v1/competitions/{competition_id}/decision", { params: { path: { competition_id: id } } }), [id]);
  if (!d.data) return null;
  return (
    <section aria-labelledby="decision-title">
      <h2 id="decision-title">{t("decision")}</h2>
      <dl class="facts">
        <dt>{t("total")}</dt>
        <dd>{formatNumber(d.data.winner_total, 1)}</dd>
        {d.data.own && (
          <>
            <dt>{t("yourRank")}</dt>
            <dd id="own-rank">{d.data.own.rank}</dd>
          </>
        )}
        {d.data.standstill_until && (
          <>
            <dt>{t("standstillUntil")}</dt>
            <dd>{formatTime(d.data.standstill_until)}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
