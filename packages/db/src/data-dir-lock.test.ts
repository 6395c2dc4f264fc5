import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock";

describe("PGlite data directory lock", () => {
  it("takes the lock and gives it back", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-test-"));
    const release = acquireDataDirLock(dir);
    expect(readFileSync(join(dir, "survey.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(existsSync(join(dir, "survey.lock"))).toBe(false);
  });

  it("refuses a directory that another live process holds, naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-test-"));
    writeFileSync(join(dir, "survey.lock"), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`process ${process.ppid}`));
  });

  it("takes over the lock of a process that died (kill -9 leaves the file behind)", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-test-"));
    writeFileSync(join(dir, "survey.lock"), "2147483646");
    const release = acquireDataDirLock(dir);
    expect(readFileSync(join(dir, "survey.lock"), "utf8")).toBe(String(process.pid));
    release();
  });
});
