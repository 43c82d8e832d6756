// Targets summed up the tree are keyed by path, not by code: across the 2025 reorganisation a
// code names two units (old commune 90101 under district 901, new ward 90101 under province
// 90), and a sum for one must never take the other's target (two-trees fixture).
import { beforeAll, describe, expect, it } from "vitest";
import { effectiveTargetsOf } from "@/lib/data/targets";
import { dayToDate } from "@/lib/domain/dates";
import { resetDatabase, testDb } from "./helpers";
import { twoTrees, type TwoTrees } from "./two-trees";

describe("effective targets across reused codes", () => {
  let units: TwoTrees;
  let campaignId: number;
  let metricId: number;
  const DUE = "2025-12-31";

  beforeAll(async () => {
    const db = await resetDatabase();
    units = await twoTrees(db);
    campaignId = (await db.campaign.create({ data: { code: "qua-2025", name: "Đợt qua năm", startDate: dayToDate("2025-01-01"), endDate: dayToDate(DUE) }, select: { id: true } })).id;
    metricId = (await db.metric.findUniqueOrThrow({ where: { code: "activated" }, select: { id: true } })).id;
    const target = (key: string, value: number) => ({ campaignId, metricId, unitId: units.get(key)!.id, dueDate: dayToDate(DUE), value });
    await db.target.createMany({ data: [target("90101@old", 100), target("90102", 200), target("90103", 300), target("90101@new", 5000), target("90104", 700)] });
  });

  it("sums the old district from its own three communes, never the new ward that reuses a code", async () => {
    const unit = (key: string, code: string) => ({ id: units.get(key)!.id, code, path: units.get(key)!.path });
    // keyed by code, the two 90101 were one node: 500 or 5,500 depending on the rows' order
    // asked together with the province: both 90101 are read under their common prefix 90/
    const targets = await effectiveTargetsOf(campaignId, metricId, DUE, [unit("901", "901"), unit("90", "90")]);
    expect(targets.get(units.get("901")!.id)).toBe(600);
    expect(await testDb().target.count()).toBe(5);
  });
});
