// GET /import/template: a daily CSV pre-filled with the caller's units and every metric for
// today, values left blank for the user to fill in.
import { currentUser } from "@/lib/auth/session";
import { getDailyGrid } from "@/lib/data/daily-grid";
import { AppError } from "@/lib/data/errors";
import { todayInVietnam } from "@/lib/domain/dates";

export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response("Chưa đăng nhập.", { status: 401 });
  const unit = new URL(request.url).searchParams.get("unit");
  const day = todayInVietnam();
  try {
    const grid = await getDailyGrid(user, day, unit && /^\d{1,10}$/.test(unit) ? unit : undefined);
    const lines = ["date,unit_code,metric,value,kind,reason"];
    for (const row of grid.rows) for (const cell of row.cells) lines.push(`${day},${row.unitCode},${cell.metric},,daily,`);
    return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="mau-so-lieu-${day}.csv"` },
    });
  } catch (error) {
    if (error instanceof AppError) return new Response("Không có quyền hoặc không có đơn vị.", { status: 403 });
    throw error;
  }
}
