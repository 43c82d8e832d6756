import "server-only";
// The public progress board (issue 21): a unit's board settings, its publications, and what
// the public reads. A publication freezes a snapshot (lib/domain/public-board.ts) of the
// figures as of its cutoff, computed by the same reads as the API (progressOf for the unit's
// metrics, getRankings for its children), never changed afterwards: a correction appears in
// the next one. Leaders and administrators within their scope set the board and publish
// (canPublishBoard), each step audited; the public reads touch only the board and its
// snapshots, never the live figures.
import type { Actor } from "@/lib/auth/permissions";
import { canPublishBoard } from "@/lib/auth/report-permissions";
import { db, onPrimary } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { applyCriticismRule } from "@/lib/domain/criticism-rule";
import { addDays } from "@/lib/domain/dates";
import { cutoffAt, dueCutoffs, publicView, withChanges, type BoardSnapshot, type BoardVisibility, type Cutoff } from "@/lib/domain/public-board";
import { formatDateTime } from "@/lib/domain/format";
import { m } from "@/lib/i18n/message";
import type { BoardSettingsInput } from "@/lib/validation/public-board";
import { writeAudit } from "./audit";
import { resolveCampaign } from "./campaigns";
import { criticismRuleOfPath } from "./criticism-rule";
import { AppError } from "./errors";
import { runningTotalsByDay } from "./figures-at";
import { getViewableUnit, progressOf } from "./progress";
import { getRankings } from "./rankings";
import { today } from "./unit-on-day";

/** How far back a publication's trend goes (days before the cutoff's day, within the campaign). */
const TREND_DAYS = 59;
const DEFAULT_TIMES = ["11:00", "17:00"];
const DEFAULT_METRICS = ["dossiers", "accounts", "activated"];

/** A unit's board settings as the settings page shows them. */
export interface BoardSettingsDTO extends Omit<BoardRow, "unitId" | "updatedAt"> {
  unit: { code: string; name: string };
  /** false until a leader saves the settings (the defaults are shown) */
  stored: boolean;
  updatedAt: string | null;
  availableMetrics: { code: string; name: string; nameEn: string }[];
}

export interface BoardPublicationDTO {
  id: number;
  stamp: string;
  cutoff: string;
  publishedAt: string;
  publishedBy: string;
}

type PublisherActor = Actor & { displayName?: string };

/** A board's row with its lists read from their JSON. */
interface BoardRow {
  unitId: number;
  enabled: boolean;
  metrics: string[];
  rankingMetric: string;
  showRanking: boolean;
  showPraise: boolean;
  times: string[];
  frameOrigins: string[];
  updatedAt: Date;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

function readBoard<R extends { metrics: unknown; times: unknown; frameOrigins: unknown }>(row: R): Omit<R, "metrics" | "times" | "frameOrigins"> & Pick<BoardRow, "metrics" | "times" | "frameOrigins"> {
  return { ...row, metrics: strings(row.metrics), times: strings(row.times), frameOrigins: strings(row.frameOrigins) };
}

async function boardOf(unitId: number, client: Pick<ReturnType<typeof db>, "publicBoard"> = db()): Promise<BoardRow | null> {
  const row = await client.publicBoard.findUnique({ where: { unitId } });
  return row ? readBoard(row) : null;
}

/** The unit a leader's board is about, its code resolved on `day`, checked against the caller. */
async function boardUnit(actor: Actor, code: string, day: string) {
  const unit = await getViewableUnit(actor, code, { asOf: day, notFoundMessage: m("board.settings.errors.unitOnDay", { day }) });
  if (!canPublishBoard(actor, unit.path)) throw new AppError("FORBIDDEN");
  return unit;
}

async function metricsList() {
  return db().metric.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, nameVi: true, nameEn: true } });
}

