// Every input surface that exists, one entry each. To cover a new route, action, search
// parameter parser or import: add one entry here (see harness.ts for what is checked).
import fc from "fast-check";
import { expect } from "vitest";
import { POST as postDaily } from "@/app/api/v1/daily/route";
import { GET as getImportTemplate } from "@/app/import/template/route";
import { saveDailyGridAction } from "@/app/entry/actions";
import { createPeriodLockAction } from "@/app/entry/locks/actions";
import { importDailyAction } from "@/app/import/actions";
import { getDailyGrid } from "@/lib/data/daily-grid";
import { importCsv } from "@/lib/data/import";
import { isIsoDate } from "@/lib/domain/dates";
import { readCsv } from "@/lib/validation/csv";
import { auditParamsSchema, entryParamsSchema } from "@/lib/validation/daily-entry-params";
import { IMPORT_KINDS, type ImportKind } from "@/lib/validation/import-rows";
import { readViewParams } from "@/lib/validation/view-params";
import { actionOutcome, attack, responseOutcome, surface, type AttackReport, type AttackSurface } from "./harness";
import { signInAs } from "./signed-in";
import * as more from "./surfaces-more";
import { hostileCsv, hostileString, hostileValue, mostly, often, searchParams } from "./values";
import { ADMIN_USER, DISTRICT_USER, districtToken } from "./world";

const DAYS = ["2023-06-01", "2023-06-02", "2023-06-03", "2023-06-04", "2099-01-01"];
const UNITS = ["90101", "90102", "90101", "90102", "90201", "901", "90", "99999"];
const METRICS = ["dossiers", "accounts", "activated", "cccd", "nothing"];
/** a correction needs a reason: usually a sensible one, so that corrections get through too */
const REASON = fc.oneof({ arbitrary: fc.constant("Sửa theo báo cáo của xã"), weight: 3 }, { arbitrary: hostileString, weight: 1 });
/**
 * A day's figures as a commune enters them: an editable commune, a known metric, a daily
 * increment that keeps the funnel (activated ≤ accounts ≤ dossiers). Mixed with hostile
 * fields, such inputs get past validation to the data layer's checks and the database.
 */
const FUNNEL = { dossiers: [20, 40], accounts: [10, 20], activated: [0, 10] } as const;
const plausibleFigure = fc.record({
  unitCode: fc.constantFrom("90101", "90102"),
  metric: fc.constantFrom("dossiers", "accounts", "activated"),
  kind: fc.constantFrom("daily", "daily", "daily", "cumulative"),
}).chain((cell) => fc.integer({ min: FUNNEL[cell.metric][0], max: FUNNEL[cell.metric][1] }).map((value) => ({ ...cell, value })));

const printable = fc.oneof(fc.constantFrom("", "x", "Bearer", "Bearer ", "Bearer vneid_x", "' OR 1=1 --", "<b>"), fc.stringMatching(/^[\x20-\x7e]{0,80}$/));

const row = fc.record(
  {
    date: often(fc.constantFrom(...DAYS)),
    unitCode: often(fc.constantFrom(...UNITS)),
    metric: often(fc.constantFrom(...METRICS)),
    value: often(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }).map(String))),
    kind: often(fc.constantFrom("daily", "cumulative")),
    reason: fc.option(REASON, { nil: undefined }),
  },
  { requiredKeys: [] },
);

const plausibleRow = fc.record({ figure: plausibleFigure, date: fc.constantFrom(...DAYS.slice(0, 4)), reason: fc.option(REASON, { nil: undefined }) })
  .chain(({ figure, date, reason }) => {
    const row = { date, ...figure, reason };
    return fc.oneof({ arbitrary: fc.constant(row), weight: 8 }, { arbitrary: fc.record(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, often(fc.constant(value))]))), weight: 1 });
  });

const dailyBody = fc.oneof(
  { arbitrary: fc.record({ rows: fc.array(plausibleRow, { minLength: 1, maxLength: 6 }), confirmSpikes: fc.boolean() }).map((b) => JSON.stringify(b)), weight: 4 },
  { arbitrary: fc.record({ rows: fc.array(row, { minLength: 1, maxLength: 3 }), confirmSpikes: often(fc.boolean()), reason: fc.option(REASON, { nil: undefined }) }, { requiredKeys: ["rows"] }).map((b) => JSON.stringify(b)), weight: 5 },
  { arbitrary: fc.record({ rows: mostly(fc.array(row, { maxLength: 2 })) }).map((b) => JSON.stringify(b)), weight: 1 },
  { arbitrary: hostileValue.map((v) => JSON.stringify(v) ?? ""), weight: 1 },
  { arbitrary: hostileString, weight: 1 },
);

