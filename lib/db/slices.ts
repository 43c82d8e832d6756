/** Bind parameters per statement, as Prisma's client applies PostgreSQL's limit. */
export const MAX_BIND_VALUES = 32_766;

/**
 * `rows` cut into slices small enough that inserting one slice (`columns` values per row, at
 * most) is a single statement. Above the limit Prisma splits a `createMany` into parts and
 * sends them at once on the transaction's one connection, which pg 8 accepts with a
 * deprecation warning and pg 9 will refuse; insert the slices one after another instead.
 */
export function slices<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_BIND_VALUES / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
