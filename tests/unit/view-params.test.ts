import { afterEach, describe, expect, it, vi } from "vitest";
import { withLocale } from "@/lib/i18n/message";
import { readViewParams, viewParamsSchema } from "@/lib/validation/view-params";

const NOW = new Date("2023-06-06T17:30:00Z"); // 2023-06-07 00:30 in Vietnam
const TODAY = "2023-06-07";

describe("readViewParams", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    { instant: "2023-06-06T16:59:59Z", asOf: "2023-06-06" },
    { instant: "2023-06-06T17:00:00Z", asOf: "2023-06-07" },
    { instant: "2023-12-31T17:00:00Z", asOf: "2024-01-01" },
  ])("defaults to today in Vietnam ($instant → $asOf), metric activated, no campaign", ({ instant, asOf }) => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(instant));
    const params = readViewParams({});
    expect(params).toEqual({ asOf, metric: "activated" });
    expect("campaign" in params).toBe(false);
  });

  it("uses the given instant for the default date", () => {
    expect(readViewParams({}, NOW)).toEqual({ asOf: TODAY, metric: "activated" });
  });

  it("takes an account's home day as the default date (its unit ended), the URL's date first", () => {
    expect(readViewParams({}, NOW, "2023-06-07")).toEqual({ asOf: "2023-06-07", metric: "activated" });
    expect(readViewParams({ asOf: "2023-05-01" }, NOW, "2023-06-07")).toEqual({ asOf: "2023-05-01", metric: "activated" });
    expect(readViewParams({ asOf: "2023-02-30" }, NOW, "2023-06-07").asOf).toBe("2023-06-07");
  });

  it.each([
    {
      label: "all given",
      raw: { asOf: "2023-06-01", metric: "registered", campaign: "de-an-06" },
      expected: { asOf: "2023-06-01", metric: "registered", campaign: "de-an-06" },
    },
    { label: "only asOf", raw: { asOf: "2024-02-29" }, expected: { asOf: "2024-02-29", metric: "activated" } },
    { label: "only metric", raw: { metric: "level-2" }, expected: { asOf: TODAY, metric: "level-2" } },
    { label: "only campaign", raw: { campaign: "c1" }, expected: { asOf: TODAY, metric: "activated", campaign: "c1" } },
    { label: "undefined values", raw: { asOf: undefined, metric: undefined, campaign: undefined }, expected: { asOf: TODAY, metric: "activated" } },
    { label: "unrelated keys are ignored", raw: { page: "2", sort: "name" }, expected: { asOf: TODAY, metric: "activated" } },
  ])("reads valid values: $label", ({ raw, expected }) => {
    expect(readViewParams(raw, NOW)).toEqual(expected);
  });

  it.each([
    { label: "impossible date", raw: { asOf: "2023-02-30" } },
    { label: "badly written date", raw: { asOf: "07/06/2023" } },
    { label: "date with time", raw: { asOf: "2023-06-01T00:00" } },
    { label: "empty date", raw: { asOf: "" } },
    { label: "metric in upper case", raw: { metric: "Activated" } },
    { label: "metric with spaces", raw: { metric: "kích hoạt" } },
    { label: "empty metric", raw: { metric: "" } },
    { label: "metric too long", raw: { metric: "a".repeat(65) } },
    { label: "campaign starting with a dash", raw: { campaign: "-x" } },
    { label: "campaign with upper case", raw: { campaign: "DeAn" } },
    { label: "empty campaign", raw: { campaign: "" } },
    { label: "all invalid", raw: { asOf: "x", metric: "Y", campaign: "Z" } },
  ])("invalid values fall back to the defaults: $label", ({ raw }) => {
    expect(readViewParams(raw, NOW)).toEqual({ asOf: TODAY, metric: "activated" });
  });

  it.each([
    {
      label: "arrays take their first value",
      raw: { asOf: ["2023-06-01", "2023-06-02"], metric: ["registered", "activated"], campaign: ["c1", "c2"] },
      expected: { asOf: "2023-06-01", metric: "registered", campaign: "c1" },
    },
    {
      label: "a one-element array",
      raw: { asOf: ["2023-06-01"] },
      expected: { asOf: "2023-06-01", metric: "activated" },
    },
    {
      label: "an empty array is like no value",
      raw: { asOf: [], metric: [], campaign: [] },
      expected: { asOf: TODAY, metric: "activated" },
    },
    {
      label: "an invalid first value is not rescued by a later valid one",
      raw: { asOf: ["bad", "2023-06-01"] },
      expected: { asOf: TODAY, metric: "activated" },
    },
  ])("$label", ({ raw, expected }) => {
    expect(readViewParams(raw, NOW)).toEqual(expected);
  });
});

describe("viewParamsSchema", () => {
  it.each([
    { input: {}, ok: true },
    { input: { asOf: "2023-06-07", metric: "activated", campaign: "c-1" }, ok: true },
    { input: { metric: "-x" }, ok: false },
    { input: { campaign: "-x" }, ok: false },
    { input: { asOf: "2023-13-01" }, ok: false },
  ])("$input → $ok", ({ input, ok }) => {
    expect(viewParamsSchema.safeParse(input).success).toBe(ok);
  });

  it.each([
    { input: { asOf: "2023-13-01" }, vi: "Ngày không hợp lệ.", en: "Invalid date." },
    { input: { metric: "-x" }, vi: "Chỉ số không hợp lệ.", en: "Invalid metric." },
    { input: { campaign: "-x" }, vi: "Mã đợt không hợp lệ.", en: "Invalid campaign code." },
  ])("refuses $input in the request's language", ({ input, vi, en }) => {
    const message = () => viewParamsSchema.safeParse(input).error?.issues[0]?.message;
    expect(message()).toBe(vi);
    expect(withLocale("en", message)).toBe(en);
  });
});

describe("readViewParams checks each value on its own", () => {
  it("keeps a valid date when the metric or campaign is invalid", () => {
    expect(readViewParams({ asOf: "2023-06-01", metric: "BAD" })).toMatchObject({ asOf: "2023-06-01", metric: "activated" });
    expect(readViewParams({ asOf: "2023-06-01", metric: "dossiers", campaign: "" })).toEqual({ asOf: "2023-06-01", metric: "dossiers" });
  });
});
