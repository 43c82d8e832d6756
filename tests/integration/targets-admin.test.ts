import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { AppError, userText } from "@/lib/data/errors";
import { importCsv } from "@/lib/data/import";
import { createCampaign, getTargetGrid, listCampaigns, listTargetSumWarnings, saveTargets } from "@/lib/data/targets-admin";
import { withLocale } from "@/lib/i18n/message";
import { campaignCreateSchema, targetValuesSchema } from "@/lib/validation/admin-forms";
import { ADMIN, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const GRID = { campaign: "dot-1", metric: "activated", dueDate: "2023-06-30" };

describe("campaigns and targets", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
    await createCampaign(ADMIN, { code: "dot-1", name: "Cao điểm 2023", startDate: "2023-05-01", endDate: "2023-06-30" });
  });

  it("creates a campaign once, audited", async () => {
    await expect(createCampaign(ADMIN, { code: "dot-1", name: "x", startDate: "2023-05-01", endDate: "2023-06-30" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await listCampaigns(ADMIN)).toEqual([expect.objectContaining({ code: "dot-1", name: "Cao điểm 2023", dueDates: [], targets: 0 })]);
    expect(await testDb().auditEvent.count({ where: { action: "campaign.create", entityKey: "dot-1" } })).toBe(1);
  });

  it("sets a milestone's targets in a grid and warns while the children's do not add up to the parent's", async () => {
    await saveTargets(ADMIN, { ...GRID, values: [{ unitCode: "90", value: 1000 }, { unitCode: "901", value: 500 }, { unitCode: "902", value: 300 }] });
    let grid = await getTargetGrid(ADMIN, { ...GRID, parentCode: "90" });
    // no population entered: none shown
    expect(grid.parent).toEqual({ code: "90", name: "Tỉnh Thử Nghiệm", target: 1000, population: null });
    expect(grid.hasPopulation).toBe(false);
    expect(grid.children.map((c) => [c.code, c.target])).toEqual([["901", 500], ["902", 300], ["903", null]]);
    expect(grid.warning).toMatchObject({ childrenSum: 800, difference: -200, missing: ["Huyện Tây"] });
    expect(await listTargetSumWarnings(ADMIN, "dot-1")).toEqual([expect.objectContaining({ unitCode: "90", metric: "activated", dueDate: "2023-06-30", childrenSum: 800 })]);

    const result = await saveTargets(ADMIN, { ...GRID, values: [{ unitCode: "90", value: 1000 }, { unitCode: "901", value: 500 }, { unitCode: "902", value: 300 }, { unitCode: "903", value: 200 }] });
    expect(result.changed).toBe(1); // unchanged cells are left alone
    grid = await getTargetGrid(ADMIN, { ...GRID, parentCode: "90" });
    expect(grid.warning).toBeNull();
    expect(await listTargetSumWarnings(ADMIN, "dot-1")).toEqual([]);

    // clearing a cell removes that target, audited like any change
    await saveTargets(ADMIN, { ...GRID, values: [{ unitCode: "903", value: null }] });
    expect(await testDb().target.count()).toBe(3);
    expect((await testDb().auditEvent.findMany({ where: { entity: "target" }, select: { action: true }, orderBy: { id: "asc" } })).map((e) => e.action))
      .toEqual(["target.create", "target.create", "target.create", "target.create", "target.delete"]);
  });

  it("imports targets from CSV and the campaign then lists where they do not add up", async () => {
    const csv = [
      "campaign,unit_code,metric,due_date,target",
      "dot-1,90,activated,2023-06-30,1000",
      "dot-1,901,activated,2023-06-30,600",
      "dot-1,902,activated,2023-06-30,300",
      "dot-1,903,activated,2023-06-30,200",
      "dot-1,901,activated,2023-05-31,100",
      "dot-1,90101,activated,2023-05-31,60",
      "dot-1,90102,activated,2023-05-31,40",
    ].join("\n");
    expect(await importCsv(ADMIN, "targets", csv)).toMatchObject({ ok: true, written: 7 });
    const warnings = await listTargetSumWarnings(ADMIN, "dot-1");
    expect(warnings.map((w) => [w.unitCode, w.dueDate, w.childrenSum, w.parentTarget])).toEqual([["90", "2023-06-30", 1100, 1000]]);
    expect((await listCampaigns(ADMIN))[0].dueDates).toEqual(["2023-05-31", "2023-06-30"]);
  });

  it("refuses everyone but administrators, writing nothing", async () => {
    const province: Actor = { id: 5, username: "tinh", role: "province", unitPath: "90/" };
    const district: Actor = { id: 6, username: "bac", role: "district", unitPath: "90/901/" };
    for (const actor of [province, district]) {
      await expect(createCampaign(actor, { code: "dot-2", name: "x", startDate: "2023-05-01", endDate: "2023-06-30" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(saveTargets(actor, { ...GRID, values: [{ unitCode: "90101", value: 5 }] })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getTargetGrid(actor, { ...GRID, parentCode: "901" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await importCsv(actor, "targets", "campaign,unit_code,metric,due_date,target\ndot-1,90101,activated,2023-06-30,5")).ok).toBe(false);
    }
    expect(await testDb().target.count()).toBe(0);
    expect(await testDb().campaign.count()).toBe(1);
  });

  it("words its refusals in the request's language: Vietnamese by default, English when asked", async () => {
    const refusal = (work: () => Promise<unknown>) => work().then(() => null, (e: AppError) => [e.code, e.fieldErrors, userText(e)]);
    const duplicate = () => createCampaign(ADMIN, { code: "dot-1", name: "x", startDate: "2023-05-01", endDate: "2023-06-30" });
    const unknownUnit = () => saveTargets(ADMIN, { ...GRID, values: [{ unitCode: "99999", value: 5 }] });
    expect(await refusal(duplicate)).toEqual(["INVALID_INPUT", { code: ["Đã có đợt mã dot-1."] }, "Đã có đợt mã dot-1."]);
    expect(await withLocale("en", () => refusal(duplicate))).toEqual(["INVALID_INPUT", { code: ["A campaign with code dot-1 already exists."] }, "A campaign with code dot-1 already exists."]);
    expect(await withLocale("en", () => refusal(unknownUnit))).toMatchObject(["INVALID_INPUT", { values: ["There is no unit with code 99999."] }, "There is no unit with code 99999."]);

    // the forms' schemas too: their messages are worded when the form is parsed
    const backwards = { code: "dot-2", name: "Đợt 2", startDate: "2023-06-30", endDate: "2023-05-01" };
    const endDateError = () => campaignCreateSchema.safeParse(backwards).error?.issues.map((i) => i.message);
    expect(endDateError()).toEqual(["Ngày kết thúc phải sau ngày bắt đầu."]);
    expect(withLocale("en", endDateError)).toEqual(["The end date must not be before the start date."]);
    const negative = { ...GRID, values: [{ unitCode: "901", value: "-5" }] };
    expect(withLocale("en", () => targetValuesSchema.safeParse(negative).error?.issues[0].message)).toBe("A target must be a whole number, zero or more.");
    expect(await testDb().campaign.count()).toBe(1);
    expect(await testDb().target.count()).toBe(0);
  });
});
