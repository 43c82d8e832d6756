// Every page of the product, as the user who would open it: the list the accessibility,
// language and dark-mode checks walk. A new page gets one line here.
export const PAGES: { path: string; user: string | null }[] = [
  { path: "/login", user: null },
  { path: "/dashboard", user: "tinh" },
  { path: "/entry", user: "nuithanh" },
  { path: "/entry/history?unit=21001", user: "nuithanh" },
  { path: "/import", user: "nuithanh" },
  { path: "/audit", user: "tinh" },
  { path: "/entry/locks", user: "admin" },
  { path: "/rankings", user: "tinh" },
  { path: "/units/49/rankings", user: "tinh" },
  { path: "/reporting", user: "tinh" },
  { path: "/map", user: "tinh" },
  { path: "/units/517", user: "nuithanh" },
  { path: "/reports/weekly", user: "lanhdao" },
  { path: "/admin", user: "admin" },
  { path: "/admin/users", user: "admin" },
  { path: "/admin/units", user: "admin" },
  { path: "/admin/campaigns", user: "admin" },
  { path: "/account/tokens", user: "tinh" },
  { path: "/account/password", user: "tinh" },
];

export function pageSlug(path: string): string {
  return path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root";
}
