// The read API, the weekly report, the administration, account and locale actions, and the
// search parameter parsers of the newer pages: one entry each (see harness.ts for what is checked).
import fc from "fast-check";
import { expect } from "vitest";
import { issueTokenAction, revokeTokenAction } from "@/app/account/tokens/actions";
import { changePasswordAction } from "@/app/account/password/actions";
import { createCampaignAction, importTargetsAction, saveTargetGridAction } from "@/app/admin/campaigns/actions";
import { dissolveUnitAction, importUnitsAction, renameUnitAction } from "@/app/admin/units/actions";
import { activateUserAction, createUserAction, deactivateUserAction, resetPasswordAction, updateUserAction } from "@/app/admin/users/actions";
import { GET as getHealth } from "@/app/api/health/route";
import { GET as getImportProgress } from "@/app/api/import-progress/route";
import { GET as getProgress } from "@/app/api/v1/progress/route";
import { GET as getRankings } from "@/app/api/v1/rankings/route";
import { GET as getWeeklyReport } from "@/app/api/v1/reports/weekly/route";
import { GET as getUnit } from "@/app/api/v1/units/[code]/route";
import { GET as getUnits } from "@/app/api/v1/units/route";
import { setLocaleAction } from "@/app/locale/actions";
import { issueWeeklyReportAction } from "@/app/reports/weekly/actions";
import { saveIssuingSettingsAction } from "@/app/reports/weekly/settings/actions";
import { saveCriticismRuleAction } from "@/app/reports/weekly/settings/criticism/actions";
import { trackImportProgress } from "@/lib/data/import-progress-registry";
import { isIsoDate } from "@/lib/domain/dates";
import { IMPORT_KINDS } from "@/lib/validation/import-rows";
import { progressParamsSchema, rankingsParamsSchema, unitsParamsSchema } from "@/lib/validation/api-params";
import { readRankingParams } from "@/lib/validation/ranking-params";
import { issueReportSchema, weeklyReportDownloadSchema, weeklyReportParamsSchema } from "@/lib/validation/report-params";
import { searchParamsObject } from "@/lib/validation/search-params";
import { actionOutcome, responseOutcome, surface, type Outcome } from "./harness";
import { signInAs } from "./signed-in";
import { hostileCsv, hostileString, mostly, searchParams } from "./values";
import { ADMIN_USER, DISTRICT_PASSWORD, DISTRICT_USER, OTHER_USER_IDS, districtToken } from "./world";

/** the district user's own units first: the plausible query strings draw those most often */
const UNIT_CODES = ["901", "90101", "90102", "90", "902", "90201", "99999"];
const QUERY_VALUES: Record<string, readonly string[]> = {
  unit: UNIT_CODES,
  parent: UNIT_CODES,
  metric: ["activated", "accounts", "dossiers", "nothing"],
  asOf: ["2023-06-01", "2023-06-04", "2023-02-30", "2099-01-01"],
  campaign: ["dot-1", "nothing"],
  level: ["1", "2", "3", "0", "10", "1e3", "2.5"],
  week: ["2023-W22", "2023-W23", "2023-W53", "2023-W00", "2099-W01", "2023-23"],
  format: ["csv", "xlsx", "docx", "pdf", "exe", "CSV"],
  issued: ["1", "2", "0", "-1", "2147483648", "9".repeat(30)],
};

/** A query string: plausible and hostile values, repeated keys, unknown keys, broken percent escapes. */
const queryString = (keys: readonly string[]): fc.Arbitrary<string> => {
  const pair = fc.tuple(
    fc.oneof({ arbitrary: fc.constantFrom(...keys), weight: 6 }, { arbitrary: fc.constantFrom("extra", "__proto__", "UNIT", "unit[]"), weight: 1 }),
    fc.nat(),
    fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 2 }),
    hostileString,
  ).map(([key, i, plausible, hostile]) => {
    const values = QUERY_VALUES[key];
    return [key, plausible && values ? values[i % values.length] : hostile] as [string, string];
  });
  const encoded = fc.array(pair, { maxLength: 6 }).map((pairs) => {
    const params = new URLSearchParams();
    for (const [key, value] of pairs) params.append(key, value);
    return params.toString();
  });
  // every key with a plausible value (the first ones most often), so that some get past validation
  const plausible = fc.tuple(...keys.map((key) => fc.option(fc.constantFrom(...(QUERY_VALUES[key] ?? [""]).slice(0, 3), ...(QUERY_VALUES[key] ?? [""])), { freq: 2 })))
    .map((values) => new URLSearchParams(keys.flatMap((key, i) => (values[i] === null ? [] : [[key, values[i]] as [string, string]]))).toString());
  return fc.oneof({ arbitrary: encoded, weight: 6 }, { arbitrary: plausible, weight: 3 }, { arbitrary: fc.constantFrom("%", "unit=%E0%A4%A", "a=%zz&unit=90", "&&&=&", "unit=90&unit=901", "unit"), weight: 1 });
};

