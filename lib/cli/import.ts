// `npm run import -- --kind units|campaigns|targets|populations|agencies|agency_weekly|daily --file F.csv|F.xlsx [--dry-run]
// [--confirm-spikes] [--reason "…"] [--as username]`. A daily file streams from disk through
// the one daily engine (memory does not grow with the file), with a progress bar on a
// terminal; the refusal lists the first 200 bad rows by line and counts all of them by reason.
// A daily file may also be a commune-per-row table (the template's layout, or the user's own
// table with the mapping they saved on the import page; `--date D` for a table stating no day),
// read through the same engine (lib/data/import-table.ts). `--template --unit CODE --date D
// [--mode daily|cumulative] [--format xlsx|csv] [--out FILE]` writes that table (import-template.ts).
// `npm run import -- --kind reorganisation --date D --units U.csv --changes C.csv [--dry-run]`
// loads a reorganisation of the units, `--kind reorganisation --undo ID` undoes one
// (docs/units-over-time.md).
import { createReadStream, openSync, readFileSync, readSync, statSync, closeSync } from "node:fs";
import { isLongHeader } from "@/lib/domain/wide-table";
import { readXlsxSheet, xlsxToCsv, XLSX_LIMITS } from "@/lib/validation/xlsx";
import { csvTableRows } from "@/lib/validation/csv";
import { importDailyTable } from "@/lib/data/import-table";
import { decodeUtf8, notUtf8Message } from "@/lib/validation/import-file";
import { importCsv, importDailyFile, type ImportResult } from "@/lib/data/import";
import { importKindSchema } from "@/lib/validation/import-rows";
import { formatNumber } from "@/lib/domain/format";
import { m } from "@/lib/i18n/message";
import { systemActor } from "./system-actor";
import { CliError, parseArgs, runCommand } from "./command";
import { openDatabase } from "./context";
import { cliProgress } from "./progress";
import { reorganisationCommand } from "./reorganisation";
import { templateCommand } from "./import-template";

runCommand(async () => {
  const { options } = parseArgs(process.argv.slice(2));
  if (options.kind === "reorganisation") return reorganisationCommand(options);
  if (options.template === true) return templateCommand(options);
  const kind = importKindSchema.safeParse(options.kind);
  if (!kind.success) throw new CliError("--kind must be units, campaigns, targets, populations, agencies, agency_weekly, daily or reorganisation");
  if (typeof options.file !== "string") throw new CliError("--file F.csv is required");
  const file = options.file;
  const xlsx = file.toLowerCase().endsWith(".xlsx");
  const size = statSync(file).size;
  const { client } = await openDatabase();
  const actor = await systemActor(client, typeof options.as === "string" ? options.as : undefined);
  const common = {
    dryRun: options["dry-run"] === true,
    confirmSpikes: options["confirm-spikes"] === true,
    ...(typeof options.reason === "string" ? { reason: options.reason } : {}),
  };
  let result: ImportResult;
  if (kind.data === "daily" && (xlsx || !isLongHeader(firstCsvRow(file)))) {
    // a commune-per-row table, read whole (a table's rows are units, not units × metrics × days)
    const bytes = new Uint8Array(readFileSync(file)).buffer;
    const text = xlsx ? null : decodeUtf8(bytes);
    if (!xlsx && text === null) throw new CliError(notUtf8Message());
    const upload = xlsx ? { ...(await readXlsxSheet(bytes)), text: null } : { rows: csvTableRows(text!, XLSX_LIMITS.maxColumns) ?? [], settings: {}, text };
    const answer = await importDailyTable(actor, upload, { ...common, ...(typeof options.date === "string" ? { day: options.date } : {}), unbounded: true });
    if (!("result" in answer)) throw new CliError("The table's layout is not recognised: map it once on the import page (/import) as this user (--as), then import it again. / Chưa nhận ra bảng: chọn cách đọc trên trang nhập rồi nhập lại."); // i18n-data: CLI output for operators, in both languages at once
    result = answer.result;
  } else if (kind.data === "daily") {
    const progress = cliProgress();
    try {
      result = await importDailyFile(actor, createReadStream(file, { highWaterMark: 1 << 20 }), { ...common, size, unbounded: true, onProgress: progress });
    } finally {
      progress.done();
    }
  } else {
    // An Excel .xlsx file of units, campaigns or targets (first sheet, same columns) is read as CSV text: one import path.
    const bytes = new Uint8Array(readFileSync(file)).buffer;
    const text = xlsx ? await xlsxToCsv(bytes) : decodeUtf8(bytes);
    if (text === null) throw new CliError(notUtf8Message());
    result = await importCsv(actor, kind.data, text, common);
  }
  await client.$disconnect();
  if (!result.ok) {
    console.error(`Import refused: ${formatNumber(result.errorCount)} error(s); nothing was written.`);
    for (const error of result.errors) console.error(error.cell ? `  ${error.message}` : `  line ${error.line}: ${error.message}`);
    if (result.errorCount > result.errors.length) console.error(`  ${m("validation.import.moreErrors", { count: formatNumber(result.errorCount - result.errors.length) })}`);
    console.error("Errors by reason / Lỗi theo lý do:"); // i18n-data: CLI output for operators, in both languages at once
    for (const { reason, count } of result.reasons) console.error(`  ${m("validation.import.reasonSummary", { count: formatNumber(count), reason })}`);
    // i18n-data: CLI output for operators, in both languages at once
    if (result.spikes) console.error("Only spikes were refused: check them, then run again with --confirm-spikes. / Chỉ có số tăng đột biến: kiểm tra rồi chạy lại với --confirm-spikes."); // i18n-data: both languages
    return 1;
  }
  console.log(result.dryRun ? `Dry run: ${result.rows} rows are valid; nothing was written.` : `Imported ${result.rows} rows (${result.written} changed).`);
});

/** The first row of a CSV file, read from its first 64 KB (the rest may be gigabytes, streamed later). */
function firstCsvRow(file: string): string[] {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(65_536);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const line = buffer.subarray(0, length).toString("utf8").replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
    return (csvTableRows(line, XLSX_LIMITS.maxColumns)?.[0]?.cells ?? []).map(String);
  } finally {
    closeSync(fd);
  }
}
