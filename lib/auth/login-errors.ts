// How the sign-in handler tells the form why it refused, and the words the form shows.
export const LOCKED_ERROR_PREFIX = "LOCKED:";

export function loginErrorMessage(error: string | null | undefined): string {
  if (error?.startsWith(LOCKED_ERROR_PREFIX)) {
    const minutes = Number(error.slice(LOCKED_ERROR_PREFIX.length)) || 1;
    return `Đăng nhập sai quá nhiều lần. Tạm thời không thể đăng nhập, vui lòng thử lại sau ${minutes} phút.`;
  }
  return "Tên đăng nhập hoặc mật khẩu không đúng.";
}