const AUTH = fc.oneof({ arbitrary: fc.constant("token"), weight: 10 }, { arbitrary: fc.constantFrom("none", "Bearer ", "Bearer vneid_x", "Basic YWRtaW46YWRtaW4="), weight: 1 });

/** No browser session: without a valid token the API must refuse (401). */
const get = async (handler: (request: Request) => Promise<Response>, path: string, query: string, auth: string): Promise<Outcome> => {
  await signInAs(null);
  const headers: Record<string, string> = {};
  if (auth === "token") headers.authorization = `Bearer ${districtToken()}`;
  else if (auth !== "none") headers.authorization = auth;
  return responseOutcome(await handler(new Request(`http://test${path}${query ? `?${query}` : ""}`, { headers })));
};

function unauthorizedWithoutToken<T extends { auth: string }>(input: T, outcome: Outcome): void {
  if (input.auth !== "token") expect(outcome.status).toBe(401);
};

const apiGet = (handler: (request: Request) => Promise<Response>, path: string, keys: readonly string[], numRuns = 200) =>
  surface<{ query: string; auth: string }>({
    name: `GET ${path}`,
    reaches: "database",
    numRuns,
    input: fc.record({ query: queryString(keys), auth: AUTH }),
    run: ({ query, auth }) => get(handler, path, query, auth),
    check: unauthorizedWithoutToken,
  });

export const apiUnits = apiGet(getUnits, "/api/v1/units", ["parent", "asOf"]);
export const apiRankings = apiGet(getRankings, "/api/v1/rankings", ["parent", "metric", "asOf", "campaign", "level"]);
export const apiProgress = apiGet(getProgress, "/api/v1/progress", ["unit", "metric", "asOf", "campaign"]);
export const apiWeeklyReport = apiGet(getWeeklyReport, "/api/v1/reports/weekly", ["unit", "week", "format", "campaign", "issued"], 100);

export const apiUnit = surface<{ code: string; query: string | undefined; auth: string }>({
  name: "GET /api/v1/units/[code]",
  reaches: "database",
  numRuns: 200,
  input: fc.record({
    code: fc.oneof(
      { arbitrary: fc.constantFrom(...UNIT_CODES).map(encodeURIComponent), weight: 3 },
      { arbitrary: hostileString.map((s) => encodeURIComponent(s.slice(0, 2000))), weight: 3 },
      { arbitrary: fc.constantFrom("%", "%E0%A4%A", "%zz", "90%00", "..%2F..%2Fetc", ""), weight: 1 },
    ),
    query: fc.option(queryString(["asOf"]), { nil: undefined }),
    auth: AUTH,
  }),
  run: ({ code, query, auth }) => get(getUnit, `/api/v1/units/${code}`, query ?? "", auth),
  check: unauthorizedWithoutToken,
});

/** It takes no input: one request is the whole of what there is to try. */
export const apiHealth = surface({
  name: "GET /api/health",
  reaches: "database",
  numRuns: 1,
  input: fc.constant(null),
  run: async () => responseOutcome(await getHealth()),
  check: (_input, outcome) => {
    expect(outcome.status).toBe(200);
  },
});

/** The district user's own import, as the import page's action registers it. */
const OWN_PROGRESS_ID = "5b0c1f3e-8d2a-4c6b-9e7f-0a1b2c3d4e5f";

