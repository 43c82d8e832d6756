// The demo: Quảng Nam (province 49, 18 districts, 241 communes), a campaign with two
// milestones, about 90 days of plausible figures ending today, a few communes that have
// not reported today, and one user per role. Running it again changes nothing.
import type { Db } from "../client";
import { addDays, dayToDate, todayInVietnam } from "@/lib/domain/dates";
import { hashPassword } from "@/lib/auth/password";
import { loadUnits, provinceUnits, readOfficialUnits } from "./official-units";
import { seedReference } from "./reference";
import { seededRandom } from "@/lib/domain/random";
import { storeDemoCampaign, type FigureRow, type TargetRow } from "./demo-store";
import { dailyCounts, DEMO_2023_DAY, DEMO_LEVEL_TWO, levelTwoTotals } from "./demo-figures";
import { REORGANISATION_DAY, seedPresent } from "./demo-present";

export const DEMO_PROVINCE = "49";
export const DEMO_CAMPAIGN = "cao-diem-demo";
export const DEMO_PASSWORD = "demo-vneid-2026";
export const DEMO_DAYS = 90;
export const DEMO_USERS = [
  { username: "admin", displayName: "Quản trị hệ thống", role: "admin", unit: null },
  { username: "tinh", displayName: "Công an tỉnh Quảng Nam", role: "province", unit: "49" },
  { username: "lanhdao", displayName: "Ban Chỉ đạo Đề án 06", role: "leader", unit: "49" },
  { username: "nuithanh", displayName: "Công an huyện Núi Thành", role: "district", unit: "517" },
  { username: "tamnghia", displayName: "Công an xã Tam Nghĩa", role: "commune", unit: "21001" },
] as const;

/**
 * Districts whose pace turns in the campaign's last weeks, so that ranks change (the rankings'
 * and the weekly report's "rank change" columns): from `daysBeforeToday` days before today the
 * district's daily pace changes by `perDay` of its own pace each day. Phước Sơn steps up and
 * passes Đại Lộc about four days before today; Hội An slows down and falls behind Duy Xuyên
 * about nine days before today (so a week's ranking against the week before shows one of the
 * two, whatever the weekday). The top three and the bottom five keep their places.
 */
export const DEMO_PACE_TURNS: Readonly<Record<string, { daysBeforeToday: number; perDay: number }>> = {
  "511": { daysBeforeToday: 14, perDay: 0.052 },
  "503": { daysBeforeToday: 24, perDay: -0.032 },
};

/** A district's pace on day `d` of the demo (0 = its first day): its own, turned as above. */
function paceOn(pace: number, districtCode: string, d: number): number {
  const turn = DEMO_PACE_TURNS[districtCode];
  if (!turn) return pace;
  const days = Math.max(0, d - (DEMO_DAYS - 1 - turn.daysBeforeToday));
  return pace * Math.max(0.2, 1 + turn.perDay * days);
}

export interface DemoSummary {
  seeded: boolean;
  units: number;
  figures: number;
}

export { DEMO_2023_DAY };

export interface DemoOptions {
  /**
   * The present too (lib/db/seed/demo-present.ts): Quảng Nam's campaign in 2023, ending on
   * DEMO_2023_DAY, then the reorganisation of 01/07/2025 and Đà Nẵng's campaign up to today.
   * Without it Quảng Nam's campaign ends today and the tree is 2023's.
   */
  present?: boolean;
}

export async function seedDemo(client: Db, now: Date = new Date(), options: DemoOptions = {}): Promise<DemoSummary> {
  await seedReference(client);
  const units = await loadUnits(client, provinceUnits(readOfficialUnits(), DEMO_PROVINCE));
  const passwordHash = await seedDemoUsers(client);
  const today = todayInVietnam(now);
  const existing = await client.campaign.findUnique({ where: { code: DEMO_CAMPAIGN }, select: { endDate: true } });
  if (options.present && existing && existing.endDate >= dayToDate(REORGANISATION_DAY)) {
    throw new Error("This database holds the demo without its present (Quảng Nam's campaign runs to today); load the present into a fresh database.");
  }
  const figures = existing ? 0 : await seedQuangNam(client, options.present ? DEMO_2023_DAY : today);
  if (!options.present) return { seeded: !existing, units, figures };
  const present = await seedPresent(client, today, passwordHash);
  return { seeded: !existing || present.reorganised || present.figures > 0, units, figures: figures + present.figures };
}

