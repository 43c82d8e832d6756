// A unit that has ended keeps its weekly reports (issue 20): the report of a week before the
// 2025 reorganisation, its issuing settings and its issued list resolve the unit's code on the
// week's last day, not today (the old district 901 of the two-trees fixture ended 30/06/2025).
import { beforeAll, describe, expect, it } from "vitest";
import { getReportEnvelope } from "@/lib/data/weekly-report-envelope";
import { getIssuingSettings } from "@/lib/data/issuing-settings";
import { listIssuedReports } from "@/lib/data/issued-reports";
import { getUnitOverview } from "@/lib/data/overview";
import type { Actor } from "@/lib/auth/permissions";
import { resetDatabase } from "./helpers";
import { twoTrees } from "./two-trees";
import { addUser } from "../support/users";

let province: Actor;

describe("weekly report of a unit that has ended since", () => {
  beforeAll(async () => {
    const db = await resetDatabase();
    await twoTrees(db);
    province = await addUser(db, "tinh", "province", "90");
  });

  it("opens the report of a week when the unit existed, with its issuing settings", async () => {
    const document = await getReportEnvelope(province, { unit: "901", week: "2025-W20" }, new Date("2026-01-05T03:00:00Z"));
    expect(document.model.unit).toMatchObject({ code: "901", name: "Huyện Cũ" });
    expect(document.model.week.end).toBe("2025-05-18");
    expect(document.issuing.issuingBody).toBeTruthy();
    expect(await listIssuedReports(province, "901", document.model.week.end)).toEqual([]);
  });

  it("still says, on a day after the end, that the code names no unit then", async () => {
    await expect(getIssuingSettings(province, "901")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReportEnvelope(province, { unit: "901", week: "2025-W40" }, new Date("2026-01-05T03:00:00Z"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("counts a unit's children of the view's day: the old district before the change, the new communes after", async () => {
    const on = (asOf: string) => getUnitOverview(province, { unitCode: "90", metricCode: "activated", asOf }).then((o) => o.childCount);
    expect(await on("2024-06-01")).toBe(1);
    expect(await on("2026-01-01")).toBe(3);
  });
});