export const apiDaily = surface({
  name: "POST /api/v1/daily",
  reaches: "database",
  numRuns: 400,
  input: fc.record({
    body: dailyBody,
    auth: fc.oneof({ arbitrary: fc.constant("token"), weight: 12 }, { arbitrary: fc.constant("none"), weight: 1 }, { arbitrary: printable, weight: 1 }),
    key: fc.option(fc.oneof(fc.uuid(), printable), { nil: undefined }),
  }),
  run: async ({ body, auth, key }) => {
    await signInAs(null); // no browser session: a token, or nothing
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (auth === "token") headers.authorization = `Bearer ${districtToken()}`;
    else if (auth !== "none") headers.authorization = auth;
    if (key !== undefined) headers["idempotency-key"] = key;
    return responseOutcome(await postDaily(new Request("http://test/api/v1/daily", { method: "POST", headers, body })));
  },
  check: ({ auth }, outcome) => {
    if (auth !== "token") expect(outcome.status).toBe(401);
  },
});

const gridCell = fc.record({
  unitCode: often(fc.constantFrom(...UNITS)),
  metric: often(fc.constantFrom(...METRICS)),
  value: often(fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constant(""))),
  kind: often(fc.constantFrom("daily", "cumulative")),
  expectedVersion: often(fc.constant(null)),
  reason: fc.option(hostileString, { nil: undefined }),
}, { requiredKeys: [] });

/** the cell's version as the page loaded it, filled in just before the save (`asLoaded`); else a stale or made-up one */
const LOADED = "version as loaded";
const plausibleGridCell = fc.record({
  figure: plausibleFigure,
  expectedVersion: fc.constantFrom<typeof LOADED | number | null>(LOADED, LOADED, LOADED, LOADED, null, 0, 3),
  reason: fc.option(REASON, { nil: undefined }),
}).chain(({ figure, expectedVersion, reason }) => {
  const cell = { unitCode: figure.unitCode, metric: figure.metric, value: String(figure.value), kind: figure.kind, expectedVersion, reason };
  return fc.oneof({ arbitrary: fc.constant(cell), weight: 8 }, { arbitrary: fc.record(Object.fromEntries(Object.entries(cell).map(([key, value]) => [key, often(fc.constant(value))]))), weight: 1 });
});

const plausibleGrid = fc.record({
  date: fc.constantFrom(...DAYS.slice(0, 4)),
  submissionKey: fc.uuid(),
  confirmSpikes: fc.boolean(),
  cells: fc.array(plausibleGridCell, { minLength: 1, maxLength: 6 }),
});

/** The grid as a browser submits it: each cell with the version the page showed (getDailyGrid). */
async function asLoaded(grid: unknown): Promise<unknown> {
  const { date, cells } = (grid ?? {}) as { date?: unknown; cells?: unknown };
  if (!Array.isArray(cells) || !cells.some((c) => (c as { expectedVersion?: unknown } | null)?.expectedVersion === LOADED)) return grid;
  const loaded = await getDailyGrid(DISTRICT_USER(), String(date));
  const versions = new Map(loaded.rows.flatMap((row) => row.cells.map((cell) => [`${row.unitCode}.${cell.metric}`, cell.version])));
  return {
    ...(grid as object),
    cells: cells.map((c: { unitCode?: unknown; metric?: unknown; expectedVersion?: unknown }) =>
      c?.expectedVersion === LOADED ? { ...c, expectedVersion: versions.get(`${String(c.unitCode)}.${String(c.metric)}`) ?? null } : c),
  };
}

const gridAction = surface({
  name: "server action saveDailyGridAction (/entry)",
  reaches: "database",
  numRuns: 400,
  input: fc.record({
    grid: fc.oneof(
      { arbitrary: plausibleGrid, weight: 4 },
      { arbitrary: fc.record({ date: mostly(fc.constantFrom(...DAYS)), submissionKey: mostly(fc.uuid()), confirmSpikes: mostly(fc.boolean()), cells: mostly(fc.array(gridCell, { maxLength: 5 })) }, { requiredKeys: [] }), weight: 3 },
      { arbitrary: hostileValue, weight: 1 },
      { arbitrary: fc.anything(), weight: 1 },
    ),
    scope: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: fc.constantFrom("901", "90101"), weight: 2 }, { arbitrary: hostileValue, weight: 1 }),
  }),
  run: async ({ grid, scope }) => {
    await signInAs(DISTRICT_USER());
    return actionOutcome(await saveDailyGridAction(await asLoaded(grid), scope as string | undefined));
  },
});

