// Who may set a unit's criticism rule (lib/data/criticism-rule.ts). Pure, like lib/auth/permissions.ts.
import type { Actor } from "./permissions";
import { canEditIssuing } from "./report-permissions";

/**
 * The people who set how the unit's reports are worded (administrators anywhere, provincial
 * users inside their province) also decide whom those reports criticise: the rule is part of
 * the province's conclusions, not of a district's or commune's own view.
 */
export function canEditCriticismRule(actor: Actor, unitPath: string): boolean {
  return canEditIssuing(actor, unitPath);
}
