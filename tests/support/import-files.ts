// Daily-figure CSV files at the sizes users have (issue 19): the country's day (every commune,
// four metrics) and a province's days, in the import's columns, ordered as people export them
// (by day, then commune, then metric). Counts come from a seeded generator, so every run
// imports the same file. Each commune has its own usual level and its days vary around it by
// at most half, so no day is a spike; on every day activated ≤ accounts ≤ dossiers, so the
// funnel holds on every running total too.
import type { OfficialUnit } from "@/lib/db/seed/official-units";
import { addDays } from "@/lib/domain/dates";
import { seededRandom } from "@/lib/domain/random";

/** A size from the environment, or issue 19's when unset. */
function sizeFromEnv(name: string, real: number): number {
  const value = Number(process.env[name] ?? real);
  if (!Number.isInteger(value) || value < 1 || value > real) throw new Error(`${name} must be a whole number from 1 to ${real}`);
  return value;
}

/**
 * The sizes the acceptance tests import: issue 19's (every province's communes for the
 * national day, 90 days of Quảng Nam). IMPORT_SCALE_PROVINCES=1 (the national day of the first
 * province only) and IMPORT_SCALE_DAYS=3 shrink them, to try the tests' own workings quickly
 * on a busy machine or against a slow engine; never set them in CI.
 */
export const IMPORT_SCALE = {
  provinces: sizeFromEnv("IMPORT_SCALE_PROVINCES", 63),
  days: sizeFromEnv("IMPORT_SCALE_DAYS", 90),
};
export const IMPORT_SCALE_SHRUNK = IMPORT_SCALE.provinces < 63 || IMPORT_SCALE.days < 90;

export const DAILY_HEADER = "date,unit_code,metric,value,kind";
/** The built-in metrics (lib/db/seed/reference.ts), in the order a commune's day is written. */
export const DAILY_METRICS = ["dossiers", "accounts", "activated", "cccd"] as const;

export interface ImportFile {
  text: string;
  /** data rows, the header not counted */
  rows: number;
}

/** One data row of a daily file, as text, the way the import reads its columns. */
export interface DailyLine {
  date: string;
  unitCode: string;
  metric: string;
  value: string;
  kind: string;
}

/** The communes (level 3) among `units`, in the list's order; of one province when it is named. */
export function communesOf(units: readonly OfficialUnit[], provinceCode?: string): OfficialUnit[] {
  const communes = units.filter((u) => u.level === "3");
  if (provinceCode === undefined) return communes;
  const districts = new Set(units.filter((u) => u.level === "2" && u.parent_code === provinceCode).map((u) => u.code));
  return communes.filter((u) => districts.has(u.parent_code));
}

/** A commune's usual daily dossiers: communes differ several-fold in size. */
const usualLevel = (random: () => number) => 8 + Math.floor(random() * 38);

/** One commune's day around its usual level, funnel kept: activated ≤ accounts ≤ dossiers. */
function dayCounts(level: number, random: () => number): number[] {
  const dossiers = Math.round(level * (0.5 + random()));
  const accounts = Math.floor(dossiers * (0.75 + 0.25 * random()));
  const activated = Math.floor(accounts * (0.6 + 0.4 * random()));
  const cccd = Math.round(dossiers * (0.2 + 0.3 * random()));
  return [dossiers, accounts, activated, cccd];
}

function dayLines(day: string, communes: readonly OfficialUnit[], levels: readonly number[], random: () => number, lines: string[]): void {
  communes.forEach((commune, i) => {
    const counts = dayCounts(levels[i], random);
    DAILY_METRICS.forEach((metric, m) => lines.push(`${day},${commune.code},${metric},${counts[m]},daily`));
  });
}

const fileOf = (lines: string[]): ImportFile => ({ text: [DAILY_HEADER, ...lines].join("\n") + "\n", rows: lines.length });

