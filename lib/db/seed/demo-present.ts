// The demo's present (issue 20, docs/units-over-time.md "The demo's present"): Thành phố Đà
// Nẵng (48) as the reorganisation of 01/07/2025 made it, loaded from the shared official files
// by the one reorganisation import (restricted to the new city: its 94 communes, wards and
// special zone, and the rows of the mapping that lead into them; the demo holds Quảng Nam's
// 2023 tree only, so 49 goes whole into the new 48 and the old Đà Nẵng's units are not
// there), then a current campaign on the 94 communes with figures up to today, on top of what
// their predecessors carried in, and its two users. Running it again changes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Db } from "../client";
import { addDays, dayToDate } from "@/lib/domain/dates";
import { seededRandom } from "@/lib/domain/random";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import type { Actor } from "@/lib/auth/permissions";
import { importReorganisation } from "@/lib/data/reorganisation";
import { cumulativeAt, cumulativeKey } from "@/lib/data/figures-at";
import { storeDemoCampaign, type FigureRow, type TargetRow } from "./demo-store";
import { dailyCounts, DEMO_LEVEL_TWO, DEMO_METRICS, levelTwoTotals } from "./demo-figures";

export const REORGANISATION_DAY = "2025-07-01";
export const PRESENT_PROVINCE = "48";
export const PRESENT_CAMPAIGN = "cao-diem-cuoi-nam";
export const PRESENT_DAYS = 60;
/**
 * The present's accounts: the city's police, and the police of Phường Hội An (20410: its code
 * named Phường Sơn Phong until 30/06/2025; it took five wards and communes of Hội An whole,
 * whose history its police read).
 */
export const PRESENT_USERS = [
  { username: "danang", displayName: "Công an thành phố Đà Nẵng", role: "province", unit: "48" },
  { username: "hoian", displayName: "Công an phường Hội An", role: "commune", unit: "20410" },
] as const;

const DATA = path.resolve(__dirname, "..", "..", "..", "prisma", "data");
const SYSTEM: Actor = { id: null, username: "system", role: "admin", unitPath: null };