export const importProgress = surface<{ id: string; who: "district" | "other" | "none" }>({
  name: "GET /api/import-progress",
  reaches: "database",
  numRuns: 150,
  input: fc.record({
    id: fc.oneof(
      { arbitrary: fc.constant(OWN_PROGRESS_ID), weight: 3 },
      { arbitrary: fc.uuid(), weight: 2 },
      { arbitrary: hostileString, weight: 2 },
      { arbitrary: fc.constantFrom("", "%", "%zz", OWN_PROGRESS_ID.toUpperCase(), `${OWN_PROGRESS_ID}&id=x`, OWN_PROGRESS_ID.replace(/-/g, "")), weight: 1 },
    ),
    who: fc.constantFrom("district", "district", "other", "none"),
  }),
  run: async ({ id, who }) => {
    (await trackImportProgress(DISTRICT_USER(), OWN_PROGRESS_ID))!.onProgress({ phase: "checking", rows: 1_000, fraction: 0.25 });
    await signInAs(who === "district" ? DISTRICT_USER() : who === "other" ? { id: OTHER_USER_IDS()[0] } : null);
    return responseOutcome(await getImportProgress(new Request(`http://test/api/import-progress?${new URLSearchParams({ id })}`)));
  },
  // signed out 401; only the owner learns anything of their own import, anyone else 404
  check: ({ id, who }, outcome) => {
    expect(outcome.status).toBe(who === "none" ? 401 : who === "district" && id === OWN_PROGRESS_ID ? 200 : 404);
    if (outcome.status !== 200) expect(outcome.text).not.toMatch(/checking|"rows"/);
  },
});

/** A form whose fields are mostly plausible, sometimes hostile (non-string values are sent as their JSON). */
const formOf = (fields: Record<string, unknown>, extra: [string, string][] = []): FormData => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) form.set(key, typeof value === "string" ? value : JSON.stringify(value) ?? "");
  for (const [key, value] of extra) form.append(key, value);
  return form;
};

/** A server action that redirects (NEXT_REDIRECT) answers with a redirect, not a 500. */
async function asClientSees(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return actionOutcome(await run());
  } catch (error) {
    const digest = (error as { digest?: unknown } | null)?.digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { status: 303, text: JSON.stringify({ redirect: digest.split(";")[2] }) };
    throw error;
  }
}

const fields = (record: Record<string, fc.Arbitrary<unknown>>) => fc.record(record, { requiredKeys: [] });

export const issueReport = surface({
  name: "server action issueWeeklyReportAction (/reports/weekly)",
  reaches: "database",
  numRuns: 150,
  input: fields({
    unit: mostly(fc.constantFrom("90", "901", "90101", "99999")),
    week: mostly(fc.constantFrom("2023-W22", "2023-W23", "2099-W01", "2023-W53")),
    campaign: mostly(fc.constantFrom("dot-1", "nothing")),
    lockDays: mostly(fc.constantFrom("on", "off")),
    $ACTION_ID: fc.constant("x"),
  }),
  run: async (f) => {
    await signInAs(ADMIN_USER());
    return asClientSees(() => issueWeeklyReportAction(null, formOf(f)));
  },
});

export const issuingSettings = surface({
  name: "server action saveIssuingSettingsAction (/reports/weekly/settings)",
  reaches: "database",
  numRuns: 150,
  input: fields({
    unit: mostly(fc.constantFrom("90", "901", "90101", "99999", "")),
    superiorBody: mostly(fc.constantFrom("BỘ CÔNG AN", "", "x".repeat(201))),
    issuingBody: mostly(fc.constantFrom("CÔNG AN TỈNH", " ")),
    symbol: mostly(fc.constantFrom("CAT-PV06", "cat pv06", "BCĐ06", "-", "A".repeat(41))),
    place: mostly(fc.constantFrom("Quảng Nam", "")),
    recipients: mostly(fc.constantFrom("Bộ Công an;\nLưu: VT", "\n\n", "x".repeat(2001))),
    signerTitle: mostly(fc.constantFrom("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", "")),
    signerName: mostly(fc.constantFrom("Nguyễn Văn An", "", "x".repeat(101))),
    $ACTION_ID: fc.constant("x"),
  }),
  run: async (f) => {
    await signInAs(ADMIN_USER());
    return asClientSees(() => saveIssuingSettingsAction(null, formOf(f)));
  },
});

