import "server-only";
// Saves daily figures from the entry grid and POST /api/v1/daily: every row through the one
// engine (lib/data/daily-engine.ts), in one all-or-nothing transaction. A submission key
// makes a repeated submission (double click, retry after a timeout) write once.
import type { Actor } from "@/lib/auth/permissions";
import { db, TRANSACTION_MAX_WAIT_MS } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { DAILY_ISSUE_KINDS, type DailyIssueKind } from "@/lib/domain/daily-rules";
import { dailyIssueMessage } from "@/lib/i18n/daily-issues";
import { DailyEngine, type DailyRow } from "./daily-engine";
import { asAppError, isDatabaseUnavailable } from "./db-errors";

export type { DailyRow } from "./daily-engine";

/** A refused row as the grid and the API show it. */
export interface DailyIssue {
  ref: number;
  kind: DailyIssueKind;
  message: string;
  /** for a conflict: what is stored now */
  current?: { value: number; cumulative: number; version: number; by: string | null };
}

export type SaveDailyResult =
  | { ok: true; written: number; repeated: boolean }
  | { ok: false; issues: DailyIssue[] };

export interface SaveDailyOptions {
  submissionKey?: string;
  confirmSpikes?: boolean;
  /** the reason for every correction in the submission, when rows carry none */
  reason?: string;
  now?: Date;
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function saveDailyFigures(actor: Actor, rows: readonly DailyRow[], options: SaveDailyOptions = {}): Promise<SaveDailyResult> {
  const key = options.submissionKey ? `${actor.id ?? "system"}:${options.submissionKey}` : null;
  try {
    return await db().$transaction(async (tx) => {
      if (key) {
        // Taken first: a concurrent duplicate waits on this row and then finds it.
        const done = await tx.dailySubmission.findUnique({ where: { key }, select: { written: true } });
        if (done) return { ok: true as const, written: done.written, repeated: true };
        await tx.dailySubmission.create({ data: { key, userId: actor.id, written: 0 } });
      }
      const engine = await DailyEngine.open(tx, actor, options);
      await engine.stage(rows);
      const checked = await engine.check();
      if (checked.issueCount > 0) {
        throw new IssuesFound(checked.issues.map((issue) => ({
          ref: issue.ref, kind: DAILY_ISSUE_KINDS[issue.code], message: dailyIssueMessage(issue),
          ...(issue.current ? { current: issue.current } : {}),
        })));
      }
      const written = await engine.write();
      if (key) await tx.dailySubmission.update({ where: { key }, data: { written } });
      return { ok: true as const, written, repeated: false };
    }, { timeout: 120_000, maxWait: TRANSACTION_MAX_WAIT_MS });
  } catch (error) {
    if (error instanceof IssuesFound) return { ok: false, issues: error.issues };
    // PostgreSQL rolled the transaction back (or never began it): nothing is stored.
    if (isDatabaseUnavailable(error)) throw asAppError(error);
    if (key && isUniqueViolation(error)) {
      // the same submission, saved by a concurrent request that committed first
      const done = await db().dailySubmission.findUnique({ where: { key }, select: { written: true } }).catch((lookup: unknown) => {
        throw asAppError(lookup);
      });
      if (done) return { ok: true, written: done.written, repeated: true };
    }
    throw error;
  }
}

/** Thrown inside the transaction so that the submission key is rolled back with it. */
class IssuesFound extends Error {
  constructor(readonly issues: DailyIssue[]) {
    super("issues found");
  }
}
