// Reads one uploaded spreadsheet in a worker thread (started by ./spreadsheet-reader.ts with a heap limit and a
// timeout), so a huge or hostile file never stalls the API's event loop. Plain JavaScript: the worker is started
// by Node itself, with no TypeScript loader. It answers one message: { ok: true, ... } or { ok: false, kind, ... }.
import { parentPort, workerData } from "node:worker_threads";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import yauzl from "yauzl";

class LimitError extends Error {}

/**
 * Inflates every entry, counting the bytes really produced, and stops at the limits: declared sizes are only a
 * claim (yauzl also refuses an entry that inflates to more than it declares). Nothing inflated is kept.
 */
function checkInflatedSizes(bytes, limits) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (openError, zipfile) => {
      if (openError) return reject(openError);
      let total = 0;
      const fail = (error) => {
        zipfile.close();
        reject(error);
      };
      zipfile.on("error", fail);
      zipfile.on("end", () => resolve());
      zipfile.on("entry", (entry) => {
        if (entry.fileName.endsWith("/")) return zipfile.readEntry();
        zipfile.openReadStream(entry, (streamError, stream) => {
          if (streamError) return fail(streamError);
          let size = 0;
          stream.on("data", (chunk) => {
            size += chunk.length;
            total += chunk.length;
            if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
              stream.destroy();
              fail(new LimitError(`unpacked ${entry.fileName} over the limit`));
            }
          });
          stream.on("error", fail);
          stream.on("end", () => zipfile.readEntry());
        });
      });
      zipfile.readEntry();
    });
  });
}

/** Every sheet as rows of raw cell values (index 0 = column A) and the columns with a percent format. */
async function readWorkbook(bytes, limits) {
  try {
    await checkInflatedSizes(bytes, limits);
  } catch (error) {
    if (error instanceof LimitError) throw error;
    return { ok: false, kind: "corrupt" };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    return { ok: false, kind: "corrupt" };
  }
  let rowTotal = 0;
  let cellTotal = 0;
  const sheets = workbook.worksheets.map((sheet) => {
    const rows = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      rowTotal += 1;
      cellTotal += row.cellCount;
      if (rowTotal > limits.maxRows || cellTotal > limits.maxCells)
        throw new LimitError("rows or cells over the limit");
      const values = [];
      const percent = [];
      for (let column = 1; column <= row.cellCount; column++) {
        const cell = row.getCell(column);
        values.push(cell.value ?? null);
        if ((cell.numFmt ?? "").includes("%")) percent.push(column);
      }
      rows.push({ rowNumber, values, percent });
    });
    return { name: sheet.name, rowCount: sheet.rowCount, rows };
  });
  return { ok: true, sheets };
}

function readCsv(text, delimiter, limits) {
  let records;
  try {
    // `to` stops reading after one row more than allowed, so an endless file costs no more than the limit.
    records = parseCsv(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      to: limits.maxRows + 2,
    });
  } catch (error) {
    const parsed = error?.records;
    return { ok: false, kind: "csv", row: typeof parsed === "number" ? parsed + 1 : null };
  }
  // The header row is allowed beside maxRows data rows.
  if (records.length > limits.maxRows + 1) throw new LimitError("rows over the limit");
  let cells = 0;
  for (const record of records) cells += record.length;
  if (cells > limits.maxCells) throw new LimitError("cells over the limit");
  return { ok: true, records };
}

async function run(task) {
  try {
    if (task.format === "csv") return readCsv(task.text, task.delimiter, task.limits);
    return await readWorkbook(Buffer.from(task.bytes), task.limits);
  } catch (error) {
    if (error instanceof LimitError) return { ok: false, kind: "limit" };
    throw error;
  }
}

parentPort.postMessage(await run(workerData));
