/** Upload bodies taken as raw bytes: text (CSV, decoded later, as Chinese files are often GB18030) and binary. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const TEXT_TYPES = ["text/csv", "text/plain"];
export const BINARY_TYPES = [XLSX_TYPE, "application/octet-stream"];
