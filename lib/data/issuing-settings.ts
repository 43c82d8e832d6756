import "server-only";
// How a unit's weekly report is headed and signed (lib/reports/issuing.ts): the stored
// settings, else the defaults derived from the unit's name. Everyone who may view a unit
// reads them (they are printed on its reports); administrators and provincial users within
// their province change them, audited in the same transaction.
import { parentPath, type Actor } from "@/lib/auth/permissions";
import { canEditIssuing } from "@/lib/auth/report-permissions";
import { db } from "@/lib/db/client";
import { defaultIssuing, splitLines, type ReportIssuing } from "@/lib/reports/issuing";
import type { IssuingSettingsInput } from "@/lib/validation/issuing-settings";
import { writeAudit } from "./audit";
import { AppError } from "./errors";
import { getViewableUnit } from "./progress";
import { resolveReportUnit } from "./weekly-report";

export interface IssuingSettingsDTO {
  /** null: the national report, which always uses the defaults */
  unit: { code: string; name: string } | null;
  issuing: ReportIssuing;
  /** false while the defaults are in use */
  stored: boolean;
  updatedAt: string | null;
  /** whether the caller may change them */
  editable: boolean;
}

/**
 * The issuing settings of a unit's reports (the national report: `unitCode` null), the code
 * resolved on `asOf` (a report's week end: a unit that has since ended keeps its reports; default today).
 */
export async function getIssuingSettings(actor: Actor, unitCode: string | null, asOf?: string): Promise<IssuingSettingsDTO> {
  const unit = await resolveReportUnit(actor, unitCode, asOf);
  if (unit === null) return { unit: null, issuing: defaultIssuing(null), stored: false, updatedAt: null, editable: false };
  const [row, parent] = await Promise.all([
    db().issuingSettings.findUnique({ where: { unitId: unit.id } }),
    unit.parentCode ? db().unit.findUnique({ where: { path: parentPath(unit.path) }, select: { name: true } }) : null,
  ]);
  const issuing = row
    ? {
      superiorBody: row.superiorBody, issuingBody: row.issuingBody, symbol: row.symbol, place: row.place,
      recipients: splitLines(row.recipients), signerTitle: splitLines(row.signerTitle), signerName: row.signerName,
    }
    : defaultIssuing({ name: unit.name, level: unit.level, parentName: parent?.name ?? null });
  return { unit: { code: unit.code, name: unit.name }, issuing, stored: row !== null, updatedAt: row?.updatedAt.toISOString() ?? null, editable: canEditIssuing(actor, unit.path) };
}

/** Stores a unit's issuing settings (replacing any), with an audit event of old and new values. */
export async function updateIssuingSettings(actor: Actor, input: IssuingSettingsInput): Promise<{ code: string; name: string }> {
  const unit = await getViewableUnit(actor, input.unit);
  if (!canEditIssuing(actor, unit.path)) throw new AppError("FORBIDDEN");
  const values = {
    superiorBody: input.superiorBody, issuingBody: input.issuingBody, symbol: input.symbol, place: input.place,
    recipients: input.recipients, signerTitle: input.signerTitle, signerName: input.signerName,
  };
  return db().$transaction(async (tx) => {
    const before = await tx.issuingSettings.findUnique({ where: { unitId: unit.id } });
    await tx.issuingSettings.upsert({
      where: { unitId: unit.id },
      create: { unitId: unit.id, ...values, updatedById: actor.id },
      update: { ...values, updatedById: actor.id, updatedAt: new Date() },
    });
    const oldValue = before ? Object.fromEntries(Object.keys(values).map((key) => [key, before[key as keyof typeof values]])) : undefined;
    await writeAudit(tx, {
      userId: actor.id, action: "issuing.update", entity: "issuing_settings", entityKey: unit.code, unitId: unit.id,
      ...(oldValue ? { oldValue } : {}), newValue: values, reason: null,
    });
    return { code: unit.code, name: unit.name };
  });
}
