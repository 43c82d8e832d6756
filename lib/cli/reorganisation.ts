// The reorganisation branch of `npm run import` (docs/units-over-time.md):
//   --kind reorganisation --date 2025-07-01 --units U.csv --changes C.csv [--dry-run] [--as user]
//   --kind reorganisation --undo ID [--reason "…"] [--as user]
// Prints the summary (or every refused line, the first 200, and the count by reason) and the
// time it took.
import { readFileSync } from "node:fs";
import { importReorganisation, undoReorganisation, type ReorganisationResult } from "@/lib/data/reorganisation";
import { formatNumber } from "@/lib/domain/format";
import { decodeUtf8, notUtf8Message } from "@/lib/validation/import-file";
import { m } from "@/lib/i18n/message";
import { summaryLines } from "@/lib/i18n/reorganisation-summary";
import { CliError } from "./command";
import { openDatabase } from "./context";
import { systemActor } from "./system-actor";

const n = (value: number) => formatNumber(value);

function readText(file: string): string {
  const text = decodeUtf8(new Uint8Array(readFileSync(file)).buffer);
  if (text === null) throw new CliError(`${file}: ${notUtf8Message()}`);
  return text;
}


function printRefusal(result: ReorganisationResult): void {
  console.error(m("admin.reorganisation.summary.refused", { count: n(result.errorCount) }));
  for (const error of result.errors) {
    console.error(`  ${error.file ? m("validation.reorganisation.line", { file: m(`validation.reorganisation.files.${error.file}`), line: String(error.line), message: error.message }) : error.message}`);
  }
  if (result.errorCount > result.errors.length) console.error(`  ${m("validation.import.moreErrors", { count: n(result.errorCount - result.errors.length) })}`);
  for (const { reason, count } of result.reasons) console.error(`  ${m("validation.import.reasonSummary", { count: n(count), reason })}`);
}

export async function reorganisationCommand(options: Record<string, string | true>): Promise<number> {
  const started = performance.now();
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (options.undo !== undefined) {
    if (typeof options.undo !== "string" || !/^\d+$/.test(options.undo)) throw new CliError("--undo ID: the number of the reorganisation");
    const { client } = await openDatabase();
    const actor = await systemActor(client, typeof options.as === "string" ? options.as : undefined);
    const result = await undoReorganisation(actor, Number(options.undo), typeof options.reason === "string" ? options.reason : undefined);
    await client.$disconnect();
    console.log(m("admin.reorganisation.summary.undone", { id: String(result.id), removed: n(result.removed), reopened: n(result.reopened), restored: n(result.restored) }));
    console.log(`(${seconds()})`);
    return 0;
  }
  if (typeof options.date !== "string") throw new CliError("--date YYYY-MM-DD is required (the first day of the new units)");
  if (typeof options.units !== "string") throw new CliError("--units F.csv is required (the units in force from the date)");
  if (typeof options.changes !== "string") throw new CliError("--changes F.csv is required (the old units mapped onto the new ones)");
  const unitsText = readText(options.units);
  const changesText = readText(options.changes);
  const { client } = await openDatabase();
  const actor = await systemActor(client, typeof options.as === "string" ? options.as : undefined);
  const result = await importReorganisation(actor, { date: options.date, unitsText, changesText, dryRun: options["dry-run"] === true });
  await client.$disconnect();
  if (!result.ok || !result.summary) {
    printRefusal(result);
    console.error(`(${seconds()})`);
    return 1;
  }
  for (const line of summaryLines(result.summary)) console.log(line);
  console.log(result.dryRun ? m("admin.reorganisation.summary.dryRun") : m("admin.reorganisation.summary.written", { id: String(result.id) }));
  console.log(`(${seconds()})`);
  return 0;
}
