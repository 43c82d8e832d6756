// What makes the weekly report an administrative document (Decree 30/2020/NĐ-CP on the format
// of administrative documents): the issuing body under its superior body and the number line
// on the left of the head, the national motto and "place, ngày … tháng … năm …" on the right,
// and at the foot the recipients ("Nơi nhận") and the signature block. A unit's settings are
// stored (lib/data/issuing-settings.ts); without them, defaults are derived from the unit's
// name here. The bodies' names are names, kept in Vietnamese in either language of the report,
// as unit names are.
import { searchKey, shortUnitName } from "@/lib/domain/text";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";

/** The document's head and foot, as printed. */
export interface ReportIssuing {
  /** "BỘ CÔNG AN": the body above the issuing one, printed above it */
  superiorBody: string;
  /** "CÔNG AN TỈNH QUẢNG NAM" */
  issuingBody: string;
  /** what follows "BC-" in "Số: …/BC-CAQN" */
  symbol: string;
  /** "Quảng Nam": before the date */
  place: string;
  /** "Nơi nhận", in order, without the leading dash or the trailing punctuation */
  recipients: string[];
  /** one or two lines: "GIÁM ĐỐC", or "KT. GIÁM ĐỐC" and "PHÓ GIÁM ĐỐC" */
  signerTitle: string[];
  /** empty until set: the signer writes it by hand */
  signerName: string;
}

/** The unit a default is derived for; null is the national report. */
export interface IssuingUnit {
  name: string;
  level: number;
  parentName: string | null;
}

const words = MESSAGES[DEFAULT_LOCALE].reports.issuing.defaults;
const fill = (template: string, unit: string) => template.replace("{unit}", unit);

/** Capital initials of a name without its diacritics: "Quảng Nam" → "QN". */
function initials(name: string): string {
  return searchKey(name).split(" ").filter(Boolean).map((part) => part[0]).join("").toUpperCase();
}

/**
 * The defaults for a unit with no stored settings: its police under the parent's police (the
 * Ministry for a province), the place its short name, the symbol "CA" and the place's
 * initials, the recipients the parent's steering committee and the archive.
 */
export function defaultIssuing(unit: IssuingUnit | null): ReportIssuing {
  if (unit === null) {
    return {
      superiorBody: words.nationalSuperior, issuingBody: words.nationalBody, symbol: words.nationalSymbol, place: words.nationalPlace,
      recipients: [words.recipientSteeringNational, words.recipientArchive], signerTitle: [words.signerNational], signerName: "",
    };
  }
  const place = shortUnitName(unit.name);
  return {
    superiorBody: unit.parentName ? fill(words.police, unit.parentName.toLocaleUpperCase("vi")) : words.ministry,
    issuingBody: fill(words.police, unit.name.toLocaleUpperCase("vi")),
    symbol: `${words.symbolPrefix}${initials(place)}`,
    place,
    recipients: [fill(words.recipientSteering, unit.parentName ?? unit.name), words.recipientArchive],
    signerTitle: [unit.level === 1 ? words.signerProvince : words.signerLocal],
    signerName: "",
  };
}

/** Lines of a stored multi-line field, trimmed, without blank ones. */
export function splitLines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
}

/** The recipients as the Decree lists them: "- A;" for each, the last one ending in ".". */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((name, i) => `- ${name.replace(/[.;,]+$/, "")}${i === recipients.length - 1 ? "." : ";"}`);
}

/**
 * Day and month as the Decree writes them: days below 10 and the months January and February
 * with a leading zero ("ngày 04 tháng 02", "ngày 15 tháng 3"), so nothing can be added in front.
 */
export function documentDateParts(day: string): { day: string; month: string; year: string } {
  const [year, month, date] = day.split("-");
  const m = Number(month);
  return { day: date, month: m < 3 ? month : String(m), year };
}

/** "quang-nam": a unit's short name as a file name's part (ASCII, lower case, hyphens). */
export function unitSlug(name: string): string {
  return searchKey(shortUnitName(name)).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