const csvCell = fc.oneof(fc.constantFrom(...DAYS, ...UNITS, ...METRICS, "daily", "cumulative", "5", "12", '"5"', '"Sửa, theo xã"'), hostileString.map((s) => s.slice(0, 200)));
const csvHeader = fc.oneof(
  { arbitrary: fc.constantFrom("date,unit_code,metric,value,kind", "date,unit_code,metric,value,kind,reason", "unit_code,date,value,metric"), weight: 4 },
  { arbitrary: fc.constantFrom("", "date;unit_code;metric;value", "DATE,UNIT_CODE,METRIC,VALUE", "date,unit_code,metric,value,kind,extra", "\ufeffdate,unit_code,metric,value", '"date,unit_code",metric,value'), weight: 1 },
);
const wellFormedLine = fc.tuple(fc.constantFrom(...DAYS.slice(0, 4)), fc.constantFrom("90101", "90102"), fc.constantFrom("dossiers", "accounts"), fc.integer({ min: 0, max: 30 }), fc.constantFrom("daily", "cumulative")).map((cells) => cells.join(","));
const wellFormedCsv = fc.array(wellFormedLine, { minLength: 1, maxLength: 4 }).map((lines) => ({ name: "so-lieu.csv", bytes: new Uint8Array(Buffer.from(["date,unit_code,metric,value,kind", ...lines].join("\n"))) }));

const importAction = surface({
  name: "server action importDailyAction (/import, CSV and .xlsx upload)",
  reaches: "database",
  numRuns: 300,
  input: fc.record({
    file: fc.oneof({ arbitrary: hostileCsv(csvHeader, csvCell), weight: 4 }, { arbitrary: wellFormedCsv, weight: 1 }, { arbitrary: fc.constant(null), weight: 1 }),
    dryRun: mostly(fc.constantFrom("1", "0")),
    confirmSpikes: mostly(fc.constantFrom("1", "0")),
    reason: mostly(fc.constant("")),
    // the page's id for following the import's progress; a malformed one is ignored
    progressId: fc.option(fc.oneof(fc.uuid(), hostileString), { nil: undefined }),
  }),
  run: async ({ file, dryRun, confirmSpikes, reason, progressId }) => {
    await signInAs(DISTRICT_USER());
    const form = new FormData();
    if (file) form.set("file", new File([Buffer.from(file.bytes)], file.name));
    for (const [key, value] of Object.entries({ dryRun, confirmSpikes, reason, progressId })) if (value !== undefined) form.set(key, typeof value === "string" ? value : JSON.stringify(value) ?? "");
    return actionOutcome(await importDailyAction(form));
  },
  check: (_input, outcome) => {
    const result = JSON.parse(outcome.text) as { ok: boolean; result?: { ok: boolean; errors: { line: number; message: string }[] } };
    // a file refused row by row names every bad line with a reason
    for (const issue of result.result?.errors ?? []) {
      expect(Number.isInteger(issue.line) && issue.line >= 0).toBe(true);
      expect(issue.message.length).toBeGreaterThan(3);
    }
  },
});

const otherImports = surface({
  name: "importCsv units/campaigns/targets (npm run import, preview)",
  reaches: "database",
  numRuns: 200,
  input: fc.record({ kind: fc.constantFrom<ImportKind>("units", "campaigns", "targets"), file: hostileCsv(fc.oneof(fc.constantFrom(...Object.values(IMPORT_KINDS).map((k) => k.columns.join(","))), hostileString), csvCell) }),
  run: async ({ kind, file }) => {
    const text = new TextDecoder().decode(file.bytes);
    const result = await importCsv(ADMIN_USER(), kind, text, { dryRun: true });
    return { status: result.ok ? 200 : 400, text: JSON.stringify({ ...result, message: result.errors.map((e) => `${e.line}: ${e.message}`).join(" ") || undefined }) };
  },
});

const csvReader = surface({
  name: "readCsv (every import's CSV reader)",
  reaches: "parser",
  numRuns: 200,
  input: hostileCsv(csvHeader, csvCell).map((f) => new TextDecoder().decode(f.bytes)),
  run: async (text) => {
    const result = readCsv(text, IMPORT_KINDS.daily.columns, IMPORT_KINDS.daily.required);
    return { status: result.ok ? 200 : 400, text: JSON.stringify(result.ok ? result : { message: result.errors.map((e) => e.message).join(" "), errors: result.errors }) };
  },
});

