import { Worker } from "node:worker_threads";
import type ExcelJS from "exceljs";
import yauzl from "yauzl";
import type { UploadLimits } from "../config";
import { PayloadTooLargeError, UploadTooLargeError, UploadTooSlowError } from "../errors";

/**
 * Reads uploaded spreadsheets off the event loop: the bytes are bounded before anything is inflated (the size as
 * sent, then every ZIP entry's declared size and ratio from the central directory), and then read in a worker
 * thread with a heap limit and a timeout that terminates it (./spreadsheet-worker.mjs, which also counts the bytes
 * really inflated, the rows and the cells). A bounded number of workers run at once; other uploads wait their turn.
 */

/** A sheet's row: raw Excel values, index 0 = column A; `percent` lists the 1-based columns with a % format. */
export interface SheetRow {
  rowNumber: number;
  values: (ExcelJS.CellValue | null)[];
  percent: number[];
}

export interface SheetData {
  name: string;
  /** The last row number with content, as Excel counts it. */
  rowCount: number;
  rows: SheetRow[];
}

type WorkerAnswer =
  | { ok: true; sheets: SheetData[] }
  | { ok: true; records: string[][] }
  | { ok: false; kind: "limit" | "corrupt" }
  | { ok: false; kind: "csv"; row: number | null };

/** A ZIP archive of an .xlsx holds a few dozen entries; tens of thousands are an attack on the directory. */
const MAX_ZIP_ENTRIES = 10_000;
/** Entries smaller than this unpacked are not held to the ratio: tiny XML packs tightly and costs nothing. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Workers reading at once; each may use up to `workerMemoryMb`. */
const MAX_WORKERS = 2;

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

function tooLarge(limits: UploadLimits): Error {
  return new UploadTooLargeError({
    limits: {
      unpackedMb: megabytes(limits.maxTotalBytes),
      entryMb: megabytes(limits.maxEntryBytes),
      rows: limits.maxRows,
      cells: limits.maxCells,
    },
  });
}

/** The size as sent: 413 `payload_too_large` over `maxBytes`. */
export function checkUploadSize(bytes: Buffer, limits: UploadLimits): void {
  if (bytes.length > limits.maxBytes) {
    throw new PayloadTooLargeError({}, `文件太大了，最大 ${megabytes(limits.maxBytes)} MB。`);
  }
}

/**
 * The ZIP central directory's claims, checked before anything is inflated: 413 `upload_too_large` for an entry
 * or a total over the limits or an entry packed tighter than `maxRatio`. Resolves false for bytes that are no
 * readable ZIP archive (the caller says the file is broken).
 */
export function checkZipDirectory(bytes: Buffer, limits: UploadLimits): Promise<boolean> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (openError, zipfile) => {
      if (openError || !zipfile) return resolve(false);
      let count = 0;
      let total = 0;
      zipfile.on("error", () => resolve(false));
      zipfile.on("end", () => resolve(true));
      zipfile.on("entry", (entry: yauzl.Entry) => {
        count += 1;
        total += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (
          count > MAX_ZIP_ENTRIES ||
          entry.uncompressedSize > limits.maxEntryBytes ||
          total > limits.maxTotalBytes ||
          (entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxRatio)
        ) {
          zipfile.close();
          return reject(tooLarge(limits));
        }
        zipfile.readEntry();
      });
      zipfile.readEntry();
    });
  });
}

// ---------------------------------------------------------------- the worker

let running = 0;
const waiting: (() => void)[] = [];

async function takeTurn(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  return () => {
    running -= 1;
    waiting.shift()?.();
  };
}

const WORKER_URL = new URL("./spreadsheet-worker.mjs", import.meta.url);

type WorkerTask =
  | { format: "xlsx"; bytes: Uint8Array; limits: UploadLimits }
  | { format: "csv"; text: string; delimiter: string; limits: UploadLimits };

async function runWorker(task: WorkerTask): Promise<WorkerAnswer> {
  const done = await takeTurn();
  try {
    return await new Promise<WorkerAnswer>((resolve, reject) => {
      const worker = new Worker(WORKER_URL, {
        workerData: task,
        resourceLimits: { maxOldGenerationSizeMb: task.limits.workerMemoryMb, maxYoungGenerationSizeMb: 32 },
        stdout: true,
        stderr: true,
      });
      let settled = false;
      const settle = (action: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        action();
      };
      const timer = setTimeout(() => {
        settle(() => reject(new UploadTooSlowError({ limits: { seconds: task.limits.parseTimeoutMs / 1000 } })));
        void worker.terminate();
      }, task.limits.parseTimeoutMs);
      worker.once("message", (answer: WorkerAnswer) => settle(() => resolve(answer)));
      worker.once("error", (error: Error & { code?: string }) =>
        settle(() => reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooLarge(task.limits) : error)),
      );
      worker.once("exit", (code) =>
        settle(() => reject(new Error(`spreadsheet worker exited with code ${code} before answering`))),
      );
    });
  } finally {
    done();
  }
}

/** Every sheet of an .xlsx; null when the bytes are no readable workbook. Limits are refused as 413/422. */
export async function readWorkbookSheets(bytes: Buffer, limits: UploadLimits): Promise<SheetData[] | null> {
  checkUploadSize(bytes, limits);
  if (!(await checkZipDirectory(bytes, limits))) return null;
  const answer = await runWorker({ format: "xlsx", bytes: new Uint8Array(bytes), limits });
  if (answer.ok) return "sheets" in answer ? answer.sheets : null;
  if (answer.kind === "limit") throw tooLarge(limits);
  return null;
}

/** The records of CSV text; `{ badRow }` when quoting is broken. Limits are refused as 413/422. */
export async function readCsvRecords(
  text: string,
  delimiter: string,
  limits: UploadLimits,
): Promise<string[][] | { badRow: number | null }> {
  const answer = await runWorker({ format: "csv", text, delimiter, limits });
  if (answer.ok) return "records" in answer ? answer.records : [];
  if (answer.kind === "limit") throw tooLarge(limits);
  return { badRow: answer.kind === "csv" ? answer.row : null };
}

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
