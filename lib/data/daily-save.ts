import "server-only";
// Saves daily figures from the entry grid and POST /api/v1/daily: every row checked by the
// shared rules, then one all-or-nothing transaction through the single write path. A
// submission key makes a repeated submission (double click, retry after a timeout) write once.
import type { Actor } from "@/lib/auth/permissions";
import { db, TRANSACTION_MAX_WAIT_MS } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { checkDailyRows, type DailyIssue, type DailyRow } from "./daily-checks";
import { asAppError, isDatabaseUnavailable } from "./db-errors";
import { AppError } from "./errors";
import { applyFigureChanges } from "./figure-writer";

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

export async function saveDailyFigures(actor: Actor, rows: readonly DailyRow[], options: SaveDailyOptions = {}, attempt = 0): Promise<SaveDailyResult> {
  const key = options.submissionKey ? `${actor.id ?? "system"}:${options.submissionKey}` : null;
  try {
    return await db().$transaction(async (tx) => {
      if (key) {
        // Taken first: a concurrent duplicate waits on this row and then finds it.
        const done = await tx.dailySubmission.findUnique({ where: { key }, select: { written: true } });
        if (done) return { ok: true as const, written: done.written, repeated: true };
        await tx.dailySubmission.create({ data: { key, userId: actor.id, written: 0 } });
      }
      const checked = await checkDailyRows(tx, actor, rows, options);
      if (checked.issues.length) throw new IssuesFound(checked.issues);
      const applied = await applyFigureChanges(tx, actor.id, checked.changes);
      if (key) await tx.dailySubmission.update({ where: { key }, data: { written: applied.length } });
      return { ok: true as const, written: applied.length, repeated: false };
    }, { timeout: 120_000, maxWait: TRANSACTION_MAX_WAIT_MS });
  } catch (error) {
    if (error instanceof IssuesFound) return { ok: false, issues: error.issues };
    // PostgreSQL rolled the transaction back (or never began it): nothing is stored.
    if (isDatabaseUnavailable(error)) throw asAppError(error);
    if (key && isUniqueViolation(error)) {
      const done = await db().dailySubmission.findUnique({ where: { key }, select: { written: true } }).catch((lookup: unknown) => {
        throw asAppError(lookup);
      });
      if (done) return { ok: true, written: done.written, repeated: true };
    }
    const raced = (error instanceof AppError && error.code === "CONFLICT") || isUniqueViolation(error);
    if (raced && attempt < 2) {
      // Someone saved a cell between the checks and the write: check again, which reports it.
      return saveDailyFigures(actor, rows, options, attempt + 1);
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
