// Reads a JSON request body with a size limit, for route handlers: a declared or actual body
// above the limit is refused with 413 before it is parsed (or even fully received), so one
// huge request cannot fill the server's memory.
import { m } from "@/lib/i18n/message";

export const API_BODY_LIMIT_BYTES = Number(process.env.API_BODY_LIMIT_BYTES ?? 2_000_000);

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

const tooLarge = (limit: number): JsonBodyResult => ({
  ok: false,
  status: 413,
  message: m("validation.body.tooLarge", { megabytes: String(Math.floor(limit / 1_000_000) || limit / 1_000_000) }),
});

export async function readJsonBody(request: Request, limit = API_BODY_LIMIT_BYTES): Promise<JsonBodyResult> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  if (!request.body) return { ok: false, status: 400, message: m("validation.body.missing") };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-upload: nothing was read far enough to be saved.
      return { ok: false, status: 400, message: m("validation.body.cut") };
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)) };
  } catch {
    return { ok: false, status: 400, message: m("validation.body.notJson") };
  }
}
