import { consoleApiPaths } from "@survey/contract";

/** Printable HTML (one A4 page per community with its QR code), opened in a frame or a new tab. */
export function postersUrl(waveId: number, townCode: string): string {
  return consoleApiPaths.posters(waveId, townCode);
}
