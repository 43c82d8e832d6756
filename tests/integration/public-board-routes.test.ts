// Every public route and file of the board (/cong-khai/CODE/...), for every board setting:
// nothing leaks (no user name, no metric or unit the board does not publish, no figure newer
// than the cutoff), every answer cacheable (ETag, Cache-Control public, 304) and without a
// cookie, framing refused except on the embed page for the listed origins, 404 everywhere
// when the board is off. The routes are called as Next calls them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { importCsv } from "@/lib/data/import";
import { publishBoard, updateBoardSettings } from "@/lib/data/public-board";
import { dayToDate } from "@/lib/domain/dates";
import { parseCutoff } from "@/lib/domain/public-board";
import { boardSettingsSchema } from "@/lib/validation/public-board";
import { GET as pageRoute } from "@/app/cong-khai/[code]/route";
import { GET as embedRoute } from "@/app/cong-khai/[code]/embed/route";
import { GET as fileRoute } from "@/app/cong-khai/[code]/[file]/route";
import { ADMIN, createCampaign, createUnits } from "./fixtures";
import { resetDatabase } from "./helpers";

const LEADER: Actor & { displayName: string } = { id: null, username: "lanhdao90", role: "leader", unitPath: "90/", displayName: "Trần Thị Công Bố" };
const STAMP = "2023-06-07T1700";
const FILES = ["latest.json", `${STAMP}.json`, `${STAMP}.csv`, "index.json", STAMP, "latest-1200x675.png", `${STAMP}-1080x1350.png`];
// figures that appear only where they should: the cutoff's totals, and a later day's
const DOSSIERS = ["7777", "7.777"];
const ACTIVATED = ["4321", "4.321"];
const AFTER_CUTOFF = ["54321", "54.321", "2023-06-08", "08/06/2023"];
const CHILDREN = ["Núi Thành", "Hội An"];

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const url = `http://localhost${path}`;
  const request = new Request(url, { headers });
  const [, , code, file] = new URL(url).pathname.split("/");
  if (!file) return pageRoute(request, { params: Promise.resolve({ code }) });
  if (file === "embed") return embedRoute(request, { params: Promise.resolve({ code }) });
  return fileRoute(request, { params: Promise.resolve({ code, file: decodeURIComponent(file) }) });
}

const PATHS = (code: string) => [`/cong-khai/${code}`, `/cong-khai/${code}?lang=en`, `/cong-khai/${code}/embed`, ...FILES.map((f) => `/cong-khai/${code}/${f}`)];

async function bodyText(response: Response): Promise<string> {
  if (response.headers.get("content-type")?.startsWith("image/png")) return "";
  return response.text();
}

const settings = (overrides: Record<string, unknown>) => boardSettingsSchema.parse({
  unit: "90", enabled: "on", metrics: ["dossiers", "activated"], rankingMetric: "activated", showRanking: "on", showPraise: "on", times: "", frameOrigins: "https://baotinh.vn", ...overrides,
});

beforeAll(async () => {
  const db = await resetDatabase();
  await createUnits(db, [["90", "Tỉnh Thử Nghiệm", null], ["901", "Huyện Núi Thành", "90"], ["902", "Thành phố Hội An", "90"], ["90101", "Xã Tam Nghĩa", "901"], ["90201", "Phường Minh An", "902"], ["80", "Tỉnh Khác Biệt", null], ["801", "Huyện Khác Biệt", "80"]]);
  await createCampaign(db, "dot-1", "2023-05-01", "2023-06-30");
  const [campaign, activated] = await Promise.all([db.campaign.findUniqueOrThrow({ where: { code: "dot-1" } }), db.metric.findUniqueOrThrow({ where: { code: "activated" } })]);
  for (const [code, value] of [["901", 5_000], ["902", 4_000]] as const) {
    const unit = await db.unit.findFirstOrThrow({ where: { code } });
    await db.target.create({ data: { campaignId: campaign.id, unitId: unit.id, metricId: activated.id, dueDate: dayToDate("2023-06-30"), value } });
  }
  const rows = ["2023-06-07,90101,activated,4000", "2023-06-07,90201,activated,321", "2023-06-07,90101,dossiers,7777", "2023-06-07,801,activated,999"];
  expect((await importCsv(ADMIN, "daily", ["date,unit_code,metric,value", ...rows].join("\n"), { now: new Date("2023-06-07T05:00:00Z") })).errors).toEqual([]);
  await updateBoardSettings(LEADER, settings({}));
  await publishBoard(LEADER, { unit: "90", cutoff: parseCutoff("2023-06-07 17:00") }, new Date("2023-06-07T10:30:00Z"));
  // a later day's figures, after the publication: never in it
  expect((await importCsv(ADMIN, "daily", "date,unit_code,metric,value\n2023-06-08,90101,activated,50000", { now: new Date("2023-06-08T05:00:00Z") })).errors).toEqual([]);
});

