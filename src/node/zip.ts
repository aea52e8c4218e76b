/**
 * A tiny read-only view of a zip archive (an .xlsx file is one): the entry names from the
 * central directory, and an entry's bytes (stored or deflated). Enough to see what a user's
 * workbook holds that exceljs does not write back (charts, shapes, pivot tables), without a
 * dependency and without unpacking the whole file.
 */
import { inflateRawSync } from "node:zlib";

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated; other methods cannot be read here. */
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** The entries of a zip archive, or null when the bytes are not a zip archive this reader understands. */
export function zipEntries(zip: Uint8Array): ZipEntry[] | null {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  // The end record is the last 22 bytes, unless an archive comment (at most 65535 bytes) follows it.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_FILE_HEADER) return null;
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localHeaderOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    entries.push({ name: name.replace(/^\//, ""), method, compressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed bytes of an entry, or null when it cannot be read here. */
export function zipEntryData(zip: Uint8Array, entry: ZipEntry): Buffer | null {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_FILE_HEADER) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return Buffer.from(data);
    if (entry.method === 8) return inflateRawSync(data);
  } catch {
    return null;
  }
  return null;
}
