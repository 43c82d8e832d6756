// The demo's agencies (issue 22, docs/agencies.md): a few departments of Thành phố Đà Nẵng
// with sub-agencies, and offices of two wards, with their headcounts and six weeks of figures
// up to this week; Sở Tư pháp has not reported this week; the day for 100% is the present
// campaign's last milestone (today + 45 days). And the focal point of Sở Y tế
// (`syt`). Written through the data layer as the installation's operator (audited), once:
// running it again changes nothing.
import type { Db } from "../client";
import type { Actor } from "@/lib/auth/permissions";
import { saveAgencies, saveAgencyWeeks, setAgencyDueDate } from "@/lib/data/agencies";
import { addDays } from "@/lib/domain/dates";
import { isoWeekOf, shiftWeek, weekStart } from "@/lib/domain/weeks";

const SYSTEM: Actor = { id: null, username: "system", role: "admin", unitPath: null };

/** code, name, parent, unit, headcount, share activated this week (of its headcount), reports this week */
export const DEMO_AGENCIES = [
  { code: "DN-SYT", name: "Sở Y tế thành phố Đà Nẵng", parent: null, unit: "48", headcount: 120, share: 0.9, reports: true },
  { code: "DN-SYT-BVDK", name: "Bệnh viện Đa khoa Đà Nẵng", parent: "DN-SYT", unit: "48", headcount: 1450, share: 0.72, reports: true },
  { code: "DN-SYT-CDC", name: "Trung tâm Kiểm soát bệnh tật thành phố", parent: "DN-SYT", unit: "48", headcount: 210, share: 0.81, reports: true },
  { code: "DN-SGDDT", name: "Sở Giáo dục và Đào tạo thành phố Đà Nẵng", parent: null, unit: "48", headcount: 95, share: 0.96, reports: true },
  { code: "DN-SGDDT-PCT", name: "Trường THPT Phan Châu Trinh", parent: "DN-SGDDT", unit: "48", headcount: 160, share: 0.88, reports: true },
  { code: "DN-STC", name: "Sở Tài chính thành phố Đà Nẵng", parent: null, unit: "48", headcount: 140, share: 1, reports: true },
  { code: "DN-STP", name: "Sở Tư pháp thành phố Đà Nẵng", parent: null, unit: "48", headcount: 85, share: 0.42, reports: false },
  { code: "HA-VHTT", name: "Trung tâm Văn hóa - Thể thao phường Hội An", parent: null, unit: "20410", headcount: 38, share: 0.63, reports: true },
  { code: "HA-THCS-NDH", name: "Trường THCS Nguyễn Duy Hiệu", parent: "HA-VHTT", unit: "20410", headcount: 64, share: 0.55, reports: true },
  { code: "HC-UBND", name: "Văn phòng HĐND và UBND phường Hải Châu", parent: null, unit: "20242", headcount: 52, share: 0.77, reports: true },
] as const;

/** The focal point of Sở Y tế: enters the weekly figure of it and its two sub-agencies. */
export const DEMO_AGENCY_USER = { username: "syt", displayName: "Đầu mối Sở Y tế Đà Nẵng", agency: "DN-SYT" } as const;
/** Weeks of figures, this week included. */
const WEEKS = 6;

/** Loads the agencies on the demo's present (`today`: the demo's day); false when already there. */
export async function seedAgencies(client: Db, today: string, passwordHash: string): Promise<boolean> {
  if (await client.agency.findUnique({ where: { code: DEMO_AGENCIES[0].code }, select: { id: true } })) return false;
  const thisWeek = isoWeekOf(today);
  const firstWeek = shiftWeek(thisWeek, -(WEEKS - 1));
  const saved = await saveAgencies(SYSTEM, DEMO_AGENCIES.map((a) => ({
    code: a.code, name: a.name, parentCode: a.parent, unitCode: a.unit, asOf: addDays(weekStart(firstWeek), -7), headcount: a.headcount,
  })));
  if (!saved.ok) throw new Error(`Demo agencies refused: ${saved.issues.map((i) => i.message).join("; ")}`);
  // each agency climbs from about a third of its final share to it, week by week
  const weeks = Array.from({ length: WEEKS }, (_, i) => ({
    week: shiftWeek(firstWeek, i),
    rows: DEMO_AGENCIES.filter((a) => i < WEEKS - 1 || a.reports).map((a) => ({
      agencyCode: a.code, activated: Math.round(a.headcount * a.share * (0.35 + (0.65 * (i + 1)) / WEEKS)),
    })).map((row) => ({ ...row, activated: Math.min(row.activated, DEMO_AGENCIES.find((a) => a.code === row.agencyCode)!.headcount) })),
  }));
  const figures = await saveAgencyWeeks(SYSTEM, weeks);
  if (!figures.ok) throw new Error(`Demo agency figures refused: ${figures.issues.map((i) => i.message).join("; ")}`);
  // the city's day for 100% of its agencies' staff, with the present campaign's last milestone
  await setAgencyDueDate(SYSTEM, "48", addDays(today, 45));
  const agency = await client.agency.findUniqueOrThrow({ where: { code: DEMO_AGENCY_USER.agency }, select: { id: true } });
  if (!(await client.user.findUnique({ where: { username: DEMO_AGENCY_USER.username }, select: { id: true } }))) {
    await client.user.create({ data: { username: DEMO_AGENCY_USER.username, displayName: DEMO_AGENCY_USER.displayName, role: "agency", passwordHash, agencyId: agency.id } });
  }
  return true;
}
