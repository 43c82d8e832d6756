// A hand-made weekly report model (Quảng Nam, week 23 of 2023) for renderer tests.
import type { ReportIssuing } from "@/lib/reports/issuing";
import type { ReportDocument, WeeklyReportModel } from "@/lib/reports/model";

const trend = Array.from({ length: 28 }, (_, i) => {
  const day = new Date(Date.UTC(2023, 4, 15 + i)).toISOString().slice(0, 10);
  return { day, actual: 150_000 + i * 1_300, planned: 140_000 + i * 1_500 };
});

export const fixtureModel: WeeklyReportModel = {
  version: 2,
  unit: { code: "49", name: "Tỉnh Quảng Nam" },
  campaign: { code: "cao-diem-2023", name: "Đợt cao điểm 90 ngày đêm" },
  week: { iso: "2023-W23", start: "2023-06-05", end: "2023-06-11" },
  asOf: "2023-06-11",
  computedAt: "2023-06-12T01:30:00.000Z",
  metric: { code: "activated", name: "Tài khoản đã kích hoạt", nameEn: "Accounts activated" },
  summary: [
    {
      metric: "dossiers", metricName: "Hồ sơ định danh điện tử", metricNameEn: "eID dossiers collected", target: 800_000, actual: 469_004, percent: 58.63,
      weekChange: 12_345, weekChangePoints: 1.54, dueDate: "2023-06-30", nextMilestone: { dueDate: "2023-06-30", target: 800_000 },
      projection: { status: "behind", dailyPace: 1_760, projectedOnDueDate: 502_444, requiredDailyPace: 17_421 },
    },
    {
      metric: "activated", metricName: "Tài khoản đã kích hoạt", metricNameEn: "Accounts activated", target: 738_291, actual: 186_568, percent: 25.27,
      weekChange: 9_100, weekChangePoints: 1.23, dueDate: "2023-06-30", nextMilestone: { dueDate: "2023-06-30", target: 738_291 },
      projection: { status: "at-risk", dailyPace: 1_300, projectedOnDueDate: 211_268, requiredDailyPace: 29_038 },
    },
    {
      metric: "cccd", metricName: "Hồ sơ cấp CCCD", metricNameEn: "Chip-ID card applications", target: null, actual: 1_234, percent: null,
      weekChange: 0, weekChangePoints: null, dueDate: null, nextMilestone: null, projection: null,
    },
  ],
  ranking: [
    { rank: 1, code: "502", name: "Thành phố Hội An", target: 62_600, actual: 72_203, percent: 115.34, weekChange: 2_100, weekChangePoints: 3.35, rankChange: 0, reportedOn: "2023-06-11" },
    { rank: 2, code: "517", name: "Huyện Núi Thành", target: 62_600, actual: 52_000, percent: 83.07, weekChange: 1_500, weekChangePoints: 2.4, rankChange: 1, reportedOn: "2023-06-11" },
    { rank: 3, code: "506", name: "Huyện Đông Giang", target: 20_000, actual: 3_238, percent: 16.19, weekChange: -12, weekChangePoints: -0.06, rankChange: -1, reportedOn: "2023-06-09" },
    { rank: null, code: "519", name: "Huyện Nông Sơn", target: null, actual: 900, percent: null, weekChange: 0, weekChangePoints: null, rankChange: null, reportedOn: null },
  ],
  praise: [{ code: "502", name: "Thành phố Hội An", percent: 115.34 }],
  criticism: [{ code: "506", name: "Huyện Đông Giang", percent: 16.19 }],
  missing: [{ code: "506", name: "Huyện Đông Giang", missingDays: ["2023-06-10", "2023-06-11"], leavesMissing: 2, leavesTotal: 11 }],
  trend,
};

/** The praise sentence the renderers word from the fixture, in Vietnamese. */
export const FIXTURE_SENTENCE = "Biểu dương: Hội An (115,34%); Phê bình: Đông Giang (16,19%).";

/** The province's police as the issuing body, with a deputy signing for the director. */
export const fixtureIssuing: ReportIssuing = {
  superiorBody: "BỘ CÔNG AN",
  issuingBody: "CÔNG AN TỈNH QUẢNG NAM",
  symbol: "CAT-PV06",
  place: "Quảng Nam",
  recipients: ["Bộ Công an (C06)", "UBND tỉnh Quảng Nam", "Lưu: VT, PV06"],
  signerTitle: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"],
  signerName: "Nguyễn Văn An",
};

export const fixtureEnvelope: ReportDocument = { model: fixtureModel, issuedAt: "2023-06-12T02:00:00.000Z", issued: null, issuing: fixtureIssuing };
export const fixtureIssued: ReportDocument = { model: fixtureModel, issuedAt: "2023-06-12T02:00:00.000Z", issued: { id: 7, by: "Ban Chỉ đạo Đề án 06", daysLocked: true }, issuing: fixtureIssuing };
