import { issueApiToken } from "@/lib/data/api-tokens";
import { AppError, userText } from "@/lib/data/errors";
import { CliError, parseArgs, runCommand } from "./command";
import { openDatabase } from "./context";
import { systemActor } from "./system-actor";

runCommand(async () => {
  const { options } = parseArgs(process.argv.slice(2));
  if (typeof options.user !== "string") throw new CliError("usage: npm run token -- --user U [--name LABEL] [--days N]  (N: 1–365 days until it expires, default 90)");
  const days = options.days === undefined ? undefined : Number(options.days);
  if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 365)) throw new CliError("--days: a whole number of days from 1 to 365");
  const { client } = await openDatabase();
  try {
    const name = typeof options.name === "string" ? options.name : "command line";
    const { token } = await issueApiToken(await systemActor(client), { username: options.user, name, ...(days ? { lifetimeDays: days } : {}) }).catch((error: unknown) => {
      if (error instanceof AppError) throw new CliError(`cannot issue a token for ${options.user}: ${Object.values(error.fieldErrors).flat()[0] ?? (error.userMessage ? userText(error) : error.code)}`);
      throw error;
    });
    console.log(token);
  } finally {
    await client.$disconnect();
  }
});
