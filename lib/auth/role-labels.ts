import "server-only";
// The roles' names for people, from the catalogue (auth.roles.<role>) in the request's language.
import { m } from "@/lib/i18n/message";
import { getTranslator } from "@/lib/i18n/server";
import { ROLES } from "@/lib/validation/accounts";
import type { Role } from "./permissions";

/** In a server component or page: every role's name, in the page's language. */
export async function getRoleLabels(): Promise<Record<Role, string>> {
  const t = await getTranslator("auth");
  return Object.fromEntries(ROLES.map((role) => [role, t(`roles.${role}`)])) as Record<Role, string>;
}

/** Outside a render (server actions, data layer): one role's name in the current language. */
export function roleLabel(role: Role): string {
  return m(`auth.roles.${role}`);
}
