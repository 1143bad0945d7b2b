// The time an application's decision has left, in words: "3 työpäivää jäljellä", "Viimeinen
// päivä tänään", "Myöhässä: 2 työpäivää" — the officer's queue and the application say it alike.
import { formatNumber, t } from "../../i18n";

export function timeLeft(a: { overdue?: boolean; working_days_left?: number | null }): string {
  const n = a.working_days_left;
  if (a.overdue) return n != null && n < 0 ? `${t("overdue")}: ${formatNumber(-n)} ${t(n === -1 ? "workingDay" : "workingDays")}` : t("overdue");
  if (n == null) return "";
  if (n === 0) return t("dueToday");
  return `${formatNumber(n)} ${t(n === 1 ? "workingDayLeft" : "workingDaysLeft")}`;
}
