// Pages show a problem one way: components/ui/problem.tsx (refusals, a missing choice, the
// error boundary's failure). A `role="alert"` written anywhere else is a second way, except
// for a form's own message beside its fields.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ALLOWED = new Set([
  "components/ui/problem.tsx",
  // a form's message about what was just submitted, beside its fields
  "app/account/password/password-form.tsx",
  "app/login/login-form.tsx",
  "app/admin/campaigns/[code]/target-grid.tsx",
]);

function files(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return files(rel);
    return rel.endsWith(".tsx") ? [rel] : [];
  });
}

describe("a page's problem", () => {
  it("is shown by one component", () => {
    const elsewhere = [...files("app"), ...files("components")]
      .filter((file) => !ALLOWED.has(file))
      .filter((file) => /role="alert"/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(elsewhere).toEqual([]);
  });

  it("the error boundary, the dashboard screens and the weekly report's pages render it", () => {
    for (const file of [
      "components/error-panel.tsx",
      "components/dashboard/problem.tsx",
      "app/reports/weekly/page.tsx",
      "app/reports/weekly/settings/page.tsx",
      "app/reports/weekly/settings/criticism/page.tsx",
    ]) {
      expect(readFileSync(path.join(ROOT, file), "utf8")).toMatch(/from "@\/components\/ui\/problem"/);
    }
  });
});
