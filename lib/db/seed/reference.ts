// Reference data every installation needs: the named levels of the unit tree and the
// built-in metrics (four, then the two level-2 ones). Idempotent. The migrations insert the same rows
// (prisma/migrations/20261204055908_reference_data), so this only restores what is missing;
// tests/integration/reference-data.test.ts checks that both agree.
import type { Db } from "../client";

export const UNIT_LEVELS = [
  { level: 1, key: "province", nameVi: "Tỉnh/Thành phố", nameEn: "Province" },
  { level: 2, key: "district", nameVi: "Huyện/Quận/Thị xã/Thành phố", nameEn: "District" },
  { level: 3, key: "commune", nameVi: "Xã/Phường/Thị trấn", nameEn: "Commune" },
  { level: 4, key: "village", nameVi: "Thôn/Tổ dân phố", nameEn: "Village" },
];

export const BUILT_IN_METRICS = [
  { code: "dossiers", nameVi: "Hồ sơ định danh điện tử", nameEn: "eID dossiers collected", sortOrder: 1 },
  { code: "accounts", nameVi: "Tài khoản định danh điện tử", nameEn: "eID accounts registered", sortOrder: 2 },
  { code: "activated", nameVi: "Tài khoản đã kích hoạt", nameEn: "Accounts activated", sortOrder: 3 },
  { code: "cccd", nameVi: "Hồ sơ cấp CCCD", nameEn: "Chip-ID card applications", sortOrder: 4 },
  // level 2 (mức độ 2): registered in person with the police; migration 20261213000100_level_two_metrics
  { code: "accounts_l2", nameVi: "Tài khoản mức độ 2", nameEn: "Level-2 accounts registered", sortOrder: 5 },
  { code: "activated_l2", nameVi: "Tài khoản mức độ 2 đã kích hoạt", nameEn: "Level-2 accounts activated", sortOrder: 6 },
];

export async function seedReference(client: Db): Promise<void> {
  for (const level of UNIT_LEVELS) {
    await client.unitLevel.upsert({ where: { level: level.level }, create: level, update: {} });
  }
  for (const metric of BUILT_IN_METRICS) {
    await client.metric.upsert({ where: { code: metric.code }, create: metric, update: {} });
  }
}