export const criticismRule = surface({
  name: "server action saveCriticismRuleAction (/reports/weekly/settings/criticism)",
  reaches: "database",
  numRuns: 150,
  input: fields({
    unit: mostly(fc.constantFrom("90", "901", "90101", "99999", "")),
    kind: mostly(fc.constantFrom("bottom", "belowPercent", "belowParent", "top", "")),
    count: mostly(fc.constantFrom("5", "0", "50", "51", "-1", "1e2", "")),
    threshold: mostly(fc.constantFrom("80", "85,5", "80.125", "1001", "-5", "NaN", "")),
    $ACTION_ID: fc.constant("x"),
  }),
  run: async (f) => {
    await signInAs(ADMIN_USER());
    return asClientSees(() => saveCriticismRuleAction(null, formOf(f)));
  },
});

const ROLE = mostly(fc.constantFrom("admin", "province", "leader", "district", "commune", "Admin"));
const UNIT_FIELD = mostly(fc.constantFrom("", "901", "90101", "99999"));
const PASSWORD = mostly(fc.constantFrom("Mat-khau-rat-dai-2026", "short", "x".repeat(201)));
/** users of their own (not the district user or the administrator the other targets sign in as), else no one */
const USER_ID = mostly(fc.oneof(
  fc.constantFrom(0, 1).map((i) => String(OTHER_USER_IDS()[i])),
  fc.constantFrom("999999", "0", "-1", "1.5", "2147483648", "9007199254740991"),
));

export const createUser = surface({
  name: "server action createUserAction (/admin/users)",
  reaches: "database",
  numRuns: 150,
  input: fc.oneof(
    { arbitrary: fields({ username: mostly(fc.stringMatching(/^[a-z0-9._-]{3,12}$/)), displayName: mostly(fc.constant("Cán bộ xã")), role: ROLE, unitCode: UNIT_FIELD, password: PASSWORD }), weight: 3 },
    // a coherent role and unit, so that some reach the data layer and the database
    { arbitrary: fc.record({ username: fc.stringMatching(/^[a-z][a-z0-9._-]{2,12}$/), displayName: fc.constant("Cán bộ xã"), role: fc.constantFrom("admin", "district", "commune", "province"), password: fc.constant("Mat-khau-rat-dai-2026") })
      .map((f) => ({ ...f, unitCode: { admin: "", district: "901", commune: "90101", province: "90" }[f.role] })), weight: 1 },
  ),
  run: async (f) => {
    await signInAs(ADMIN_USER());
    return asClientSees(() => createUserAction(null, formOf(f)));
  },
});

export const updateUser = surface({
  name: "server action updateUserAction (/admin/users)",
  reaches: "database",
  numRuns: 150,
  input: fields({ userId: USER_ID, displayName: mostly(fc.constant("Cán bộ xã")), role: ROLE, unitCode: UNIT_FIELD }),
  run: async (f) => {
    await signInAs(ADMIN_USER());
    return asClientSees(() => updateUserAction(null, formOf(f)));
  },
});

export const userIdActions = surface({
  name: "server actions resetPasswordAction, deactivateUserAction, activateUserAction (/admin/users)",
  reaches: "database",
  numRuns: 150,
  input: fc.record({ action: fc.constantFrom("reset", "deactivate", "activate"), f: fields({ userId: USER_ID }) }),
  run: async ({ action, f }) => {
    await signInAs(ADMIN_USER());
    const act = { reset: resetPasswordAction, deactivate: deactivateUserAction, activate: activateUserAction }[action];
    return asClientSees(() => act(null, formOf(f)));
  },
});

