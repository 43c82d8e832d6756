import { expect, test } from "vitest";
import { navLinksFor } from "@/components/nav/nav-links";
import type { Role } from "@/lib/auth/permissions";

const linksOf = (role: Role) => navLinksFor({ id: 1, username: "u", role, unitPath: role === "admin" ? null : "49/517/" }).map((l) => l.label);

test.each([
  { role: "admin" as const, tokens: true },
  { role: "district" as const, tokens: true },
  { role: "commune" as const, tokens: true },
  { role: "province" as const, tokens: false },
  { role: "leader" as const, tokens: false },
])("$role: change password always, API tokens only for the roles that send figures ($tokens)", ({ role, tokens }) => {
  const links = linksOf(role);
  expect(links.at(-1)).toBe("changePassword");
  expect(links.includes("tokens")).toBe(tokens);
});
