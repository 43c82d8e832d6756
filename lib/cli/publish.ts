// `npm run publish -- --unit CODE [--cutoff "YYYY-MM-DD HH:mm"] [--as USER]`: freezes and
// publishes a unit's public board now, or at a past cutoff (re-creating a missed
// publication from the figures of that day). The board must have been set up (its settings
// page); the operator acts as an administrator unless a user is named.
import { publishBoard } from "@/lib/data/public-board";
import { parseCutoff } from "@/lib/domain/public-board";
import { UNIT_CODE } from "@/lib/domain/unit-codes";
import { CliError, parseArgs, runCommand } from "./command";
import { openDatabase } from "./context";
import { systemActor } from "./system-actor";

const USAGE = 'usage: npm run publish -- --unit CODE [--cutoff "YYYY-MM-DD HH:mm"] [--as USER]';

runCommand(async () => {
  const { options } = parseArgs(process.argv.slice(2));
  if (typeof options.unit !== "string" || !UNIT_CODE.test(options.unit)) throw new CliError(USAGE);
  const cutoff = options.cutoff === undefined ? null : typeof options.cutoff === "string" ? parseCutoff(options.cutoff) : null;
  if (options.cutoff !== undefined && !cutoff) throw new CliError(`--cutoff: a day and time in Vietnam, "YYYY-MM-DD HH:mm" (${USAGE})`);
  const { client } = await openDatabase();
  try {
    const actor = await systemActor(client, typeof options.as === "string" ? options.as : undefined);
    const published = await publishBoard(actor, { unit: options.unit, cutoff });
    console.log(`published ${options.unit} ${published.stamp}: /cong-khai/${options.unit}/${published.stamp}.json`);
  } finally {
    await client.$disconnect();
  }
});