const UNIT_TO_CHANGE = mostly(fc.constantFrom("90301", "90302", "99999", "90"));
export const unitActions = surface({
  name: "server actions renameUnitAction, dissolveUnitAction (/admin/units)",
  reaches: "database",
  numRuns: 200,
  input: fc.record({
    action: fc.constantFrom("rename", "dissolve"),
    f: fields({
      code: UNIT_TO_CHANGE,
      name: mostly(fc.constant("Xã Tam Nghĩa")),
      date: mostly(fc.constantFrom("2023-06-01", "2023-02-30", "2099-01-01")),
      mergedIntoCode: mostly(fc.constantFrom("", "90301", "90302", "99999")),
      reason: mostly(fc.constantFrom("Nghị quyết 1234/NQ-UBTVQH15", "")),
    }),
  }),
  run: async ({ action, f }) => {
    await signInAs(ADMIN_USER());
    return asClientSees(() => (action === "rename" ? renameUnitAction : dissolveUnitAction)(null, formOf(f)));
  },
});

const csvCell = fc.oneof(fc.constantFrom("90", "901", "90301", "dot-1", "activated", "2023-06-01", "2023-12-31", "10", "Xã Mới", "commune", ""), hostileString.map((s) => s.slice(0, 100)));
const WELL_FORMED_IMPORT = {
  units: fc.constantFrom("code,name,type,parent_code,level\n90199,Xã Mới,commune,901,3", "code,name,type,parent_code,level\n90199,Xã Mới,commune,99999,3\n90,Tỉnh,province,,1"),
  targets: fc.constantFrom("campaign,unit_code,metric,due_date,target\ndot-1,90101,activated,2023-06-30,10", "campaign,unit_code,metric,due_date,target\ndot-1,90101,activated,2023-06-30,10\ndot-1,99999,nothing,2023-02-30,-1"),
};
const importFile = (kind: "units" | "targets") => fc.oneof(
  { arbitrary: hostileCsv(fc.oneof(fc.constant(IMPORT_KINDS[kind].columns.join(",")), fc.constantFrom("", "x", IMPORT_KINDS.daily.columns.join(","))), csvCell), weight: 3 },
  { arbitrary: WELL_FORMED_IMPORT[kind].map((t) => ({ name: "nhap.csv", bytes: new Uint8Array(Buffer.from(t)) })), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

export const adminImports = surface({
  name: "server actions importUnitsAction, importTargetsAction (/admin/units, /admin/campaigns)",
  reaches: "database",
  numRuns: 150,
  input: fc.constantFrom("units" as const, "targets" as const).chain((action) => fc.record({ action: fc.constant(action), file: importFile(action), dryRun: mostly(fc.constantFrom("1", "0")) })),
  run: async ({ action, file, dryRun }) => {
    await signInAs(ADMIN_USER());
    // a preview only: the tree and the targets stay as the other entries expect them
    const form = formOf({ dryRun: dryRun === "0" ? "1" : dryRun });
    if (file) form.set("file", new File([Buffer.from(file.bytes)], file.name));
    return asClientSees(() => (action === "units" ? importUnitsAction : importTargetsAction)(null, form));
  },
});

export const campaignActions = surface({
  name: "server actions createCampaignAction, saveTargetGridAction (/admin/campaigns)",
  reaches: "database",
  numRuns: 200,
  input: fc.record({
    action: fc.constantFrom("create", "targets"),
    f: fields({
      code: mostly(fc.oneof(fc.constant("dot-1"), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/))),
      name: mostly(fc.constant("Đợt cao điểm")),
      startDate: mostly(fc.constantFrom("2023-06-01", "2023-02-30")),
      endDate: mostly(fc.constantFrom("2023-12-31", "2023-05-01")),
      campaign: mostly(fc.constantFrom("dot-1", "nothing")),
      metric: mostly(fc.constantFrom("activated", "nothing")),
      dueDate: mostly(fc.constantFrom("2023-12-31", "2023-13-01")),
    }),
    cells: fc.array(fc.tuple(fc.oneof(fc.constantFrom("90101", "90102", "99999"), hostileString), fc.oneof(fc.constantFrom("", "10", "1000000001"), hostileString)), { maxLength: 4 }),
  }),
  run: async ({ action, f, cells }) => {
    await signInAs(ADMIN_USER());
    const form = formOf(f, cells.map(([unit, value]) => [`t:${unit}`, value]));
    return asClientSees(() => (action === "create" ? createCampaignAction : saveTargetGridAction)(null, form));
  },
});

export const tokenActions = surface({
  name: "server actions issueTokenAction, revokeTokenAction (/account/tokens)",
  reaches: "database",
  numRuns: 150,
  input: fc.record({
    action: fc.constantFrom("issue", "revoke"),
    admin: fc.boolean(),
    f: fields({ name: mostly(fc.constant("Máy chủ báo cáo")), username: mostly(fc.constantFrom("", "bac", "quantri", "khong-co")), tokenId: mostly(fc.constantFrom("2", "3", "999999", "0", "2147483648", "9007199254740991")) }),
  }),
  run: async ({ action, admin, f }) => {
    await signInAs(admin ? ADMIN_USER() : DISTRICT_USER());
    return asClientSees(() => (action === "issue" ? issueTokenAction : revokeTokenAction)(null, formOf(f)));
  },
});

export const passwordAction = surface({
  name: "server action changePasswordAction (/account/password)",
  reaches: "database",
  numRuns: 100,
  input: fields({ currentPassword: mostly(fc.constantFrom(DISTRICT_PASSWORD, "Mat-khau-rat-dai-2026", "x", "sai-mat-khau")), newPassword: PASSWORD, confirmPassword: PASSWORD }),
  run: async (f) => {
    await signInAs(DISTRICT_USER());
    return asClientSees(() => changePasswordAction(null, formOf(f)));
  },
});

export const localeAction = surface({
  name: "server action setLocaleAction (language switch)",
  reaches: "database",
  numRuns: 100,
  input: fc.record({ locale: mostly(fc.constantFrom("vi", "en", "fr", "VI")), signedIn: fc.boolean() }),
  run: async ({ locale, signedIn: on }) => {
    await signInAs(on ? DISTRICT_USER() : null);
    const outcome = await asClientSees(async () => {
      await setLocaleAction(formOf({ locale }));
      return { ok: true };
    });
    return outcome;
  },
});

const parser = <T>(name: string, keys: readonly string[], parse: (raw: Record<string, string | string[] | undefined>) => T, check?: (value: T) => void) =>
  surface({
    name,
    reaches: "parser",
    numRuns: 100,
    input: searchParams(keys),
    run: async (raw) => {
      const value = parse(raw);
      check?.(value);
      return { status: 200, text: JSON.stringify(value) ?? "" };
    },
  });

const safe = (schema: { safeParse(v: unknown): { success: boolean; data?: unknown; error?: unknown } }) => (raw: Record<string, string | string[] | undefined>) => {
  const parsed = schema.safeParse(searchParamsObject(raw));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false };
};

