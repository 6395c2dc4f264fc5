/**
 * Writes an SPSS system file (.sav), uncompressed, little-endian, UTF-8 (character encoding record 65001 and
 * subtype 20 "UTF-8"), with variable labels, value labels and discrete user-missing values — what an analyst
 * opening the file in SPSS or PSPP expects to see. The layout follows the system-file format as PSPP documents
 * it: header, one variable record per 8-byte segment, value-label records, extension records (machine integer
 * and floating-point info, display parameters, long names, encoding), the dictionary terminator, then the cases.
 * No npm package writes labels, missing values and the encoding record properly, hence this small writer.
 */

export interface NumericVariable {
  kind: "numeric";
  /** Letters, digits and _ (ASCII), starting with a letter; at most 64 bytes. */
  name: string;
  label?: string;
  /** Shown decimals (F8.d). */
  decimals?: number;
  valueLabels?: ReadonlyMap<number, string> | Readonly<Record<number, string>>;
  /** Up to three discrete user-missing codes. */
  missing?: readonly number[];
  measure?: "nominal" | "ordinal" | "scale";
}

export interface StringVariable {
  kind: "string";
  name: string;
  label?: string;
  /** Width in bytes (UTF-8), 1–255. */
  width: number;
}

export type SavVariable = NumericVariable | StringVariable;
/** A case: numbers (null = system-missing) for numeric variables, text for string variables, in order. */
export type SavValue = number | string | null;

