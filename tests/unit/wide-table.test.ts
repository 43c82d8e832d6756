// The commune-per-row layout's rules (lib/domain/wide-table.ts): cells, headers, days and names.
import { describe, expect, test } from "vitest";
import {
  cellAddress, cellOfRef, columnName, columnRole, dayIn, findWideHeader, guessMetric, isTotalLabel, matchUnit, readCount, readWideRows, refOf, templateReading, unitNameKey,
  type MetricNames, type TableRow,
} from "@/lib/domain/wide-table";

const METRICS: MetricNames[] = [
  { code: "dossiers", nameVi: "Hồ sơ định danh điện tử", nameEn: "eID dossiers collected" },
  { code: "activated", nameVi: "Tài khoản đã kích hoạt", nameEn: "Accounts activated" },
];

describe("cells", () => {
  test.each([
    { index: 0, name: "A" }, { index: 25, name: "Z" }, { index: 26, name: "AA" }, { index: 99, name: "CV" },
  ])("column $index is $name", ({ index, name }) => expect(columnName(index)).toBe(name));

  test("a reference names its cell", () => {
    expect(cellAddress(4, 7)).toBe("E7");
    expect(cellOfRef(refOf(1_000_000, 99))).toEqual({ row: 1_000_000, column: 99 });
  });

  test.each([
    { cell: undefined, expected: { value: null } },
    { cell: "", expected: { value: null } },
    { cell: "  ", expected: { value: null } },
    { cell: 0, expected: { value: 0 } },
    { cell: "0", expected: { value: 0 } },
    { cell: 12, expected: { value: 12 } },
    { cell: "469.004", expected: { value: 469_004 } },
    { cell: "469,004", expected: { value: 469_004 } },
    { cell: "1 234", expected: { value: 1234 } },
    { cell: 1.234, expected: { issue: "notWhole" } },
    { cell: "1,5", expected: { issue: "notWhole" } },
    { cell: -3, expected: { issue: "negative" } },
    { cell: "-3", expected: { issue: "negative" } },
    { cell: "năm", expected: { issue: "notNumber" } },
    { cell: "12%", expected: { issue: "notNumber" } },
    { cell: 2_000_000_000, expected: { issue: "tooLarge" } },
  ])("reads $cell as $expected", ({ cell, expected }) => expect(readCount(cell)).toEqual(expected));
});

describe("headers", () => {
  test.each([
    { header: "STT", role: { role: "stt" } },
    { header: "Mã đơn vị", role: { role: "code" } },
    { header: "unit_code", role: { role: "code" } },
    { header: "Tên đơn vị", role: { role: "name" } },
    { header: "Tài khoản đã kích hoạt (trong ngày)", role: { role: "metric", metric: "activated", kind: "daily" } },
    { header: "Tài khoản đã kích hoạt (lũy kế)", role: { role: "metric", metric: "activated", kind: "cumulative" } },
    { header: "TÀI KHOẢN ĐÃ KÍCH HOẠT", role: { role: "metric", metric: "activated", kind: null } },
    { header: "Accounts activated (cumulative)", role: { role: "metric", metric: "activated", kind: "cumulative" } },
    { header: "dossiers", role: { role: "metric", metric: "dossiers", kind: null } },
    { header: "Tài khoản đã kích hoạt đến hết 03/12/2026 (tham khảo)", role: { role: "reference" } },
    { header: "Tỷ lệ (%)", role: { role: "other" } },
  ])("$header is $role.role", ({ header, role }) => expect(columnRole(header, METRICS)).toEqual(role));

  test("the header is found below a title, and the day and kind above it", () => {
    const rows: TableRow[] = [
      { row: 1, cells: ["SỐ LIỆU ĐỊNH DANH ĐIỆN TỬ LŨY KẾ ĐẾN HẾT NGÀY 04/12/2026"] },
      { row: 3, cells: ["STT", "Mã đơn vị", "Tên đơn vị", "Hồ sơ định danh điện tử", "Tài khoản đã kích hoạt"] },
      { row: 4, cells: [1, "21001", "Xã Tam Nghĩa", 5, ""] },
    ];
    const header = findWideHeader(rows, METRICS)!;
    expect(header.headerRow).toBe(3);
    const reading = templateReading(rows, header);
    expect(reading).toMatchObject({ unitColumn: 1, labelColumn: 2, day: "2026-12-04", columns: [{ column: 3, metric: "dossiers", kind: "cumulative" }, { column: 4, metric: "activated", kind: "cumulative" }] });
    expect(readWideRows(rows, reading, (cell) => ({ code: String(cell) }))).toEqual({
      entries: [{ ref: refOf(4, 3), date: "2026-12-04", unitCode: "21001", metric: "dossiers", value: 5, kind: "cumulative" }],
      issues: [], unitRows: 1,
    });
    expect(findWideHeader([{ row: 1, cells: ["date", "unit_code", "metric", "value"] }], METRICS)).toBeNull();
  });

  test.each([
    { text: "Báo cáo ngày 04/12/2026", day: "2026-12-04" },
    { text: "ngày 4 tháng 12 năm 2026", day: "2026-12-04" },
    { text: "2026-12-04", day: "2026-12-04" },
    { text: "4-12-2026", day: "2026-12-04" },
    { text: "30/02/2026", day: null },
    { text: "Công an huyện", day: null },
  ])("finds the day in $text", ({ text, day }) => expect(dayIn(text)).toBe(day));
});

