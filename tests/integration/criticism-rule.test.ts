// The stored criticism rule (issue 24, point 4): set by a province for its units, inherited
// below, audited, refused to everyone else with nothing written, and used by the overview's
// morning summary, the rankings page's data and the weekly report (an issued one keeps its own).
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getCriticismContext, getCriticismRule, updateCriticismRule } from "@/lib/data/criticism-rule";
import { importCsv } from "@/lib/data/import";
import { getIssuedReport, issueWeeklyReport } from "@/lib/data/issued-reports";
import { getMorningSummary } from "@/lib/data/overview-morning";
import { getProgress } from "@/lib/data/progress";
import { getWeeklyReport } from "@/lib/data/weekly-report";
import { dayToDate } from "@/lib/domain/dates";
import { parseIsoWeek } from "@/lib/domain/weeks";
import { praiseSentence, reportWords } from "@/lib/reports/text";
import { criticismRuleSchema } from "@/lib/validation/criticism-rule";
import { ADMIN, createCampaign, createUnits } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const WEEK = parseIsoWeek("2023-W23")!; // Monday 05/06/2023 – Sunday 11/06/2023
const NOW = new Date("2023-06-12T03:00:00Z");
const PROVINCE: Actor = { id: null, username: "tinh", role: "province", unitPath: "90/" };
const LEADER: Actor = { id: null, username: "lanhdao", role: "leader", unitPath: "90/" };
const DISTRICT: Actor = { id: null, username: "bac", role: "district", unitPath: "90/901/" };
const COMMUNE: Actor = { id: null, username: "xa", role: "commune", unitPath: "90/901/90101/" };
const OTHER_PROVINCE: Actor = { id: null, username: "khac", role: "province", unitPath: "80/" };

// Eight districts of 1.000 each, all between 81% and 90%: the province stands at 6.890 / 8.000 = 86,13%.
const DISTRICTS: [string, string, number][] = [
  ["901", "Huyện Một", 900], ["902", "Huyện Hai", 890], ["903", "Huyện Ba", 880], ["904", "Huyện Bốn", 870],
  ["905", "Huyện Năm", 860], ["906", "Huyện Sáu", 850], ["907", "Huyện Bảy", 830], ["908", "Huyện Tám", 810],
];
const DAY = "2023-06-10";
const rule = (unit: string, kind: string, count: string, threshold = "") => criticismRuleSchema.parse({ unit, kind, count, threshold });
const morning = (actor: Actor, unitCode = "90") => getMorningSummary(actor, { unitCode, metricCode: "activated", asOf: DAY });
const codes = (rows: { code: string }[]) => rows.map((row) => row.code);

beforeEach(async () => {
  const db = await resetDatabase();
  await createUnits(db, [["90", "Tỉnh Thử Nghiệm", null], ...DISTRICTS.map(([code, name]) => [code, name, "90"] as [string, string, string]), ["90101", "Xã Một", "901"], ["80", "Tỉnh Khác", null]]);
  await createCampaign(db, "dot-1", "2023-05-01", "2023-06-30");
  const [campaign, metric] = await Promise.all([db.campaign.findUniqueOrThrow({ where: { code: "dot-1" } }), db.metric.findUniqueOrThrow({ where: { code: "activated" } })]);
  for (const [code] of DISTRICTS) {
    const unit = await db.unit.findFirstOrThrow({ where: { code } });
    await db.target.create({ data: { campaignId: campaign.id, unitId: unit.id, metricId: metric.id, dueDate: dayToDate("2023-06-30"), value: 1000 } });
  }
  const figures = DISTRICTS.map(([code, , value]) => `${DAY},${code === "901" ? "90101" : code},activated,${value}`);
  const result = await importCsv(ADMIN, "daily", ["date,unit_code,metric,value", ...figures].join("\n"), { now: NOW });
  expect(result.errors).toEqual([]);
});

