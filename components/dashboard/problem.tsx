import { AppError, type AppErrorCode } from "@/lib/data/errors";

const MESSAGES: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.",
  FORBIDDEN: "Bạn không có quyền xem đơn vị này.",
  NOT_FOUND: "Không tìm thấy đơn vị, chỉ số hoặc đợt được yêu cầu.",
  INVALID_INPUT: "Tham số không hợp lệ.",
  CONFLICT: "Số liệu vừa thay đổi. Vui lòng tải lại.",
  DATABASE_UNAVAILABLE: "Không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau.",
};

/** Runs a data-layer call; a typed error becomes a Vietnamese message, anything else propagates. */
export async function loadOrProblem<T>(load: () => Promise<T>): Promise<{ data: T; problem: null } | { data: null; problem: string }> {
  try {
    return { data: await load(), problem: null };
  } catch (error) {
    if (error instanceof AppError) return { data: null, problem: MESSAGES[error.code] };
    throw error;
  }
}

export function Problem({ message }: { message: string }) {
  return (
    <main className="mx-auto max-w-3xl px-3 py-6 sm:px-4">
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
        {message} <a href="/dashboard" className="text-brand-700 underline">Về trang tổng quan</a>
      </p>
    </main>
  );
}
