// zod schemas for accounts: users (administration), own password, API tokens. Messages are
// functions so they come out in the language of the request parsing the input.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { m } from "@/lib/i18n/message";
import { UNIT_CODE } from "@/lib/domain/unit-codes";

export const ROLES = ["admin", "province", "leader", "district", "commune"] as const;

const MAX_PASSWORD_LENGTH = 200;
const MAX_TOKEN_NAME_LENGTH = 100;

export const usernameSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, { error: () => m("users.validation.username") });
export const passwordSchema = z.string()
  .min(MIN_PASSWORD_LENGTH, { error: () => m("users.validation.passwordTooShort", { min: MIN_PASSWORD_LENGTH }) })
  .max(MAX_PASSWORD_LENGTH, { error: () => m("users.validation.passwordTooLong", { max: MAX_PASSWORD_LENGTH }) });
const displayNameSchema = z.string().trim()
  .min(1, { error: () => m("users.validation.displayNameMissing") })
  .max(200, { error: () => m("users.validation.displayNameTooLong") });
const roleSchema = z.enum(ROLES, { error: () => m("users.validation.role") });
/** A unit code, or empty for none (administrators). */
const optionalUnitSchema = z.string().trim().refine((v) => v === "" || UNIT_CODE.test(v), { error: () => m("users.validation.unitCodeDigits") }).transform((v) => v || null);
/** a database id (PostgreSQL integer): larger ones reached the database and failed there */
const MAX_ID = 2_147_483_647;
export const userIdSchema = z.coerce.number().int().positive().max(MAX_ID, { error: () => m("users.validation.userId") });

export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  unitCode: optionalUnitSchema,
  password: passwordSchema,
});
export type UserCreateInput = z.output<typeof userCreateSchema>;

export const userUpdateSchema = z.object({
  userId: userIdSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  unitCode: optionalUnitSchema,
});
export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const userIdFormSchema = z.object({ userId: userIdSchema });

export const passwordChangeSchema = z.object({
  currentPassword: z.string().min(1, { error: () => m("account.password.errors.currentMissing") }),
  newPassword: passwordSchema,
  confirmPassword: z.string(),
}).refine((v) => v.newPassword === v.confirmPassword, { error: () => m("account.password.errors.mismatch"), path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { error: () => m("account.password.errors.sameAsCurrent"), path: ["newPassword"] });

export const tokenCreateSchema = z.object({
  name: z.string().trim()
    .min(1, { error: () => m("account.tokens.errors.nameMissing") })
    .max(MAX_TOKEN_NAME_LENGTH, { error: () => m("account.tokens.errors.nameTooLong", { max: MAX_TOKEN_NAME_LENGTH }) }),
  /** empty: the caller's own token */
  username: z.union([usernameSchema, z.literal("")]).default(""),
  /** days until the token expires (absent: the default, 90) */
  lifetimeDays: z.union([z.literal(""), z.coerce.number().int().min(1).max(365)], { error: () => m("account.tokens.errors.lifetime") }).optional(),
});

export const tokenIdSchema = z.object({ tokenId: z.coerce.number().int().positive().max(MAX_ID, { error: () => m("account.tokens.errors.tokenId") }) });
