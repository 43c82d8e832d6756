// Issue 22: eligible populations and targets set as a share of them, on Quảng Nam's official
// tree (18 districts, 241 communes). A province sets "activated: 55% by 30/06/2023, 100% by
// 31/12/2023"; the counts add up at every level and each is within one of its exact share; a
// population change rewrites the counts it moves, each audited with its old and new count.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { importCsv } from "@/lib/data/import";
import { populationsAt, savePopulations, setTargetShare } from "@/lib/data/population";
import { getTargetGrid, listTargetSumWarnings } from "@/lib/data/targets-admin";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { getRankings } from "@/lib/data/rankings";
import { getUnitOverview } from "@/lib/data/overview";
import { percentOf } from "@/lib/domain/percent";
import { sortRankingRows } from "@/lib/domain/ranking-sort";
import { loadUnits, provinceUnits, readOfficialUnits } from "@/lib/db/seed/official-units";
import { basisPointsOf } from "@/lib/domain/population-share";
import { addUser } from "../support/users";
import { resetDatabase, testDb } from "./helpers";

const PROVINCE = "49";
const MILESTONES = [{ dueDate: "2023-06-30", percent: 55 }, { dueDate: "2023-12-31", percent: 100 }] as const;
const CAMPAIGN = "dan-so-2023";

let admin: Actor & { id: number };
let communes: { code: string; district: string }[];
/** A commune's population: communes differ several-fold, and none is a round number. */
const populationOf = (i: number) => 2_000 + ((i * 7_919) % 13_001);

async function targetsOf(dueDate: string): Promise<Map<string, number>> {
  const rows = await testDb().$queryRaw<{ code: string; value: number }[]>`
    SELECT u.code, t.value FROM target t JOIN unit u ON u.id = t.unit_id JOIN campaign c ON c.id = t.campaign_id
    WHERE c.code = ${CAMPAIGN} AND t.due_date = ${dueDate}::date`;
  return new Map(rows.map((r) => [r.code, r.value]));
}

beforeAll(async () => {
  const db = await resetDatabase();
  const units = provinceUnits(readOfficialUnits(), PROVINCE);
  await loadUnits(db, units);
  communes = units.filter((u) => u.level === "3").map((u) => ({ code: u.code, district: u.parent_code }));
  expect(communes).toHaveLength(241);
  admin = await addUser(db, "quan-tri-dan-so", "admin", null);
  await db.campaign.create({ data: { code: CAMPAIGN, name: "Kích hoạt theo dân số", startDate: new Date("2023-04-01T00:00:00Z"), endDate: new Date("2023-12-31T00:00:00Z") } });
  const csv = ["unit_code,as_of,eligible", ...communes.map((c, i) => `${c.code},2023-04-01,${populationOf(i)}`)].join("\n");
  expect(await importCsv(admin, "populations", csv)).toMatchObject({ ok: true, written: 241 });
}, 120_000);

