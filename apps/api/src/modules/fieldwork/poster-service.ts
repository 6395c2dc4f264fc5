import type { SessionUser } from "@survey/contract";
import type { Database } from "@survey/db";
import QRCode from "qrcode";
import { assertTownAccess } from "../../platform/auth/scopes";
import { UnknownTownError } from "../../platform/errors";
import { listWaveCommunities, listWaveTowns, requireWave } from "../waves";

/**
 * The survey's address for one wave with the community pre-selected (`?w=<waveCode>&c=<communityCode>`, SPEC §3a):
 * a printed poster keeps opening its own wave after another one opens.
 */
export function communitySurveyUrl(publicSurveyUrl: string, waveCode: string, communityCode: string): string {
  const url = new URL(publicSurveyUrl);
  url.searchParams.set("w", waveCode);
  url.searchParams.set("c", communityCode);
  return url.toString();
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
}

/** The page's one style element, allowed by its hash in the page's CSP. */
export const POSTER_STYLE = `
@page { size: A4 portrait; margin: 18mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1a1a1a; }
.poster { height: 260mm; display: flex; flex-direction: column; align-items: center; text-align: center;
  page-break-after: always; break-after: page; }
.poster:last-child { page-break-after: auto; break-after: auto; }
.town { font-size: 16pt; color: #555; margin: 6mm 0 0; }
.community { font-size: 30pt; margin: 4mm 0 8mm; }
.wave { font-size: 18pt; margin: 0 0 8mm; }
.invitation { font-size: 14pt; line-height: 1.8; max-width: 150mm; margin: 0 0 10mm; }
.qr { width: 95mm; height: 95mm; }
.qr svg { width: 100%; height: 100%; }
.scan { font-size: 16pt; margin: 6mm 0 2mm; }
.url { font-size: 9pt; color: #666; word-break: break-all; }
.footer { margin-top: auto; font-size: 10pt; color: #666; }
@media screen { body { background: #eee; } .poster { width: 210mm; height: 297mm; margin: 10mm auto; padding: 18mm;
  background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.2); } }
`;

/**
 * A printable HTML page for a town: one A4 poster per community with the invitation text and a QR
 * code (inline SVG) that opens the survey with that community pre-selected.
 */
export async function townPostersHtml(
  db: Database,
  user: SessionUser,
  waveId: number,
  townCode: string,
  publicSurveyUrl: string,
): Promise<string> {
  const wave = await requireWave(db, waveId);
  const town = (await listWaveTowns(db, wave.id)).find((candidate) => candidate.code === townCode);
  if (!town) throw new UnknownTownError();
  assertTownAccess(user, town.code);
  const communities = await listWaveCommunities(db, wave.id, town.code);
  const pages = await Promise.all(
    communities.map(async (community) => {
      const url = communitySurveyUrl(publicSurveyUrl, wave.code, community.code);
      const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      return `<section class="poster" data-community="${escapeHtml(community.code)}">
  <p class="town">${escapeHtml(town.name)}</p>
  <h1 class="community">${escapeHtml(community.name)}</h1>
  <p class="wave">${escapeHtml(wave.title)}</p>
  <p class="invitation">诚挚邀请本社区年满${wave.minAge}周岁的居民参加民生满意度调查。用手机扫描下方二维码即可填写，大约需要10分钟。您的回答只用于统计分析，个人信息严格保密。每个社区名额有限，感谢您的参与！</p>
  <div class="qr" data-url="${escapeHtml(url)}">${svg}</div>
  <p class="scan">请用微信或手机相机扫码参加</p>
  <p class="url">${escapeHtml(url)}</p>
  <p class="footer">${escapeHtml(town.name)} · ${escapeHtml(community.name)}</p>
</section>`;
    }),
  );
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${town.name}调查二维码海报`)}</title>
<style>${POSTER_STYLE}</style>
</head>
<body>
${pages.join("\n")}
</body>
</html>
`;
}