describe("the stored criticism rule", () => {
  it("is bottom 5 by default, as before: the three best praised, the rest of the eight criticised", async () => {
    expect(await getCriticismRule(LEADER, "90")).toMatchObject({ rule: { kind: "bottom", count: 5 }, source: "default", sourceUnit: null, editable: false });
    const summary = await morning(PROVINCE);
    expect(codes(summary.criticised)).toEqual(["908", "907", "906", "905", "904"]);
    expect(summary.criticismRule).toEqual({ kind: "bottom", count: 5, threshold: null });
  });

  it("a provincial user sets 'below 80%': nobody among districts at 81–90% is criticised, and the districts inherit it; audited", async () => {
    await updateCriticismRule(PROVINCE, rule("90", "belowPercent", "5", "80"));
    expect(await getCriticismRule(PROVINCE, "90")).toMatchObject({ rule: { kind: "belowPercent", count: 5, threshold: 80 }, source: "own", editable: true });
    expect(await getCriticismRule(DISTRICT, "901")).toMatchObject({ rule: { kind: "belowPercent", count: 5, threshold: 80 }, source: "inherited", sourceUnit: { code: "90", name: "Tỉnh Thử Nghiệm" }, editable: false });
    const summary = await morning(PROVINCE);
    expect(summary.criticised).toEqual([]);
    expect(summary.praised).toHaveLength(3);
    expect(summary.criticismRule).toEqual({ kind: "belowPercent", count: 5, threshold: 80 });

    const audits = await testDb().auditEvent.findMany({ where: { action: "criticism_rule.update" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ entity: "criticism_rules", entityKey: "90", oldValue: null, newValue: { kind: "belowPercent", count: 5, threshold: 80 } });
  });

  it("'below the parent's percent' criticises the districts under the province's own 86,13%, at most N; the change is audited with old and new", async () => {
    await updateCriticismRule(PROVINCE, rule("90", "belowPercent", "5", "80"));
    await updateCriticismRule(ADMIN, rule("90", "belowParent", "5"));
    const province = await getProgress(PROVINCE, { unitCode: "90", metricCode: "activated", asOf: DAY });
    expect(province.percent).toBe(86.13);
    const context = await getCriticismContext(PROVINCE, { unitCode: "90", metricCode: "activated", asOf: DAY });
    expect(context).toMatchObject({ rule: { kind: "belowParent", count: 5 }, parent: { name: "Tỉnh Thử Nghiệm", percent: 86.13 } });
    const summary = await morning(PROVINCE);
    expect(codes(summary.criticised)).toEqual(["908", "907", "906", "905"]);
    expect(summary.criticismRule).toEqual({ kind: "belowParent", count: 5, threshold: 86.13, parentName: "Tỉnh Thử Nghiệm" });

    await updateCriticismRule(PROVINCE, rule("90", "belowParent", "2"));
    expect(codes((await morning(PROVINCE)).criticised)).toEqual(["908", "907"]);
    const audits = await testDb().auditEvent.findMany({ where: { action: "criticism_rule.update" }, orderBy: { id: "asc" } });
    expect(audits.map((a) => [a.oldValue, a.newValue])).toEqual([
      [null, { kind: "belowPercent", count: 5, threshold: 80 }],
      [{ kind: "belowPercent", count: 5, threshold: 80 }, { kind: "belowParent", count: 5, threshold: null }],
      [{ kind: "belowParent", count: 5, threshold: null }, { kind: "belowParent", count: 2, threshold: null }],
    ]);
  });

  it("a district's own rule wins over the province's for its communes' ranking", async () => {
    await updateCriticismRule(PROVINCE, rule("90", "belowPercent", "5", "80"));
    await updateCriticismRule(PROVINCE, rule("901", "bottom", "1"));
    expect(await getCriticismRule(DISTRICT, "901")).toMatchObject({ rule: { kind: "bottom", count: 1 }, source: "own" });
    expect(await getCriticismRule(PROVINCE, "90")).toMatchObject({ rule: { kind: "belowPercent" }, source: "own" });
  });

  it.each([
    { who: "a district officer", actor: DISTRICT, unit: "901" },
    { who: "a commune officer", actor: COMMUNE, unit: "90101" },
    { who: "a leader", actor: LEADER, unit: "90" },
    { who: "another province's user", actor: OTHER_PROVINCE, unit: "90" },
    { who: "a provincial user outside their province", actor: PROVINCE, unit: "80" },
  ])("refuses $who, writing nothing", async ({ actor, unit }) => {
    await expect(updateCriticismRule(actor, rule(unit, "belowPercent", "5", "80"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb().criticismRule.count()).toBe(0);
    expect(await testDb().auditEvent.count({ where: { action: "criticism_rule.update" } })).toBe(0);
  });
});

describe("the weekly report's section III", () => {
  it("uses the unit's rule and says so; an issued report keeps the list and rule it was issued with", async () => {
    await updateCriticismRule(PROVINCE, rule("90", "belowPercent", "5", "84"));
    const live = await getWeeklyReport(PROVINCE, { unitCode: "90", week: WEEK }, NOW);
    expect(codes(live.criticism)).toEqual(["908", "907"]);
    expect(live.criticismRule).toEqual({ kind: "belowPercent", count: 5, threshold: 84 });
    expect(praiseSentence(live, reportWords("vi"))).toBe("Biểu dương: Một (90,00%), Hai (89,00%), Ba (88,00%); Phê bình 2 đơn vị thấp nhất có tỷ lệ dưới 84,00%: Tám (81,00%), Bảy (83,00%).");

    const issued = await issueWeeklyReport(ADMIN, { unitCode: "90", week: WEEK, lockDays: false }, NOW);
    await updateCriticismRule(PROVINCE, rule("90", "belowPercent", "5", "80"));
    const frozen = (await getIssuedReport(PROVINCE, issued.id)).model;
    expect(codes(frozen.criticism)).toEqual(["908", "907"]);
    expect(praiseSentence(frozen, reportWords("vi"))).toContain("dưới 84,00%");
    const now = await getWeeklyReport(PROVINCE, { unitCode: "90", week: WEEK }, NOW);
    expect(now.criticism).toEqual([]);
    expect(praiseSentence(now, reportWords("vi"))).toBe("Biểu dương: Một (90,00%), Hai (89,00%), Ba (88,00%); Không phê bình đơn vị nào: không có đơn vị nào có tỷ lệ dưới 80,00%.");
  });
});
