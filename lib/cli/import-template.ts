// `npm run import -- --template --unit CODE --date D [--mode daily|cumulative] [--format xlsx|csv]
// [--out FILE] [--as USER]`: the commune-per-row table people fill (issue 25), the same file as
// the import page's link, for the leaves under the unit on the day.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getDailyTemplate } from "@/lib/data/import-template";
import { isIsoDate, todayInVietnam } from "@/lib/domain/dates";
import { isUnitCode } from "@/lib/domain/unit-codes";
import { dailyTemplateCsv, dailyTemplateFileName, dailyTemplateXlsx } from "@/lib/reports/daily-template";
import { CliError } from "./command";
import { openDatabase } from "./context";
import { systemActor } from "./system-actor";

export async function templateCommand(options: Record<string, string | true>): Promise<number> {
  const unit = options.unit;
  if (typeof unit !== "string" || !isUnitCode(unit)) throw new CliError("--unit CODE is required (the district or commune whose units the table lists)");
  const day = typeof options.date === "string" ? options.date : todayInVietnam();
  if (!isIsoDate(day)) throw new CliError("--date must be a day written YYYY-MM-DD");
  const mode = options.mode ?? "daily";
  if (mode !== "daily" && mode !== "cumulative") throw new CliError("--mode must be daily or cumulative");
  const format = options.format ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") throw new CliError("--format must be xlsx or csv");
  const { client } = await openDatabase();
  const actor = await systemActor(client, typeof options.as === "string" ? options.as : undefined);
  const model = await getDailyTemplate(actor, day, mode, unit);
  await client.$disconnect();
  const out = typeof options.out === "string" ? options.out : dailyTemplateFileName(model, format);
  const body = format === "csv" ? dailyTemplateCsv(model) : await dailyTemplateXlsx(model);
  try {
    // as the backup command does: a folder that does not exist yet is made
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, body);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    throw new CliError(`Cannot write ${out} (${code || "write failed"}): choose another --out / Không ghi được tệp ${out}: chọn đường dẫn khác (--out)`); // i18n-data: CLI output for operators, in both languages at once
  }
  console.log(`${out}: ${model.rows.length} units of ${model.scope.name} (${model.scope.code}), ${mode}, ${day}`);
  return 0;
}
