/**
 * An .xlsx file is a zip package of XML parts. This class opens one lazily — listing the
 * parts reads only the zip's directory, and a part is inflated when it is asked for — keeps
 * the parts a save replaces or adds, and writes the package again: every part nobody touched
 * gets exactly its original bytes (uncompressed content), in its original order.
 *
 * Why these libraries (compared before choosing; npm, Node 20):
 * - zip: yauzl 3 (well kept, one small dependency, strict about the zip format) lists the
 *   entries with their offsets, sizes and checksums; a part is then inflated with Node's native
 *   zlib when it is asked for (synchronously, as the WorkbookPort needs), and an untouched part
 *   is copied still deflated — no inflate, no deflate. fflate 0.8 (no dependency, ~30 KB)
 *   writes the package with its streaming `Zip`, which takes entries we deflated natively
 *   (2-4× faster than JavaScript deflate; fflate's own inflate was 5× slower than zlib on a
 *   large sheet). jszip 3.10 (4 dependencies, async, whole archive as objects), yazl 3 (cannot
 *   take already-deflated entries) and adm-zip 0.6 (whole archive in memory) fit less well.
 * - XML: saxes 6 (strict, streaming, TypeScript types, one dependency, also what exceljs used)
 *   parses 110 MB of sheet XML in ~2 s, like htmlparser2 12 (4 dependencies, HTML-lenient) and
 *   twice as fast as sax 1.6; fast-xml-parser 5 builds a whole object tree (memory of a large
 *   sheet many times over) and was ruled out.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { constants, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";
import { fromBuffer, type Entry } from "yauzl";

/** The content of a part as a save gives it: text, bytes, text in pieces, or a written large part. */
export type PartContent = string | Uint8Array | readonly string[] | Sealed;

const EMPTY = new Uint8Array(0);

/** A part already deflated when it was set (large generated sheets), so memory holds it compressed. */
export interface Sealed {
  readonly deflated: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

/**
 * A large part written piece by piece: each piece is deflated as it comes (a sync flush ends
 * it on a byte boundary, so the pieces join into one deflate stream), so memory holds the
 * part compressed, never whole.
 */
export class PartWriter {
  private readonly chunks: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private pending = "";

  add(text: string): void {
    this.pending += text;
    if (this.pending.length >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending === "") return;
    const bytes = Buffer.from(this.pending, "utf8");
    this.pending = "";
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    this.chunks.push(deflateRawSync(bytes, { level: 1, finishFlush: constants.Z_SYNC_FLUSH }));
  }

  /** The whole part, compressed. */
  seal(): Sealed {
    this.flush();
    this.chunks.push(deflateRawSync(EMPTY, { finishFlush: constants.Z_FINISH }));
    return { deflated: Buffer.concat(this.chunks), crc: this.crc >>> 0, size: this.size };
  }
}

/** Deflate level: parts above this size are compressed fast (level 1), others well (level 6). */
const LARGE_PART = 4 << 20;

function levelFor(size: number): number {
  return size > LARGE_PART ? 1 : 6;
}

/** Encodes and deflates text given in pieces, one piece at a time. */
function seal(pieces: readonly string[]): Sealed {
  const writer = new PartWriter();
  for (const piece of pieces) writer.add(piece);
  return writer.seal();
}

/** Where an original part's deflated bytes are in the file, from the zip directory. */
interface Stored {
  readonly method: number;
  readonly crc: number;
  readonly size: number;
  readonly compressedSize: number;
  readonly headerOffset: number;
}

/** Lists a zip archive's entries (yauzl checks the directory and the entries' names and sizes). */
function listEntries(zip: Buffer): Promise<Map<string, Stored>> {
  return new Promise((resolve, reject) => {
    fromBuffer(
      zip,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true },
      (error, zipfile) => {
        if (error || !zipfile) {
          reject(error ?? new Error("not a zip archive"));
          return;
        }
        const entries = new Map<string, Stored>();
        zipfile.on("entry", (entry: Entry) => {
          if (!entry.fileName.endsWith("/")) {
            entries.set(entry.fileName, {
              method: entry.compressionMethod,
              crc: entry.crc32 >>> 0,
              size: entry.uncompressedSize,
              compressedSize: entry.compressedSize,
              headerOffset: entry.relativeOffsetOfLocalHeader,
            });
          }
          zipfile.readEntry();
        });
        zipfile.on("end", () => resolve(entries));
        zipfile.on("error", reject);
        zipfile.readEntry();
      },
    );
  });
}

export class XlsxPackage {
  private readonly zip: Buffer;
  /** Part names in package order (original parts first, added ones after). */
  private readonly order: string[];
  private readonly original: Map<string, Stored>;
  private readonly changed = new Map<string, PartContent>();
  private readonly byLowerName = new Map<string, string>();

  private constructor(zip: Buffer, entries: Map<string, Stored>) {
    this.zip = zip;
    this.order = [...entries.keys()];
    this.original = entries;
    for (const name of this.order) this.byLowerName.set(name.toLowerCase(), name);
  }

