import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  AdminWave,
  AdminWaveDetail,
  AdminWaveList,
  AllocationPreview,
  AllocationQuery,
  CreateWaveBody,
  errorResponses,
  type Role,
  rolesOf,
  UpdateWaveBody,
  WaveIdParams,
} from "@survey/contract";
import { actorOf } from "../../platform/auth/request-user";
import { UnknownWaveError } from "../../platform/errors";
import { pathId } from "../../platform/ids";
import { recordAudit } from "../accounts";
import { allocationPreview } from "./allocation-preview-service";
import { closeWave, createWave, listWavesWithTotals, openWave, updateWave, waveDetail, waveView } from "./wave-service";

/** Every console page that picks a wave reads the list. */
const PICKERS = {
  roles: rolesOf("waves", "monitor", "entry", "posters", "results", "crosstab", "trends", "comparison"),
};
/**
 * A wave's detail and allocation preview are shown on the waves page (admin); office and staff may read them
 * too, which no console area's set expresses, so the readers are named here.
 */
const READERS = { roles: ["admin", "office", "staff"] as Role[] };
const WRITERS = { roles: rolesOf("waves") };

const optionalDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

const waveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/api/admin/waves",
    {
      config: PICKERS,
      schema: {
        tags: ["admin"],
        summary: "调查轮次列表（含配额合计）",
        response: { 200: AdminWaveList, ...errorResponses(401, 403) },
      },
    },
    () => listWavesWithTotals(db()),
  );

  app.get(
    "/api/admin/waves/:waveId",
    {
      config: READERS,
      schema: {
        tags: ["admin"],
        summary: "一次调查：各街镇目标和进度，各社区上限和进度",
        params: WaveIdParams,
        response: { 200: AdminWaveDetail, ...errorResponses(401, 403, 404) },
      },
    },
    (request) => waveDetail(db(), pathId(request.params.waveId, UnknownWaveError)),
  );

  app.post(
    "/api/admin/waves",
    {
      config: WRITERS,
      schema: {
        tags: ["admin"],
        summary: "新建调查（草稿）",
        body: CreateWaveBody,
        response: { 201: AdminWave, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { opensAt, closesAt, ...rest } = request.body;
      const wave = await createWave(db(), {
        ...rest,
        opensAt: optionalDate(opensAt),
        closesAt: optionalDate(closesAt),
      });
      await recordAudit(db(), actorOf(request), "wave.create", `wave:${wave.id}`, {
        code: wave.code,
        townCodes: request.body.townCodes,
      });
      return reply.status(201).send(waveView(wave));
    },
  );

  app.patch(
    "/api/admin/waves/:waveId",
    {
      config: WRITERS,
      schema: {
        tags: ["admin"],
        summary: "修改调查设置，及单个街镇目标、单个社区上限",
        params: WaveIdParams,
        body: UpdateWaveBody,
        response: { 200: AdminWave, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const waveId = pathId(request.params.waveId, UnknownWaveError);
      const { opensAt, closesAt, ...rest } = request.body;
      const wave = await updateWave(db(), waveId, {
        ...rest,
        opensAt: optionalDate(opensAt),
        closesAt: optionalDate(closesAt),
      });
      await recordAudit(db(), actorOf(request), "wave.update", `wave:${wave.id}`, {
        code: wave.code,
        changes: request.body,
      });
      return waveView(wave);
    },
  );

  app.post(
    "/api/admin/waves/:waveId/open",
    {
      config: WRITERS,
      schema: {
        tags: ["admin"],
        summary: "开放调查",
        params: WaveIdParams,
        response: { 200: AdminWave, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const wave = await openWave(db(), pathId(request.params.waveId, UnknownWaveError), app.now());
      await recordAudit(db(), actorOf(request), "wave.open", `wave:${wave.id}`, { code: wave.code });
      return waveView(wave);
    },
  );

  app.post(
    "/api/admin/waves/:waveId/close",
    {
      config: WRITERS,
      schema: {
        tags: ["admin"],
        summary: "结束调查",
        params: WaveIdParams,
        response: { 200: AdminWave, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const wave = await closeWave(db(), pathId(request.params.waveId, UnknownWaveError));
      await recordAudit(db(), actorOf(request), "wave.close", `wave:${wave.id}`, { code: wave.code });
      return waveView(wave);
    },
  );

  app.get(
    "/api/admin/waves/:waveId/allocation",
    {
      config: READERS,
      schema: {
        tags: ["admin"],
        summary: "配额分配预览：哪些街镇在社区上限下完不成目标",
        params: WaveIdParams,
        querystring: AllocationQuery,
        response: { 200: AllocationPreview, ...errorResponses(400, 401, 403, 404) },
      },
    },
    (request) => {
      const { plan, townTarget, communityCap } = request.query;
      return allocationPreview(db(), pathId(request.params.waveId, UnknownWaveError), {
        plan,
        townTarget: townTarget === undefined ? undefined : Number(townTarget),
        communityCap: communityCap === undefined ? undefined : Number(communityCap),
      });
    },
  );
};

export default waveRoutes;
