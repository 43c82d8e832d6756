// The authorization matrix: every server action (exports of app/**/actions.ts), every route
// handler (HTTP-method exports of app/**/route.ts) and every data-layer write (lib/data),
// called as each role, in and out of scope, and signed out. Allowed exactly where the role
// table says (docs/accounts-and-security.md, "Accounts, roles and administration"); refused everywhere else with
// nothing written (a checksum of every table before and after).
//
// The lists come from the code: an action, handler or data-layer function missing from
// ROWS (or from the explicit lists of reads and internal primitives) fails the test, and so
// does an entry naming no export. To add one, add a line to ROWS using one of the rules below.
// Each read is called once and must return without changing a row, so a write cannot pass
// as a read. Route handlers are called with a browser session and with a bearer API token.
//
// Sessions: next-auth's getServerSession is replaced by one returning the session cookie's
// claims ({ uid, sv }) for the role being tested; everything after it (the database check of
// the user, the action, the data layer) runs for real.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { newToken } from "@/lib/auth/tokens";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";
import { issueApiToken } from "@/lib/data/api-tokens";
import { trackImportProgress } from "@/lib/data/import-progress-registry";
import { AppError } from "@/lib/data/errors";
import { getSessionUser, type SessionUserDTO } from "@/lib/data/sessions";
import { addDays } from "@/lib/domain/dates";
import { formatIsoWeek, isoWeekOf, parseIsoWeek } from "@/lib/domain/weeks";
import { searchKey } from "@/lib/domain/text";
import { parseCutoff } from "@/lib/domain/public-board";
import { boardSettingsSchema } from "@/lib/validation/public-board";
import { createUnits, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const session = vi.hoisted(() => ({ current: null as null | { uid: number; sv: number } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const ROOT = path.resolve(import.meta.dirname, "../..");
const ROLES: Role[] = ["admin", "province", "leader", "district", "commune", "agency"];
type Who = Role | "signedOut";
type Scope = "in" | "out";
type Outcome = "allowed" | "refused" | `unexpected: ${string}`;

// ---- the people and places of the test ---------------------------------------------------

const USERNAMES: Record<Role, string> = { admin: "quantri", province: "tinh", leader: "lanhdao", district: "bac", commune: "xamot", agency: "daumoi" };
const UNIT_OF: Record<Role, string | null> = { admin: null, province: "90", leader: "90", district: "901", commune: "90101", agency: null };
/** The agency focal point's agency (attached to province 90) with a sub-agency; another province's agency. */
const AGENCY_OF = (scope: Scope) => (scope === "in" ? "CQ90-1" : "CQ80");
const OTHER_USER = "khac"; // a district officer of another province
const passwords = new Map<string, string>();
let counter = 0;
const next = () => ++counter;

async function userId(username: string): Promise<number> {
  return (await testDb().user.findUniqueOrThrow({ where: { username }, select: { id: true } })).id;
}

async function signInAs(who: Who): Promise<void> {
  if (who === "signedOut") {
    session.current = null;
    return;
  }
  const user = await testDb().user.findUniqueOrThrow({ where: { username: USERNAMES[who] }, select: { id: true, sessionVersion: true } });
  session.current = { uid: user.id, sv: user.sessionVersion };
}

async function actorOf(role: Role): Promise<SessionUserDTO> {
  const user = await testDb().user.findUniqueOrThrow({ where: { username: USERNAMES[role] }, select: { id: true, sessionVersion: true } });
  return (await getSessionUser(user.id, user.sessionVersion))!;
}

/** A leaf the role may enter figures for ("in"), and one just outside its scope ("out"). */
function figureUnit(role: Role, scope: Scope): string {
  if (scope === "in") return "90101";
  return role === "commune" ? "90102" : role === "district" ? "90201" : "80101";
}
/** For reading: the role's own unit (administrators: a province) ("in"), or another province ("out"). */
const viewUnit = (who: Who, scope: Scope) => (scope === "out" ? "80" : (UNIT_OF[roleOf(who)] ?? "90"));
/** For administration: something inside the role's province ("in") or in another province ("out"). */
const placeUnit = (scope: Scope) => (scope === "in" ? "901" : "801");
/** A fresh figure day for every call, so that no call is a correction of another. */
const figureDay = () => addDays("2023-01-01", next());

async function victimUser(scope: Scope, active = true): Promise<number> {
  const unit = await testDb().unit.findFirstOrThrow({ where: { code: placeUnit(scope) } });
  const user = await testDb().user.create({ data: { username: `nannhan${next()}`, displayName: "x", role: "district", unitId: unit.id, passwordHash: "x", active } });
  return user.id;
}

/** An account (commune police) on a commune that ended on 01/01/2000, gone whole into a new commune. */
async function victimOnEndedUnit(scope: Scope): Promise<number> {
  const parent = await testDb().unit.findFirstOrThrow({ where: { code: placeUnit(scope) } });
  // a code of its own (six digits), clear of the fixture's communes that victimUnit's codes can meet
  const code = `${scope === "in" ? 97 : 87}${String(next()).padStart(4, "0")}`;
  const ended = await testDb().unit.create({ data: { code, name: `Xã ${code}`, searchName: searchKey(`Xã ${code}`), type: "Xã", kind: "commune", level: 3, parentId: parent.id, path: `${parent.path}${code}/`, dissolvedOn: new Date("2000-01-01T00:00:00Z") } });
  const successor = await testDb().unit.findFirstOrThrow({ where: { code: await victimUnit(scope) } });
  await testDb().unitSuccession.create({ data: { predecessorId: ended.id, successorId: successor.id, part: "full" } });
  return (await testDb().user.create({ data: { username: `nannhan${next()}`, displayName: "x", role: "commune", unitId: ended.id, passwordHash: "x" } })).id;
}

async function victimUnit(scope: Scope): Promise<string> {
  const code = `${scope === "in" ? 9 : 8}${String(next()).padStart(4, "0")}`;
  const parent = await testDb().unit.findFirstOrThrow({ where: { code: placeUnit(scope) } });
  await testDb().unit.create({ data: { code, name: `Xã ${code}`, searchName: searchKey(`Xã ${code}`), type: "Xã", kind: "commune", level: 3, parentId: parent.id, path: `${parent.path}${code}/` } });
  return code;
}

async function tokenOf(username: string): Promise<number> {
  const issued = newToken();
  return (await testDb().apiToken.create({ data: { userId: await userId(username), name: `t${next()}`, tokenHash: issued.tokenHash, prefix: issued.prefix } })).id;
}

/**
 * A fresh API token of the role's user (a password change revokes a user's tokens), marked
 * used just now: a token's first use in a minute records it (userForApiToken), which would
 * otherwise count as a refused call writing.
 */
async function bearerTokenOf(role: Role): Promise<string> {
  const { token, dto } = await issueApiToken(await actorOf(role), { name: `matrix ${next()}` });
  await testDb().apiToken.update({ where: { id: dto.id }, data: { lastUsedAt: new Date() } });
  return token;
}

const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const csvFile = (lines: string[]) => new File([lines.join("\n")], "tep.csv", { type: "text/csv" });

// ---- how outcomes are read ----------------------------------------------------------------

const REFUSAL_MESSAGES = new Set([ERROR_MESSAGES.FORBIDDEN, ERROR_MESSAGES.UNAUTHENTICATED, ERROR_MESSAGES.NOT_FOUND]);
const SCOPE_ISSUE = /ngoài phạm vi|không có quyền/;

function fromAppError(error: unknown): Outcome {
  if (error instanceof AppError && ["FORBIDDEN", "UNAUTHENTICATED", "NOT_FOUND"].includes(error.code)) return "refused";
  if (error instanceof Error && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")) return "allowed";
  return `unexpected: ${error instanceof AppError ? `${error.code} ${JSON.stringify(error.fieldErrors)}` : String(error)}`;
}

/** A form action's state: ok → allowed; the refusal messages, or only scope issues → refused. */
function fromState(state: unknown): Outcome {
  const s = state as { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; result?: { ok: boolean; errors: { message: string }[] } };
  if (s.ok && s.result) return s.result.ok ? "allowed" : s.result.errors.every((e) => SCOPE_ISSUE.test(e.message)) ? "refused" : `unexpected: ${JSON.stringify(s.result.errors)}`;
  if (s.ok) return "allowed";
  if (s.message && REFUSAL_MESSAGES.has(s.message)) return "refused";
  const messages = Object.values(s.fieldErrors ?? {}).flat();
  if (messages.length && messages.every((m) => SCOPE_ISSUE.test(m))) return "refused";
  return `unexpected: ${JSON.stringify(state)}`;
}

async function action(who: Who, call: () => Promise<unknown>): Promise<Outcome> {
  await signInAs(who);
  try {
    return fromState(await call());
  } catch (error) {
    return fromAppError(error);
  }
}

async function data(call: () => Promise<unknown>, read: (value: unknown) => Outcome = () => "allowed"): Promise<Outcome> {
  try {
    return read(await call());
  } catch (error) {
    return fromAppError(error);
  }
}

/** `refusals`: the statuses that mean refused; 404 too where a refusal must not tell that the thing exists. */
async function route(who: Who, call: () => Promise<Response>, refusals: readonly number[] = [401, 403]): Promise<Outcome> {
  await signInAs(who);
  const response = await call();
  if (response.ok) return "allowed";
  if (refusals.includes(response.status)) return "refused";
  return `unexpected: ${response.status} ${await response.text()}`;
}

const dailyResult = (value: unknown): Outcome => {
  const r = value as { ok: boolean; issues?: { kind: string }[]; errors?: { message: string }[] };
  if (r.ok) return "allowed";
  if (r.issues?.every((i) => i.kind === "scope") || r.errors?.every((e) => SCOPE_ISSUE.test(e.message))) return "refused";
  return `unexpected: ${JSON.stringify(value)}`;
};

// ---- the role table as rules ----------------------------------------------------------------

/** Figures of a leaf: administrators anywhere; district police their district's communes; commune police their commune. */
const FIGURES = (role: Role, scope: Scope) => role === "admin" || ((role === "district" || role === "commune") && scope === "in");
/** Users, units, campaigns, targets, locks. */
const ADMIN_ONLY = (role: Role) => role === "admin";
/** Reading figures: administrators anywhere; everyone else inside their own subtree. */
const VIEW = (role: Role, scope: Scope) => role === "admin" || (role !== "agency" && scope === "in");
/** An agency's weekly figure (issue 22): administrators anywhere; an agency's focal point its agency and sub-agencies; no one else. */
const AGENCY_FIGURES = (role: Role, scope: Scope) => role === "admin" || (role === "agency" && scope === "in");
/** The agencies' ranking: administrators anywhere; provincial officials and leaders within their scope. */
const AGENCY_RANKING = (role: Role, scope: Scope) => role === "admin" || ((role === "province" || role === "leader") && scope === "in");
/** The day for 100% of agencies' staff: administrators anywhere; provincial officials within their scope. */
const AGENCY_DEADLINE = (role: Role, scope: Scope) => role === "admin" || (role === "province" && scope === "in");
/** Issuing a weekly report: administrators anywhere; leaders inside their subtree. */
const ISSUE = (role: Role, scope: Scope) => role === "admin" || (role === "leader" && scope === "in");
/** A unit's report document format: administrators anywhere; provincial users inside their province. */
const ISSUING = (role: Role, scope: Scope) => role === "admin" || (role === "province" && scope === "in");
/** One's own (password, own API tokens): every signed-in role; someone else's: administrators. */
const OWN_OR_ADMIN = (role: Role, scope: Scope) => scope === "in" || role === "admin";

interface Row {
  rule: (role: Role, scope: Scope) => boolean;
  scopes: Scope[];
  /** true when an allowed call must change the database */
  writes: boolean;
  /** prepares what the call needs (a user, unit or token to act on), then returns the call */
  prepare: (who: Who, scope: Scope) => Promise<() => Promise<Outcome>>;
  /** data-layer rows take an actor and have no signed-out case (the type requires one) */
  dataLayer?: boolean;
}

type Module = Record<string, (...args: never[]) => Promise<unknown>>;
const mod = async (file: string): Promise<Module> => (await import(path.join(ROOT, file))) as Module;
const call = <T extends unknown[]>(fn: unknown, ...args: T) => (fn as (...a: T) => Promise<unknown>)(...args);

const actionRow = (file: string, name: string, rule: Row["rule"], build: (who: Who, scope: Scope) => Promise<unknown[]>, scopes: Scope[] = ["in", "out"], writes = true): Row => ({
  rule, scopes, writes,
  prepare: async (who, scope) => {
    const [fn, args] = [(await mod(file))[name], await build(who, scope)];
    return () => action(who, () => call(fn, ...args));
  },
});
const formAction = (file: string, name: string, rule: Row["rule"], fields: (who: Who, scope: Scope) => Promise<Record<string, string | Blob>>, scopes?: Scope[]) =>
  actionRow(file, name, rule, async (who, scope) => [null, form(await fields(who, scope))], scopes);
const dataRow = (file: string, name: string, rule: Row["rule"], args: (role: Role, scope: Scope) => Promise<unknown[]>, read?: (value: unknown) => Outcome, scopes: Scope[] = ["in", "out"]): Row => ({
  rule, scopes, writes: true, dataLayer: true,
  prepare: async (who, scope) => {
    const role = who as Role;
    const [fn, actor, rest] = [(await mod(file))[name], await actorOf(role), await args(role, scope)];
    return () => data(() => call(fn, actor, ...rest), read);
  },
});
type RequestFor = (who: Who, scope: Scope) => Request | Promise<Request>;
const routeRow = (file: string, method: string, rule: Row["rule"], request: RequestFor, writes: boolean, auth: "session" | "token", refusals?: readonly number[]): Row => ({
  rule, scopes: ["in", "out"], writes,
  prepare: async (who, scope) => {
    const fn = (await mod(file))[method];
    if (auth === "session") {
      const req = await request(who, scope);
      return () => route(who, () => call(fn, req) as Promise<Response>, refusals);
    }
    // No session; signed out, the token is one the server never issued.
    const unsigned = await request(who, scope);
    const headers = new Headers(unsigned.headers);
    headers.set("authorization", `Bearer ${who === "signedOut" ? newToken().token : await bearerTokenOf(who)}`);
    const req = new Request(unsigned, { headers });
    return () => route("signedOut", () => call(fn, req) as Promise<Response>, refusals);
  },
});
/**
 * A route handler's two rows: called with the browser session, and with the role's bearer
 * token (`tokenRule`: who the token may act as; a handler meant for the browser alone refuses
 * every token).
 */
const routeRows = (file: string, method: string, rule: Row["rule"], request: RequestFor, writes: boolean, tokenRule: Row["rule"] = rule, refusals?: readonly number[]): Record<string, Row> => ({
  [`route:${file}#${method}`]: routeRow(file, method, rule, request, writes, "session", refusals),
  [`route:${file}#${method} [bearer token]`]: routeRow(file, method, tokenRule, request, writes, "token", refusals),
});

const roleOf = (who: Who): Role => (who === "signedOut" ? "district" : who);
const dailyCsv = (who: Who, scope: Scope) => csvFile(["date,unit_code,metric,value", `${figureDay()},${figureUnit(roleOf(who), scope)},dossiers,1`]);
/** A reorganisation that starts one new province and ends nothing: loadable (and undone) any number of times. */
const reorganisationFiles = () => {
  const code = `7${String(next()).padStart(4, "0")}`;
  return { units: csvFile(["code,name,type,parent_code,level", `${code},Tỉnh ${code},Tỉnh,,1`]), changes: csvFile(["effective_date,old_code,old_name,new_code,new_name,part"]) };
};
/** A reorganisation loaded by the administrator, for its undo. */
const loadedReorganisation = async (): Promise<number> => {
  const { importReorganisation } = await import("@/lib/data/reorganisation");
  const { units, changes } = reorganisationFiles();
  const loaded = await importReorganisation(await actorOf("admin"), { date: "2025-07-01", unitsText: await units.text(), changesText: await changes.text() });
  return loaded.id!;
};
const unitsCsv = (scope: Scope) => {
  const code = `${scope === "in" ? 9 : 8}${String(next()).padStart(4, "0")}`;
  return csvFile(["code,name,type,parent_code,level", `${code},Xã ${code},Xã,${placeUnit(scope)},3`]);
};
const targetsCsv = (scope: Scope) => csvFile(["campaign,unit_code,metric,due_date,target", `dot-1,${placeUnit(scope)},activated,2023-06-30,${next()}`]);
const newUser = (scope: Scope) => ({ username: `moi${next()}`, displayName: "Người mới", role: "district", unitCode: placeUnit(scope), password: "mat-khau-moi-123" });

/** A week no other call used, so that no save is a correction of another's (or a conflict with it). */
const freshWeek = () => formatIsoWeek(isoWeekOf(addDays("2030-01-07", 7 * next())));
/** A read as a matrix row: allowed where `rule` says, refused elsewhere, and never writing. */
const readRow = (file: string, name: string, rule: Row["rule"], args: (role: Role, scope: Scope) => unknown[]): Row => ({
  rule, scopes: ["in", "out"], writes: false, dataLayer: true,
  prepare: async (who, scope) => {
    const role = who as Role;
    const [fn, actor] = [(await mod(file))[name], await actorOf(role)];
    return () => data(() => call(fn, actor, ...args(role, scope)));
  },
});

const ROWS: Record<string, Row> = {
  // agencies (issue 22): the weekly figure, the day for 100%, and the reads a focal point must not reach
  "action:app/agencies/actions.ts#saveAgencyWeeklyAction": formAction("app/agencies/actions.ts", "saveAgencyWeeklyAction", AGENCY_FIGURES, async (_w, scope) => ({ week: freshWeek(), [`activated.${AGENCY_OF(scope)}`]: "1", [`version.${AGENCY_OF(scope)}`]: "" })),
  "action:app/agencies/actions.ts#setAgencyDueDateAction": formAction("app/agencies/actions.ts", "setAgencyDueDateAction", AGENCY_DEADLINE, async (_w, scope) => ({ unit: placeUnit(scope), dueDate: addDays("2030-01-01", next()) })),
  "data:lib/data/agencies.ts#saveAgencyWeekly": dataRow("lib/data/agencies.ts", "saveAgencyWeekly", AGENCY_FIGURES, async (_r, scope) => [parseIsoWeek(freshWeek())!, [{ agencyCode: AGENCY_OF(scope), activated: 1, expectedVersion: null }]]),
  "data:lib/data/agencies.ts#saveAgencyWeeks": dataRow("lib/data/agencies.ts", "saveAgencyWeeks", AGENCY_FIGURES, async (_r, scope) => [[{ week: parseIsoWeek(freshWeek())!, rows: [{ agencyCode: AGENCY_OF(scope), activated: 2 }] }]]),
  "data:lib/data/agencies.ts#saveAgencies": dataRow("lib/data/agencies.ts", "saveAgencies", ADMIN_ONLY, async (_r, scope) => [[{ code: `CQM${next()}`, name: "Cơ quan mới", parentCode: null, unitCode: placeUnit(scope) }]]),
  "data:lib/data/agencies.ts#setAgencyDueDate": dataRow("lib/data/agencies.ts", "setAgencyDueDate", AGENCY_DEADLINE, async (_r, scope) => [placeUnit(scope), addDays("2030-01-01", next())]),
  "data:lib/data/import.ts#importCsv [agencies]": dataRow("lib/data/import.ts", "importCsv", ADMIN_ONLY, async (_r, scope) => ["agencies", `code,name,parent_code,unit_code\nCQI${next()},Cơ quan,,${placeUnit(scope)}`], dailyResult),
  "data:lib/data/import.ts#importCsv [agency_weekly]": dataRow("lib/data/import.ts", "importCsv", ADMIN_ONLY, async (_r, scope) => ["agency_weekly", `agency_code,week,activated\n${AGENCY_OF(scope)},${freshWeek()},3`], dailyResult),
  "data:lib/data/agencies.ts#createAgencyUser": dataRow("lib/data/agencies.ts", "createAgencyUser", ADMIN_ONLY, async (_r, scope) => [{ username: `daumoi${next()}`, displayName: "Đầu mối", agencyCode: AGENCY_OF(scope), password: "mat-khau-moi-123" }]),
  "data:lib/data/agencies.ts#getAgencyEntry": readRow("lib/data/agencies.ts", "getAgencyEntry", AGENCY_FIGURES, (_r, scope) => [parseIsoWeek("2023-W20")!, AGENCY_OF(scope)]),
  "data:lib/data/agencies.ts#getAgencyRanking": readRow("lib/data/agencies.ts", "getAgencyRanking", AGENCY_RANKING, (_r, scope) => [scope === "in" ? "90" : "80", parseIsoWeek("2023-W20")!]),

  // server actions
  "action:app/entry/actions.ts#saveDailyGridAction": actionRow("app/entry/actions.ts", "saveDailyGridAction", FIGURES, async (who, scope) => [
    { date: figureDay(), submissionKey: `matrix-${next()}`, confirmSpikes: false, cells: [{ unitCode: figureUnit(roleOf(who), scope), metric: "dossiers", value: "1", kind: "daily", expectedVersion: null }] },
    roleOf(who) === "admin" ? (scope === "in" ? "901" : "801") : undefined,
  ]),
  "action:app/entry/locks/actions.ts#createPeriodLockAction": formAction("app/entry/locks/actions.ts", "createPeriodLockAction", ADMIN_ONLY, async (_w, scope) => ({ unitCode: placeUnit(scope), untilDate: "2000-01-01", reason: "Đã báo cáo tuần" })),
  "action:app/import/actions.ts#importDailyAction": actionRow("app/import/actions.ts", "importDailyAction", FIGURES, async (who, scope) => [form({ file: dailyCsv(who, scope), dryRun: "0" })]),
  "action:app/account/password/actions.ts#changePasswordAction": formAction("app/account/password/actions.ts", "changePasswordAction", () => true, async (who) => {
    const username = USERNAMES[roleOf(who)];
    const fresh = `mat-khau-${next()}-moi`;
    const current = passwords.get(username)!;
    passwords.set(`${username}:pending`, fresh);
    return { currentPassword: current, newPassword: fresh, confirmPassword: fresh };
  }, ["in"]),
  "action:app/admin/users/actions.ts#createUserAction": formAction("app/admin/users/actions.ts", "createUserAction", ADMIN_ONLY, async (_w, scope) => newUser(scope)),
  "action:app/admin/users/actions.ts#updateUserAction": formAction("app/admin/users/actions.ts", "updateUserAction", ADMIN_ONLY, async (_w, scope) => ({ userId: String(await victimUser(scope)), displayName: "Đổi tên", role: "district", unitCode: placeUnit(scope) })),
  "action:app/admin/users/actions.ts#resetPasswordAction": formAction("app/admin/users/actions.ts", "resetPasswordAction", ADMIN_ONLY, async (_w, scope) => ({ userId: String(await victimUser(scope)) })),
  "action:app/admin/users/actions.ts#deactivateUserAction": formAction("app/admin/users/actions.ts", "deactivateUserAction", ADMIN_ONLY, async (_w, scope) => ({ userId: String(await victimUser(scope)) })),
  "action:app/admin/users/actions.ts#moveUserToSuccessorAction": formAction("app/admin/users/actions.ts", "moveUserToSuccessorAction", ADMIN_ONLY, async (_w, scope) => ({ userId: String(await victimOnEndedUnit(scope)) })),
  "action:app/admin/users/actions.ts#activateUserAction": formAction("app/admin/users/actions.ts", "activateUserAction", ADMIN_ONLY, async (_w, scope) => ({ userId: String(await victimUser(scope, false)) })),
  "action:app/account/tokens/actions.ts#issueTokenAction": formAction("app/account/tokens/actions.ts", "issueTokenAction", OWN_OR_ADMIN, async (_w, scope) => ({ name: `mã ${next()}`, username: scope === "in" ? "" : OTHER_USER })),
  "action:app/account/tokens/actions.ts#revokeTokenAction": formAction("app/account/tokens/actions.ts", "revokeTokenAction", OWN_OR_ADMIN, async (who, scope) => ({ tokenId: String(await tokenOf(scope === "in" ? USERNAMES[roleOf(who)] : OTHER_USER)) })),
  "action:app/admin/units/actions.ts#renameUnitAction": formAction("app/admin/units/actions.ts", "renameUnitAction", ADMIN_ONLY, async (_w, scope) => ({ code: await victimUnit(scope), name: `Tên mới ${next()}` })),
  "action:app/admin/units/actions.ts#dissolveUnitAction": formAction("app/admin/units/actions.ts", "dissolveUnitAction", ADMIN_ONLY, async (_w, scope) => ({ code: await victimUnit(scope), date: "2025-07-01", reason: "Sắp xếp đơn vị hành chính" })),
  "action:app/admin/units/actions.ts#importUnitsAction": formAction("app/admin/units/actions.ts", "importUnitsAction", ADMIN_ONLY, async (_w, scope) => ({ file: unitsCsv(scope), dryRun: "0" })),
  "action:app/admin/units/reorganisation/actions.ts#reorganisationAction": formAction("app/admin/units/reorganisation/actions.ts", "reorganisationAction", ADMIN_ONLY, async () => ({ date: "2025-07-01", ...reorganisationFiles(), dryRun: "0" })),
  "action:app/admin/units/reorganisation/actions.ts#undoReorganisationAction": formAction("app/admin/units/reorganisation/actions.ts", "undoReorganisationAction", ADMIN_ONLY, async () => ({ id: String(await loadedReorganisation()) })),
  "action:app/admin/campaigns/actions.ts#createCampaignAction": formAction("app/admin/campaigns/actions.ts", "createCampaignAction", ADMIN_ONLY, async () => ({ code: `dot-m${next()}`, name: "Đợt mới", startDate: "2024-01-01", endDate: "2024-06-30" })),
  "action:app/admin/campaigns/actions.ts#saveTargetGridAction": formAction("app/admin/campaigns/actions.ts", "saveTargetGridAction", ADMIN_ONLY, async (_w, scope) => ({ campaign: "dot-1", metric: "activated", dueDate: "2023-06-30", [`t:${placeUnit(scope)}`]: String(next()) })),
  "action:app/admin/campaigns/actions.ts#importPopulationsAction": formAction("app/admin/campaigns/actions.ts", "importPopulationsAction", ADMIN_ONLY, async (_w, scope) => ({
    file: csvFile(["unit_code,as_of,eligible", `${scope === "in" ? "90101" : "80101"},${figureDay()},${next()}`]), dryRun: "0",
  })),
  "action:app/admin/campaigns/actions.ts#setTargetShareAction": formAction("app/admin/campaigns/actions.ts", "setTargetShareAction", ADMIN_ONLY, async (_w, scope) => {
    const leaf = scope === "in" ? "90101" : "80101";
    await testDb().$executeRaw`INSERT INTO unit_population (unit_id, as_of, eligible) SELECT id, '2000-01-01', 1000 FROM unit WHERE code = ${leaf} ON CONFLICT DO NOTHING`;
    return { campaign: "dot-1", unitCode: leaf, metric: "dossiers", dueDate: "2023-06-30", percent: String(1 + (next() % 100)) };
  }),
  "action:app/admin/campaigns/actions.ts#importTargetsAction": formAction("app/admin/campaigns/actions.ts", "importTargetsAction", ADMIN_ONLY, async (_w, scope) => ({ file: targetsCsv(scope), dryRun: "0" })),

  // route handlers, each called with the browser session and with a bearer token
  ...routeRows("app/api/v1/daily/route.ts", "POST", FIGURES, (who, scope) => new Request("http://test/api/v1/daily", {
    // as the site's own pages post it (a cross-origin post is refused: api-daily-session.test.ts)
    method: "POST", headers: { "content-type": "application/json", origin: "http://test", "sec-fetch-site": "same-origin" },
    body: JSON.stringify({ rows: [{ date: figureDay(), unitCode: figureUnit(roleOf(who), scope), metric: "dossiers", value: 1 }] }),
  }), true),
  // the import page's template download: the browser session only
  ...routeRows("app/import/template/route.ts", "GET", FIGURES, (who, scope) => {
    const role = roleOf(who);
    const unit = role === "admin" ? (scope === "in" ? "901" : "801") : scope === "in" ? "" : figureUnit(role, "out");
    return new Request(`http://test/import/template${unit ? `?unit=${unit}` : ""}`);
  }, false, () => false),
  // the import page's progress: "in" an import of the caller's own, "out" another user's,
  // answered 404 as an unknown id is (whether it exists is not told); the browser session only
  ...routeRows("app/api/import-progress/route.ts", "GET", (_role, scope) => scope === "in", async (who, scope) => {
    const owner = scope === "in" ? USERNAMES[roleOf(who)] : OTHER_USER;
    const id = crypto.randomUUID();
    await trackImportProgress({ id: await userId(owner), username: owner, role: "district", unitPath: null }, id);
    return new Request(`http://test/api/import-progress?id=${id}`);
  }, false, () => false, [401, 403, 404]),

  // read API; "in": the role's own unit, "out": another province
  ...routeRows("app/api/v1/units/route.ts", "GET", VIEW, (who, scope) => new Request(`http://test/api/v1/units?parent=${viewUnit(who, scope)}`), false),
  ...routeRows("app/api/v1/units/[code]/route.ts", "GET", VIEW, (who, scope) => new Request(`http://test/api/v1/units/${viewUnit(who, scope)}`), false),
  ...routeRows("app/api/v1/rankings/route.ts", "GET", VIEW, (who, scope) => new Request(`http://test/api/v1/rankings?parent=${viewUnit(who, scope)}&metric=activated&asOf=2023-05-20`), false),
  ...routeRows("app/api/v1/progress/route.ts", "GET", VIEW, (who, scope) => new Request(`http://test/api/v1/progress?unit=${viewUnit(who, scope)}&metric=activated&asOf=2023-05-20`), false),
  ...routeRows("app/api/v1/reports/weekly/route.ts", "GET", VIEW, (who, scope) => new Request(`http://test/api/v1/reports/weekly?unit=${viewUnit(who, scope)}&week=2023-W20&format=csv`), false),

  // weekly reports
  "action:app/reports/public-board/actions.ts#saveBoardSettingsAction": actionRow("app/reports/public-board/actions.ts", "saveBoardSettingsAction", ISSUE, async (_w, scope) => {
    const fields = form({ unit: scope === "in" ? "90" : "80", enabled: "on", rankingMetric: "activated", showRanking: "on", times: "17:00", frameOrigins: "" });
    fields.append("metrics", "activated");
    return [null, fields];
  }),
  "action:app/reports/public-board/actions.ts#publishBoardAction": formAction("app/reports/public-board/actions.ts", "publishBoardAction", ISSUE, async (_w, scope) => ({ unit: scope === "in" ? "90" : "80", cutoff: `2023-05-21 ${String(Math.floor(next() / 60) % 24).padStart(2, "0")}:${String(counter % 60).padStart(2, "0")}` })),
  "action:app/reports/weekly/actions.ts#issueWeeklyReportAction": formAction("app/reports/weekly/actions.ts", "issueWeeklyReportAction", ISSUE, async (_w, scope) => ({ unit: scope === "in" ? "90" : "80", week: `2023-W${String(10 + (next() % 40)).padStart(2, "0")}`, campaign: "dot-1" })),

  "action:app/reports/weekly/settings/criticism/actions.ts#saveCriticismRuleAction": formAction("app/reports/weekly/settings/criticism/actions.ts", "saveCriticismRuleAction", ISSUING, async (_w, scope) => ({ unit: placeUnit(scope), kind: "belowPercent", count: String(next() % 50), threshold: "80" })),
  "action:app/reports/weekly/settings/actions.ts#saveIssuingSettingsAction": formAction("app/reports/weekly/settings/actions.ts", "saveIssuingSettingsAction", ISSUING, async (_w, scope) => ({ unit: placeUnit(scope), superiorBody: "CÔNG AN TỈNH", issuingBody: "CÔNG AN HUYỆN", symbol: "CAH", place: "Bắc", recipients: "Lưu: VT", signerTitle: "TRƯỞNG CÔNG AN", signerName: `Người ký ${next()}` })),

  // data-layer writes
  "data:lib/data/daily-save.ts#saveDailyFigures": dataRow("lib/data/daily-save.ts", "saveDailyFigures", FIGURES, async (role, scope) => [[{ ref: 0, date: figureDay(), unitCode: figureUnit(role, scope), metric: "dossiers", value: 1, kind: "daily" }], {}], dailyResult),
  "data:lib/data/import.ts#importCsv [daily]": dataRow("lib/data/import.ts", "importCsv", FIGURES, async (role, scope) => ["daily", `date,unit_code,metric,value\n${figureDay()},${figureUnit(role, scope)},dossiers,1`], dailyResult),
  "data:lib/data/import.ts#importDailyFile": dataRow("lib/data/import.ts", "importDailyFile", FIGURES, async (role, scope) => [[`date,unit_code,metric,value\n${figureDay()},${figureUnit(role, scope)},dossiers,1`]], dailyResult),
  "data:lib/data/import.ts#importDailyBatches": dataRow("lib/data/import.ts", "importDailyBatches", FIGURES, async (role, scope) => [
    (async function* () {
      yield { rows: [{ ref: 2, date: figureDay(), unitCode: figureUnit(role, scope), metric: "dossiers", value: 1, kind: "daily" }], issues: [], read: 1 };
    })(), {}, { fraction: () => 1 },
  ], dailyResult),
  // a commune-per-row table (issue 25): the same engine, the same scope
  "data:lib/data/import-table.ts#importDailyTable": dataRow("lib/data/import-table.ts", "importDailyTable", FIGURES, async (role, scope) => [
    { rows: [{ row: 1, cells: ["unit_code", "dossiers"] }, { row: 2, cells: [figureUnit(role, scope), 1] }], settings: {}, text: null }, { day: figureDay() },
  ], (value) => dailyResult((value as { result: unknown }).result)),
  // one's own remembered table mapping: every signed-in role, on their own account only
  "data:lib/data/import-mapping.ts#saveImportMapping": dataRow("lib/data/import-mapping.ts", "saveImportMapping", () => true, async () => [
    { mapping: { headerRow: 1, unitColumn: 0, columns: [{ column: next() % 5 + 1, metric: "dossiers" }], kind: "daily", skip: [], names: {} }, headers: ["xa", "ho so"] },
  ], undefined, ["in"]),
  "data:lib/data/import.ts#importCsv [units]": dataRow("lib/data/import.ts", "importCsv", ADMIN_ONLY, async (_r, scope) => ["units", await unitsCsv(scope).text()], dailyResult),
  "data:lib/data/import.ts#importCsv [campaigns]": dataRow("lib/data/import.ts", "importCsv", ADMIN_ONLY, async () => ["campaigns", `campaign,name,start_date,end_date\ndot-i${next()},Đợt,2024-01-01,2024-03-31`], dailyResult),
  "data:lib/data/import.ts#importCsv [targets]": dataRow("lib/data/import.ts", "importCsv", ADMIN_ONLY, async (_r, scope) => ["targets", await targetsCsv(scope).text()], dailyResult),
  "data:lib/data/period-locks.ts#createPeriodLock": dataRow("lib/data/period-locks.ts", "createPeriodLock", ADMIN_ONLY, async (_r, scope) => [{ unitCode: placeUnit(scope), untilDate: "2000-01-01", reason: "Đã báo cáo" }]),
  "data:lib/data/account.ts#changeOwnPassword": dataRow("lib/data/account.ts", "changeOwnPassword", () => true, async (role) => {
    const username = USERNAMES[role];
    const fresh = `mat-khau-${next()}-moi`;
    passwords.set(`${username}:pending`, fresh);
    return [{ currentPassword: passwords.get(username)!, newPassword: fresh }];
  }, undefined, ["in"]),
  "data:lib/data/users.ts#createUser": dataRow("lib/data/users.ts", "createUser", ADMIN_ONLY, async (_r, scope) => [newUser(scope)]),
  "data:lib/data/users.ts#updateUser": dataRow("lib/data/users.ts", "updateUser", ADMIN_ONLY, async (_r, scope) => [{ userId: await victimUser(scope), displayName: "Đổi", role: "district", unitCode: placeUnit(scope) }]),
  "data:lib/data/users.ts#setUserActive": dataRow("lib/data/users.ts", "setUserActive", ADMIN_ONLY, async (_r, scope) => [await victimUser(scope), false]),
  "data:lib/data/users.ts#moveUserToSuccessor": dataRow("lib/data/users.ts", "moveUserToSuccessor", ADMIN_ONLY, async (_r, scope) => [await victimOnEndedUnit(scope)]),
  "data:lib/data/users.ts#resetPassword": dataRow("lib/data/users.ts", "resetPassword", ADMIN_ONLY, async (_r, scope) => [await victimUser(scope)]),
  "data:lib/data/api-tokens.ts#issueApiToken": dataRow("lib/data/api-tokens.ts", "issueApiToken", OWN_OR_ADMIN, async (_r, scope) => [{ name: `mã ${next()}`, ...(scope === "out" ? { username: OTHER_USER } : {}) }]),
  "data:lib/data/api-tokens.ts#revokeApiToken": dataRow("lib/data/api-tokens.ts", "revokeApiToken", OWN_OR_ADMIN, async (role, scope) => [await tokenOf(scope === "in" ? USERNAMES[role] : OTHER_USER)]),
  "data:lib/data/units-admin.ts#renameUnit": dataRow("lib/data/units-admin.ts", "renameUnit", ADMIN_ONLY, async (_r, scope) => [{ code: await victimUnit(scope), name: `Tên ${next()}` }]),
  "data:lib/data/units-admin.ts#dissolveUnit": dataRow("lib/data/units-admin.ts", "dissolveUnit", ADMIN_ONLY, async (_r, scope) => [{ code: await victimUnit(scope), date: "2025-07-01", reason: "Sắp xếp" }]),
  "data:lib/data/reorganisation.ts#importReorganisation": dataRow("lib/data/reorganisation.ts", "importReorganisation", ADMIN_ONLY, async () => {
    const { units, changes } = reorganisationFiles();
    return [{ date: "2025-07-01", unitsText: await units.text(), changesText: await changes.text() }];
  }, dailyResult),
  "data:lib/data/reorganisation.ts#undoReorganisation": dataRow("lib/data/reorganisation.ts", "undoReorganisation", ADMIN_ONLY, async () => [await loadedReorganisation()]),
  "data:lib/data/targets-admin.ts#createCampaign": dataRow("lib/data/targets-admin.ts", "createCampaign", ADMIN_ONLY, async () => [{ code: `dot-d${next()}`, name: "Đợt", startDate: "2024-01-01", endDate: "2024-06-30" }]),
  "data:lib/data/issued-reports.ts#issueWeeklyReport": dataRow("lib/data/issued-reports.ts", "issueWeeklyReport", ISSUE, async (_r, scope) => [{ unitCode: scope === "in" ? "90" : "80", week: parseIsoWeek(`2023-W${String(10 + (next() % 40)).padStart(2, "0")}`)!, campaignCode: "dot-1", lockDays: false }]),
  // the public board (issue 21): its settings and publications, as the weekly report is issued
  "data:lib/data/public-board.ts#updateBoardSettings": dataRow("lib/data/public-board.ts", "updateBoardSettings", ISSUE, async (_r, scope) => [boardSettingsSchema.parse({ unit: scope === "in" ? "90" : "80", enabled: "on", metrics: ["activated"], rankingMetric: "activated", showRanking: "on", times: `${String(next() % 24).padStart(2, "0")}:00`, frameOrigins: "" })]),
  "data:lib/data/public-board.ts#publishBoard": dataRow("lib/data/public-board.ts", "publishBoard", ISSUE, async (_r, scope) => [{ unit: scope === "in" ? "90" : "80", cutoff: parseCutoff(`2023-05-20 ${String(Math.floor(next() / 60) % 24).padStart(2, "0")}:${String(counter % 60).padStart(2, "0")}`) }]),
  "data:lib/data/criticism-rule.ts#updateCriticismRule": dataRow("lib/data/criticism-rule.ts", "updateCriticismRule", ISSUING, async (_r, scope) => [{ unit: placeUnit(scope), rule: { kind: "bottom", count: next() % 50 } }]),
  "data:lib/data/issuing-settings.ts#updateIssuingSettings": dataRow("lib/data/issuing-settings.ts", "updateIssuingSettings", ISSUING, async (_r, scope) => [{ unit: placeUnit(scope), superiorBody: "CÔNG AN TỈNH", issuingBody: "CÔNG AN HUYỆN", symbol: "CAH", place: "Bắc", recipients: "Lưu: VT", signerTitle: "TRƯỞNG CÔNG AN", signerName: `Người ký ${next()}` }]),
  // a web import's progress, registered by the import page's action under the caller's own id
  // (import_progress, shared by every app server); no scope: the row is the caller's alone
  "data:lib/data/import-progress-registry.ts#trackImportProgress": dataRow("lib/data/import-progress-registry.ts", "trackImportProgress", () => true, async () => [crypto.randomUUID()], undefined, ["in"]),
  "data:lib/data/user-locale.ts#setUserLocale": dataRow("lib/data/user-locale.ts", "setUserLocale", () => true, async () => [next() % 2 === 0 ? "en" : "vi"], undefined, ["in"]),
  // the writers of the units, campaigns and targets imports (lib/data/import.ts)
  "data:lib/data/units-admin.ts#saveUnits": dataRow("lib/data/units-admin.ts", "saveUnits", ADMIN_ONLY, async (_r, scope) => [[{ code: `${scope === "in" ? 9 : 8}${String(next()).padStart(4, "0")}`, name: "Xã Mới", type: "Xã", level: 3, parentCode: placeUnit(scope) }]]),
  "data:lib/data/targets-admin.ts#saveCampaigns": dataRow("lib/data/targets-admin.ts", "saveCampaigns", ADMIN_ONLY, async () => [[{ code: `dot-s${next()}`, name: "Đợt", startDate: "2024-01-01", endDate: "2024-06-30" }]]),
  "data:lib/data/targets-admin.ts#saveTargetValues": dataRow("lib/data/targets-admin.ts", "saveTargetValues", ADMIN_ONLY, async (_r, scope) => [[{ campaign: "dot-1", unitCode: placeUnit(scope), metric: "activated", dueDate: "2023-06-30", value: next() }]]),
  // eligible populations and targets set as a share of them (issue 22)
  "data:lib/data/population.ts#savePopulations": dataRow("lib/data/population.ts", "savePopulations", ADMIN_ONLY, async (_r, scope) => [[{ unitCode: scope === "in" ? "90101" : "80101", asOf: figureDay(), eligible: next() }]]),
  "data:lib/data/population.ts#setTargetShare": dataRow("lib/data/population.ts", "setTargetShare", ADMIN_ONLY, async (_r, scope) => {
    const leaf = scope === "in" ? "90101" : "80101";
    await testDb().$executeRaw`INSERT INTO unit_population (unit_id, as_of, eligible) SELECT id, '2000-01-01', 1000 FROM unit WHERE code = ${leaf} ON CONFLICT DO NOTHING`;
    return [{ campaign: "dot-1", metric: "activated", dueDate: "2023-06-30", unitCode: leaf, basisPoints: 1 + (next() % 10_000) }];
  }),
  "data:lib/data/targets-admin.ts#saveTargets": dataRow("lib/data/targets-admin.ts", "saveTargets", ADMIN_ONLY, async (_r, scope) => [{ campaign: "dot-1", metric: "activated", dueDate: "2023-06-30", values: [{ unitCode: placeUnit(scope), value: next() }] }]),
};

/** What the reads below are called with: the administrator and a few of the test's rows. */
interface ReadSample {
  admin: SessionUserDTO;
  unit: { id: number; code: string; path: string };
  campaignId: number;
  metricId: number;
}
const AS_OF = "2023-05-20";
const WEEK = () => parseIsoWeek("2023-W20")!;

/**
 * Data-layer exports that only read (each checks scope in its query; not part of this
 * matrix), each with a call that must return and change no row ("reads" below), so a write
 * cannot be listed here. Some take no actor: helpers of the reads and of the writes above.
 */
const READS: Record<string, (sample: ReadSample) => unknown[] | Promise<unknown[]>> = {
  "lib/data/api-tokens.ts#listApiTokens": ({ admin }) => [admin, OTHER_USER],
  "lib/data/audit-log.ts#listAuditEvents": ({ admin }) => [admin, { page: 1 }],
  "lib/data/audit-log.ts#listFigureHistory": ({ admin }) => [admin, "90101", "dossiers", "2023-01-05"],
  // names for codes taken from events the caller was allowed to read, each resolved only inside
  // the caller's readable scope (tests/integration/audit-names.test.ts checks the scoping)
  "lib/data/audit-log.ts#getAuditNames": ({ admin }) => [admin, ["90101", "dossiers", "admin"], "vi"],
  "lib/data/campaigns.ts#resolveCampaign": () => ["dot-1", AS_OF],
  "lib/data/daily-grid-rows.ts#gridCellsToRows": () => [{ date: "2023-05-02", submissionKey: "matrix-read", confirmSpikes: false, cells: [{ unitCode: "90101", metric: "dossiers", value: "1", kind: "daily", expectedVersion: null }] }],
  "lib/data/daily-grid.ts#getDailyGrid": ({ admin }) => [admin, "2023-05-02", "901"],
  "lib/data/errors.ts#AppError": () => ["NOT_FOUND"],
  // a code on a day: internal lookups (no actor); every caller checks scope on the unit found
  "lib/data/unit-on-day.ts#unitOnDay": () => [testDb(), "90101", AS_OF, { id: true }],
  "lib/data/unit-on-day.ts#unitsOnDays": () => [testDb(), ["90101", "901"]],
  // populations of units the caller already read (no actor), and which units have units under them on a day
  "lib/data/population.ts#populationsAt": ({ unit }) => [[unit.id], AS_OF],
  "lib/data/population.ts#withChildren": ({ unit }) => [testDb(), [{ id: unit.id, day: AS_OF }]],
  "lib/data/unit-on-day.ts#codeElsewhere": () => ["90101", AS_OF],
  "lib/data/unit-on-day.ts#today": () => [],
  // the units a unit came from (no actor): what a session's actor may read as its unit's past
  "lib/data/unit-history.ts#historyPathsOf": ({ unit }) => [unit.id, testDb()],
  // the day an ended unit's account opens on (no actor): read into the session user
  "lib/data/unit-history.ts#homeDayOf": ({ unit }) => [{ id: unit.id, dissolvedOn: new Date("2025-07-01") }, "2026-01-01", testDb()],
  "lib/data/errors.ts#invalidField": () => ["code", "admin.campaigns.refusal.duplicateCode", { code: "dot-1" }],
  "lib/data/errors.ts#userText": () => [new AppError("NOT_FOUND")],
  "lib/data/errors.ts#roleCannotWriteFigures": () => ["leader"],
  "lib/data/period-locks.ts#listPeriodLocks": ({ admin }) => [admin],
  "lib/data/rankings.ts#getRankings": ({ admin }) => [admin, { parentCode: "90", metricCode: "activated", asOf: AS_OF }],
  "lib/data/sessions.ts#permissionsOf": ({ admin }) => [admin],
  "lib/data/sessions.ts#getSessionUser": async ({ admin }) => [admin.id, (await testDb().user.findUniqueOrThrow({ where: { id: admin.id } })).sessionVersion],
  "lib/data/targets-admin.ts#listCampaigns": ({ admin }) => [admin],
  "lib/data/targets-admin.ts#listMetrics": ({ admin }) => [admin],
  "lib/data/targets-admin.ts#getTargetGrid": ({ admin }) => [admin, { campaign: "dot-1", metric: "activated", dueDate: "2023-06-30", parentCode: "90" }],
  "lib/data/targets-admin.ts#listTargetSumWarnings": ({ admin }) => [admin, "dot-1"],
  "lib/data/population.ts#listTargetShares": ({ admin }) => [admin, "dot-1"],
  "lib/data/units-admin.ts#getUnitTree": ({ admin }) => [admin, "90"],
  "lib/data/units-admin.ts#searchUnits": ({ admin }) => [admin, "Xã"],
  "lib/data/reorganisation.ts#listReorganisations": ({ admin }) => [admin],
  "lib/data/units.ts#getHomeUnitCode": ({ admin }) => [admin],
  "lib/data/users.ts#listUsers": ({ admin }) => [admin],
  "lib/data/users.ts#listAccountsOnEndedUnits": ({ admin }) => [admin],
  "lib/data/users.ts#getUser": ({ admin }) => [admin, admin.id],
  // dashboards and the read API
  "lib/data/units.ts#listUnits": ({ admin }) => [admin, "90"],
  "lib/data/units.ts#getUnit": ({ admin }) => [admin, "901"],
  "lib/data/overview.ts#getUnitOverview": ({ admin }) => [admin, { unitCode: "90", metricCode: "activated", asOf: AS_OF }],
  "lib/data/overview-morning.ts#getMorningSummary": ({ admin }) => [admin, { unitCode: "90", metricCode: "activated", asOf: AS_OF }],
  "lib/data/progress.ts#getViewableUnit": ({ admin }) => [admin, "90"],
  "lib/data/progress.ts#getProgress": ({ admin }) => [admin, { unitCode: "90", metricCode: "activated", asOf: AS_OF, campaignCode: "dot-1" }],
  "lib/data/progress.ts#progressOf": async ({ unit, metricId }) => [{ ...unit, name: "x", level: 1, type: "Tỉnh" }, { id: metricId, code: "activated" }, null, AS_OF],
  "lib/data/reporting-status.ts#getReportingStatus": ({ admin }) => [admin, "90", AS_OF],
  "lib/data/figures-at.ts#cumulativeAt": ({ unit, metricId }) => [[unit.id], metricId, [AS_OF]],
  "lib/data/figures-at.ts#reportedOnAt": ({ unit }) => [[unit.id], AS_OF],
  "lib/data/figures-at.ts#runningTotalsByDay": ({ unit, metricId }) => [[unit.id], metricId, "2023-05-01", AS_OF],
  "lib/data/figures-at.ts#notAllocatedAt": ({ unit, metricId }) => [[unit.id], metricId, AS_OF],
  "lib/data/figures-at.ts#carriedAt": ({ unit, metricId }) => [[unit.id], metricId, [AS_OF]],
  "lib/data/targets.ts#dueDateOn": ({ campaignId, metricId }) => [campaignId, metricId, AS_OF],
  "lib/data/targets.ts#dueDatesOn": ({ campaignId, metricId }) => [campaignId, metricId, [AS_OF]],
  "lib/data/targets.ts#dueDates": ({ campaignId, metricId }) => [campaignId, metricId],
  "lib/data/targets.ts#dueDatesOf": ({ campaignId, metricId }) => [campaignId, [metricId]],
  "lib/data/targets.ts#effectiveTargetsOf": ({ campaignId, metricId, unit }) => [campaignId, metricId, "2023-06-30", [unit]],
  "lib/data/targets.ts#effectiveTargetsAt": ({ campaignId, metricId, unit }) => [campaignId, [{ metricId, dueDate: "2023-06-30" }], [unit]],
  "lib/data/targets.ts#carriedTargetsAt": ({ campaignId, metricId, unit }) => [campaignId, [{ metricId, dueDate: "2023-06-30" }], [unit], AS_OF],
  "lib/data/targets.ts#milestoneKey": ({ metricId }) => [metricId, "2023-06-30"],
  "lib/data/unit-frame.ts#getUnitFrame": ({ admin }) => [admin, "901"],
  "lib/data/view-choices.ts#getViewChoices": () => ["vi"],
  // weekly reports
  "lib/data/issued-reports.ts#listIssuedReports": ({ admin }) => [admin, "90"],
  "lib/data/issued-reports.ts#getIssuedReport": async ({ admin }) => {
    const { issueWeeklyReport } = await import("@/lib/data/issued-reports");
    return [admin, (await issueWeeklyReport(admin, { unitCode: "90", week: parseIsoWeek("2023-W05")!, campaignCode: "dot-1", lockDays: false })).id];
  },
  "lib/data/weekly-report.ts#resolveReportUnit": ({ admin }) => [admin, "90"],
  // the agencies seen from a unit its callers (getAgencyRanking, getWeeklyReport) already checked (no actor)
  "lib/data/agencies.ts#agencyRankingOf": ({ unit }) => [unit.path, WEEK()],
  "lib/data/agencies.ts#agencyDueDateOf": ({ unit }) => [unit.path],
  // the template's rows are the entry grid's (getDailyGrid checks the scope); one's own table mapping
  "lib/data/import-template.ts#getDailyTemplate": ({ admin }) => [admin, "2023-05-02", "daily", "901"],
  "lib/data/import-mapping.ts#getImportMapping": ({ admin }) => [admin],
  "lib/data/issuing-settings.ts#getIssuingSettings": ({ admin }) => [admin, "90"],
  "lib/data/criticism-rule.ts#getCriticismRule": ({ admin }) => [admin, "90"],
  "lib/data/criticism-rule.ts#getCriticismContext": ({ admin }) => [admin, { unitCode: "90", metricCode: "activated", asOf: AS_OF }],
  // the rule in force for a unit its callers (getCriticismRule, getWeeklyReport) already checked
  "lib/data/criticism-rule.ts#criticismRuleOfPath": () => ["90/901/"],
  "lib/data/weekly-report.ts#getWeeklyReport": ({ admin }) => [admin, { unitCode: "90", week: WEEK(), campaignCode: "dot-1" }],
  "lib/data/weekly-report-envelope.ts#resolveReportTarget": ({ admin }) => [admin, { unit: "90", week: "2023-W20" }],
  "lib/data/weekly-report-envelope.ts#getReportEnvelope": ({ admin }) => [admin, { unit: "90", week: "2023-W20", campaign: "dot-1" }],
  // the public board's settings and publications, for those who may publish it (checked inside)
  "lib/data/public-board.ts#getBoardSettings": ({ admin }) => [admin, "90"],
  "lib/data/public-board.ts#listBoardPublications": ({ admin }) => [admin, "90"],
  // what the public reads (no actor): a board that is on, its frozen snapshots narrowed by its settings
  "lib/data/public-board.ts#findPublicBoard": () => ["90"],
  "lib/data/public-board.ts#publicBoardVersion": () => ["90"],
  "lib/data/public-board.ts#readPublicPublication": () => ["90", "latest"],
  // health, languages
  "lib/data/health.ts#getHealth": () => [],
  "lib/data/user-locale.ts#getUserLocale": ({ admin }) => [admin.id],
  "lib/data/figures-at.ts#cumulativeKey": ({ unit }) => [unit.id, AS_OF],
  "lib/data/targets.ts#commonPathPrefix": () => [["90/901/", "90/902/"]],
  // error mapping helpers (no database access)
  "lib/data/db-errors.ts#isDatabaseUnavailable": () => [new Error("Connection terminated unexpectedly")],
  "lib/data/db-errors.ts#asAppError": () => [new Error("Connection terminated unexpectedly")],
  // the one classifier of server actions' and route handlers' errors: a typed refusal logs nothing
  "lib/data/db-errors.ts#classifyError": () => [new AppError("FORBIDDEN"), "matrix"],
  "lib/data/db-errors.ts#withErrorId": () => [new Error("Connection terminated unexpectedly"), "0a1b2c3d"],
  // an outage already logged where it was caught: worded with its id, logged no second time
  "lib/data/db-errors.ts#outageMessage": () => [Object.assign(new Error("Connection terminated unexpectedly"), { errorId: "0a1b2c3d" }), "matrix"],
  // a web import's progress (import_progress), read by GET /api/import-progress for the owner only
  "lib/data/import-progress-registry.ts#getImportProgress": ({ admin }) => [admin, crypto.randomUUID()],
};
/**
 * Writes without an actor, used only inside the data layer or by sign-in itself: the daily
 * engine (its permission check is the caller's actor, applied in SQL) and totals (called after the permission checks of saveDailyFigures and importCsv, in
 * their transaction), sign-in, ending a user's own sessions at logout, and resolving a bearer
 * token. The test checks that no page, action or route imports them.
 */
const INTERNAL = new Set([
  "lib/data/totals.ts#lockScopes", "lib/data/totals.ts#rebuildTotals",
  // a SQL fragment (a parent's reportedOn), not a call
  "lib/data/totals.ts#PARENT_REPORTED_ON", "lib/data/totals.ts#rebuildDailyTotals", "lib/data/totals.ts#rebuildUnitReports",
  // the one daily engine: saveDailyFigures and importDailyFile open it with their actor, in their transaction
  "lib/data/daily-engine.ts#DailyEngine",
  // the reportedOn rows of a unit's ancestors when it ends, inside dissolveUnit's transaction
  "lib/data/totals.ts#unitEnded",
  // the ranking facts, kept inside the daily engine's write and unitEnded, rebuilt with the totals
  "lib/data/ranking-facts.ts#refreshRankingFactsAfterWrite", "lib/data/ranking-facts.ts#refreshRankingFactsOfUnits",
  "lib/data/ranking-facts.ts#rebuildRankingFacts",
  // the running totals carried across a change of the tree (lib/data/carries.ts): kept inside the
  // daily engine's write, the reorganisation's import and undo, and an administrator's merge,
  // after their permission checks; CARRIED is a SQL fragment, not a call
  "lib/data/carries.ts#CARRIED", "lib/data/carries.ts#refreshCarries", "lib/data/carries.ts#refreshCarriesAfterWrite",
  "lib/data/carries.ts#carryOnReorganisation", "lib/data/carries.ts#carryOnMerge", "lib/data/carries.ts#dropReorganisationCarries",
  "lib/data/carries.ts#parentsLostChildren",
  // units already read (after their permission checks) named as they were on the view's day
  "lib/data/unit-labels.ts#labelledOn",
  // the audit events, written inside each writer's transaction after its permission check
  "lib/data/audit.ts#writeAudit", "lib/data/audit.ts#writeAudits",
  // targets written inside a caller's transaction after its permission check (saveTargetValues, the population shares)
  "lib/data/targets-admin.ts#writeTargetValues",
  // a lock written inside issueWeeklyReport's transaction, after its permission check
  "lib/data/period-locks.ts#insertPeriodLock",
  "lib/data/sessions.ts#signIn", "lib/data/sessions.ts#endSessions", "lib/data/api-tokens.ts#userForApiToken",
  // sign-in's and the password change's attempt counting, before and after their password check
  "lib/data/login-throttle.ts#countAttempt", "lib/data/login-throttle.ts#forgiveAttempt",
  // every token of a user revoked inside an account event's transaction (password change or reset, deactivation), after its check
  "lib/data/api-tokens.ts#revokeTokensOfUser",
  // the public board's scheduled publications, as the installation's operator: the server's timer (lib/cli/serve.ts)
  "lib/data/public-board.ts#publishDue",
  // the structure a view shows, read inside getUnitFrame after its permission check (a unit id, no actor)
  "lib/data/units.ts#structureOfView",
]);
/**
 * Route handlers that are public by design: next-auth's own sign-in, session and sign-out
 * endpoints, the health check for monitoring (no figures, no secrets), and the public board.
 */
const PUBLIC_ROUTES = new Set(["app/api/auth/[...nextauth]/route.ts#GET", "app/api/auth/[...nextauth]/route.ts#POST", "app/api/health/route.ts#GET",
  // the public board (issue 21): frozen snapshots of boards a leader turned on, nothing else (tests/integration/public-board-routes.test.ts walks them)
  "app/cong-khai/[code]/route.ts#GET", "app/cong-khai/[code]/embed/route.ts#GET", "app/cong-khai/[code]/[file]/route.ts#GET",
  // the API's published contract and its reference page (issue 26): the interface, no one's data (docs/api-contract.md)
  "app/api/v1/openapi.json/route.ts#GET", "app/api/docs/route.ts#GET", "app/api/docs/[asset]/route.ts#GET"]);
/**
 * Server actions that are public by design: choosing the interface language, which a visitor
 * does on the sign-in page (a cookie); signed in, it also stores the caller's own choice
 * through setUserLocale (a data row above, allowed for every role on their own account).
 * And logging out, which ends only the caller's own sessions (endSessions, internal above)
 * and clears the caller's cookie; signed out, it only clears the cookie.
 */
const PUBLIC_ACTIONS = new Set(["action:app/locale/actions.ts#setLocaleAction", "action:app/session/actions.ts#signOutAction"]);
const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

function files(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return files(rel, match);
    return match(entry.name) ? [rel] : [];
  });
}

async function exportsOf(file: string, keep: (name: string, value: unknown) => boolean): Promise<string[]> {
  const loaded = (await import(path.join(ROOT, file))) as Record<string, unknown>;
  return Object.entries(loaded).filter(([name, value]) => keep(name, value)).map(([name]) => `${file}#${name}`);
}

async function fingerprint(): Promise<Record<string, string>> {
  const db = testDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const result: Record<string, string> = {};
  for (const { tablename } of tables) {
    // xmin: the transaction that wrote each row's version, so a row rewritten with the same values counts too
    const [row] = await db.$queryRawUnsafe<{ h: string }[]>(`SELECT md5(coalesce(string_agg(t::text || ':' || t.xmin::text, '|' ORDER BY t::text, t.xmin::text), '')) AS h FROM "${tablename}" t`);
    result[tablename] = row.h;
  }
  return result;
}

async function readSample(): Promise<ReadSample> {
  const db = testDb();
  return {
    admin: await actorOf("admin"),
    unit: await db.unit.findFirstOrThrow({ where: { code: "90" }, select: { id: true, code: true, path: true } }),
    campaignId: (await db.campaign.findUniqueOrThrow({ where: { code: "dot-1" } })).id,
    metricId: (await db.metric.findUniqueOrThrow({ where: { code: "activated" } })).id,
  };
}

beforeAll(async () => {
  const db = await resetDatabase();
  await smallTree(db);
  await createUnits(db, [["80", "Tỉnh Khác", null], ["801", "Huyện Khác", "80"], ["80101", "Xã Khác", "801"]]);
  await db.campaign.create({ data: { code: "dot-1", name: "Đợt 1", startDate: new Date("2023-05-01"), endDate: new Date("2023-06-30") } });
  const password = "mat-khau-ban-dau";
  const passwordHash = await hashPassword(password);
  for (const role of ROLES) {
    const code = UNIT_OF[role];
    const unit = code ? await db.unit.findFirstOrThrow({ where: { code } }) : null;
    await db.user.create({ data: { username: USERNAMES[role], displayName: role, role, unitId: unit?.id ?? null, passwordHash } });
    passwords.set(USERNAMES[role], password);
  }
  // agencies (issue 22): the focal point's agency with a sub-agency in province 90, another in 80
  const agencies = [["CQ90", null, "90"], ["CQ90-1", "CQ90", "90"], ["CQ80", null, "80"]] as const;
  for (const [code, parent, unitCode] of agencies) {
    const unit = await db.unit.findFirstOrThrow({ where: { code: unitCode } });
    const parentRow = parent ? await db.agency.findUniqueOrThrow({ where: { code: parent } }) : null;
    const agency = await db.agency.create({ data: { code, name: `Cơ quan ${code}`, searchName: code.toLowerCase(), unitId: unit.id, parentId: parentRow?.id ?? null, path: `${parentRow?.path ?? ""}${code}/` } });
    await db.agencyHeadcount.create({ data: { agencyId: agency.id, asOf: new Date("2000-01-01"), headcount: 1_000_000 } });
  }
  await db.user.update({ where: { username: USERNAMES.agency }, data: { agencyId: (await db.agency.findUniqueOrThrow({ where: { code: "CQ90" } })).id } });
  const other = await db.unit.findFirstOrThrow({ where: { code: "801" } });
  await db.user.create({ data: { username: OTHER_USER, displayName: "Khác", role: "district", unitId: other.id, passwordHash } });
  for (const code of ["90", "80"]) {
    const unit = await db.unit.findFirstOrThrow({ where: { code } });
    await db.publicBoard.create({ data: { unitId: unit.id, enabled: true, metrics: ["activated"], rankingMetric: "activated", times: [], frameOrigins: [] } });
  }
});

describe("authorization matrix", () => {
  it("covers every server action, route handler and data-layer write in the code", async () => {
    const actions = (await Promise.all(files("app", (n) => n === "actions.ts").map((f) => exportsOf(f, () => true)))).flat().map((id) => `action:${id}`);
    const routes = (await Promise.all(files("app", (n) => n === "route.ts").map((f) => exportsOf(f, (name) => HTTP_METHODS.has(name))))).flat();
    const dataExports = (await Promise.all(files("lib/data", (n) => n.endsWith(".ts")).map((f) => exportsOf(f, (_n, v) => typeof v === "function")))).flat();
    // every "use server" export is an action: nothing else may be exported from those files
    for (const file of files("app", (n) => n === "actions.ts")) expect(readFileSync(path.join(ROOT, file), "utf8").startsWith('"use server";'), file).toBe(true);

    const rowIds = new Set(Object.keys(ROWS).map((key) => key.split(" ")[0]));
    const missing = [
      ...actions.filter((id) => !rowIds.has(id) && !PUBLIC_ACTIONS.has(id)),
      ...routes.filter((id) => !PUBLIC_ROUTES.has(id) && !rowIds.has(`route:${id}`)).map((id) => `route:${id}`),
      ...dataExports.filter((id) => !(id in READS) && !INTERNAL.has(id) && !rowIds.has(`data:${id}`)).map((id) => `data:${id}`),
    ];
    expect(missing, "add these to ROWS (or to READS / INTERNAL with a reason)").toEqual([]);
    const known = new Set([...actions.filter((id) => !PUBLIC_ACTIONS.has(id)), ...routes.map((id) => `route:${id}`), ...dataExports.map((id) => `data:${id}`)]);
    expect([...rowIds].filter((id) => !known.has(id)), "rows for code that no longer exists").toEqual([]);
    const exported = new Set([...actions, ...dataExports]);
    expect([...Object.keys(READS), ...INTERNAL, ...PUBLIC_ACTIONS].filter((id) => !exported.has(id)), "entries naming no export").toEqual([]);
    expect(routes.filter((id) => PUBLIC_ROUTES.has(id)).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it("keeps the internal writes out of reach of pages, actions and routes", () => {
    const internalNames = [...INTERNAL].map((id) => id.split("#")[1]);
    const offenders: string[] = [];
    for (const file of files("app", (n) => /\.(ts|tsx)$/.test(n))) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const match of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@\/lib\/data\/[^"]+"/g)) {
        for (const name of match[1].split(",").map((n) => n.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0])) {
          if (internalNames.includes(name)) offenders.push(`${file}: ${name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  for (const [id, args] of Object.entries(READS)) it(`${id} reads: it returns and changes no row`, async () => {
    const fn = (await mod(id.split("#")[0]))[id.split("#")[1]] as unknown;
    expect(typeof fn, "an export of that name").toBe("function");
    const sample = await readSample();
    const callArgs = await args(sample);
    const before = await fingerprint();
    const isClass = /^class\b/.test(Function.prototype.toString.call(fn));
    await (isClass ? Reflect.construct(fn as new (...a: unknown[]) => unknown, callArgs) : call(fn, ...callArgs));
    expect(await fingerprint(), "a read wrote nothing").toEqual(before);
  });

  const cases = Object.entries(ROWS).flatMap(([id, row]) =>
    [...ROLES, ...(row.dataLayer ? [] : ["signedOut" as const])].flatMap((who) =>
      (who === "signedOut" ? row.scopes.slice(0, 1) : row.scopes).map((scope) => ({
        id, who, scope, row,
        expected: who === "signedOut" ? ("refused" as const) : row.rule(who, scope) ? ("allowed" as const) : ("refused" as const),
      }))));

  for (const { id, row, who, scope, expected } of cases) it(`${id} as ${who}, ${scope} of scope: ${expected}`, async () => {
    const invoke = await row.prepare(who, scope);
    const before = await fingerprint();
    const outcome = await invoke();
    const after = await fingerprint();
    expect(outcome).toBe(expected);
    if (expected === "refused") expect(after, "a refused call wrote nothing").toEqual(before);
    else if (row.writes) expect(after).not.toEqual(before);
    // a password change that went through is the user's password from now on
    if (expected === "allowed" && who !== "signedOut") {
      const username = USERNAMES[who];
      const pending = passwords.get(`${username}:pending`);
      if (pending) passwords.set(username, pending);
    }
    for (const key of [...passwords.keys()]) if (key.endsWith(":pending")) passwords.delete(key);
  });
});
