import "server-only";
import { db } from "@/lib/db/client";
import { dateToDay, dayToDate } from "@/lib/domain/dates";

export interface CampaignDTO {
  id: number;
  code: string;
  name: string;
  startDate: string;
  endDate: string;
}

function toDTO(c: { id: number; code: string; name: string; startDate: Date; endDate: Date }): CampaignDTO {
  return { id: c.id, code: c.code, name: c.name, startDate: dateToDay(c.startDate), endDate: dateToDay(c.endDate) };
}

/**
 * The campaign a view uses: the one named, or else the one running on `asOf` (the latest
 * started when several overlap), or else the latest that started before `asOf`.
 */
export async function resolveCampaign(code: string | undefined, asOf: string): Promise<CampaignDTO | null> {
  const select = { id: true, code: true, name: true, startDate: true, endDate: true } as const;
  if (code) {
    const named = await db().campaign.findUnique({ where: { code }, select });
    return named ? toDTO(named) : null;
  }
  const date = dayToDate(asOf);
  const running =
    (await db().campaign.findFirst({ where: { startDate: { lte: date }, endDate: { gte: date } }, orderBy: { startDate: "desc" }, select })) ??
    (await db().campaign.findFirst({ where: { startDate: { lte: date } }, orderBy: { startDate: "desc" }, select })) ??
    (await db().campaign.findFirst({ orderBy: { startDate: "asc" }, select }));
  return running ? toDTO(running) : null;
}
