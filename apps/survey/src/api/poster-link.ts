import type { PosterLink } from "@survey/contract";
import { request } from "./http";

export type { PosterLink };

/**
 * The path of `GET /api/waves/link` for a link's wave and community codes. index.html asks for exactly this path
 * while the app's script downloads (its inline script builds it the same way: `w` first, then `c`), and the
 * app then takes that answer instead of asking again.
 */
export function posterLinkPath(codes: { waveCode: string | null; communityCode: string | null }): string {
  const params = [codes.waveCode ? `w=${codes.waveCode}` : "", codes.communityCode ? `c=${codes.communityCode}` : ""];
  const query = params.filter(Boolean).join("&");
  return query ? `/api/waves/link?${query}` : "/api/waves/link";
}

/** GET /api/waves/link — the wave, town and community a poster link opens; 404 `no_open_wave`. */
export async function fetchPosterLink(codes: { waveCode: string | null; communityCode: string | null }) {
  return (await request<PosterLink>("GET", posterLinkPath(codes))).data;
}
