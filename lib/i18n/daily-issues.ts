// The words of a refused daily row, made once from the rule's code and facts
// (lib/domain/daily-rules.ts DailyIssueFact), in the language of the request: the entry grid,
// the import (page and command line) and POST /api/v1/daily all say the same thing.
import { SPIKE_FACTOR, type DailyIssueCode, type DailyIssueFact } from "@/lib/domain/daily-rules";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { currentLocale, m } from "./message";

const number = (value: string | number | null | undefined) => formatNumber(Number(value ?? 0), currentLocale());
const text = (value: string | number | null | undefined) => String(value ?? "");

/** A metric's name inside a sentence: lower case (in English only the first letter, so "eID" keeps its capitals). */
function metricName(issue: DailyIssueFact, prefix: "metric" | "limitMetric"): string {
  const vi = issue.params[`${prefix}Vi`];
  const en = issue.params[`${prefix}En`];
  if (currentLocale() === "en" && typeof en === "string") return en.charAt(0).toLowerCase() + en.slice(1);
  if (typeof vi === "string") return vi.toLowerCase();
  return text(issue.params[prefix]);
}

/** The sentence that tells the user what is wrong with the row and what to do. */
export function dailyIssueMessage(issue: DailyIssueFact): string {
  const p = issue.params;
  switch (issue.code) {
    case "future": return m("validation.daily.future", { date: text(p.date) });
    case "noUnit": return m("validation.daily.noUnit", { code: text(p.unitCode) });
    case "hasChildren": return m("validation.daily.hasChildren", { code: text(p.unitCode) });
    case "outOfScope": return m("validation.daily.outOfScope", { code: text(p.unitCode) });
    case "ownUnitEnded": return m("validation.daily.ownUnitEnded", { code: text(p.unitCode), own: `${text(p.ownName)} (${text(p.ownCode)})`, date: formatDay(text(p.date)) });
    case "dissolved": return m("validation.daily.dissolved", { code: text(p.unitCode), date: formatDay(text(p.date)) });
    case "noMetric": return m("validation.daily.noMetric", { code: text(p.metric) });
    case "duplicate": return m("validation.daily.duplicate");
    case "locked": return m("validation.daily.locked", { date: formatDay(text(p.date)), until: formatDay(text(p.until)), reason: text(p.reason) });
    case "conflict": return m("validation.daily.conflict", {
      by: issue.current?.by ?? m("validation.daily.someoneElse"),
      value: number(issue.current?.value), cumulative: number(issue.current?.cumulative),
    });
    case "deleted": return m("validation.daily.deleted");
    case "reasonInvalid": return m("validation.reason.invalidCharacter");
    case "reasonRequired": return m("validation.daily.reasonRequired");
    case "decrease": return m("validation.daily.decrease", { value: number(p.value), before: number(p.before) });
    case "spike": return m("validation.daily.spike", { count: number(p.count), factor: String(SPIKE_FACTOR), days: text(p.days), average: number(Math.round(Number(p.average))) });
    case "negativeOnDay": return m("validation.daily.negativeOnDay", { metric: metricName(issue, "metric"), value: number(p.value), date: formatDay(text(p.date)) });
    case "funnel": {
      const values = { metric: metricName(issue, "metric"), value: number(p.value), limitMetric: metricName(issue, "limitMetric"), limit: number(p.limit) };
      return p.sameDay ? m("validation.daily.funnel", values) : m("validation.daily.funnelOnDay", { ...values, date: formatDay(text(p.date)) });
    }
  }
}

/** The short name of a rule, for a summary by reason ("1.240 dòng: số âm"). */
export function dailyIssueReason(code: DailyIssueCode): string {
  return m(`validation.dailyReasons.${code}`);
}
