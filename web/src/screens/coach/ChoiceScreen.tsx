// The screen a coach turns toward the jobseeker. Neutral by design: the stored random order,
// the same card and the same order of facts for every offering, nothing chosen in advance,
// nothing recommended. Each provider's record is shown with its uncertainty in words and as an
// interval bar, or "too few answers to show". Why an offering is missing is said only to the
// coach, below the list, folded away.
import { useMemo, useState } from "preact/hooks";
import { api, type Schemas } from "../../api/client";
import { formatDate, formatEuros, localised, t, tCode, useLanguage } from "../../i18n";
import { languageNames, municipalityNames } from "../../names";
import { navigate, pageChanged } from "../../router";
import { ErrorSummary, Field } from "../../ui/forms";
import { NpsWithInterval, RateWithInterval } from "../../ui/Uncertain";
import { Failed, Layout, Loading } from "../../ui/Layout";
import { asProblem, type Problem } from "../../ui/problem";
import { useLoad } from "../../ui/useLoad";

type ChoiceSet = Schemas["choice-set"];
type Entry = ChoiceSet["entries"][number];

// Fewer answers than this and a rate says more about chance than about the provider.
const kFewestToShow = 5;

export function ChoiceScreen({ id }: { id: string }) {
  useLanguage();
  const set = useLoad(() => api.GET("/v1/choice-sets/{choice_set_id}", { params: { path: { choice_set_id: id } } }), [id]);
  const [chosen, choose] = useState<Entry | null>(null);
  const setChosen = (e: Entry | null) => {
    pageChanged();
    choose(e);
  };
  const s = set.data;
  if (!s) return <Layout title={t("choiceSet")}>{set.failed ? <Failed /> : <Loading />}</Layout>;
  // A set takes one order, within its days; after that it is a record of what was shown.
  const closed = s.order_id ? "used" : Date.parse(s.expires_at) <= Date.now() ? "expired" : null;
  if (chosen && !closed) return <ConfirmOrder set={s} entry={chosen} onBack={() => setChosen(null)} />;
  return (
    <Layout title={`${t("choiceSet")}: ${localised(s.category_name)}`}>
      {closed ? (
        <div class="notice" role="status">
          <p>{t(closed === "used" ? "choiceSetUsed" : "choiceSetExpired")}</p>
          <p>
            {s.order_id ? <a href={`/orders/${s.order_id}`}>{t("openTheOrder")}</a> : <a href={`/coach/customers/${s.customer_id}`}>{t("backToCustomer")}</a>}
          </p>
        </div>
      ) : (
        <p class="lead">{t("choiceIntro")}</p>
      )}
      {s.entries.length === 0 ? (
        <p>{t("noOfferings")}</p>
      ) : (
        <ol class="choice-list">
          {s.entries.map((e) => (
            <OfferingCard key={e.offering_id} entry={e} onChoose={closed ? null : () => setChosen(e)} />
          ))}
        </ol>
      )}
      {s.left_out.length > 0 && (
        <details class="left-out">
          <summary>{t("leftOut")}</summary>
          <ul>
            {s.left_out.map((l) => (
              <li key={l.offering_id}>
                {l.provider_name}: {l.reasons.map((r) => tCode("reason_", r)).join(", ")}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Layout>
  );
}

function OfferingCard({ entry, onChoose }: { entry: Entry; onChoose: (() => void) | null }) {
  const o = entry.offering;
  const headingId = `offering-${entry.offering_id}`;
  return (
    <li class="card offering" aria-labelledby={headingId}>
      <h2 id={headingId}>{entry.provider_name}</h2>
      <p>{localised(o.description)}</p>
      <dl class="facts">
        <dt>{t("price")}</dt>
        <dd>{formatEuros(entry.unit_price_cents)}</dd>
        <dt>{t("earliestStart")}</dt>
        <dd>{formatDate(o.earliest_start)}</dd>
        <dt>{t("duration")}</dt>
        <dd>
          {o.typical_duration_days} {t("days")}
        </dd>
        <dt>{t("languagesServed")}</dt>
        <dd>{languageNames(o.languages)}</dd>
        <dt>{t("regions")}</dt>
        <dd>{o.regions.length ? municipalityNames(o.regions) : t("everywhere")}</dd>
      </dl>
      <Record scorecard={entry.scorecard} />
      {onChoose && (
        <button type="button" class="choose" onClick={onChoose} aria-describedby={headingId}>
          {t("choose")}
        </button>
      )}
    </li>
  );
}

function Record({ scorecard: s }: { scorecard: Entry["scorecard"] }) {
  return (
    <dl class="record">
      <dt>{t("completion")}</dt>
      <dd>
        <RateWithInterval
          what={t("completion")}
          rate={s.completion_rate}
          interval={s.completion_interval}
          n={s.ended}
          unit={t("fromEnded")}
          fewest={kFewestToShow}
          tooFew={t("tooFewEnded")}
        />
      </dd>
      <dt>{t("nps")}</dt>
      <dd>
        <NpsWithInterval score={s.net_promoter_score} interval={s.nps_interval} responses={s.nps_responses} fewest={kFewestToShow} />
      </dd>
    </dl>
  );
}

// One thing per page: what was chosen, the reason, one button. The Idempotency-Key is made
// once per choice, so a double click or a retry after a lost answer orders once.
function ConfirmOrder({ set, entry, onBack }: { set: ChoiceSet; entry: Entry; onBack: () => void }) {
  const key = useMemo(() => crypto.randomUUID(), [entry.offering_id]);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const { data, error } = await api.POST("/v1/orders", {
      params: { header: { "Idempotency-Key": key } },
      body: {
        choice_set_id: set.id,
        offering_id: entry.offering_id,
        chosen_by_customer: true,
        ...(reason ? { choice_reason: reason } : {}),
      },
    });
    if (error) {
      setBusy(false);
      return setProblem(asProblem(error));
    }
    navigate(`/orders/${data.id}`);
  };
  return (
    <Layout title={t("confirmOrder")}>
      <ErrorSummary problem={problem} />
      <dl class="facts">
        <dt>{t("provider")}</dt>
        <dd>{entry.provider_name}</dd>
        <dt>{t("category")}</dt>
        <dd>{localised(set.category_name)}</dd>
        <dt>{t("price")}</dt>
        <dd>{formatEuros(entry.unit_price_cents)}</dd>
        <dt>{t("earliestStart")}</dt>
        <dd>{formatDate(entry.offering.earliest_start)}</dd>
      </dl>
      <form onSubmit={submit} class="form" noValidate>
        <Field pointer="/choice_reason" label={t("chooseReason")} problem={problem}>
          {(p) => <textarea {...p} rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <div class="actions">
          <button type="submit" class="primary" aria-disabled={busy}>
            {t("confirmOrder")}
          </button>
          <button type="button" onClick={onBack}>
            {t("back")}
          </button>
        </div>
      </form>
    </Layout>
  );
}
