import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  AdminWave,
  AdminWaveDetail,
  AdminWaveList,
  AllocationPreview,
  AllocationQuery,
  CreateWaveBody,
  errorResponses,
  UpdateWaveBody,
  WaveIdParams,
} from "@survey/contract";
import { allocationPreview } from "../../services/allocation-preview-service";
import { audit } from "../../services/audit-service";
import {
  closeWave,
  createWave,
  listWavesWithTotals,
  openWave,
  requireWaveById,
  updateWave,
  waveDetail,
  waveView,
} from "../../services/wave-service";

const READERS = { roles: ["admin", "office", "staff"] as ("admin" | "office" | "staff")[] };
const WRITERS = { roles: ["admin"] as "admin"[] };

const optionalDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

const waveRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = () => app.database.db;

  app.get(
    "/api/admin/waves",
    {
      config: READERS,
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
    async (request) => waveDetail(db(), (await requireWaveById(db(), request.params.waveId)).id),
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
      await audit(request, "wave.create", `wave:${wave.id}`, { code: wave.code, townCodes: request.body.townCodes });
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
      const current = await requireWaveById(db(), request.params.waveId);
      const { opensAt, closesAt, ...rest } = request.body;
      const wave = await updateWave(db(), current.id, {
        ...rest,
        opensAt: optionalDate(opensAt),
        closesAt: optionalDate(closesAt),
      });
      await audit(request, "wave.update", `wave:${wave.id}`, { code: wave.code, changes: request.body });
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
      const current = await requireWaveById(db(), request.params.waveId);
      const wave = await openWave(db(), current.id, app.now());
      await audit(request, "wave.open", `wave:${wave.id}`, { code: wave.code });
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
      const current = await requireWaveById(db(), request.params.waveId);
      const wave = await closeWave(db(), current.id);
      await audit(request, "wave.close", `wave:${wave.id}`, { code: wave.code });
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
      return allocationPreview(db(), request.params.waveId, {
        plan,
        townTarget: townTarget === undefined ? undefined : Number(townTarget),
        communityCap: communityCap === undefined ? undefined : Number(communityCap),
      });
    },
  );
};

export default waveRoutes;