describe("targets as shares of the eligible population", () => {
  it("sums the communes' populations up the tree", async () => {
    const province = await testDb().unit.findFirstOrThrow({ where: { code: PROVINCE }, select: { id: true } });
    const total = communes.reduce((s, _, i) => s + populationOf(i), 0);
    expect((await populationsAt([province.id], "2023-06-30")).get(province.id)).toBe(total);
    // before any population: none, not zero
    expect((await populationsAt([province.id], "2023-03-31")).get(province.id)).toBeNull();
  });

  it("sets 55% by 30/06 and 100% by 31/12 on the province: counts at every level add up, each within one of its exact share", async () => {
    for (const { dueDate, percent } of MILESTONES) {
      await setTargetShare(admin, { campaign: CAMPAIGN, metric: "activated", dueDate, unitCode: PROVINCE, basisPoints: basisPointsOf(percent) });
      const targets = await targetsOf(dueDate);
      expect(targets.size).toBe(1 + 18 + 241);
      // exact share of each unit's population
      const population = new Map<string, number>();
      communes.forEach((c, i) => {
        population.set(c.code, populationOf(i));
        population.set(c.district, (population.get(c.district) ?? 0) + populationOf(i));
        population.set(PROVINCE, (population.get(PROVINCE) ?? 0) + populationOf(i));
      });
      for (const [code, value] of targets) expect(Math.abs(value - (population.get(code)! * percent) / 100), code).toBeLessThan(1);
      expect(targets.get(PROVINCE)).toBe(Math.round((population.get(PROVINCE)! * percent) / 100));
    }
    // the children's targets add up to the parent's for every milestone
    expect(await listTargetSumWarnings(admin, CAMPAIGN)).toEqual([]);
    const audits = await testDb().auditEvent.count({ where: { action: "target.create", entityKey: { startsWith: `${CAMPAIGN}:` } } });
    expect(audits).toBe(2 * 260);
    expect(await testDb().auditEvent.count({ where: { action: "target_share.set" } })).toBe(2);
    // the target grid shows each unit's eligible population on the due date beside its target
    const grid = await getTargetGrid(admin, { campaign: CAMPAIGN, metric: "activated", dueDate: MILESTONES[0].dueDate, parentCode: PROVINCE });
    expect(grid.hasPopulation).toBe(true);
    const provincePopulation = communes.reduce((sum, _, i) => sum + populationOf(i), 0);
    expect(grid.parent.population).toBe(provincePopulation);
    const firstDistrict = grid.children.find((c) => c.code === communes[0].district)!;
    expect(firstDistrict.population).toBe(communes.reduce((sum, c, i) => sum + (c.district === firstDistrict.code ? populationOf(i) : 0), 0));
  });

  it("rewrites the counts a population change moves, each audited with its old and new count", async () => {
    const before = await targetsOf("2023-06-30");
    const changed = communes[10];
    const result = await savePopulations(admin, [{ unitCode: changed.code, asOf: "2023-05-15", eligible: populationOf(10) + 1_000 }]);
    expect(result.changed).toBe(1);
    const after = await targetsOf("2023-06-30");
    // 55% of 1,000 more: the commune, its district and the province gain 550 (± the rounding of one unit)
    expect(after.get(changed.code)! - before.get(changed.code)!).toBeGreaterThanOrEqual(549);
    expect(after.get(changed.code)! - before.get(changed.code)!).toBeLessThanOrEqual(551);
    expect(after.get(PROVINCE)! - before.get(PROVINCE)!).toBe(550);
    expect(await listTargetSumWarnings(admin, CAMPAIGN)).toEqual([]);
    const moved = [...after].filter(([code, value]) => before.get(code) !== value);
    const updates = await testDb().auditEvent.findMany({ where: { action: "target.update", entityKey: { endsWith: ":2023-06-30" } }, select: { entityKey: true, oldValue: true, newValue: true } });
    expect(updates.map((u) => [u.entityKey!.split(":")[1], u.oldValue, u.newValue]).sort()).toEqual(moved.map(([code, value]) => [code, before.get(code), value]).sort());
    expect(await testDb().auditEvent.count({ where: { action: "population.create", entityKey: `${changed.code}:2023-05-15` } })).toBe(1);
    // the same rows again change nothing
    expect(await savePopulations(admin, [{ unitCode: changed.code, asOf: "2023-05-15", eligible: populationOf(10) + 1_000 }])).toEqual({ changed: 0, targets: 0 });
  });

  it("ranks the districts by share of target and by share of eligible population, both by the one percentage rule", async () => {
    const activatedOf = (i: number) => 40 + ((i * 37) % 400);
    const rows = communes.flatMap((c, i) => [
      { metric: "dossiers", value: activatedOf(i) * 2 }, { metric: "accounts", value: activatedOf(i) + 10 }, { metric: "activated", value: activatedOf(i) },
    ].map((f) => ({ date: "2023-06-01", unitCode: c.code, kind: "daily" as const, ...f })));
    expect((await saveDailyFigures(admin, rows.map((r, ref) => ({ ...r, ref })), { now: new Date("2023-06-02T03:00:00Z") })).ok).toBe(true);

    const ranking = await getRankings(admin, { parentCode: PROVINCE, metricCode: "activated", asOf: "2023-06-30", campaignCode: CAMPAIGN });
    expect(ranking.rows).toHaveLength(18);
    const targets = await targetsOf("2023-06-30");
    for (const row of ranking.rows) {
      const mine = communes.map((c, i) => ({ ...c, i })).filter((c) => c.district === row.code);
      const actual = mine.reduce((s, c) => s + activatedOf(c.i), 0);
      // the population of 15/05 of the commune changed above counts on 30/06
      const population = mine.reduce((s, c) => s + populationOf(c.i) + (c.i === 10 ? 1_000 : 0), 0);
      expect({ code: row.code, actual: row.actual, target: row.target, percent: row.percent, populationPercent: row.populationPercent }).toEqual({
        code: row.code, actual, target: targets.get(row.code), percent: percentOf(actual, targets.get(row.code)!), populationPercent: percentOf(actual, population),
      });
    }
    // by share of target: the ranks follow the percent; by share of population: the table sorted on it
    const ranked = [...ranking.rows].sort((a, b) => a.rank! - b.rank!);
    for (let k = 1; k < ranked.length; k++) expect(ranked[k - 1].percent!).toBeGreaterThanOrEqual(ranked[k].percent!);
    const byPopulation = sortRankingRows(ranking.rows, "populationPercent", "desc");
    for (let k = 1; k < byPopulation.length; k++) expect(byPopulation[k - 1].populationPercent!).toBeGreaterThanOrEqual(byPopulation[k].populationPercent!);

    // the province's overview: each metric's share of target and of the eligible population
    const overview = await getUnitOverview(admin, { unitCode: PROVINCE, metricCode: "activated", asOf: "2023-06-30", campaignCode: CAMPAIGN });
    const activated = overview.metrics.find((m) => m.code === "activated")!;
    const total = communes.reduce((sum, _, i) => sum + activatedOf(i), 0);
    const population = communes.reduce((sum, _, i) => sum + populationOf(i), 0) + 1_000;
    expect({ actual: activated.actual, percent: activated.percent, populationPercent: activated.populationPercent })
      .toEqual({ actual: total, percent: percentOf(total, targets.get(PROVINCE)!), populationPercent: percentOf(total, population) });
  });

  it("a share on a district gives way to a later one on its province for the same milestone", async () => {
    const district = communes[0].district;
    await setTargetShare(admin, { campaign: CAMPAIGN, metric: "dossiers", dueDate: "2023-06-30", unitCode: district, basisPoints: 7_000 });
    await setTargetShare(admin, { campaign: CAMPAIGN, metric: "dossiers", dueDate: "2023-06-30", unitCode: PROVINCE, basisPoints: 6_000 });
    const shares = await testDb().targetShare.findMany({ where: { metric: { code: "dossiers" } }, select: { unit: { select: { code: true } }, basisPoints: true } });
    expect(shares).toEqual([{ unit: { code: PROVINCE }, basisPoints: 6_000 }]);
    expect(await testDb().auditEvent.count({ where: { action: "target_share.remove", entityKey: `${CAMPAIGN}:${district}:dossiers:2023-06-30` } })).toBe(1);
  });
});

