// Every link of the main navigation, defined once and filtered by role with the predicates
// of lib/auth. Add a link by adding one line.
import { canAdminister, canReadAuditLog, canViewAgencies, canViewDashboards, isAgencyFocalPoint, type Actor } from "@/lib/auth/permissions";
import { canEditFiguresAnywhere } from "@/lib/auth/entry-permissions";
import type { Messages } from "@/lib/i18n/messages";

export interface NavLink {
  href: string;
  /** key of the link's label in the catalogue, under nav.links */
  label: keyof Messages["nav"]["links"];
  visible: (actor: Actor) => boolean;
}

export const NAV_LINKS: readonly NavLink[] = [
  { href: "/dashboard", label: "dashboard", visible: canViewDashboards },
  { href: "/rankings", label: "rankings", visible: canViewDashboards },
  { href: "/reporting", label: "reporting", visible: canViewDashboards },
  { href: "/map", label: "map", visible: canViewDashboards },
  { href: "/reports/weekly", label: "weeklyReport", visible: canViewDashboards },
  // agencies' staff (issue 22): the ranking for provincial officials, the weekly figure for an agency's focal point
  { href: "/agencies", label: "agencies", visible: (actor) => actor.role === "admin" || (actor.unitPath !== null && canViewAgencies(actor, actor.unitPath)) },
  { href: "/agencies/entry", label: "agencyEntry", visible: isAgencyFocalPoint },
  { href: "/entry", label: "entry", visible: canEditFiguresAnywhere },
  { href: "/import", label: "import", visible: canEditFiguresAnywhere },
  { href: "/entry/locks", label: "locks", visible: canAdminister },
  { href: "/audit", label: "audit", visible: canReadAuditLog },
  { href: "/admin", label: "admin", visible: canAdminister },
  // API tokens serve the roles that send figures from other systems, and administrators; the
  // province and leadership roles never write through the API (docs/accounts-and-security.md).
  { href: "/account/tokens", label: "tokens", visible: (actor) => actor.id !== null && canEditFiguresAnywhere(actor) },
  { href: "/account/password", label: "changePassword", visible: (actor) => actor.id !== null },
];

export function navLinksFor(actor: Actor): NavLink[] {
  return NAV_LINKS.filter((link) => link.visible(actor));
}