/** A unit's board settings (defaults until saved), for those who may publish it. */
export async function getBoardSettings(actor: Actor, unitCode: string, asOf: string = actor.homeDay ?? today()): Promise<BoardSettingsDTO> {
  const unit = await boardUnit(actor, unitCode, asOf);
  const [row, metrics] = await Promise.all([boardOf(unit.id), metricsList()]);
  return {
    unit: { code: unit.code, name: unit.name },
    stored: row !== null,
    enabled: row?.enabled ?? false,
    metrics: row?.metrics ?? DEFAULT_METRICS.filter((code) => metrics.some((metric) => metric.code === code)),
    rankingMetric: row?.rankingMetric ?? "activated",
    showRanking: row?.showRanking ?? true,
    showPraise: row?.showPraise ?? false,
    times: row?.times ?? DEFAULT_TIMES,
    frameOrigins: row?.frameOrigins ?? [],
    updatedAt: row?.updatedAt.toISOString() ?? null,
    availableMetrics: metrics.map((metric) => ({ code: metric.code, name: metric.nameVi, nameEn: metric.nameEn })),
  };
}

/** Stores a unit's board settings; turning it off hides every publication at once. Audited with old and new values. */
export async function updateBoardSettings(actor: Actor, input: BoardSettingsInput): Promise<{ code: string; name: string; enabled: boolean }> {
  const unit = await boardUnit(actor, input.unit, input.asOf ?? actor.homeDay ?? today());
  const known = new Set((await metricsList()).map((metric) => metric.code));
  const unknown = input.metrics.filter((code) => !known.has(code));
  if (unknown.length) throw new AppError("INVALID_INPUT", { subject: "metric", fieldErrors: { metrics: [m("board.settings.errors.metrics")] } });
  const values = {
    enabled: input.enabled, metrics: input.metrics, rankingMetric: input.rankingMetric, showRanking: input.showRanking,
    showPraise: input.showPraise, times: input.times, frameOrigins: input.frameOrigins,
  };
  return db().$transaction(async (tx) => {
    const before = await boardOf(unit.id, tx);
    await tx.publicBoard.upsert({
      where: { unitId: unit.id },
      create: { unitId: unit.id, ...values, updatedById: actor.id },
      update: { ...values, updatedById: actor.id, updatedAt: new Date() },
    });
    await writeAudit(tx, {
      userId: actor.id, action: "board.update", entity: "public_board", entityKey: unit.code, unitId: unit.id,
      oldValue: before ? settingsValue(before) : Prisma.DbNull, newValue: values,
    });
    return { code: unit.code, name: unit.name, enabled: values.enabled };
  }).finally(() => forgetVersion(unit.code));
}

function settingsValue(row: { enabled: boolean; metrics: string[]; rankingMetric: string; showRanking: boolean; showPraise: boolean; times: string[]; frameOrigins: string[] }) {
  const { enabled, metrics, rankingMetric, showRanking, showPraise, times, frameOrigins } = row;
  return { enabled, metrics, rankingMetric, showRanking, showPraise, times, frameOrigins };
}

/**
 * Publishes a unit's board: freezes the figures as of `cutoff` (default: now, to the minute;
 * a past one re-creates a missed publication). The unit's code is resolved on the cutoff's
 * day. One publication per cutoff: the same cutoff again is a conflict.
 */
export async function publishBoard(actor: PublisherActor, input: { unit: string; cutoff?: Cutoff | null }, now: Date = new Date()): Promise<BoardPublicationDTO> {
  const cutoff = input.cutoff ?? cutoffAt(now);
  if (cutoff.instant.getTime() > now.getTime()) throw new AppError("INVALID_INPUT", { subject: "cutoff", fieldErrors: { cutoff: [m("board.settings.errors.cutoffFuture")] } });
  const unit = await boardUnit(actor, input.unit, cutoff.day);
  const board = await boardOf(unit.id);
  if (!board) throw new AppError("INVALID_INPUT", { subject: "board", fieldErrors: { unit: [m("board.settings.errors.notConfigured")] } });
  const published = await freeze(actor, { unit, board, cutoff, now });
  if (!published) throw new AppError("CONFLICT", { subject: "publication", fieldErrors: { cutoff: [m("board.settings.errors.duplicate", { cutoff: formatDateTime(cutoff.instant.toISOString()) })] } });
  return published;
}

