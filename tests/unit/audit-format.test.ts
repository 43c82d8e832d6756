import { describe, expect, test } from "vitest";
import { auditCodes, auditSubject, auditValue, type AuditNames, type AuditWords } from "@/lib/domain/audit-format";

const names: AuditNames = {
  units: { "21007": "Xã Tam Trà", "517": "Huyện Núi Thành" },
  metrics: { cccd: "Hồ sơ cấp CCCD" },
  users: { nuithanh: "Công an huyện Núi Thành" },
};
const FIELDS: Record<string, string> = { address: "địa chỉ", user: "người dùng", expiresAt: "hết hạn", active: "đang hoạt động", unit: "đơn vị" };
const words: AuditWords = {
  field: (key) => FIELDS[key] ?? key,
  yes: "có",
  no: "không",
  figure: ({ daily, cumulative }) => `${daily} (lũy kế ${cumulative})`,
};

describe("auditSubject", () => {
  test.each([
    { key: "21007:cccd:2026-12-04", expected: "Xã Tam Trà · Hồ sơ cấp CCCD · 04/12/2026" },
    { key: "517:2026-12-31", expected: "Huyện Núi Thành · 31/12/2026" },
    { key: "nuithanh", expected: "Công an huyện Núi Thành" },
    { key: "unknown-code", expected: "unknown-code" },
    { key: null, expected: "—" },
  ])("$key", ({ key, expected }) => expect(auditSubject(key, names)).toBe(expected));

  test("a name from the prototype is not a unit", () => {
    expect(auditSubject("constructor", names)).toBe("constructor");
  });
});

describe("auditValue", () => {
  test("a sign-in's address in words, not JSON", () => {
    expect(auditValue({ address: "::1" }, names, words, "vi")).toBe("địa chỉ: ::1");
  });
  test("users and units by name, instants and days as dd/mm/yyyy, booleans in words", () => {
    expect(auditValue({ user: "nuithanh", expiresAt: "2027-03-04T10:00:00.000Z", active: false, unit: "517" }, names, words, "vi"))
      .toBe("người dùng: Công an huyện Núi Thành; hết hạn: 04/03/2027 17:00; đang hoạt động: không; đơn vị: Huyện Núi Thành");
  });
  test("a figure as its count and running total, numbers as Vietnamese write them", () => {
    expect(auditValue({ daily: 1200, cumulative: 469004 }, names, words, "vi")).toBe("1.200 (lũy kế 469.004)");
  });
  test("nothing is a dash", () => expect(auditValue(null, names, words, "vi")).toBe("—"));
});

test("auditCodes lists what the page must name, without days", () => {
  expect(auditCodes([{ entityKey: "21007:cccd:2026-12-04", oldValue: null, newValue: { user: "nuithanh", at: "2026-12-04T01:00:00Z" } }]).sort())
    .toEqual(["21007", "cccd", "nuithanh"]);
});
