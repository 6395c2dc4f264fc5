import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  CommunityQuotaList,
  CurrentWave,
  errorResponses,
  TownQuotaList,
  WaveIdParams,
  WaveTownParams,
} from "@survey/contract";
import { UnknownWaveError } from "../../../platform/errors";
import { pathId } from "../../../platform/ids";
import { currentWave, waveTownCommunities, waveTowns } from "../public-wave-service";

const publicWaveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/waves/current",
    {
      schema: { tags: ["resident"], summary: "当前开放的调查", response: { 200: CurrentWave, ...errorResponses(404) } },
    },
    () => currentWave(app.database.db),
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
