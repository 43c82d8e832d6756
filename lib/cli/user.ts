import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { AppError, userText } from "@/lib/data/errors";
import { CliError, parseArgs, readStdin, runCommand } from "./command";
import { createUser, resetPassword } from "@/lib/data/users";
import { createAgencyUser } from "@/lib/data/agencies";
import { openDatabase } from "./context";
import { systemActor } from "./system-actor";

const createSchema = z.object({
  username: z.string().regex(/^[a-z0-9._-]{3,64}$/, "username: 3–64 lower-case letters, digits, . _ -"),
  role: z.enum(["admin", "province", "leader", "district", "commune", "agency"], { message: "role: admin|province|leader|district|commune|agency" }),
  unit: z.string().regex(/^\d+$/).optional(),
  agency: z.string().regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, "agency: an agency code (DN-SYT)").optional(),
  name: z.string().min(1).max(200).optional(),
});

const USAGE = "usage: npm run user -- create --username U --role R [--unit CODE | --agency CODE] [--name NAME]  (password on stdin)\n"
  + "       npm run user -- reset-password --username U  (new password on stdin)";

/** Reads the password from standard input, without its final line break. */
async function passwordFromStdin(): Promise<string> {
  const password = (await readStdin()).replace(/\r?\n$/, "");
  if (password.length < MIN_PASSWORD_LENGTH) throw new CliError(`the password (on standard input) must have at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

/**
 * An operator's reset: the user must change the password at the next sign-in; their
 * sessions end and their API tokens are revoked, audited as the operator's.
 */
async function resetPasswordCommand(username: string | true | undefined): Promise<void> {
  if (typeof username !== "string") throw new CliError(USAGE);
  const password = await passwordFromStdin();
  const { client } = await openDatabase();
  try {
    const user = await client.user.findUnique({ where: { username }, select: { id: true } });
    if (!user) throw new CliError(`no user ${username}`);
    await resetPassword(await systemActor(client), user.id, { password, reason: "npm run user -- reset-password" });
    console.log(`Password of ${username} reset: they must change it at their next sign-in; their sessions ended and their API tokens were revoked.`);
  } finally {
    await client.$disconnect();
  }
}

/** What a refusal of the data layer says, for the terminal: its field messages, else its code. */
function refusal(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  const messages = [...new Set([...Object.values(error.fieldErrors).flat(), ...(error.userMessage ? [userText(error)] : [])])];
  return new CliError(messages.length > 0 ? messages.join("; ") : error.code);
}

/**
 * Creates a user through the same writer as /admin/users (createUser): the same checks (a
 * district officer belongs to a district-level unit, a commune officer to a commune) and the
 * same audit event, as the operator.
 */
async function createCommand(options: Record<string, string | true>): Promise<void> {
  const input = createSchema.safeParse({
    username: options.username,
    role: options.role,
    ...(typeof options.unit === "string" ? { unit: options.unit } : {}),
    ...(typeof options.name === "string" ? { name: options.name } : {}),
    ...(typeof options.agency === "string" ? { agency: options.agency } : {}),
  });
  if (!input.success) throw new CliError(input.error.issues.map((i) => i.message).join("; "));
  if (input.data.role === "agency") return createAgencyUserCommand(input.data.username, input.data.agency, input.data.name);
  if (input.data.role !== "admin" && !input.data.unit) throw new CliError(`--unit CODE is required for role ${input.data.role}`);
  const password = await passwordFromStdin();
  const { client } = await openDatabase();
  try {
    const { username, role } = input.data;
    await createUser(await systemActor(client), { username, displayName: input.data.name ?? username, role, unitCode: input.data.unit ?? null, password }).catch((error: unknown) => {
      throw refusal(error);
    });
    console.log(`User ${username} created (${role}).`);
  } finally {
    await client.$disconnect();
  }
}

/** An agency's focal point: attached to its agency (--agency CODE), no unit (docs/agencies.md). */
async function createAgencyUserCommand(username: string, agencyCode: string | undefined, name: string | undefined): Promise<void> {
  if (!agencyCode) throw new CliError("--agency CODE is required for role agency");
  const password = await passwordFromStdin();
  const { client } = await openDatabase();
  try {
    await createAgencyUser(await systemActor(client), { username, displayName: name ?? username, agencyCode, password }).catch((error: unknown) => {
      throw refusal(error);
    });
    console.log(`User ${username} created (agency ${agencyCode}).`);
  } finally {
    await client.$disconnect();
  }
}

runCommand(async () => {
  const { positional, options } = parseArgs(process.argv.slice(2));
  if (positional[0] === "reset-password") return resetPasswordCommand(options.username);
  if (positional[0] === "create") return createCommand(options);
  throw new CliError(USAGE);
});
