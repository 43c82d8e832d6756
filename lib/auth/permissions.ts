// Pure permission predicates. Every data-layer read and write calls these (or puts the
// same scope into its `where`); hiding buttons in the UI is a convenience, not a check.
export type Role = "admin" | "province" | "leader" | "district" | "commune";

/** The signed-in user as the data layer sees it. */
export interface Actor {
  /** null for the installation's operator acting from the command line */
  id: number | null;
  username: string;
  role: Role;
  /** path of the user's scope unit ("49/517/"); null only for admins without a unit */
  unitPath: string | null;
}

/**
 * The subtree whose figures an actor may see, as a path prefix ("" = everything).
 * A commune officer sees their district's rankings, so their view reaches the district.
 */
export function viewScope(actor: Actor): string | null {
  if (actor.role === "admin") return "";
  if (!actor.unitPath) return null;
  if (actor.role === "commune") return parentPath(actor.unitPath);
  return actor.unitPath;
}

export function canViewUnit(actor: Actor, unitPath: string): boolean {
  const scope = viewScope(actor);
  return scope !== null && unitPath.startsWith(scope);
}

/** Who may enter or correct figures of a leaf unit. */
export function canEditFigures(actor: Actor, unitPath: string): boolean {
  if (actor.role === "admin") return true;
  if (actor.role !== "district" && actor.role !== "commune") return false;
  return actor.unitPath !== null && unitPath.startsWith(actor.unitPath);
}

export function canAdminister(actor: Actor): boolean {
  return actor.role === "admin";
}

/** "49/517/20728/" → "49/517/"; a root's parent is itself. */
export function parentPath(path: string): string {
  const parts = path.split("/").filter(Boolean);
  return parts.length <= 1 ? path : `${parts.slice(0, -1).join("/")}/`;
}

/** Who may open the dashboards (overview, rankings, reporting status, map): anyone with a scope. */
export function canViewDashboards(actor: Actor): boolean {
  return viewScope(actor) !== null;
}

/** Who may read the audit log (the data layer applies the same rule). */
export function canReadAuditLog(actor: Actor): boolean {
  return actor.role === "admin" || actor.role === "province";
}
