// One rule for units that ended: a unit dissolved (or merged) on day D is part of views as of
// days before D; from D on it is left out of lists, rankings, the entry grid and who has
// reported, while its figures stay attached to it and in its parent's totals, and no figure
// can be entered for it (daily checks). Written here once, in the three forms the data layer
// queries with.
import { Prisma } from "@/lib/db/generated/client";

/** As raw SQL, for statements built as text: the unit row `alias` exists on the day `daySql`. */
export const EXISTS_ON = (alias: string, daySql: string): string => `(${alias}.dissolved_on IS NULL OR ${alias}.dissolved_on > ${daySql})`;

/** As a fragment of a tagged query, with the day as a parameter. */
export const existsOn = (alias: string, day: string | Date): Prisma.Sql =>
  Prisma.sql`(${Prisma.raw(alias)}.dissolved_on IS NULL OR ${Prisma.raw(alias)}.dissolved_on > ${day}::date)`;

/** As a Prisma filter on units. */
export const existsOnWhere = (day: Date) => ({ OR: [{ dissolvedOn: null }, { dissolvedOn: { gt: day } }] });
