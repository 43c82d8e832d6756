// Writes a demo campaign's generated targets and figures in its transaction, then the running
// totals from them, audited as the demo's (shared by Quảng Nam's and Đà Nẵng's campaigns).
import type { Prisma as PrismaTypes } from "../generated/client";
import { Prisma } from "../generated/client";
import { slices } from "../slices";
import { rebuildTotals } from "@/lib/data/totals";
import { writeAudit } from "@/lib/data/audit";

export type TargetRow = { campaignId: number; unitId: number; metricId: number; dueDate: Date; value: number };
export type FigureRow = { unitId: number; metricId: number; date: Date; value: number; cumulative: number };

/** Stores the rows (in slices small enough for one statement), rebuilds the totals, audits `seed.demo`; the figures' count. */
export async function storeDemoCampaign(tx: PrismaTypes.TransactionClient, campaignCode: string, targetRows: TargetRow[], figureRows: FigureRow[]): Promise<number> {
  for (const slice of slices(targetRows, Prisma.TargetScalarFieldEnum)) await tx.target.createMany({ data: slice });
  for (const slice of slices(figureRows, Prisma.FigureScalarFieldEnum)) await tx.figure.createMany({ data: slice });
  await rebuildTotals(tx);
  await writeAudit(tx, { action: "seed.demo", entity: "campaign", entityKey: campaignCode, newValue: { figures: figureRows.length, targets: targetRows.length }, reason: "Dữ liệu mẫu" });
  return figureRows.length;
}
