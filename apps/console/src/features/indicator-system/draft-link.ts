/** The recommendations page with the draft form open on this basis (a warning or a forecast). */
export function draftLink(kind: "warning" | "forecast", indicator: string, unit: string, year: number): string {
  const query = new URLSearchParams({ draft: kind, indicator, unit, year: String(year) });
  return `/recommendations?${query}`;
}
