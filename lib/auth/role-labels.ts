import "server-only";
// The roles' names for people, from the catalogue (auth.roles.<role>) in the request's language.
// Outside a render (actions, data layer) use m(`auth.roles.${role}`) from lib/i18n/message.
import { getTranslator } from "@/lib/i18n/server";
import { ROLES } from "@/lib/validation/accounts";
import type { Role } from "./permissions";

/** In a server component or page: every role's name, in the page's language. */
export async function getRoleLabels(): Promise<Record<Role, string>> {
  const t = await getTranslator("auth");
  return Object.fromEntries([...ROLES, "agency" as const].map((role) => [role, t(`roles.${role}`)])) as Record<Role, string>;
}
