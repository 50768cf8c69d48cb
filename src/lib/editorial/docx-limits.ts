/**
 * Bounds on a Word file before mammoth opens it. A .docx is a zip archive: a few kilobytes can
 * inflate to gigabytes, and mammoth (through JSZip) would inflate everything into memory. The
 * archive's own directory says how large each part is; it is read here first, and every
 * compressed part is then inflated once with a hard cap, so a directory that lies is caught too.
 */
import { inflateRawSync } from 'node:zlib';

export const DOCX_LIMITS = {
  /** All parts together, inflated. A long report with photos is a few megabytes. */
  maxUncompressedBytes: 64 * 1024 * 1024,
  /** Parts in the archive; Word writes a few dozen. */
  maxEntries: 2000,
} as const;

const MB = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} МБ`;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeader: number;
}

/** The central directory of a zip archive; throws a Russian message if there is none. */
function zipEntries(file: string, zip: Buffer): ZipEntry[] {
  const notZip = `${file}: файл не читается как документ Word (.docx): это не архив .docx или он повреждён; откройте его в Word и сохраните как .docx заново`;
  const floor = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let i = zip.length - 22; i >= floor; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) throw new Error(notZip);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count > DOCX_LIMITS.maxEntries) throw new Error(`${file}: в архиве .docx ${count} частей, больше допустимых ${DOCX_LIMITS.maxEntries}; такой документ не импортируется`);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw new Error(notZip);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      uncompressedSize: zip.readUInt32LE(at + 24),
      localHeader: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Throws, in Russian and naming the file, if the archive would inflate past the limits; returns
 * quietly for an ordinary document.
 */
export function checkDocxSize(file: string, zip: Buffer): void {
  const entries = zipEntries(file, zip);
  const tooLarge = (bytes: number) =>
    new Error(`${file}: после распаковки документ занял бы ${bytes > DOCX_LIMITS.maxUncompressedBytes * 4 ? 'более ' : ''}${MB(bytes)}, больше допустимых ${MB(DOCX_LIMITS.maxUncompressedBytes)}; сохраните отчёт без изображений или как текст (.txt)`);
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > DOCX_LIMITS.maxUncompressedBytes) throw tooLarge(declared);
  let inflated = 0;
  for (const entry of entries) {
    if (entry.method === 0) {
      inflated += entry.compressedSize;
    } else if (entry.method === 8) {
      const local = entry.localHeader;
      if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`${file}: архив .docx повреждён (часть ${entry.name}); сохраните документ заново`);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + entry.compressedSize);
      try {
        inflated += inflateRawSync(data, { maxOutputLength: DOCX_LIMITS.maxUncompressedBytes - inflated + 1 }).length;
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(DOCX_LIMITS.maxUncompressedBytes + 1);
        throw new Error(`${file}: архив .docx повреждён (часть ${entry.name} не распаковывается); сохраните документ заново`);
      }
    } else {
      throw new Error(`${file}: часть ${entry.name} сжата неизвестным способом (${entry.method}); сохраните документ в Word заново`);
    }
    if (inflated > DOCX_LIMITS.maxUncompressedBytes) throw tooLarge(inflated);
  }
}
