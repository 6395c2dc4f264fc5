import { indicatorApiPaths, resultsApiPaths } from "@survey/contract";

/**
 * Downloads and printable pages: plain links (the session cookie goes along), so the browser saves the
 * file or opens the page itself.
 */
export function resultsWorkbookUrl(waveId: number, poststratify = false): string {
  return withPoststratify(resultsApiPaths.resultsXlsx(waveId), poststratify);
}

/** Anonymised microdata: no ID numbers, phones, hashes, receipt codes, times or free text. */
export function microdataCsvUrl(waveId: number): string {
  return resultsApiPaths.microdataCsv(waveId);
}

export function indicatorTemplateUrl(year: number): string {
  return indicatorApiPaths.template(year);
}

/** The printable A4 ranking bulletin (HTML), for the same indicator year and weighting as the page. */
export function bulletinUrl(
  waveId: number,
  options: { year?: number; weighting?: string; poststratify?: boolean } = {},
): string {
  const params = new URLSearchParams();
  if (options.year !== undefined) params.set("year", String(options.year));
  if (options.weighting && options.weighting !== "equal") params.set("weighting", options.weighting);
  if (options.poststratify) params.set("poststratify", "true");
  const query = params.toString();
  return query ? `${indicatorApiPaths.bulletin(waveId)}?${query}` : indicatorApiPaths.bulletin(waveId);
}

function withPoststratify(path: string, poststratify: boolean): string {
  return poststratify ? `${path}?poststratify=true` : path;
}
