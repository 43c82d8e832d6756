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
