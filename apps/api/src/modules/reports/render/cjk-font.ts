/**
 * The charts' font: Debian's fonts-noto-cjk ships Noto Sans CJK as one collection (.ttc) of ten faces, and resvg
 * reads every face of every file it is given on every chart — half of each chart's time. The Simplified Chinese
 * face is copied out once into a plain OpenType file in the temporary folder (the sfnt tables as they are, only
 * their offsets rewritten) and that file is handed to resvg.
 */
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHART_FONT = "Noto Sans CJK SC";
const FONT_ROOT = "/usr/share/fonts";

/** Font files under `root` whose name says CJK. */
function cjkFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/cjk/i.test(entry.name) && /\.(ttc|otf|ttf)$/i.test(entry.name)) found.push(path);
    }
  };
  walk(root);
  return found.sort();
}

/** The family name (name ID 1, Windows platform, UTF-16BE) of the face whose table directory starts at `at`. */
function familyName(font: Buffer, at: number): string {
  const tables = font.readUInt16BE(at + 4);
  for (let t = 0; t < tables; t++) {
    const record = at + 12 + t * 16;
    if (font.toString("latin1", record, record + 4) !== "name") continue;
    const base = font.readUInt32BE(record + 8);
    const count = font.readUInt16BE(base + 2);
    const strings = base + font.readUInt16BE(base + 4);
    for (let i = 0; i < count; i++) {
      const entry = base + 6 + i * 12;
      if (font.readUInt16BE(entry) !== 3 || font.readUInt16BE(entry + 6) !== 1) continue;
      const start = strings + font.readUInt16BE(entry + 10);
      return Buffer.from(font.subarray(start, start + font.readUInt16BE(entry + 8)))
        .swap16()
        .toString("utf16le");
    }
  }
  return "";
}

/** One face of a collection as a standalone sfnt: its table directory with new offsets, then its tables. */
function extractFace(font: Buffer, at: number): Buffer {
  const tables = font.readUInt16BE(at + 4);
  const header = Buffer.alloc(12 + tables * 16);
  font.copy(header, 0, at, at + 12);
  const parts = [header];
  let offset = header.length;
  for (let t = 0; t < tables; t++) {
    const record = at + 12 + t * 16;
    const start = font.readUInt32BE(record + 8);
    const length = font.readUInt32BE(record + 12);
    font.copy(header, 12 + t * 16, record, record + 8); // tag and checksum
    header.writeUInt32BE(offset, 12 + t * 16 + 8);
    header.writeUInt32BE(length, 12 + t * 16 + 12);
    const table = Buffer.alloc((length + 3) & ~3);
    font.copy(table, 0, start, start + length);
    parts.push(table);
    offset += table.length;
  }
  return Buffer.concat(parts);
}

/** The Simplified Chinese face of a collection written to the temporary folder once; null when there is none. */
function simplifiedChineseFace(collection: string): string | null {
  const stat = statSync(collection);
  const cached = join(tmpdir(), `survey-chart-font-${stat.size}-${Math.round(stat.mtimeMs)}.otf`);
  if (existsSync(cached)) return cached;
  const font = readFileSync(collection);
  if (font.toString("latin1", 0, 4) !== "ttcf") return null;
  const faces = font.readUInt32BE(8);
  for (let f = 0; f < faces; f++) {
    const at = font.readUInt32BE(12 + f * 4);
    if (familyName(font, at) !== CHART_FONT) continue;
    const partial = `${cached}.${process.pid}.${f}.partial`;
    writeFileSync(partial, extractFace(font, at));
    renameSync(partial, cached);
    return cached;
  }
  return null;
}

let chosen: string[] | undefined;

/** The font file(s) for the charts: the extracted face, else the CJK files as found. */
export function chartFontFiles(): string[] {
  if (!chosen) {
    const files = cjkFiles(FONT_ROOT);
    if (files.length === 0) {
      throw new Error(`no CJK font under ${FONT_ROOT}: install fonts-noto-cjk to render the report's charts`);
    }
    const collection = files.find((path) => /NotoSansCJK-Regular\.ttc$/i.test(path));
    const face = collection ? simplifiedChineseFace(collection) : null;
    chosen = face ? [face] : files.slice(0, 1);
  }
  return chosen;
}
