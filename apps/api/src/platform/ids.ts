/** A path id as a number: up to nine digits, nothing else (a malformed id is answered like an unknown one). */
export function parseId(raw: string): number | undefined {
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  return Number(raw);
}
