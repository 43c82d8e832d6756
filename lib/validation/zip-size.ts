// How big a zip archive (an .xlsx file is one) becomes once unpacked, measured by inflating
// each entry under a ceiling, so that a small upload cannot unpack into gigabytes (a "zip
// bomb") inside the reader that comes after. The sizes the archive declares are not trusted.
import { inflateRawSync } from "node:zlib";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** A 32-bit field set to this says the real value is in a ZIP64 record. */
const ZIP64_MARK = 0xffffffff;

export class ZipFormatError extends Error {}

function endOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes, followed by a comment of at most 65,535 bytes.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new ZipFormatError("not a zip archive");
}

/** True when all the archive's entries together unpack to at most `maxBytes`. */
export function unpacksWithin(zip: Uint8Array, maxBytes: number): boolean {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = endOfCentralDirectory(view);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let budget = maxBytes;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_FILE_HEADER) throw new ZipFormatError("bad central directory");
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const local = view.getUint32(at + 42, true);
    if (local === ZIP64_MARK || local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL_FILE_HEADER) throw new ZipFormatError("bad local header");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    // Deflate data ends by itself, so with a ZIP64 size the rest of the file will do.
    const data = zip.subarray(start, compressedSize === ZIP64_MARK ? zip.length : start + compressedSize);
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(budget, 0) + 1 }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return false;
        throw new ZipFormatError("bad deflate data");
      }
    } else throw new ZipFormatError(`compression method ${method}`);
    budget -= size;
    if (budget < 0) return false;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return true;
}
