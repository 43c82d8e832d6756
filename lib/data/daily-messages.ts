// Vietnamese messages for the typed errors of the daily entry path, mapped once.
import { TRY_AGAIN_MESSAGE } from "./db-errors";
import type { AppErrorCode } from "./errors";

export const ERROR_MESSAGES: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
  FORBIDDEN: "Bạn không có quyền thực hiện thao tác này.",
  NOT_FOUND: "Không tìm thấy dữ liệu yêu cầu.",
  INVALID_INPUT: "Dữ liệu không hợp lệ.",
  CONFLICT: "Số liệu vừa được người khác thay đổi. Vui lòng tải lại.",
  DATABASE_UNAVAILABLE: TRY_AGAIN_MESSAGE,
};