const CASES = [
  { label: "everything", overrides: {}, metrics: true, dossiers: true, children: true },
  { label: "activated only", overrides: { metrics: ["activated"] }, metrics: true, dossiers: false, children: true },
  { label: "no ranking", overrides: { showRanking: undefined, showPraise: undefined }, metrics: true, dossiers: true, children: false },
  { label: "dossiers only, ranked by it", overrides: { metrics: ["dossiers"], rankingMetric: "dossiers" }, metrics: false, dossiers: true, children: false },
];

describe("every public route and file, for every board setting", () => {
  it.each(CASES)("$label: nothing unpublished, nothing newer than the cutoff, no user, cacheable, no cookie", async (c) => {
    await updateBoardSettings(LEADER, settings(c.overrides));
    for (const path of PATHS("90")) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("set-cookie"), path).toBeNull();
      expect(response.headers.get("cache-control"), path).toMatch(/^public/);
      const etag = response.headers.get("etag");
      expect(etag, path).toBeTruthy();
      const csp = response.headers.get("content-security-policy") ?? "";
      if (path.endsWith("/embed")) expect(csp, path).toContain("frame-ancestors https://baotinh.vn");
      else expect(csp, path).toContain("frame-ancestors 'none'");
      const text = await bodyText(response);
      for (const leak of [LEADER.displayName, LEADER.username, "Khác Biệt", ...AFTER_CUTOFF]) expect(text, `${path}: ${leak}`).not.toContain(leak);
      if (text && !path.includes("index.json")) {
        for (const figure of ACTIVATED) if (!c.metrics) expect(text, `${path}: ${figure}`).not.toContain(figure);
        for (const figure of DOSSIERS) if (!c.dossiers) expect(text, `${path}: ${figure}`).not.toContain(figure);
        for (const name of CHILDREN) if (!c.children) expect(text, `${path}: ${name}`).not.toContain(name);
        if (c.children) expect(text, path).toContain("Núi Thành");
      }
      const again = await get(path, { "if-none-match": etag! });
      expect(again.status, path).toBe(304);
    }
  });

  it("the JSON holds the API's shape and figures as of the cutoff", async () => {
    await updateBoardSettings(LEADER, settings({}));
    const json = await (await get(`/cong-khai/90/${STAMP}.json`)).json();
    expect(json).toMatchObject({
      unit: { code: "90", name: "Tỉnh Thử Nghiệm" }, cutoff: "2023-06-07T17:00:00+07:00", stamp: STAMP,
      metrics: [{ metric: "dossiers", actual: 7_777, target: null, percent: null, dueDate: null }, { metric: "activated", actual: 4_321, target: 9_000, percent: 48.01, dueDate: "2023-06-30" }],
      rows: [{ code: "901", name: "Huyện Núi Thành", actual: 4_000, target: 5_000, percent: 80, rank: 1, reportedOn: "2023-06-07" }, { code: "902", name: "Thành phố Hội An", actual: 321, target: 4_000, percent: 8.03, rank: 2, reportedOn: "2023-06-07" }],
    });
    expect(json.text).toContain("đã kích hoạt 4.321 tài khoản, đạt 48,01% so với chỉ tiêu 9.000");
    expect(Object.keys(json).sort()).toEqual(["cutoff", "metrics", "publishedAt", "rankingMetric", "rows", "stamp", "text", "unit"]);
    const csv = await (await get(`/cong-khai/90/${STAMP}.csv`)).text();
    expect(csv).toContain("901,Huyện Núi Thành,4000,5000,80,1,2023-06-07");
  });

  it("off: 404 for every public URL; an unknown code, stamp or file: 404 without detail", async () => {
    await updateBoardSettings(LEADER, settings({ enabled: undefined }));
    for (const path of [...PATHS("90"), ...PATHS("80")]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      expect(await response.text(), path).not.toMatch(/Tỉnh Thử Nghiệm|4\.321|stack|at \S+\.ts/);
    }
    await updateBoardSettings(LEADER, settings({}));
    for (const path of ["/cong-khai/90/2023-06-07T1659.json", "/cong-khai/90/secret.json", "/cong-khai/90/..%2F..%2Fetc", "/cong-khai/abc", "/cong-khai/12345/latest.json"]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});
