// Who may issue (freeze) a weekly report. Pure, like lib/auth/permissions.ts.
import { viewScope, type Actor } from "./permissions";

/**
 * Leaders and administrators, within what they see. The national report (`unitPath` null)
 * only for those who see everything.
 */
export function canIssueReport(actor: Actor, unitPath: string | null): boolean {
  if (actor.role !== "leader" && actor.role !== "admin") return false;
  const scope = viewScope(actor);
  if (scope === null) return false;
  return unitPath === null ? scope === "" : unitPath.startsWith(scope);
}

/**
 * Who may set how a unit's weekly report is headed and signed (lib/data/issuing-settings.ts):
 * administrators anywhere; provincial users for the units of their province.
 */
export function canEditIssuing(actor: Actor, unitPath: string): boolean {
  if (actor.role === "admin") return true;
  if (actor.role !== "province") return false;
  const scope = viewScope(actor);
  return scope !== null && unitPath.startsWith(scope);
}

/**
 * Who may set and publish a unit's public progress board (lib/data/public-board.ts): those
 * who may issue its weekly report, leaders and administrators within what they see.
 */
export function canPublishBoard(actor: Actor, unitPath: string): boolean {
  return canIssueReport(actor, unitPath);
}
