import type { Actor } from "@/lib/auth/permissions";

/** Who may open the import page: administrators and the police who enter figures. */
export function canEditFiguresAnywhere(actor: Actor): boolean {
  return actor.role === "admin" || actor.role === "district" || actor.role === "commune";
}
