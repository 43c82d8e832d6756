// The audit log in words: an event's subject and values name units, users and metrics and
// write dates as dd/mm/yyyy, instead of showing the stored keys ("21007:cccd:2026-12-04") and
// JSON ({"address":"::1"}). Pure: the names come in from the page, the words from the catalogue.
import { formatDateTime, formatDay, formatNumber, type Locale } from "./format";

/** Names of the codes an event mentions: units by code, metrics by code, users by username. */
export interface AuditNames {
  units: Readonly<Record<string, string>>;
  metrics: Readonly<Record<string, string>>;
  users: Readonly<Record<string, string>>;
}

export interface AuditWords {
  /** a stored field's name in the reader's language; the key itself when the catalogue has none */
  field: (key: string) => string;
  yes: string;
  no: string;
  /** a figure's value: the day's count and the running total, already formatted */
  figure: (values: { daily: string; cumulative: string }) => string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const own = (record: Readonly<Record<string, string>>, key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);

/** One part of a key or one stored text: a day, an instant, a unit, a metric or a user by name. */
function nameOf(part: string, names: AuditNames): string {
  if (DAY.test(part)) return formatDay(part);
  if (INSTANT.test(part)) return formatDateTime(part);
  return own(names.units, part) ?? own(names.metrics, part) ?? own(names.users, part) ?? part;
}

/** An event's subject: "21007:cccd:2026-12-04" → "Xã Tam Trà · Hồ sơ cấp CCCD · 04/12/2026". */
export function auditSubject(entityKey: string | null, names: AuditNames): string {
  if (!entityKey) return "—";
  return entityKey.split(":").map((part) => nameOf(part, names)).join(" · ");
}

function valueText(value: unknown, names: AuditNames, words: AuditWords, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value === "number") return formatNumber(value, locale);
  if (typeof value === "string") return nameOf(value, names);
  if (Array.isArray(value)) return value.map((v) => valueText(v, names, words, locale)).join(", ");
  if (typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.daily === "number" && typeof record.cumulative === "number") {
      return words.figure({ daily: formatNumber(record.daily, locale), cumulative: formatNumber(record.cumulative, locale) });
    }
    return Object.entries(record).map(([key, v]) => `${words.field(key)}: ${valueText(v, names, words, locale)}`).join("; ");
  }
  return String(value);
}

/** A stored old or new value in words: {"address":"::1"} → "địa chỉ: ::1". */
export function auditValue(value: unknown, names: AuditNames, words: AuditWords, locale: Locale): string {
  return valueText(value, names, words, locale);
}

/** The codes an event may name, for the page to look up: every part of its key and every text in its values. */
export function auditCodes(events: readonly { entityKey: string | null; oldValue: unknown; newValue: unknown }[]): string[] {
  const codes = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === "string") codes.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  for (const e of events) {
    for (const part of e.entityKey?.split(":") ?? []) codes.add(part);
    walk(e.oldValue);
    walk(e.newValue);
  }
  return [...codes].filter((code) => code.length > 0 && code.length <= 64 && !DAY.test(code) && !INSTANT.test(code));
}
