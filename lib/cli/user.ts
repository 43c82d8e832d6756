import { z } from "zod";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { parseArgs, readStdin, runCommand } from "./command";
import { resetPassword } from "@/lib/data/users";
import { openDatabase } from "./context";
import { systemActor } from "./system-actor";

const createSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,64}$/, "username: 3–64 lower-case letters, digits, . _ -"),
  role: z.enum(["admin", "province", "leader", "district", "commune"], { message: "role: admin|province|leader|district|commune" }),
  unit: z.string().regex(/^\d+$/).optional(),
  name: z.string().min(1).max(200).optional(),
});

const USAGE = "usage: npm run user -- create --username U --role R [--unit CODE] [--name NAME]  (password on stdin)\n"
  + "       npm run user -- reset-password --username U  (new password on stdin)";

/** Reads the password from standard input, without its final line break. */
async function passwordFromStdin(): Promise<string> {
  const password = (await readStdin()).replace(/\r?\n$/, "");
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`the password (on standard input) must have at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

/**
 * An operator's reset: the user must change the password at the next sign-in; their
 * sessions end and their API tokens are revoked, audited as the operator's.
 */
async function resetPasswordCommand(username: string | true | undefined): Promise<void> {
  if (typeof username !== "string") throw new Error(USAGE);
  const password = await passwordFromStdin();
  const { client } = await openDatabase();
  try {
    const user = await client.user.findUnique({ where: { username }, select: { id: true } });
    if (!user) throw new Error(`no user ${username}`);
    await resetPassword(await systemActor(client), user.id, { password, reason: "npm run user -- reset-password" });
    console.log(`Password of ${username} reset: they must change it at their next sign-in; their sessions ended and their API tokens were revoked.`);
  } finally {
    await client.$disconnect();
  }
}

runCommand(async () => {
  const { positional, options } = parseArgs(process.argv.slice(2));
  if (positional[0] === "reset-password") return resetPasswordCommand(options.username);
  if (positional[0] !== "create") throw new Error(USAGE);
  const input = createSchema.safeParse({
    username: options.username,
    role: options.role,
    ...(typeof options.unit === "string" ? { unit: options.unit } : {}),
    ...(typeof options.name === "string" ? { name: options.name } : {}),
  });
  if (!input.success) throw new Error(input.error.issues.map((i) => i.message).join("; "));
  if (input.data.role !== "admin" && !input.data.unit) throw new Error(`--unit CODE is required for role ${input.data.role}`);
  const password = await passwordFromStdin();

  const { client } = await openDatabase();
  try {
    const unit = input.data.unit ? await client.unit.findUnique({ where: { code: input.data.unit }, select: { id: true } }) : null;
    if (input.data.unit && !unit) throw new Error(`no unit with code ${input.data.unit}`);
    if (await client.user.findUnique({ where: { username: input.data.username }, select: { id: true } })) throw new Error(`user ${input.data.username} already exists`);
    const passwordHash = await hashPassword(password);
    await client.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { username: input.data.username, displayName: input.data.name ?? input.data.username, role: input.data.role, unitId: unit?.id ?? null, passwordHash },
        select: { id: true },
      });
      await tx.auditEvent.create({
        data: { action: "user.create", entity: "user", entityKey: input.data.username, unitId: unit?.id ?? null, newValue: { role: input.data.role, unit: input.data.unit ?? null }, reason: "npm run user" },
      });
      return user;
    });
    console.log(`User ${input.data.username} created (${input.data.role}).`);
  } finally {
    await client.$disconnect();
  }
});