type BoardUnit = Awaited<ReturnType<typeof boardUnit>>;

/** Computes and stores one publication; null when one with that cutoff exists already. */
async function freeze(actor: PublisherActor, q: { unit: BoardUnit; board: BoardRow; cutoff: Cutoff; now: Date }): Promise<BoardPublicationDTO | null> {
  const { unit, board, cutoff, now } = q;
  const exists = await db().boardPublication.findUnique({ where: { unitId_stamp: { unitId: unit.id, stamp: cutoff.stamp } }, select: { id: true } });
  if (exists) return null;
  // the figures at the cutoff as the primary has them, not as a replica a moment behind does
  const snapshot = await onPrimary(() => computeSnapshot(actor, unit, board, cutoff, now));
  const by = actor.displayName ?? actor.username;
  try {
    return await db().$transaction(async (tx) => {
      const row = await tx.boardPublication.create({
        data: { unitId: unit.id, stamp: cutoff.stamp, cutoff: cutoff.instant, publishedAt: now, publishedById: actor.id, publishedByName: by, snapshot: snapshot as unknown as Prisma.InputJsonValue },
      });
      await writeAudit(tx, {
        userId: actor.id, action: "board.publish", entity: "board_publication", entityKey: `${unit.code}:${cutoff.stamp}`, unitId: unit.id,
        newValue: { id: row.id, cutoff: cutoff.iso, metrics: snapshot.metrics.map((metric) => metric.metric), rows: snapshot.rows.length },
      });
      return toDTO(row);
    }).finally(() => forgetVersion(unit.code));
  } catch (error) {
    // two publishers of the same cutoff at once: the other one's stands
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return null;
    throw error;
  }
}

/** The figures as of the cutoff, by the reads every screen and the API use. */
async function computeSnapshot(actor: Actor, unit: BoardUnit, board: BoardRow, cutoff: Cutoff, now: Date): Promise<BoardSnapshot> {
  const day = cutoff.day;
  const [allMetrics, campaign] = await Promise.all([metricsList(), resolveCampaign(undefined, day)]);
  const metrics = allMetrics.filter((metric) => board.metrics.includes(metric.code));
  const progress = await Promise.all(metrics.map((metric) => progressOf(unit, metric, campaign, day)));
  const rankingMetric = metrics.find((metric) => metric.code === board.rankingMetric) ?? metrics[0];
  const campaignQuery = campaign ? { campaignCode: campaign.code } : {};
  const ranking = board.showRanking && rankingMetric
    ? await getRankings(actor, { parentCode: unit.code, metricCode: rankingMetric.code, asOf: day, ...campaignQuery }, { includeChange: false })
    : null;
  const previous = await db().boardPublication.findFirst({ where: { unitId: unit.id, cutoff: { lt: cutoff.instant } }, orderBy: { cutoff: "desc" }, select: { stamp: true, snapshot: true } });
  const previousRows = previous ? ((previous.snapshot as unknown as BoardSnapshot).rows ?? []) : null;
  const rows = withChanges(
    (ranking?.rows ?? []).map(({ code, name, actual, target, percent, rank, reportedOn }) => ({ code, name, actual, target, percent, rank, reportedOn })),
    previousRows,
  );
  const headline = progress.find((p) => p.metric === rankingMetric?.code);
  const lists = board.showPraise && ranking
    ? applyCriticismRule(rows, (await criticismRuleOfPath(unit.path)).rule, { name: unit.name, percent: headline?.percent ?? null })
    : { praised: [], criticised: [] };
  const trendFrom = [campaign?.startDate ?? addDays(day, -TREND_DAYS), addDays(day, -TREND_DAYS)].sort().at(-1)!;
  const trend = rankingMetric && trendFrom <= day ? await runningTotalsByDay([unit.id], rankingMetric.id, trendFrom, day) : [];
  return {
    version: 1,
    unit: { code: unit.code, name: unit.name },
    childKind: ranking?.childKind ?? null,
    cutoff: cutoff.iso,
    stamp: cutoff.stamp,
    asOf: day,
    publishedAt: now.toISOString(),
    campaign: campaign ? { code: campaign.code, name: campaign.name } : null,
    metrics: progress.map((p, i) => ({ metric: p.metric, name: metrics[i].nameVi, nameEn: metrics[i].nameEn, actual: p.actual, target: p.target, percent: p.percent, dueDate: p.dueDate })),
    rankingMetric: rankingMetric?.code ?? board.rankingMetric,
    rows,
    previousStamp: previous?.stamp ?? null,
    praised: lists.praised.map(({ name, percent }) => ({ name, percent })),
    criticised: lists.criticised.map(({ name, percent }) => ({ name, percent })),
    trend: trend.map(({ day: d, cumulative }) => ({ day: d, actual: cumulative })),
  };
}

