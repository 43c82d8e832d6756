// zod schemas for accounts: users (administration), own password, API tokens.
import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";

export const ROLES = ["admin", "province", "leader", "district", "commune"] as const;

export const usernameSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,64}$/, "Tên đăng nhập: 3–64 ký tự gồm chữ thường không dấu, số, dấu . _ -");
export const passwordSchema = z.string()
  .min(MIN_PASSWORD_LENGTH, `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`)
  .max(200, "Mật khẩu quá dài (tối đa 200 ký tự).");
const displayNameSchema = z.string().trim().min(1, "Chưa nhập tên hiển thị.").max(200, "Tên hiển thị quá dài.");
const roleSchema = z.enum(ROLES, { message: "Vai trò không hợp lệ." });
/** A unit code, or empty for none (administrators). */
const optionalUnitSchema = z.string().trim().regex(/^\d{0,10}$/, "Mã đơn vị chỉ gồm chữ số.").transform((v) => v || null);
/** a database id (PostgreSQL integer): larger ones reached the database and failed there */
const MAX_ID = 2_147_483_647;
export const userIdSchema = z.coerce.number().int().positive().max(MAX_ID, "Mã người dùng không hợp lệ.");

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
  currentPassword: z.string().min(1, "Chưa nhập mật khẩu hiện tại."),
  newPassword: passwordSchema,
  confirmPassword: z.string(),
}).refine((v) => v.newPassword === v.confirmPassword, { message: "Hai lần nhập mật khẩu mới không khớp.", path: ["confirmPassword"] })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "Mật khẩu mới phải khác mật khẩu hiện tại.", path: ["newPassword"] });

export const tokenCreateSchema = z.object({
  name: z.string().trim().min(1, "Chưa nhập tên gợi nhớ cho mã.").max(100, "Tên quá dài (tối đa 100 ký tự)."),
  /** empty: the caller's own token */
  username: z.union([usernameSchema, z.literal("")]).default(""),
});

export const tokenIdSchema = z.object({ tokenId: z.coerce.number().int().positive().max(MAX_ID, "Mã không hợp lệ.") });
