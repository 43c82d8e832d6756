import { readFileSync } from "node:fs";
import { xlsxToCsv } from "@/lib/validation/xlsx";
import { decodeUtf8, notUtf8Message } from "@/lib/validation/import-file";
import { importCsv } from "@/lib/data/import";
import { importKindSchema } from "@/lib/validation/import-rows";
import { systemActor } from "./system-actor";
import { parseArgs, runCommand } from "./command";
import { openDatabase } from "./context";

runCommand(async () => {
  const { options } = parseArgs(process.argv.slice(2));
  const kind = importKindSchema.safeParse(options.kind);
  if (!kind.success) throw new Error("--kind must be units, campaigns, targets or daily");
  if (typeof options.file !== "string") throw new Error("--file F.csv is required");
  // An Excel .xlsx file (first sheet, same columns) is read as CSV text: one import path.
  const bytes = new Uint8Array(readFileSync(options.file)).buffer;
  const text = options.file.toLowerCase().endsWith(".xlsx") ? await xlsxToCsv(bytes) : decodeUtf8(bytes);
  if (text === null) throw new Error(notUtf8Message());
  const { client } = await openDatabase();
  const actor = await systemActor(client, typeof options.as === "string" ? options.as : undefined);
  const result = await importCsv(actor, kind.data, text, {
    dryRun: options["dry-run"] === true,
    confirmSpikes: options["confirm-spikes"] === true,
    ...(typeof options.reason === "string" ? { reason: options.reason } : {}),
  });
  await client.$disconnect();
  if (!result.ok) {
    console.error(`Import refused: ${result.errors.length} error(s); nothing was written.`);
    for (const error of result.errors) console.error(`  line ${error.line}: ${error.message}`);
    return 1;
  }
  console.log(result.dryRun ? `Dry run: ${result.rows} rows are valid; nothing was written.` : `Imported ${result.rows} rows (${result.written} changed).`);
});
