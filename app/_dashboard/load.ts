// How a dashboard page loads its data: the page calls the data layer (components only render
// what they are given; eslint.config.mjs enforces it), and a typed data-layer error becomes
// the problem the page shows (components/dashboard/problem.tsx).
import { AppError, type AppErrorCode } from "@/lib/data/errors";

/** Runs the page's data-layer calls; a typed error becomes its code, anything else propagates. */
export async function loadOrProblem<T>(load: () => Promise<T>): Promise<{ data: T; problem: null } | { data: null; problem: AppErrorCode }> {
  try {
    return { data: await load(), problem: null };
  } catch (error) {
    if (error instanceof AppError) return { data: null, problem: error.code };
    throw error;
  }
}
