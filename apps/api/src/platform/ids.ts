import type { AppErrorClass } from "./errors";

/** A path id as a number: up to nine digits, nothing else (a malformed id is answered like an unknown one). */
export function parseId(raw: string): number | undefined {
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  return Number(raw);
}

/** The id a route's path names, or `Unknown` (e.g. UnknownWaveError) when it is no id at all. */
export function pathId(raw: string, Unknown: AppErrorClass): number {
  const id = parseId(raw);
  if (id === undefined) throw new Unknown();
  return id;
}