describe("unit names", () => {
  const units = [
    { code: "21001", name: "Xã Tam Nghĩa" },
    { code: "20965", name: "Thị trấn Núi Thành" },
    { code: "90001", name: "Xã Hòa Bình" },
    { code: "90002", name: "Phường Hòa Bình" },
  ];
  test.each([
    { label: "Xã Tam Nghĩa", match: { code: "21001" } },
    { label: "Tam Nghia", match: { code: "21001" } },
    { label: "TT. Núi Thành", match: { code: "20965" } },
    { label: "21001", match: { code: "21001" } },
    { label: "Hòa Bình", match: { candidates: [units[2], units[3]] } },
    { label: "Tam Xuân", match: null },
  ])("$label is matched as $match", ({ label, match }) => expect(matchUnit(label, units)).toEqual(match));

  test.each([
    { label: "Tổng cộng", total: true }, { label: "Cộng", total: true }, { label: "TOÀN HUYỆN", total: true }, { label: "Tam Cộng", total: false },
  ])("$label is a total row: $total", ({ label, total }) => expect(isTotalLabel(label)).toBe(total));

  test("a name is compared without its type, numbering, case or diacritics", () => {
    expect(unitNameKey("3. Xã Tam Nghĩa")).toBe("tam nghia");
  });
});

describe("a district's own headers", () => {
  test.each([
    ["Số hồ sơ thu nhận", "daily", "dossiers"],
    ["Tài khoản đăng ký", "daily", "accounts"],
    ["TK đã kích hoạt", "daily", "activated"],
    ["Hồ sơ CCCD", "daily", "cccd"],
    ["TK mức độ 2", "daily", "accounts_l2"],
    ["Tài khoản mức độ 2 đăng ký", "daily", "accounts_l2"],
    ["Kích hoạt mức độ 2", "daily", "activated_l2"],
    ["Kích hoạt MĐ2 (trong ngày)", "daily", "activated_l2"],
    ["Kích hoạt MĐ2 (lũy kế)", "daily", null],
    ["Kích hoạt mức 2 lũy kế", "cumulative", "activated_l2"],
    ["Tỷ lệ kích hoạt mức độ 2 (%)", "daily", null],
    ["Chỉ tiêu", "daily", null],
    ["Ghi chú", "daily", null],
  ] as const)("%s (%s) suggests %s", (header, kind, metric) => {
    expect(guessMetric(header, kind)).toBe(metric);
  });
});