/** Quảng Nam's campaign: DEMO_DAYS days of figures ending on `today`, milestones after it; the figures' count. */
async function seedQuangNam(client: Db, today: string): Promise<number> {
  const start = addDays(today, -(DEMO_DAYS - 1));
  const midMilestone = addDays(today, 14);
  const endMilestone = addDays(today, 75);
  const figures = await client.$transaction(async (tx) => {
    // a bulk load: the statement timeout that protects the app would cut it short on a busy machine
    await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
    const campaign = await tx.campaign.create({
      data: { code: DEMO_CAMPAIGN, name: "Đợt cao điểm định danh điện tử (demo)", startDate: dayToDate(start), endDate: dayToDate(endMilestone) },
    });
    const metrics = new Map((await tx.metric.findMany({ select: { id: true, code: true } })).map((m) => [m.code, m.id]));
    const districts = await tx.unit.findMany({ where: { parent: { code: DEMO_PROVINCE, validFrom: null } }, orderBy: { code: "asc" }, select: { id: true, code: true } });
    const rand = seededRandom(49);
    const targetRows: TargetRow[] = [];
    const figureRows: FigureRow[] = [];
    const provinceTotals = new Map<string, number>();
    const provinceId = (await tx.unit.findFirstOrThrow({ where: { code: DEMO_PROVINCE, validFrom: null }, select: { id: true } })).id;

    for (const [districtIndex, district] of districts.entries()) {
      // Each district moves at its own pace: some will be praised, some criticised (and a
      // few change pace near the end: DEMO_PACE_TURNS).
      const pace = 0.12 + (((districtIndex * 7) % 18) / 18) * 0.7 + rand() * 0.05;
      const communes = await tx.unit.findMany({ where: { parentId: district.id }, orderBy: { code: "asc" }, select: { id: true, code: true } });
      const districtTotals = new Map<string, number>();
      for (const commune of communes) {
        const population = 3000 + Math.floor(rand() * 12000);
        const goals = {
          dossiers: Math.round(population * 0.9), accounts: Math.round(population * 0.8), activated: Math.round(population * 0.7), cccd: Math.round(population * 0.3),
          accounts_l2: Math.round(population * 0.5), activated_l2: Math.round(population * 0.42),
        };
        for (const [code, value] of Object.entries(goals)) {
          for (const [due, share] of [[midMilestone, 0.6], [endMilestone, 1]] as const) {
            const v = Math.round(value * share);
            targetRows.push({ campaignId: campaign.id, unitId: commune.id, metricId: metrics.get(code)!, dueDate: dayToDate(due), value: v });
            const key = `${code}|${due}`;
            districtTotals.set(key, (districtTotals.get(key) ?? 0) + v);
          }
        }
        // A few communes have not reported today (and one is three days behind).
        const missingDays = communes.length > 5 && commune === communes[communes.length - 1] ? (districtIndex % 6 === 0 ? 3 : districtIndex % 3 === 0 ? 1 : 0) : 0;
        const cumulative = { dossiers: 0, accounts: 0, activated: 0, cccd: 0 };
        for (let d = 0; d < DEMO_DAYS - missingDays; d++) {
          const day = addDays(start, d);
          const weekend = [0, 6].includes(dayToDate(day).getUTCDay());
          const counts = dailyCounts({ population, days: DEMO_DAYS, pace, paceToday: paceOn(pace, district.code, d), weekend, rand });
          const levelTwoBefore = levelTwoTotals(cumulative.accounts, cumulative.activated);
          for (const [code, value] of Object.entries(counts) as [keyof typeof counts, number][]) {
            cumulative[code] += value;
            figureRows.push({ unitId: commune.id, metricId: metrics.get(code)!, date: dayToDate(day), value, cumulative: cumulative[code] });
          }
          const levelTwo = levelTwoTotals(cumulative.accounts, cumulative.activated);
          for (const code of DEMO_LEVEL_TWO) {
            figureRows.push({ unitId: commune.id, metricId: metrics.get(code)!, date: dayToDate(day), value: levelTwo[code] - levelTwoBefore[code], cumulative: levelTwo[code] });
          }
        }
      }
      for (const [key, value] of districtTotals) {
        const [code, due] = key.split("|");
        targetRows.push({ campaignId: campaign.id, unitId: district.id, metricId: metrics.get(code)!, dueDate: dayToDate(due), value });
        provinceTotals.set(key, (provinceTotals.get(key) ?? 0) + value);
      }
    }
    for (const [key, value] of provinceTotals) {
      const [code, due] = key.split("|");
      targetRows.push({ campaignId: campaign.id, unitId: provinceId, metricId: metrics.get(code)!, dueDate: dayToDate(due), value });
    }
    return storeDemoCampaign(tx, DEMO_CAMPAIGN, targetRows, figureRows);
  }, { timeout: 300_000 });
  return figures;
}

/** The demo's 2023 accounts; the password's hash, for the present's. */
async function seedDemoUsers(client: Db): Promise<string> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    if (await client.user.findUnique({ where: { username: user.username }, select: { id: true } })) continue;
    // the demo's 2023 units (always existed); a code names a unit only together with a day
    const unit = user.unit ? await client.unit.findFirst({ where: { code: user.unit, validFrom: null }, select: { id: true } }) : null;
    await client.user.create({ data: { username: user.username, displayName: user.displayName, role: user.role, passwordHash, unitId: unit?.id ?? null } });
  }
  return passwordHash;
}
