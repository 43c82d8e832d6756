// The small world the hostile inputs land in: a province with districts and communes, a
// district police user (with an API token), an administrator and a campaign.
import { newToken } from "@/lib/auth/tokens";
import type { SessionUserDTO } from "@/lib/data/sessions";
import type { Db } from "@/lib/db/client";
import { createCampaign, smallTree } from "../fixtures";

let district: SessionUserDTO | undefined;
let admin: SessionUserDTO | undefined;
let token: string | undefined;

export async function buildWorld(db: Db): Promise<void> {
  await smallTree(db);
  await createCampaign(db); // dot-1, for the read API, the weekly report and the target grid
  const unit = await db.unit.findUniqueOrThrow({ where: { code: "901" } });
  const bac = await db.user.create({ data: { username: "bac", displayName: "Công an huyện Bắc", passwordHash: "x", role: "district", unitId: unit.id } });
  const root = await db.user.create({ data: { username: "quantri", displayName: "Quản trị", passwordHash: "x", role: "admin" } });
  const issued = newToken();
  await db.apiToken.create({ data: { userId: bac.id, name: "hostile", tokenHash: issued.tokenHash, prefix: issued.prefix } });
  district = { id: bac.id, username: "bac", displayName: bac.displayName, role: "district", unitPath: "90/901/", unitCode: "901", mustChangePassword: false };
  admin = { id: root.id, username: "quantri", displayName: root.displayName, role: "admin", unitPath: null, unitCode: null, mustChangePassword: false };
  token = issued.token;
}

const built = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error("buildWorld() first");
  return value;
};

export const DISTRICT_USER = () => built(district);
export const ADMIN_USER = () => built(admin);
export const districtToken = () => built(token);
