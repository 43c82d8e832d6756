// Every link of the main navigation, defined once and filtered by role with the predicates
// of lib/auth. Add a link by adding one line.
import { canAdminister, canReadAuditLog, canViewDashboards, type Actor } from "@/lib/auth/permissions";
import { canEditFiguresAnywhere } from "@/lib/auth/entry-permissions";

export interface NavLink {
  href: string;
  label: string;
  visible: (actor: Actor) => boolean;
}

export const NAV_LINKS: readonly NavLink[] = [
  { href: "/dashboard", label: "Tổng quan", visible: canViewDashboards },
  { href: "/rankings", label: "Xếp hạng", visible: canViewDashboards },
  { href: "/reporting", label: "Tình hình báo cáo", visible: canViewDashboards },
  { href: "/map", label: "Bản đồ", visible: canViewDashboards },
  { href: "/reports/weekly", label: "Báo cáo tuần", visible: canViewDashboards },
  { href: "/entry", label: "Nhập số liệu", visible: canEditFiguresAnywhere },
  { href: "/import", label: "Nhập từ tệp", visible: canEditFiguresAnywhere },
  { href: "/entry/locks", label: "Khóa kỳ", visible: canAdminister },
  { href: "/audit", label: "Nhật ký", visible: canReadAuditLog },
  { href: "/admin", label: "Quản trị", visible: canAdminister },
  { href: "/account/tokens", label: "Mã truy cập API", visible: (actor) => actor.id !== null },
];

export function navLinksFor(actor: Actor): NavLink[] {
  return NAV_LINKS.filter((link) => link.visible(actor));
}
