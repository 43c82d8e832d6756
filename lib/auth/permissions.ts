// Pure permission predicates. Every data-layer read and write calls these (or puts the
// same scope into its `where`); hiding buttons in the UI is a convenience, not a check.
export type Role = "admin" | "province" | "leader" | "district" | "commune" | "agency";

/** The signed-in user as the data layer sees it. */
export interface Actor {
  /** null for the installation's operator acting from the command line */
  id: number | null;
  username: string;
  role: Role;
  /** path of the user's scope unit ("49/517/"); null only for admins without a unit */
  unitPath: string | null;
  /**
   * Paths of the units whose history leads into the user's unit through reorganisations
   * (its predecessors, theirs, …: lib/data/unit-history.ts). The user reads them as their own
   * unit's past (Thành phố Đà Nẵng's official reads Quảng Nam's 2023 districts), never writes
   * them. Absent: none.
   */
  historyPaths?: readonly string[];
  /** the day the actor's views open on when asked for none (null or absent: today); SessionUserDTO.homeDay */
  homeDay?: string | null;
  /** role `agency`: path of the focal point's agency ("SYT/"); it reports for that subtree of agencies. Absent: none. */
  agencyPath?: string | null;
}

/**
 * The subtree whose figures an actor may see, as a path prefix ("" = everything). For a
 * commune officer it is their district's, because they see its rankings (every commune of the
 * district in a row); which units they may open is narrower, see canViewUnit.
 */
export function viewScope(actor: Actor): string | null {
  if (actor.role === "admin") return "";
  // an agency's focal point sees its agency's entry screen only, no unit's figures
  if (actor.role === "agency") return null;
  if (!actor.unitPath) return null;
  if (actor.role === "commune") return parentPath(actor.unitPath);
  return actor.unitPath;
}

/**
 * Whether the actor may open a unit: its page, progress, reports, children. Everyone within
 * their viewScope, but a commune officer only their own commune and their district (its
 * overview and its rankings of the communes), as the role table says: "their commune, and
 * its district's rankings", not the other communes' own pages or progress.
 */
export function canViewUnit(actor: Actor, unitPath: string): boolean {
  if (actor.role === "commune") {
    // their commune and its district, today's and those of the communes it came from
    const own = (path: string) => unitPath === path || unitPath === parentPath(path);
    return actor.unitPath !== null && (own(actor.unitPath) || (actor.historyPaths ?? []).some(own));
  }
  const scope = viewScope(actor);
  return scope !== null && (unitPath.startsWith(scope) || (actor.historyPaths ?? []).some((path) => unitPath.startsWith(path)));
}

/**
 * The path prefixes of everything the actor may read, for a data layer's `where`: the
 * viewScope and the subtrees of the units its unit came from (Actor.historyPaths). Null: none.
 * A commune officer's narrower rule (canViewUnit) still decides which units they open.
 */
export function readPrefixes(actor: Actor): string[] | null {
  const scope = viewScope(actor);
  if (scope === null) return null;
  if (scope === "") return [""];
  const history = actor.role === "commune" ? (actor.historyPaths ?? []).map(parentPath) : (actor.historyPaths ?? []);
  return [...new Set([scope, ...history])];
}

/**
 * Whether the actor may read the ranking of a unit's children (names, percents, ranks, praise
 * and criticism): wherever they may open the unit, and, for district and commune officers, in
 * their own unit's parent too ("where do I stand?": the province's districts, the district's
 * communes). That ranking opens no sibling: canViewUnit still decides each row's page.
 */
export function canViewRankingOf(actor: Actor, unitPath: string): boolean {
  if (canViewUnit(actor, unitPath)) return true;
  if ((actor.role !== "district" && actor.role !== "commune") || !actor.unitPath) return false;
  const parent = parentPath(actor.unitPath);
  return parent !== actor.unitPath && unitPath === parent;
}

/** Who may enter or correct figures of a leaf unit. */
/**
 * The path prefix of the units whose figures the actor may write ("" for every unit), or null
 * when the actor may write none. The data layer applies it in SQL (`path LIKE prefix || '%'`).
 */
export function figureScopePrefix(actor: Actor): string | null {
  if (actor.role === "admin") return "";
  if (actor.role !== "district" && actor.role !== "commune") return null;
  return actor.unitPath;
}

export function canEditFigures(actor: Actor, unitPath: string): boolean {
  const prefix = figureScopePrefix(actor);
  return prefix !== null && unitPath.startsWith(prefix);
}

export function canAdminister(actor: Actor): boolean {
  return actor.role === "admin";
}

/** "49/517/20728/" → "49/517/"; a root's parent is itself. */
export function parentPath(path: string): string {
  const parts = path.split("/").filter(Boolean);
  return parts.length <= 1 ? path : `${parts.slice(0, -1).join("/")}/`;
}

/** "49/517/20728/" → ["49/", "49/517/"]: the paths of a unit's ancestors, the root first. */
export function ancestorPaths(path: string): string[] {
  const parts = path.split("/").filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `${parts.slice(0, i + 1).join("/")}/`);
}

/** Who may open the dashboards (overview, rankings, reporting status, map): anyone with a scope. */
export function canViewDashboards(actor: Actor): boolean {
  return viewScope(actor) !== null;
}

/** Who may read the audit log (the data layer applies the same rule). */
export function canReadAuditLog(actor: Actor): boolean {
  return actor.role === "admin" || actor.role === "province";
}

/**
 * Who may enter an agency's weekly figure and headcount (issue 22): administrators anywhere,
 * an agency's focal point its agency and sub-agencies (`agencyPath` is the agency's path).
 */
export function canEnterAgencyFigures(actor: Actor, agencyPath: string): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "agency" && !!actor.agencyPath && agencyPath.startsWith(actor.agencyPath);
}

/** An agency's focal point: its task is its agency's weekly figure (it has no unit to overview). */
export function isAgencyFocalPoint(actor: Actor): boolean {
  return actor.role === "agency";
}

/** Who may open the agencies' ranking of a unit: administrators, provincial officials and leaders within their scope. */
export function canViewAgencies(actor: Actor, unitPath: string): boolean {
  if (actor.role !== "admin" && actor.role !== "province" && actor.role !== "leader") return false;
  return canViewUnit(actor, unitPath);
}

/** Who may set the day by which a province's agencies are to reach 100%: administrators, provincial officials within their scope. */
export function canSetAgencyDeadline(actor: Actor, unitPath: string): boolean {
  if (actor.role !== "admin" && actor.role !== "province") return false;
  return canViewUnit(actor, unitPath);
}