const viewParams = surface({
  name: "search parameters of dashboard views (readViewParams)",
  reaches: "parser",
  numRuns: 150,
  input: searchParams(["asOf", "metric", "campaign"]),
  run: async (raw) => ({ status: 200, text: JSON.stringify(readViewParams(raw)) }),
  check: (_raw, outcome) => {
    const view = JSON.parse(outcome.text) as { asOf: string; metric: string; campaign?: string };
    expect(isIsoDate(view.asOf)).toBe(true);
    expect(view.metric).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
    if (view.campaign !== undefined) expect(view.campaign).toMatch(/^[a-z0-9][a-z0-9-]{0,63}$/);
  },
});

const entryParams = surface({
  name: "search parameters of /entry and /entry/history",
  reaches: "parser",
  numRuns: 150,
  input: searchParams(["date", "unit", "metric"]),
  run: async (raw) => {
    const parsed = entryParamsSchema.safeParse(raw);
    return parsed.success ? { status: 200, text: JSON.stringify(parsed.data) } : { status: 400, text: JSON.stringify({ message: "invalid" }) };
  },
  check: (_raw, outcome) => {
    expect(outcome.status).toBe(200);
    const params = JSON.parse(outcome.text) as { date?: string; unit?: string; metric?: string };
    if (params.date !== undefined) expect(isIsoDate(params.date)).toBe(true);
    if (params.unit !== undefined) expect(params.unit).toMatch(/^\d{1,10}$/);
  },
});

const auditParams = surface({
  name: "search parameters of /audit",
  reaches: "parser",
  numRuns: 150,
  input: searchParams(["unit", "user", "from", "to", "action", "page"]),
  run: async (raw) => ({ status: 200, text: JSON.stringify(auditParamsSchema.parse(raw)) }),
  check: (_raw, outcome) => {
    const params = JSON.parse(outcome.text) as { page: number; from?: string; to?: string };
    expect(Number.isInteger(params.page) && params.page >= 1 && params.page <= 10_000).toBe(true);
    for (const day of [params.from, params.to]) if (day !== undefined) expect(isIsoDate(day)).toBe(true);
  },
});

const template = surface({
  name: "GET /import/template?unit=",
  reaches: "database",
  numRuns: 150,
  input: fc.option(fc.oneof(fc.constant("99999"), hostileString), { nil: undefined }),
  run: async (unit) => {
    await signInAs(DISTRICT_USER());
    const url = new URL("http://test/import/template");
    if (unit !== undefined) url.searchParams.set("unit", unit);
    return responseOutcome(await getImportTemplate(new Request(url)));
  },
  // an unknown unit is not found (every typed error used to be answered 403 here)
  check: (unit, outcome) => {
    if (unit === "99999") expect(outcome.status).toBe(404);
  },
});

/** Last: a lock it creates may refuse later saves, which would only make the other targets easier. */
const lockAction = surface({
  name: "server action createPeriodLockAction (/entry/locks)",
  reaches: "database",
  numRuns: 200,
  input: fc.record({ unitCode: mostly(fc.constantFrom("90301", "99999")), untilDate: mostly(fc.constantFrom("2023-05-01", "2023-02-30")), reason: mostly(fc.constant("Đã chốt số liệu tháng")) }, { requiredKeys: [] }),
  run: async (fields) => {
    await signInAs(ADMIN_USER());
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.set(key, typeof value === "string" ? value : JSON.stringify(value) ?? "");
    return actionOutcome(await createPeriodLockAction(null, form));
  },
});

const entry = <T>(t: AttackSurface<T>) => ({ name: t.name, attack: (seed: number): Promise<AttackReport> => attack(t, seed) });

export const SURFACES = [
  entry(viewParams), entry(entryParams), entry(auditParams), entry(csvReader), entry(apiDaily), entry(gridAction),
  entry(importAction), entry(otherImports), entry(template),
  entry(more.apiParamSchemas), entry(more.reportParamSchemas), entry(more.rankingParams),
  // the read API before the actions that may revoke the token or change the district user
  entry(more.apiHealth), entry(more.importProgress), entry(more.apiUnits), entry(more.apiUnit), entry(more.apiRankings), entry(more.apiProgress), entry(more.apiWeeklyReport),
  entry(more.localeAction), entry(more.passwordAction), entry(more.issueReport), entry(more.issuingSettings),
  entry(more.campaignActions), entry(more.adminImports), entry(more.unitActions),
  entry(more.createUser), entry(more.updateUser), entry(more.userIdActions), entry(more.tokenActions),
  entry(lockAction),
  // last, so that the surfaces before it keep their seeds
  entry(more.criticismRule),
];
