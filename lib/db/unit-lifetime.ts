// One rule for a unit's life: a unit exists from `valid_from` (NULL: always) up to the day
// before `dissolved_on` (NULL: still). It is part of views as of the days it exists; after it
// ended it is left out of lists, rankings, the entry grid and who has reported, while its
// figures stay attached to it, and no figure can be entered for it (daily checks); before it
// started it is not there at all. Written here once, in the three forms the data layer
// queries with.
import { Prisma } from "@/lib/db/generated/client";

/** As raw SQL, for statements built as text: the unit row `alias` exists on the day `daySql`. */
export const EXISTS_ON = (alias: string, daySql: string): string =>
  `((${alias}.valid_from IS NULL OR ${alias}.valid_from <= ${daySql}) AND (${alias}.dissolved_on IS NULL OR ${alias}.dissolved_on > ${daySql}))`;

/** As a fragment of a tagged query, with the day as a parameter. */
export const existsOn = (alias: string, day: string | Date): Prisma.Sql => {
  const a = Prisma.raw(alias);
  return Prisma.sql`((${a}.valid_from IS NULL OR ${a}.valid_from <= ${day}::date) AND (${a}.dissolved_on IS NULL OR ${a}.dissolved_on > ${day}::date))`;
};

/** As a Prisma filter on units. */
export const existsOnWhere = (day: Date) => ({
  AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day } }] }, { OR: [{ dissolvedOn: null }, { dissolvedOn: { gt: day } }] }],
});