type Row = Record<string, string>;
const readCsv = (file: string): { header: string; rows: Row[]; lines: string[] } => {
  const text = readFileSync(path.join(DATA, file), "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  return { header: lines[0], rows: parse(text, { columns: true, skip_empty_lines: true }), lines: lines.slice(1) };
};

/**
 * The 2025 list and mapping of one new province, as the reorganisation import reads them: the
 * province's row and its children's, and the mapping rows into them.
 */
export function provinceReorganisationFiles(provinceCode: string): { unitsText: string; changesText: string } {
  const units = readCsv("admin-units-vn-2025-07.csv");
  const keep = new Set(units.rows.filter((r) => r.code === provinceCode || r.parent_code === provinceCode).map((r) => r.code));
  const changes = readCsv("unit-changes-vn-2025-07.csv");
  const pick = (file: typeof units, wanted: (row: Row) => boolean) => [file.header, ...file.lines.filter((_, i) => wanted(file.rows[i]))].join("\n") + "\n";
  return { unitsText: pick(units, (r) => keep.has(r.code)), changesText: pick(changes, (r) => keep.has(r.new_code)) };
}

export interface PresentSummary {
  reorganised: boolean;
  figures: number;
}

/** Loads the present on a demo whose Quảng Nam campaign is in the past; `today`: the demo's day (Vietnam). */
export async function seedPresent(client: Db, today: string, passwordHash: string): Promise<PresentSummary> {
  const reorganised = await reorganise(client);
  await seedPresentUsers(client, passwordHash);
  if (await client.campaign.findUnique({ where: { code: PRESENT_CAMPAIGN } })) return { reorganised, figures: 0 };

  const start = addDays(today, -(PRESENT_DAYS - 1));
  const milestones = [[addDays(today, 10), 0.5], [addDays(today, 45), 1]] as const;
  const metrics = new Map((await client.metric.findMany({ select: { id: true, code: true } })).map((m) => [m.code, m.id]));
  const province = await client.unit.findFirstOrThrow({ where: { code: PRESENT_PROVINCE, ...existsOnWhere(dayToDate(today)) }, select: { id: true } });
  const communes = await client.unit.findMany({ where: { parentId: province.id, ...existsOnWhere(dayToDate(today)) }, orderBy: { code: "asc" }, select: { id: true, code: true } });
  // what each commune's predecessors carried in by the campaign's start: its targets add to it
  const carried = new Map<string, Map<string, number>>();
  for (const code of [...DEMO_METRICS, ...DEMO_LEVEL_TWO]) {
    const at = await cumulativeAt(communes.map((c) => c.id), metrics.get(code)!, [addDays(start, -1)]);
    carried.set(code, new Map(communes.map((c) => [c.code, at.get(cumulativeKey(c.id, addDays(start, -1))) ?? 0])));
  }

  const rand = seededRandom(48);
  const targetRows: TargetRow[] = [];
  const figureRows: FigureRow[] = [];
  const totals = new Map<string, number>();
  const figures = await client.$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
    const campaign = await tx.campaign.create({
      data: { code: PRESENT_CAMPAIGN, name: "Đợt cao điểm cuối năm (demo)", startDate: dayToDate(start), endDate: dayToDate(milestones[1][0]) },
    });
    for (const [index, commune] of communes.entries()) {
      const pace = 0.15 + (((index * 11) % 94) / 94) * 0.75 + rand() * 0.05;
      // what is left to do: about 60 % more than the accounts its predecessors activated (at
      // least 1.500, for the 17 that came from the old Đà Nẵng, which the demo does not hold);
      // each milestone's target is what was carried in plus its share of that
      const remaining = Math.max(1500, Math.round(carried.get("activated")!.get(commune.code)! * 0.6));
      const population = Math.round(remaining * 1.4);
      for (const code of [...DEMO_METRICS, ...DEMO_LEVEL_TWO]) {
        const base = carried.get(code)!.get(commune.code)!;
        const goal = Math.round(remaining * { dossiers: 1.3, accounts: 1.15, activated: 1, cccd: 0.45, accounts_l2: 0.75, activated_l2: 0.62 }[code]);
        for (const [due, share] of milestones) {
          const value = base + Math.round(goal * share);
          targetRows.push({ campaignId: campaign.id, unitId: commune.id, metricId: metrics.get(code)!, dueDate: dayToDate(due), value });
          totals.set(`${code}|${due}`, (totals.get(`${code}|${due}`) ?? 0) + value);
        }
      }
      // a few communes have not reported today, one for three days; Hội An always has
      const missingDays = commune.code === "20410" ? 0 : index === 90 ? 3 : index % 13 === 5 ? 1 : 0;
      const cumulative = Object.fromEntries(DEMO_METRICS.map((m) => [m, 0])) as Record<(typeof DEMO_METRICS)[number], number>;
      for (let d = 0; d < PRESENT_DAYS - missingDays; d++) {
        const day = addDays(start, d);
        const counts = dailyCounts({ population, days: PRESENT_DAYS, pace, weekend: [0, 6].includes(dayToDate(day).getUTCDay()), rand });
        const levelTwoBefore = levelTwoTotals(cumulative.accounts, cumulative.activated);
        for (const code of DEMO_METRICS) {
          cumulative[code] += counts[code];
          figureRows.push({ unitId: commune.id, metricId: metrics.get(code)!, date: dayToDate(day), value: counts[code], cumulative: cumulative[code] });
        }
        const levelTwo = levelTwoTotals(cumulative.accounts, cumulative.activated);
        for (const code of DEMO_LEVEL_TWO) {
          figureRows.push({ unitId: commune.id, metricId: metrics.get(code)!, date: dayToDate(day), value: levelTwo[code] - levelTwoBefore[code], cumulative: levelTwo[code] });
        }
      }
    }
    for (const [key, value] of totals) {
      const [code, due] = key.split("|");
      targetRows.push({ campaignId: campaign.id, unitId: province.id, metricId: metrics.get(code)!, dueDate: dayToDate(due), value });
    }
    return storeDemoCampaign(tx, PRESENT_CAMPAIGN, targetRows, figureRows);
  }, { timeout: 300_000 });
  return { reorganised, figures };
}

/** The reorganisation of 01/07/2025 for the new city, by the one import; false when already loaded. */
async function reorganise(client: Db): Promise<boolean> {
  if (await client.unitReorganisation.findFirst({ where: { effectiveDate: dayToDate(REORGANISATION_DAY) }, select: { id: true } })) return false;
  const result = await importReorganisation(SYSTEM, { date: REORGANISATION_DAY, ...provinceReorganisationFiles(PRESENT_PROVINCE) });
  if (!result.ok) {
    // the shipped files are checked by tests; a refusal here is a bug, said in the import's own words
    throw new Error(`Demo reorganisation refused: ${result.errors.slice(0, 3).map((e) => e.message).join("; ")}`);
  }
  return true;
}

async function seedPresentUsers(client: Db, passwordHash: string): Promise<void> {
  for (const user of PRESENT_USERS) {
    if (await client.user.findUnique({ where: { username: user.username }, select: { id: true } })) continue;
    // the new units, on the day they start: a code names a unit only together with a day
    const unit = await client.unit.findFirst({ where: { code: user.unit, validFrom: dayToDate(REORGANISATION_DAY) }, select: { id: true } });
    if (!unit) throw new Error(`Demo user ${user.username}: no unit ${user.unit} from ${REORGANISATION_DAY}`);
    await client.user.create({ data: { username: user.username, displayName: user.displayName, role: user.role, passwordHash, unitId: unit.id } });
  }
}
