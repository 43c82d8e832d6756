// Every kind of audit event the code writes (AUDIT_ACTIONS, the typed list lib/data/audit.ts
// writes them with) has a name people can read in both languages (catalogue
// entry.audit.actionNames), so the audit log never shows a bare code; and events are written
// nowhere else (eslint.config.mjs refuses auditEvent.create outside lib/data/audit.ts).
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "@/lib/data/audit";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";

describe("audit action names", () => {
  it("lists the actions the code writes", () => {
    expect(AUDIT_ACTIONS).toContain("figure.create");
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it.each(LOCALES)("names every action in %s, and no other", (locale) => {
    const names = MESSAGES[locale].entry.audit.actionNames as Record<string, Record<string, string>>;
    const named = Object.entries(names).flatMap(([group, verbs]) => Object.keys(verbs).map((verb) => `${group}.${verb}`));
    expect([...named].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });
});