/** Every commune of `units` on `day`, four metrics each (the official list: 10,598 × 4 = 42,392 rows). */
export function nationalDayCsv(units: readonly OfficialUnit[], day: string): ImportFile {
  const random = seededRandom(20_230_410);
  const communes = communesOf(units);
  const levels = communes.map(() => usualLevel(random));
  const lines: string[] = [];
  dayLines(day, communes, levels, random, lines);
  return fileOf(lines);
}

/** `days` days from `firstDay` of every commune of one province (Quảng Nam "49", 90 days: 241 × 4 × 90 = 86,760 rows). */
export function provinceDaysCsv(units: readonly OfficialUnit[], provinceCode: string, firstDay: string, days: number): ImportFile {
  const communes = communesOf(units, provinceCode);
  if (communes.length === 0) throw new Error(`No communes in province ${provinceCode}`);
  const random = seededRandom(Number(provinceCode));
  const levels = communes.map(() => usualLevel(random));
  const lines: string[] = [];
  for (let d = 0; d < days; d++) dayLines(addDays(firstDay, d), communes, levels, random, lines);
  return fileOf(lines);
}

const dataLines = (file: ImportFile) => file.text.split("\n").slice(1, file.rows + 1);

const parse = (line: string): DailyLine => {
  const [date, unitCode, metric, value, kind] = line.split(",");
  return { date, unitCode, metric, value, kind };
};

const format = (row: DailyLine) => [row.date, row.unitCode, row.metric, row.value, row.kind].join(",");

/** The line numbers (as the import names them: the header is line 1) of the rows `pick` selects. */
export function linesWhere(file: ImportFile, pick: (row: DailyLine) => boolean): number[] {
  const picked: number[] = [];
  dataLines(file).forEach((line, i) => {
    if (pick(parse(line))) picked.push(i + 2);
  });
  return picked;
}

/** The file with the rows on `lines` (line numbers as linesWhere gives them) rewritten by `edit`. */
export function withEditedLines(file: ImportFile, lines: Iterable<number>, edit: (row: DailyLine) => DailyLine): ImportFile {
  const edited = dataLines(file);
  for (const line of lines) {
    if (line < 2 || line > file.rows + 1) throw new Error(`No data row on line ${line}`);
    edited[line - 2] = format(edit(parse(edited[line - 2])));
  }
  return fileOf(edited);
}

/** `count` of `items`, spread evenly from the first on. */
export function spreadPick<T>(items: readonly T[], count: number): T[] {
  if (count > items.length) throw new Error(`Cannot pick ${count} of ${items.length}`);
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]);
}

/** The sum of the file's values per metric. */
export function valueSums(file: ImportFile): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const line of dataLines(file)) {
    const row = parse(line);
    sums[row.metric] = (sums[row.metric] ?? 0) + Number(row.value);
  }
  return sums;
}

/**
 * A day of `file` (one line per unit and metric) as people keep it (issue 25): a title with the
 * day, then one row per unit with its code and one column per metric, headed in Vietnamese.
 */
export function wideDayTable(file: ImportFile, day: string): { text: string; units: number } {
  const byUnit = new Map<string, Record<string, string>>();
  for (const line of dataLines(file)) {
    const row = parse(line);
    if (row.date !== day) continue;
    const cells = byUnit.get(row.unitCode) ?? {};
    cells[row.metric] = row.value;
    byUnit.set(row.unitCode, cells);
  }
  const [y, m, d] = day.split("-");
  const lines = [
    `BÁO CÁO KẾT QUẢ NGÀY ${d}/${m}/${y},,,,,`,
    "STT,Mã đơn vị,Hồ sơ định danh điện tử,Tài khoản định danh điện tử,Tài khoản đã kích hoạt,Hồ sơ cấp CCCD",
    ...[...byUnit].map(([code, cells], i) => [i + 1, code, ...DAILY_METRICS.map((metric) => cells[metric] ?? "")].join(",")),
  ];
  return { text: "\uFEFF" + lines.join("\r\n") + "\r\n", units: byUnit.size };
}
