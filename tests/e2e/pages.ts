// Every page of the product (app/**/page.tsx), as the user who would open it: the list the
// accessibility, language and dark-mode checks walk. tests/unit/e2e-pages.test.ts fails when
// a page has no entry here, so a new page gets a line. A dynamic segment takes a sample value
// from the demo; one only the database knows (a user's id) is written `{user:NAME}` and read
// from the end-to-end database when the test runs (./page-paths.ts).
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
  { path: "/reports/weekly/settings?unit=49", user: "tinh" },
  { path: "/reports/weekly/settings/criticism?unit=49", user: "tinh" },
  { path: "/reports/public-board?unit=49", user: "lanhdao" },
  { path: "/admin", user: "admin" },
  { path: "/admin/users", user: "admin" },
  { path: "/admin/users/{user:nuithanh}", user: "admin" },
  { path: "/admin/units", user: "admin" },
  { path: "/admin/units/reorganisation", user: "admin" },
  { path: "/admin/campaigns", user: "admin" },
  { path: "/admin/campaigns/cao-diem-demo", user: "admin" },
  { path: "/agencies", user: "admin" },
  { path: "/agencies/entry?agency=DN-SYT", user: "admin" },
  { path: "/account/tokens", user: "tinh" },
  { path: "/account/password", user: "tinh" },
];

/** Pages that only redirect, with where to: the page they send to is checked instead. */
export const REDIRECTS: Record<string, string> = { "/": "/dashboard" };

export function pageSlug(path: string): string {
  return path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root";
}
