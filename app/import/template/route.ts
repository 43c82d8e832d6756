// GET /import/template[?unit=CODE&date=YYYY-MM-DD]: a daily CSV pre-filled with the caller's
// units and every metric for the day (default: the account's home day, that is today unless its
// unit has ended; SessionUserDTO.homeDay), values left blank for the user to fill in.
// `&layout=wide[&format=xlsx|csv][&mode=daily|cumulative]`: the table people fill instead, one
// row per unit and one column per metric (lib/reports/daily-template.ts; issue 25).
import { currentUser } from "@/lib/auth/session";
import { getDailyGrid } from "@/lib/data/daily-grid";
import { errorAnswer } from "@/lib/api/errors";
import { isIsoDate, todayInVietnam } from "@/lib/domain/dates";
import { m } from "@/lib/i18n/message";
import { inRequestLocale } from "@/lib/i18n/server";
import { csvLine } from "@/lib/reports/csv-cell";
import { isUnitCode } from "@/lib/domain/unit-codes";
import { getDailyTemplate } from "@/lib/data/import-template";
import { dailyTemplateCsv, dailyTemplateFileName, dailyTemplateXlsx } from "@/lib/reports/daily-template";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function GET(request: Request): Promise<Response> {
  return inRequestLocale(() => template(request));
}

async function template(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response(m("entry.import.notSignedIn"), { status: 401 });
  const params = new URL(request.url).searchParams;
  const unit = params.get("unit");
  const today = todayInVietnam();
  const asked = params.get("date");
  const day = asked && isIsoDate(asked) && asked <= today ? asked : (user.homeDay ?? today);
  try {
    if (params.get("layout") === "wide") {
      const model = await getDailyTemplate(user, day, params.get("mode") === "cumulative" ? "cumulative" : "daily", isUnitCode(unit) ? unit : undefined);
      const format = params.get("format") === "csv" ? "csv" : "xlsx";
      const body = format === "csv" ? dailyTemplateCsv(model) : new Uint8Array(await dailyTemplateXlsx(model));
      return new Response(body, {
        headers: {
          "content-type": format === "csv" ? "text/csv; charset=utf-8" : XLSX_TYPE,
          "content-disposition": `attachment; filename="${dailyTemplateFileName(model, format)}"`,
        },
      });
    }
    const grid = await getDailyGrid(user, day, isUnitCode(unit) ? unit : undefined);
    // The header is the machine's column names, which the import reads in any language.
    const lines = ["date,unit_code,metric,value,kind,reason"];
    for (const row of grid.rows) for (const cell of row.cells) lines.push(csvLine([day, row.unitCode, cell.metric, null, "daily", null]));
    return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${m("entry.import.templateFile", { date: day })}"` },
    });
  } catch (error) {
    // a download link: the answer is text, with the status and words every route handler gives
    const answer = errorAnswer(error, "GET /import/template", { FORBIDDEN: m("entry.import.templateForbidden") });
    return new Response(answer.message, { status: answer.status, headers: { "content-type": "text/plain; charset=utf-8", ...answer.headers } });
  }
}
