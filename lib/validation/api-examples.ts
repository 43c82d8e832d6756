// Example data of the published API document (lib/api/openapi.ts): real units of the demo
// (Quảng Nam, province 49, before the reorganisation of 01/07/2025; Đà Nẵng, 48, after it) and
// its campaign. Data, not interface text: listed in tests/unit/no-literal-strings.test.ts.
export const EXAMPLES = {
  unit: { code: "502", name: "Thành phố Tam Kỳ", type: "Thành phố", level: 2, validFrom: null, validTo: "2025-06-30" },
  unitList: [
    { code: "502", name: "Thành phố Tam Kỳ", type: "Thành phố", level: 2, validFrom: null, validTo: "2025-06-30" },
    { code: "503", name: "Thành phố Hội An", type: "Thành phố", level: 2, validFrom: null, validTo: "2025-06-30" },
    { code: "504", name: "Huyện Tây Giang", type: "Huyện", level: 2, validFrom: null, validTo: "2025-06-30" },
  ],
  unitDetail: {
    code: "20335", name: "Phường Bàn Thạch", type: "Phường", level: 2, validFrom: "2025-07-01", validTo: null, parentCode: "48",
    predecessors: [
      { code: "20335", name: "Phường Tân Thạnh", part: "full", share: null },
      { code: "20362", name: "Xã Tam Thăng", part: "full", share: null },
      { code: "20375", name: "Phường Hoà Thuận", part: "full", share: null },
    ],
    successors: [],
  },
  ranking: {
    asOf: "2023-06-07", metric: "activated", campaign: "cao-diem-demo",
    rows: [
      { code: "503", name: "Thành phố Hội An", actual: 41250, target: 40000, percent: 103.13, rank: 1, reportedOn: "2023-06-07" },
      { code: "502", name: "Thành phố Tam Kỳ", actual: 52310, target: 60000, percent: 87.18, rank: 2, reportedOn: "2023-06-07" },
      { code: "504", name: "Huyện Tây Giang", actual: 3120, target: null, percent: null, rank: null, reportedOn: "2023-06-06" },
    ],
  },
  progress: {
    unit: "49", metric: "activated", actual: 612450, target: 750000, percent: 81.66, dueDate: "2023-06-30",
    projection: { dailyPace: 4210.57, projectedOnDueDate: 709293, requiredDailyPace: 5980.43, status: "at-risk" },
  },
  dailyBody: {
    rows: [
      { date: "2023-06-07", unitCode: "20335", metric: "activated", value: 37, kind: "daily" },
      { date: "2023-06-07", unitCode: "20338", metric: "activated", value: 1520, kind: "cumulative" },
    ],
  },
  error: { error: { message: "Tham số không hợp lệ.", fieldErrors: { asOf: ["Ngày phải có dạng YYYY-MM-DD."] } } },
  notFound: { error: { message: "Mã 20362 không còn là đơn vị nào vào ngày 01/07/2025: Xã Tam Thăng đã kết thúc ngày 30/06/2025. Đơn vị kế tiếp: Phường Bàn Thạch (20335).", fieldErrors: {} } },
  forbidden: { error: { message: "Bạn không có quyền thực hiện thao tác này.", fieldErrors: {} } },
  unavailable: { error: { message: "Máy chủ dữ liệu tạm thời không phản hồi; chưa có số nào được lưu. Vui lòng thử lại sau ít phút.", fieldErrors: {} } },
  unauthenticated: { error: { message: "Chưa xác thực.", fieldErrors: {} } },
} as const;
