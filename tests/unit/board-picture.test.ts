// The public board's press picture at both sizes: a PNG of the stated size, with the
// snapshot's figures in Vietnamese format, written to test-results/pictures/ to be looked at.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { BoardSnapshot } from "@/lib/domain/public-board";
import { percentOf } from "@/lib/domain/percent";
import { rankRows } from "@/lib/domain/ranking";
import { boardPicture, boardPictureSvg } from "@/lib/reports/board-picture";

const NAMES = ["Thành phố Tam Kỳ", "Thành phố Hội An", "Thị xã Điện Bàn", "Huyện Núi Thành", "Huyện Phú Ninh", "Huyện Thăng Bình", "Huyện Duy Xuyên", "Huyện Quế Sơn", "Huyện Đại Lộc", "Huyện Tiên Phước", "Huyện Hiệp Đức", "Huyện Bắc Trà My", "Huyện Nam Trà My", "Huyện Phước Sơn", "Huyện Nam Giang", "Huyện Đông Giang", "Huyện Tây Giang", "Huyện Nông Sơn", "Huyện Thử Nghiệm Một", "Huyện Thử Nghiệm Hai", "Huyện Thử Nghiệm Ba", "Huyện Thử Nghiệm Bốn"];
const rows = rankRows(NAMES.map((name, i) => {
  const target = 20_000 + i * 1_000;
  const actual = Math.round(target * (0.1 + ((i * 37) % 60) / 100));
  return { code: String(500 + i), name, actual, target, percent: percentOf(actual, target), reportedOn: "2023-06-07" };
})).map((row) => ({ ...row, rankChange: null, pointsChange: null }));

const SNAPSHOT: BoardSnapshot = {
  version: 1, unit: { code: "49", name: "Tỉnh Quảng Nam" }, childKind: "district",
  cutoff: "2023-06-07T17:00:00+07:00", stamp: "2023-06-07T1700", asOf: "2023-06-07", publishedAt: "2023-06-07T10:00:00.000Z",
  campaign: null,
  metrics: [{ metric: "activated", name: "Tài khoản đã kích hoạt", nameEn: "Accounts activated", actual: 186_568, target: 738_291, percent: percentOf(186_568, 738_291), dueDate: "2023-06-30" }],
  rankingMetric: "activated", rows, previousStamp: null, praised: [], criticised: [], trend: [],
};

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe("the press picture", () => {
  it.each([
    { size: "1200x675" as const, width: 1200, height: 675, shown: 20 },
    { size: "1080x1350" as const, width: 1080, height: 1350, shown: 21 },
  ])("$size: a PNG of that size, the headline and the rows in Vietnamese format", async ({ size, width, height, shown }) => {
    const svg = boardPictureSvg(SNAPSHOT, size);
    expect(svg).toContain("25,27%");
    expect(svg).toContain("186.568 / 738.291");
    expect(svg).toContain("17:00 ngày 07/06/2023");
    for (const row of rows.slice(0, shown)) expect(svg).toContain(row.name.length > 22 ? row.name.slice(0, 10) : row.name);
    if (shown < rows.length) expect(svg).toContain(`và ${rows.length - shown} đơn vị khác`);
    const png = await boardPicture(SNAPSHOT, size);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(pngSize(png)).toEqual({ width, height });
    const dir = path.resolve("test-results", "pictures");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `board-${size}.png`), png);
  });
});
