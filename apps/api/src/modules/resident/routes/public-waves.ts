import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CommunityQuotaList,
  CurrentWave,
  errorResponses,
  PosterLink,
  PosterLinkQuery,
  TownQuotaList,
  WaveCodeParams,
  WaveIdParams,
  WaveTownParams,
} from "@survey/contract";
import { UnknownWaveError } from "../../../platform/errors";
import { pathId } from "../../../platform/ids";
import { currentWave, posterLink, waveByCode, waveTownCommunities, waveTowns } from "../public-wave-service";

const publicWaveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/waves/current",
    {
      schema: { tags: ["resident"], summary: "当前开放的调查", response: { 200: CurrentWave, ...errorResponses(404) } },
    },
    () => currentWave(app.database.db),
  );

  app.get(
    "/api/waves/by-code/:code",
    {
      schema: {
        tags: ["resident"],
        summary: "海报链接所指的调查（?w=）：开放或已结束；未知或草稿 404 unknown_wave",
        params: WaveCodeParams,
        response: { 200: CurrentWave, ...errorResponses(404) },
      },
    },
    (request) => waveByCode(app.database.db, request.params.code),
  );

  app.get(
    "/api/waves/link",
    {
      schema: {
        tags: ["resident"],
        summary: "海报链接（?w=&c=）打开的调查、街镇和社区，一次请求",
        querystring: PosterLinkQuery,
        response: { 200: PosterLink, ...errorResponses(404) },
      },
    },
    (request) => posterLink(app.database.db, { waveCode: request.query.w, communityCode: request.query.c }),
  );

  app.get(
    "/api/waves/:waveId/towns",
    {
      schema: {
        tags: ["resident"],
        summary: "调查的街镇及其配额",
        params: WaveIdParams,
        response: { 200: TownQuotaList, ...errorResponses(404) },
      },
    },
    (request) => waveTowns(app.database.db, pathId(request.params.waveId, UnknownWaveError)),
  );

  app.get(
    "/api/waves/:waveId/towns/:townCode/communities",
    {
      schema: {
        tags: ["resident"],
        summary: "街镇的社区及其配额",
        params: WaveTownParams,
        response: { 200: CommunityQuotaList, ...errorResponses(404) },
      },
    },
    (request) =>
      waveTownCommunities(app.database.db, pathId(request.params.waveId, UnknownWaveError), request.params.townCode),
  );
};

export default publicWaveRoutes;
