// A number shown to help choose is never bare: the estimate as a mark, its 95 % interval as a
// bar on the whole scale, and the sample size in words beside it (the text says everything
// the drawing does, for screen readers and without colour).

interface Props {
  value: number;
  low: number;
  high: number;
  min: number;
  max: number;
  label: string; // what the text alternative says, e.g. "NPS 40 (95 % interval 12–61)"
}

export function IntervalBar({ value, low, high, min, max, label }: Props) {
  const at = (v: number) => ((v - min) / (max - min)) * 100;
  return (
    <svg class="interval" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label={label}>
      <title>{label}</title>
      <rect class="interval-scale" x="0" y="5" width="100" height="2" />
      <rect class="interval-range" x={at(low)} y="2" width={Math.max(at(high) - at(low), 0.5)} height="8" />
      <rect class="interval-mark" x={Math.min(at(value), 99)} y="0" width="1" height="12" />
    </svg>
  );
}

