import { describe, expect, it } from "vitest";
import { compareVietnamese, searchKey, shortUnitName } from "@/lib/domain/text";

describe("searchKey: lower case without diacritics", () => {
  it.each([
    { text: "Huyện Núi Thành", key: "huyen nui thanh" },
    { text: "Đại Lộc", key: "dai loc" },
    { text: "đại lộc", key: "dai loc" },
    { text: "ĐẮK LẮK", key: "dak lak" },
    { text: "Thừa Thiên Huế", key: "thua thien hue" },
    { text: "Ơ Ư Ă Â Ê Ô", key: "o u a a e o" },
    { text: "Bắc Trà My", key: "bac tra my" },
    { text: "Quảng Nam", key: "quang nam" },
    { text: "  Thị xã  Điện Bàn ", key: "thi xa dien ban" },
    { text: "Phường\t1\nQuận 3", key: "phuong 1 quan 3" },
    { text: "Xã Tam Kỳ 2", key: "xa tam ky 2" },
    { text: "", key: "" },
    { text: "   ", key: "" },
    { text: "plain", key: "plain" },
  ])("$text → $key", ({ text, key }) => {
    expect(searchKey(text)).toBe(key);
  });

  it.each([
    { text: "Huyện Núi Thành" },
    { text: "Đại Lộc" },
    { text: "Thừa Thiên Huế" },
  ])("composed (NFC) and decomposed (NFD) spellings of $text give the same key", ({ text }) => {
    expect(searchKey(text.normalize("NFD"))).toBe(searchKey(text.normalize("NFC")));
  });
});

describe("compareVietnamese: Vietnamese alphabetical order", () => {
  const sign = (n: number) => Math.sign(n);

  it.each([
    { a: "Duy Xuyên", b: "Đại Lộc", expected: -1, why: "Đ comes after D in the Vietnamese alphabet" },
    { a: "Đại Lộc", b: "Duy Xuyên", expected: 1, why: "Đ comes after D in the Vietnamese alphabet" },
    { a: "Đại Lộc", b: "Eo Gió", expected: -1, why: "Đ comes before E" },
    { a: "An", b: "Ăn", expected: -1, why: "A < Ă" },
    { a: "Ăn", b: "Ân", expected: -1, why: "Ă < Â" },
    { a: "On", b: "Ơn", expected: -1, why: "O < Ơ" },
    { a: "Un", b: "Ưn", expected: -1, why: "U < Ư" },
    { a: "Phường 2", b: "Phường 10", expected: -1, why: "numbers compare numerically" },
    { a: "Huyện A", b: "huyện a", expected: 0, why: "case is ignored" },
    { a: "Hội An", b: "Hội An", expected: 0, why: "equal" },
  ])("$a vs $b → $expected ($why)", ({ a, b, expected }) => {
    expect(sign(compareVietnamese(a, b))).toBe(expected);
  });

  it("sorts district names in Vietnamese order", () => {
    const names = ["Hội An", "Đại Lộc", "Duy Xuyên", "Bắc Trà My", "Điện Bàn", "Ân Thi", "An Khê", "Tam Kỳ"];
    expect([...names].sort(compareVietnamese)).toEqual([
      "An Khê", "Ân Thi", "Bắc Trà My", "Duy Xuyên", "Đại Lộc", "Điện Bàn", "Hội An", "Tam Kỳ",
    ]);
  });
});

describe("shortUnitName", () => {
  it.each([
    ["Huyện Núi Thành", "Núi Thành"],
    ["Thành phố Tam Kỳ", "Tam Kỳ"],
    ["Thị xã Điện Bàn", "Điện Bàn"],
    ["Thị trấn Núi Thành", "Núi Thành"],
    ["Thành phố Trung ương Hà Nội", "Hà Nội"],
    ["Phường 1", "Phường 1"],
    ["Xã Tam Nghĩa", "Tam Nghĩa"],
    ["Tỉnh Quảng Nam", "Quảng Nam"],
    ["Nông Sơn", "Nông Sơn"],
  ])("%s → %s", (name, short) => {
    expect(shortUnitName(name)).toBe(short);
  });
});
