// Limits and decoding of an uploaded import file, shared by the import page (checked before
// upload) and its server action (checked again: the action is a public endpoint).
export const IMPORT_MAX_BYTES = 20_000_000;
export const IMPORT_TOO_LARGE_MESSAGE = "Tệp quá lớn (tối đa 20 MB). Hãy chia thành nhiều tệp nhỏ hơn.";
export const NOT_UTF8_MESSAGE = "Tệp CSV không phải mã UTF-8. Trong Excel chọn “Lưu thành” → “CSV UTF-8”, rồi tải lên lại.";

/** The file's text when it is valid UTF-8 (a byte order mark is dropped), else null. */
export function decodeUtf8(bytes: ArrayBuffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