/** A unit's publications, newest first, with who published them, for those who may publish it. */
export async function listBoardPublications(actor: Actor, unitCode: string, asOf: string = actor.homeDay ?? today()): Promise<BoardPublicationDTO[]> {
  const unit = await boardUnit(actor, unitCode, asOf);
  const rows = await db().boardPublication.findMany({
    where: { unitId: unit.id }, orderBy: { cutoff: "desc" }, take: 100,
    select: { id: true, stamp: true, cutoff: true, publishedAt: true, publishedByName: true },
  });
  return rows.map(toDTO);
}

function toDTO(row: { id: number; stamp: string; cutoff: Date; publishedAt: Date; publishedByName: string }): BoardPublicationDTO {
  return { id: row.id, stamp: row.stamp, cutoff: row.cutoff.toISOString(), publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedByName };
}

/**
 * Publishes every board's daily times that are due at `now` and not yet published (today's,
 * in Vietnam), as the installation's operator. Idempotent: a time already published is
 * skipped, so the server may call it as often as it likes. A board whose unit has ended (no
 * unit with its code on the day) publishes nothing.
 */
export async function publishDue(now: Date = new Date(), actor: PublisherActor = { id: null, username: "system", role: "admin", unitPath: null }): Promise<{ unit: string; stamp: string }[]> {
  const boards = (await db().publicBoard.findMany({ where: { enabled: true } })).map(readBoard);
  const done: { unit: string; stamp: string }[] = [];
  for (const board of boards) {
    const due = dueCutoffs(board.times, now);
    if (!due.length) continue;
    const published = new Set((await db().boardPublication.findMany({ where: { unitId: board.unitId, stamp: { in: due.map((c) => c.stamp) } }, select: { stamp: true } })).map((p) => p.stamp));
    const pending = due.filter((cutoff) => !published.has(cutoff.stamp));
    if (!pending.length) continue;
    const unitRow = await db().unit.findUnique({ where: { id: board.unitId }, select: { code: true } });
    if (!unitRow) continue;
    for (const cutoff of pending) {
      const unit = await boardUnit(actor, unitRow.code, cutoff.day).catch(() => null);
      if (!unit || unit.id !== board.unitId) continue;
      const made = await freeze(actor, { unit, board, cutoff, now });
      if (made) done.push({ unit: unit.code, stamp: made.stamp });
    }
  }
  return done;
}

// ---- what the public reads: the board's settings and its frozen snapshots, nothing live ----

export interface PublicBoardDTO {
  code: string;
  /** changes whenever what the public sees may change (settings saved, a publication made) */
  version: string;
  frameOrigins: string[];
  visibility: BoardVisibility;
  publications: { id: number; stamp: string; cutoff: string }[];
}

const boardVersion = (updatedAt: Date, latestId: number, count: number) => `${updatedAt.getTime()}-${latestId}-${count}`;