export const apiParamSchemas = parser("search parameters of the read API (api-params.ts)", ["parent", "unit", "metric", "asOf", "campaign", "level"], (raw) => [
  safe(unitsParamsSchema)(raw), safe(rankingsParamsSchema)(raw), safe(progressParamsSchema)(raw),
], (results) => {
  for (const r of results) {
    const data = r.data as { asOf?: string; level?: number } | undefined;
    if (data?.asOf !== undefined) expect(isIsoDate(data.asOf)).toBe(true);
    if (data?.level !== undefined) expect(Number.isInteger(data.level) && data.level >= 1 && data.level <= 9).toBe(true);
  }
});

export const reportParamSchemas = parser("search parameters of the weekly report (report-params.ts)", ["unit", "week", "campaign", "format", "issued", "lockDays"], (raw) => [
  safe(weeklyReportParamsSchema)(raw), safe(weeklyReportDownloadSchema)(raw), safe(issueReportSchema)(raw),
], (results) => {
  const issued = (results[1].data as { issued?: number } | undefined)?.issued;
  if (issued !== undefined) expect(Number.isInteger(issued) && issued >= 1 && issued <= 2_147_483_647).toBe(true);
});

export const rankingParams = parser("search parameters of /rankings (readRankingParams)", ["top", "bottom", "sort", "dir", "level"], readRankingParams, (params) => {
  for (const n of [params.top, params.bottom]) expect(Number.isInteger(n) && n >= 0 && n <= 50).toBe(true);
  expect(["asc", "desc"]).toContain(params.dir);
  if (params.level !== undefined) expect(Number.isInteger(params.level) && params.level >= 1 && params.level <= 9).toBe(true);
});