  /** Opens a package; rejects when the bytes are not a zip archive. */
  static async open(zip: Uint8Array): Promise<XlsxPackage> {
    const buffer = Buffer.isBuffer(zip) ? zip : Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    return new XlsxPackage(buffer, await listEntries(buffer));
  }

  /** A package with no part yet (a new workbook). */
  static empty(): XlsxPackage {
    return new XlsxPackage(Buffer.alloc(0), new Map());
  }

  /** The stored (possibly deflated) bytes of an original part. */
  private raw(stored: Stored): Buffer {
    const at = stored.headerOffset;
    if (this.zip.readUInt32LE(at) !== 0x04034b50) throw new Error("damaged zip entry");
    // A local header is 30 bytes, then the name and the extra field; the data follows.
    const start = at + 30 + this.zip.readUInt16LE(at + 26) + this.zip.readUInt16LE(at + 28);
    return this.zip.subarray(start, start + stored.compressedSize);
  }

  /** The part's name as stored (part names are case-insensitive in a package), or null. */
  resolve(name: string): string | null {
    const plain = name.replace(/^\//, "");
    if (this.byLowerName.has(plain.toLowerCase())) return this.byLowerName.get(plain.toLowerCase()) ?? null;
    return null;
  }

  has(name: string): boolean {
    return this.resolve(name) !== null;
  }

  names(): string[] {
    return [...this.order];
  }

  /** The bytes of a part, or null when there is none. */
  bytes(name: string): Uint8Array | null {
    const stored = this.resolve(name);
    if (stored === null) return null;
    const changed = this.changed.get(stored);
    if (changed !== undefined) return isSealed(changed) ? inflateRawSync(changed.deflated) : encode(changed);
    const entry = this.original.get(stored);
    if (entry === undefined) return null;
    if (entry.method === 0) return Buffer.from(this.raw(entry));
    if (entry.method === 8) return inflateRawSync(this.raw(entry));
    throw new Error(`the part ${stored} is compressed with method ${entry.method}, which cannot be read`);
  }

  text(name: string): string | null {
    const bytes = this.bytes(name);
    return bytes === null
      ? null
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  }

  /** Whether the part will be written with new content. */
  isChanged(name: string): boolean {
    const stored = this.resolve(name);
    return stored !== null && this.changed.has(stored);
  }

  set(name: string, content: PartContent): void {
    const plain = name.replace(/^\//, "");
    const stored = this.resolve(plain) ?? plain;
    if (!this.byLowerName.has(stored.toLowerCase())) {
      this.byLowerName.set(stored.toLowerCase(), stored);
      this.order.push(stored);
    }
    this.changed.set(
      stored,
      typeof content === "string" || content instanceof Uint8Array || isSealed(content)
        ? content
        : seal(content),
    );
  }

  remove(name: string): void {
    const stored = this.resolve(name);
    if (stored === null) return;
    this.changed.delete(stored);
    this.byLowerName.delete(stored.toLowerCase());
    this.order.splice(this.order.indexOf(stored), 1);
  }

  /**
   * Writes the package to `file` through a temporary file (a failed write leaves no
   * half-written file). Parts are deflated one at a time, so memory holds one part at once.
   */
  writeFile(file: string, level?: number): void {
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = openSync(temporary, "w");
    let failure: unknown = null;
    try {
      const zip = new Zip((error, chunk) => {
        if (error) failure = error;
        else if (chunk.length > 0) writeSync(fd, chunk);
      });
      const mtime = new Date(2000, 0, 1);
      for (const name of this.order) {
        const changed = this.changed.get(name);
        const kept = this.original.get(name);
        // An untouched deflated part is copied as it is stored.
        const sealed =
          changed !== undefined
            ? isSealed(changed)
              ? changed
              : null
            : kept !== undefined && kept.method === 8
              ? { deflated: this.raw(kept), crc: kept.crc, size: kept.size }
              : null;
        const data = sealed ? EMPTY : (this.bytes(name) ?? EMPTY);
        const entry: ZipInputFile = {
          filename: name,
          size: sealed ? sealed.size : data.length,
          crc: sealed ? sealed.crc : crc32(data) >>> 0,
          compression: 8,
          mtime,
        };
        zip.add(entry);
        entry.ondata?.(
          null,
          // fflate's typings want an ArrayBuffer-backed array; these bytes are one.
          (sealed
            ? sealed.deflated
            : deflateRawSync(data, { level: level ?? levelFor(data.length) })) as Uint8Array<ArrayBuffer>,
          true,
        );
        if (failure) throw failure;
      }
      zip.end();
      if (failure) throw failure;
      closeSync(fd);
      renameSync(temporary, file);
    } catch (error) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      rmSync(temporary, { force: true });
      throw error;
    }
  }
}

function isSealed(content: PartContent): content is Sealed {
  return (
    typeof content === "object" &&
    !Array.isArray(content) &&
    !(content instanceof Uint8Array) &&
    "deflated" in content
  );
}

function encode(content: string | Uint8Array | readonly string[]): Uint8Array {
  if (typeof content === "string") return Buffer.from(content, "utf8");
  if (content instanceof Uint8Array) return content;
  return Buffer.concat((content as readonly string[]).map((piece) => Buffer.from(piece, "utf8")));
}
