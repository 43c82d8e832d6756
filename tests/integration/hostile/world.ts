// The small world the hostile inputs land in: a province with districts and communes, a
// district police user (with an API token and a real password), an administrator, two more
// users for the administration actions to act on, and a campaign. The users are real rows:
// the product's session module re-reads them on every call (signed-in.ts).
import { hashPassword } from "@/lib/auth/password";
import { permissionsOf, type SessionUserDTO } from "@/lib/data/sessions";
import type { Db } from "@/lib/db/client";
import { createCampaign, smallTree } from "../fixtures";
import { addApiToken } from "../../support/users";

/** The district user's password, which the password change target sometimes knows. */
export const DISTRICT_PASSWORD = "Mat-khau-cu-2026";

let district: SessionUserDTO | undefined;
let admin: SessionUserDTO | undefined;
let others: number[] | undefined;
let token: string | undefined;
let passwordHash: string | undefined;

export async function buildWorld(db: Db): Promise<void> {
  await smallTree(db);
  await createCampaign(db); // dot-1, for the read API, the weekly report and the target grid
  const [unit, otherDistrict, commune] = await Promise.all(["901", "902", "90101"].map((code) => db.unit.findFirstOrThrow({ where: { code } })));
  passwordHash = await hashPassword(DISTRICT_PASSWORD);
  const bac = await db.user.create({ data: { username: "bac", displayName: "Công an huyện Bắc", passwordHash, role: "district", unitId: unit.id } });
  const root = await db.user.create({ data: { username: "quantri", displayName: "Quản trị", passwordHash: await hashPassword("Quan-tri-2026-dai"), role: "admin" } });
  const nam = await db.user.create({ data: { username: "nam", displayName: "Công an huyện Nam", passwordHash: "x", role: "district", unitId: otherDistrict.id } });
  const xa = await db.user.create({ data: { username: "xa", displayName: "Công an xã", passwordHash: "x", role: "commune", unitId: commune.id } });
  const issued = await addApiToken(db, bac.id, "hostile");
  district = { id: bac.id, username: "bac", displayName: bac.displayName, role: "district", unitPath: "90/901/", unitCode: "901", homeDay: null, mustChangePassword: false, may: permissionsOf({ id: bac.id, username: "bac", role: "district", unitPath: "90/901/" }) };
  admin = { id: root.id, username: "quantri", displayName: root.displayName, role: "admin", unitPath: null, unitCode: null, homeDay: null, mustChangePassword: false, may: permissionsOf({ id: root.id, username: "quantri", role: "admin", unitPath: null }) };
  others = [nam.id, xa.id];
  token = issued;
}

/**
 * Puts the district user and the administrator back as built (role, unit, active, password):
 * a target that resets, deactivates or re-scopes them (hostile user ids can name them) would
 * otherwise leave every later target signed out, or the district user able to edit another
 * district. Each target starts from this.
 */
export async function restoreWorldUsers(db: Db): Promise<void> {
  const unit = await db.unit.findFirstOrThrow({ where: { code: "901" } });
  await db.user.update({ where: { id: built(district).id }, data: { role: "district", unitId: unit.id, active: true, mustChangePassword: false, passwordHash: built(passwordHash) } });
  await db.user.update({ where: { id: built(admin).id }, data: { role: "admin", unitId: null, active: true, mustChangePassword: false } });
}

const built = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error("buildWorld() first");
  return value;
};

export const DISTRICT_USER = () => built(district);
export const ADMIN_USER = () => built(admin);
/** the users the administration actions may reset, deactivate and re-scope */
export const OTHER_USER_IDS = () => built(others);
export const districtToken = () => built(token);
