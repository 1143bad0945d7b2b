// A rate or an NPS as the screens that help to choose must show it: the estimate, its 95 %
// interval and the sample in words, and the interval drawn; "too few answers to show" when the
// API has no interval or the sample is under `fewest`.
import { formatNumber, formatPercent, formatRange, t } from "../i18n";
import { IntervalBar } from "./IntervalBar";

interface Interval {
  low: number;
  high: number;
}

export function RateWithInterval(props: {
  what: string; // what the rate is of, for the drawing's text alternative
  rate: number | null;
  interval: Interval | null;
  n: number;
  unit: string; // the sample's words, "ended services"
  fewest?: number;
  tooFew?: string; // what is too few, when it is not answers: "too few ended services to show"
}) {
  const { rate, interval, n } = props;
  if (rate == null || !interval || n < (props.fewest ?? 0)) return <>{props.tooFew ?? t("tooFew")}</>;
  const text = `${formatPercent(rate)} (${formatRange(formatPercent(interval.low), formatPercent(interval.high))}), ${n} ${props.unit}`;
  return (
    <>
      {text}
      <IntervalBar value={rate * 100} low={interval.low * 100} high={interval.high * 100} min={0} max={100} label={`${props.what}: ${text}; ${t("interval")}`} />
    </>
  );
}

export function NpsWithInterval(props: { score: number | null; interval: Interval | null; responses: number; fewest?: number }) {
  const { score, interval, responses } = props;
  if (score == null || !interval || responses < (props.fewest ?? 0)) return <>{t("tooFew")}</>;
  const text = `${formatNumber(score)} (${formatRange(formatNumber(interval.low), formatNumber(interval.high))}), ${responses} ${t("fromAnswers")}`;
  return (
    <>
      {text}
      <IntervalBar value={score} low={interval.low} high={interval.high} min={-100} max={100} label={`NPS: ${text}; ${t("interval")}`} />
    </>
  );
}
