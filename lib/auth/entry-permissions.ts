import type { Actor } from "@/lib/auth/permissions";

/** Who may open the entry and import pages: administrators and the police who enter figures. The data layer still checks each unit. */
export function canEditFiguresAnywhere(actor: Actor): boolean {
  return actor.role === "admin" || actor.role === "district" || actor.role === "commune";
}