/**
 * What a public answer depends on, in one statement (every request of a crowd asks it): the
 * version of the board published under `code` (its settings, its latest publication, their
 * number), or null when none is on and published. Read before anything else, so that an answer
 * already made for that version is served without reading a snapshot.
 */
export async function publicBoardVersion(code: string): Promise<string | null> {
  const held = versions().get(code);
  if (held && held.until > Date.now()) return held.version;
  const version = await readBoardVersion(code);
  versions().set(code, { version, until: Date.now() + VERSION_SECONDS * 1000 });
  return version;
}

/**
 * How long a board's version is believed without asking the database again: under a crowd
 * the public routes then answer from memory. A change made in this process (settings saved,
 * a publication made by the settings page) is seen at once (forgetVersion); one made by
 * another process (npm run publish, the scheduled times of the process that starts the
 * server) within this time.
 */
const VERSION_SECONDS = 1;
const VERSIONS_KEY = Symbol.for("vneid.publicBoardVersions");
const versions = (): Map<string, { version: string | null; until: number }> => {
  const store = globalThis as Record<symbol, Map<string, { version: string | null; until: number }> | undefined>;
  return (store[VERSIONS_KEY] ??= new Map());
};
const forgetVersion = (code: string) => versions().delete(code);

async function readBoardVersion(code: string): Promise<string | null> {
  const [row] = await db().$queryRaw<{ updated_at: Date; latest: number | null; count: number }[]>`
    SELECT b.updated_at, p.latest, p.count
    FROM unit u
    JOIN public_board b ON b.unit_id = u.id AND b.enabled
    CROSS JOIN LATERAL (SELECT max(x.id)::int AS latest, count(*)::int AS count FROM board_publication x WHERE x.unit_id = u.id) p
    WHERE u.code = ${code}
    ORDER BY u.valid_from DESC NULLS LAST
    LIMIT 1`;
  return row && row.latest !== null ? boardVersion(row.updated_at, row.latest, row.count) : null;
}

/**
 * The board published under a unit's code, if it is on and has a publication; null
 * otherwise (every public answer is then 404). A code reused by a later unit: the board
 * that is on, the latest unit's first.
 */
export async function findPublicBoard(code: string): Promise<PublicBoardDTO | null> {
  const units = await db().unit.findMany({ where: { code }, select: { id: true }, orderBy: [{ validFrom: { sort: "desc", nulls: "last" } }] });
  if (!units.length) return null;
  const boards = (await db().publicBoard.findMany({ where: { unitId: { in: units.map((u) => u.id) }, enabled: true } })).map(readBoard);
  const board = units.map((u) => boards.find((b) => b.unitId === u.id)).find((b) => b !== undefined);
  if (!board) return null;
  const publications = await db().boardPublication.findMany({ where: { unitId: board.unitId }, orderBy: { cutoff: "desc" }, take: 500, select: { id: true, stamp: true, cutoff: true } });
  if (!publications.length) return null;
  return {
    code,
    version: boardVersion(board.updatedAt, publications[0].id, publications.length),
    frameOrigins: board.frameOrigins,
    visibility: { metrics: board.metrics, rankingMetric: board.rankingMetric, showRanking: board.showRanking, showPraise: board.showPraise },
    publications: publications.map((p) => ({ id: p.id, stamp: p.stamp, cutoff: p.cutoff.toISOString() })),
  };
}

/** One publication of a public board (`latest` or a stamp), as the public may see it under the board's current settings; null when there is none. */
export async function readPublicPublication(code: string, which: string): Promise<{ board: PublicBoardDTO; snapshot: BoardSnapshot } | null> {
  const board = await findPublicBoard(code);
  if (!board) return null;
  const listed = which === "latest" ? board.publications[0] : board.publications.find((p) => p.stamp === which);
  if (!listed) return null;
  const row = await db().boardPublication.findUnique({ where: { id: listed.id }, select: { snapshot: true } });
  if (!row) return null;
  return { board, snapshot: publicView(row.snapshot as unknown as BoardSnapshot, board.visibility) };
}
