// The criticism rule's form input (lib/validation/criticism-rule.ts): what it accepts, and the
// Vietnamese message for what it refuses.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { criticismRuleSchema } from "@/lib/validation/criticism-rule";

describe("criticismRuleSchema", () => {
  it.each([
    { label: "bottom N", input: { unit: "49", kind: "bottom", count: "5", threshold: "" }, rule: { kind: "bottom", count: 5 } },
    { label: "below X%, with a decimal comma", input: { unit: "49", kind: "belowPercent", count: "3", threshold: "85,5" }, rule: { kind: "belowPercent", count: 3, threshold: 85.5 } },
    { label: "below X%, with a decimal point", input: { unit: "49", kind: "belowPercent", count: "0", threshold: " 80.25 " }, rule: { kind: "belowPercent", count: 0, threshold: 80.25 } },
    { label: "below the parent's percent ignores a threshold typed anyway", input: { unit: "49", kind: "belowParent", count: "50", threshold: "abc" }, rule: { kind: "belowParent", count: 50 } },
  ])("accepts $label", ({ input, rule }) => {
    expect(criticismRuleSchema.parse(input)).toEqual({ unit: "49", rule });
  });

  it.each([
    { label: "a count above 50", input: { unit: "49", kind: "bottom", count: "51" }, field: "count", message: "Số đơn vị phê bình phải là số nguyên từ 0 đến 50." },
    { label: "a negative count", input: { unit: "49", kind: "bottom", count: "-1" }, field: "count", message: "Số đơn vị phê bình phải là số nguyên từ 0 đến 50." },
    { label: "an unknown rule", input: { unit: "49", kind: "top", count: "5" }, field: "kind", message: "Chọn một trong ba quy tắc phê bình." },
    { label: "below X% without X", input: { unit: "49", kind: "belowPercent", count: "5", threshold: " " }, field: "threshold", message: "Nhập ngưỡng tỷ lệ X (%) cho quy tắc «dưới X%»." },
    { label: "below X% with three decimals", input: { unit: "49", kind: "belowPercent", count: "5", threshold: "80,125" }, field: "threshold", message: "Ngưỡng tỷ lệ phải là số từ 0 đến 1000, tối đa 2 chữ số thập phân, ví dụ 80 hoặc 85,5." },
    { label: "below X% above 1000", input: { unit: "49", kind: "belowPercent", count: "5", threshold: "1001" }, field: "threshold", message: "Ngưỡng tỷ lệ phải là số từ 0 đến 1000, tối đa 2 chữ số thập phân, ví dụ 80 hoặc 85,5." },
    { label: "below X% with a negative X", input: { unit: "49", kind: "belowPercent", count: "5", threshold: "-5" }, field: "threshold", message: "Ngưỡng tỷ lệ phải là số từ 0 đến 1000, tối đa 2 chữ số thập phân, ví dụ 80 hoặc 85,5." },
  ])("refuses $label with a Vietnamese message on the field", ({ input, field, message }) => {
    const parsed = criticismRuleSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(z.flattenError(parsed.error!).fieldErrors).toEqual({ [field]: [message] });
  });
});
