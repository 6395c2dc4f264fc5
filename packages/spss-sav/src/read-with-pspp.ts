/**
 * Reads a .sav file back with PSPP (Debian's `pspp`), an independent implementation of the format, for tests:
 * the dictionary (names, labels, missing values, value labels) from DISPLAY DICTIONARY and the cases from
 * pspp-convert. Node only; not exported from the package's index.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PsppVariable {
  name: string;
  label: string;
  printFormat: string;
  /** As PSPP lists them, e.g. ["8", "9"]. */
  missing: string[];
}

export interface PsppFile {
  variables: PsppVariable[];
  /** Variable name → value → label. */
  valueLabels: Map<string, Map<string, string>>;
  /** Header (variable names) and the cases as PSPP writes them to CSV. */
  header: string[];
  rows: string[][];
}

/** RFC 4180 lines → fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The rows of the CSV table titled `title` in PSPP's CSV output (without the title and header lines). */
function tableRows(output: string, title: string): string[][] {
  const start = output.indexOf(`Table: ${title}\n`);
  if (start < 0) return [];
  const body = output.slice(start).split(/\n\n/)[0] ?? "";
  return parseCsv(body)
    .slice(2)
    .filter((row) => !row[0]?.startsWith("Footnote"));
}

export function readWithPspp(sav: Buffer): PsppFile {
  const dir = mkdtempSync(join(tmpdir(), "pspp-"));
  try {
    const file = join(dir, "data.sav");
    writeFileSync(file, sav);
    writeFileSync(join(dir, "read.sps"), `SET TVARS=NAMES.\nGET FILE='${file}'.\nDISPLAY DICTIONARY.\n`);
    execFileSync("pspp", ["-O", "format=csv", "-o", join(dir, "dictionary.csv"), join(dir, "read.sps")]);
    execFileSync("pspp-convert", [file, join(dir, "data.csv")]);
    const dictionary = readFileSync(join(dir, "dictionary.csv"), "utf8");
    const variables = tableRows(dictionary, "Variables").map(
      ([name = "", , label = "", , , , , printFormat = "", , missing = ""]) => ({
        name,
        label,
        printFormat,
        missing: missing ? missing.split(/;\s*/) : [],
      }),
    );
    const valueLabels = new Map<string, Map<string, string>>();
    let current: Map<string, string> | undefined;
    for (const [name = "", value = "", label = ""] of tableRows(dictionary, "Value Labels")) {
      if (name) {
        current = new Map();
        valueLabels.set(name, current);
      }
      current?.set(value.replace(/\[[a-z]\]$/, ""), label);
    }
    const [header = [], ...rows] = parseCsv(readFileSync(join(dir, "data.csv"), "utf8"));
    return { variables, valueLabels, header, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
