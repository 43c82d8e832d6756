import type { Role } from "./permissions";

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Quản trị hệ thống",
  province: "Lãnh đạo, cán bộ tỉnh",
  leader: "Ban Chỉ đạo",
  district: "Công an huyện",
  commune: "Công an xã",
};