const SYSMIS = -Number.MAX_VALUE;
const FORMAT_F = 5;
const FORMAT_A = 1;
const MAX_LABEL_BYTES = 255;
const MAX_VALUE_LABEL_BYTES = 120;

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`, cut at a character boundary to at most `max` bytes. */
export function utf8Truncated(text: string, max: number): Uint8Array {
  let bytes = encoder.encode(text);
  if (bytes.length <= max) return bytes;
  let end = max;
  // Step back over continuation bytes (10xxxxxx) so that no character is cut in half.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  bytes = bytes.slice(0, end);
  return bytes;
}

class ByteWriter {
  private chunks: Buffer[] = [];
  int32(...values: number[]) {
    const buffer = Buffer.alloc(4 * values.length);
    for (const [index, value] of values.entries()) buffer.writeInt32LE(value, index * 4);
    this.chunks.push(buffer);
  }
  float64(...values: number[]) {
    const buffer = Buffer.alloc(8 * values.length);
    for (const [index, value] of values.entries()) buffer.writeDoubleLE(value, index * 8);
    this.chunks.push(buffer);
  }
  /** Bytes padded with spaces to `length` (or to a multiple of `multiple`). */
  padded(bytes: Uint8Array, length: number) {
    const buffer = Buffer.alloc(length, 0x20);
    buffer.set(bytes.subarray(0, length));
    this.chunks.push(buffer);
  }
  text(value: string, length: number) {
    this.padded(encoder.encode(value), length);
  }
  raw(bytes: Uint8Array) {
    this.chunks.push(Buffer.from(bytes));
  }
  toBuffer() {
    return Buffer.concat(this.chunks);
  }
}

const roundUp = (value: number, multiple: number) => Math.ceil(value / multiple) * multiple;
const segmentsOf = (variable: SavVariable) => (variable.kind === "numeric" ? 1 : roundUp(variable.width, 8) / 8);

function checkVariables(variables: readonly SavVariable[]) {
  const seen = new Set<string>();
  for (const variable of variables) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(variable.name)) throw new Error(`invalid variable name ${variable.name}`);
    const upper = variable.name.toUpperCase();
    if (seen.has(upper)) throw new Error(`duplicate variable name ${variable.name}`);
    seen.add(upper);
    if (variable.kind === "string" && !(variable.width >= 1 && variable.width <= 255)) {
      throw new Error(`string width of ${variable.name} must be 1–255`);
    }
    if (variable.kind === "numeric" && (variable.missing?.length ?? 0) > 3) {
      throw new Error(`at most three missing values for ${variable.name}`);
    }
  }
}

/** Unique 8-byte short names (V1…, keeping the long name's start where it fits). */
function shortNames(variables: readonly SavVariable[]): string[] {
  const used = new Set<string>();
  return variables.map((variable, index) => {
    let name = variable.name.toUpperCase().slice(0, 8);
    if (used.has(name)) name = `V${index + 1}`.slice(0, 8);
    used.add(name);
    return name;
  });
}

function formatSpec(variable: SavVariable): number {
  if (variable.kind === "string") return (FORMAT_A << 16) | (variable.width << 8);
  const decimals = variable.decimals ?? 0;
  return (FORMAT_F << 16) | ((decimals > 0 ? 8 + decimals : 8) << 8) | decimals;
}

const valueLabelEntries = (labels: NumericVariable["valueLabels"]): [number, string][] => {
  if (!labels) return [];
  const entries = labels instanceof Map ? [...labels.entries()] : Object.entries(labels);
  return entries.map(([value, label]) => [Number(value), String(label)]);
};

function writeHeader(out: ByteWriter, segments: number, cases: number, label: string, at: Date) {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (value: number) => String(value).padStart(2, "0");
  out.text("$FL2", 4);
  out.text("@(#) SPSS DATA FILE survey (resident satisfaction survey)", 60);
  out.int32(2, segments, 0, 0, cases);
  out.float64(100);
  out.text(`${two(at.getUTCDate())} ${months[at.getUTCMonth()]} ${two(at.getUTCFullYear() % 100)}`, 9);
  out.text(`${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`, 8);
  out.padded(utf8Truncated(label, 64), 64);
  out.padded(new Uint8Array(0), 3);
}

function writeVariable(out: ByteWriter, variable: SavVariable, shortName: string) {
  const label = variable.label ? utf8Truncated(variable.label, MAX_LABEL_BYTES) : null;
  const missing = variable.kind === "numeric" ? (variable.missing ?? []) : [];
  const format = formatSpec(variable);
  out.int32(2, variable.kind === "numeric" ? 0 : variable.width, label ? 1 : 0, missing.length, format, format);
  out.text(shortName, 8);
  if (label) {
    out.int32(label.length);
    out.padded(label, roundUp(label.length, 4));
  }
  if (missing.length > 0) out.float64(...missing);
  // A long string takes one continuation record per further 8-byte segment.
  for (let segment = 1; segment < segmentsOf(variable); segment++) {
    out.int32(2, -1, 0, 0, 0, 0);
    out.text("", 8);
  }
}

function writeValueLabels(out: ByteWriter, labels: [number, string][], dictionaryIndex: number) {
  out.int32(3, labels.length);
  for (const [value, label] of labels) {
    out.float64(value);
    const bytes = utf8Truncated(label, MAX_VALUE_LABEL_BYTES);
    out.raw(Uint8Array.of(bytes.length));
    out.padded(bytes, roundUp(bytes.length + 1, 8) - 1);
  }
  out.int32(4, 1, dictionaryIndex);
}

function writeExtension(out: ByteWriter, subtype: number, size: number, count: number, write: () => void) {
  out.int32(7, subtype, size, count);
  write();
}

const MEASURE = { nominal: 1, ordinal: 2, scale: 3 } as const;

/** The whole file for `variables` and `cases` (each case's values in the variables' order). */
export function writeSav(
  variables: readonly SavVariable[],
  cases: Iterable<readonly SavValue[]>,
  options: { fileLabel?: string; createdAt?: Date } = {},
): Buffer {
  checkVariables(variables);
  const rows = [...cases];
  const names = shortNames(variables);
  const segments = variables.reduce((total, variable) => total + segmentsOf(variable), 0);
  const out = new ByteWriter();
  writeHeader(out, segments, rows.length, options.fileLabel ?? "", options.createdAt ?? new Date());
  for (const [index, variable] of variables.entries()) writeVariable(out, variable, names[index] as string);

  let dictionaryIndex = 1;
  for (const variable of variables) {
    const labels = variable.kind === "numeric" ? valueLabelEntries(variable.valueLabels) : [];
    if (labels.length > 0) writeValueLabels(out, labels, dictionaryIndex);
    dictionaryIndex += segmentsOf(variable);
  }

  // Machine integer info: version 1.0.0, IEEE 754 doubles, little-endian, character code 65001 (UTF-8).
  writeExtension(out, 3, 4, 8, () => out.int32(1, 0, 0, -1, 1, 0, 2, 65001));
  // Machine floating-point info: system-missing, highest, lowest.
  writeExtension(out, 4, 8, 3, () => {
    out.float64(SYSMIS, Number.MAX_VALUE);
    const lowest = Buffer.alloc(8);
    lowest.writeBigUInt64LE(0xffef_ffff_ffff_fffen);
    out.raw(lowest);
  });
  writeExtension(out, 11, 4, variables.length * 3, () => {
    for (const variable of variables) {
      const measure = variable.kind === "string" ? "nominal" : (variable.measure ?? "scale");
      const width = variable.kind === "string" ? Math.min(40, Math.max(8, variable.width)) : 8;
      out.int32(MEASURE[measure], width, variable.kind === "string" ? 0 : 1);
    }
  });
  const longNames = encoder.encode(variables.map((variable, index) => `${names[index]}=${variable.name}`).join("\t"));
  writeExtension(out, 13, 1, longNames.length, () => out.raw(longNames));
  const encoding = encoder.encode("UTF-8");
  writeExtension(out, 20, 1, encoding.length, () => out.raw(encoding));
  out.int32(999, 0);

  for (const row of rows) {
    if (row.length !== variables.length) throw new Error(`a case has ${row.length} values for ${variables.length}`);
    variables.forEach((variable, index) => {
      const value = row[index];
      if (variable.kind === "numeric") {
        out.float64(typeof value === "number" && Number.isFinite(value) ? value : SYSMIS);
      } else {
        out.padded(utf8Truncated(typeof value === "string" ? value : "", variable.width), segmentsOf(variable) * 8);
      }
    });
  }
  return out.toBuffer();
}

/** The narrowest string width (bytes, at least 1) that holds every value. */
export function stringWidthFor(values: Iterable<string | null | undefined>): number {
  let width = 1;
  for (const value of values) if (value) width = Math.max(width, encoder.encode(value).length);
  return Math.min(255, width);
}
