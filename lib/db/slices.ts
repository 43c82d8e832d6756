/** Bind parameters per statement, as Prisma's client applies PostgreSQL's limit. */
export const MAX_BIND_VALUES = 32_766;

/**
 * `rows` cut into slices small enough that inserting one slice is a single statement, for a
 * model whose columns are `fields` (its generated `Prisma.<Model>ScalarFieldEnum`, so a new
 * column is counted without anyone remembering to). Above the limit Prisma splits a
 * `createMany` into parts and sends them at once on the transaction's one connection, which
 * pg 8 accepts with a deprecation warning and pg 9 will refuse; insert the slices one after
 * another instead.
 */
export function slices<T>(rows: readonly T[], fields: Readonly<Record<string, string>>): T[][] {
  const size = Math.max(1, Math.floor(MAX_BIND_VALUES / Object.keys(fields).length));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