describe("refusals, each changing nothing", () => {
  const stored = async () => ({
    populations: await testDb().unitPopulation.count(), shares: await testDb().targetShare.count(), targets: await testDb().target.count(), audits: await testDb().auditEvent.count(),
  });

  it("refuses a population on a district (it is the sum of its communes'), a duplicate row, an unknown unit, a non-administrator", async () => {
    const before = await stored();
    const district = communes[0].district;
    const refusal = (csv: string) => importCsv(admin, "populations", `unit_code,as_of,eligible\n${csv}`);
    expect(await refusal(`${district},2023-04-01,5000`)).toMatchObject({ ok: false });
    await expect(savePopulations(admin, [{ unitCode: district, asOf: "2023-04-01", eligible: 5_000 }])).rejects.toMatchObject({ userMessage: { key: "validation.population.notLeaf" } });
    expect(await refusal(`${communes[0].code},2023-04-01,1\n${communes[0].code},2023-04-01,2`)).toMatchObject({ ok: false, errors: [{ line: 3, message: expect.stringMatching(/hai dòng/) }] });
    expect(await refusal(`99999,2023-04-01,1`)).toMatchObject({ ok: false, errors: [{ line: 2, message: expect.stringMatching(/99999/) }] });
    expect(await refusal(`${communes[0].code},2023-04-01,-5`)).toMatchObject({ ok: false });
    const officer = await addUser(testDb(), "cong-an-tinh-dan-so", "province", PROVINCE);
    await expect(savePopulations(officer, [{ unitCode: communes[0].code, asOf: "2023-04-01", eligible: 1 }])).rejects.toMatchObject({ code: "FORBIDDEN" });
    const after = await stored();
    expect({ ...after, audits: 0 }).toEqual({ ...before, audits: 0 });
  });

  it("refuses a share out of (0, 100%], and one over communes without a population by the due date, naming them", async () => {
    const before = await stored();
    for (const basisPoints of [0, 10_001, 55.5]) {
      await expect(setTargetShare(admin, { campaign: CAMPAIGN, metric: "activated", dueDate: "2023-06-30", unitCode: PROVINCE, basisPoints })).rejects.toMatchObject({ userMessage: { key: "validation.population.share" } });
    }
    // populations are from 01/04/2023: none by 31/03
    await expect(setTargetShare(admin, { campaign: CAMPAIGN, metric: "activated", dueDate: "2023-03-31", unitCode: communes[0].district, basisPoints: 5_000 }))
      .rejects.toMatchObject({ userMessage: { key: "validation.population.missing", params: { count: expect.any(Number) } } });
    expect(await stored()).toEqual(before);
  });
});
