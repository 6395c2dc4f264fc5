import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  AdminWave,
  AdminWaveDetail,
  AdminWaveList,
  AllocationPreview,
  AllocationQuery,
  CreateWaveBody,
  errorResponses,
  NoContent,
  OpenWaveBody,
  ReopenWaveBody,
  type Role,
  rolesOf,
  UpdateWaveBody,
  WaveIdParams,
} from "@survey/contract";
import { actorOf, requireUser } from "../../platform/auth/request-user";
import { UnknownWaveError } from "../../platform/errors";
import { pathId } from "../../platform/ids";
import { recordAudit } from "../accounts";
import { allocationPreview } from "./allocation-preview-service";
import {
  closeWave,
  createWave,
  deleteWave,
  listWavesWithTotals,
  openWave,
  reopenWave,
  updateWave,
  waveDetail,
  waveView,
} from "./wave-service";

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

/** The per-town targets and per-community caps a change names, as they were before it. */
function quotaValuesBefore(
  before: Awaited<ReturnType<typeof waveDetail>>,
  body: { townTargets?: Record<string, unknown>; communityCaps?: Record<string, unknown> },
) {
  const towns = Object.keys(body.townTargets ?? {});
  const communities = new Set(Object.keys(body.communityCaps ?? {}));
  if (towns.length === 0 && communities.size === 0) return undefined;
  const townTargets: Record<string, number> = {};
  const communityCaps: Record<string, number> = {};
  for (const town of before.towns) {
    if (towns.includes(town.code)) townTargets[town.code] = town.target;
    for (const community of town.communities) {
      if (communities.has(community.code)) communityCaps[community.code] = community.cap;
    }
  }
  return { townTargets, communityCaps };
}

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
    (request) => waveDetail(db(), pathId(request.params.waveId, UnknownWaveError), requireUser(request)),
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
      const before = await waveDetail(db(), waveId);
      const wave = await updateWave(db(), waveId, {
        ...rest,
        opensAt: optionalDate(opensAt),
        closesAt: optionalDate(closesAt),
      });
      await recordAudit(db(), actorOf(request), "wave.update", `wave:${wave.id}`, {
        code: wave.code,
        changes: request.body,
        reason: request.body.reason ?? null,
        // What the per-town targets and per-community caps were, so the log reads "from → to".
        previous: quotaValuesBefore(before, request.body),
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
        summary: "开放调查（另一次调查正在进行时须确认 confirmAnotherOpen，否则 409 another_wave_open）",
        params: WaveIdParams,
        body: OpenWaveBody,
        response: { 200: AdminWave, ...errorResponses(400, 401, 403, 404, 409) },
      },
      // The body is optional: a POST without one opens only when no other wave is open.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const confirmAnotherOpen = request.body?.confirmAnotherOpen === true;
      const wave = await openWave(db(), pathId(request.params.waveId, UnknownWaveError), app.now(), {
        confirmAnotherOpen,
      });
      await recordAudit(db(), actorOf(request), "wave.open", `wave:${wave.id}`, {
        code: wave.code,
        confirmAnotherOpen,
      });
      return waveView(wave);
    },
  );

  app.post(
    "/api/admin/waves/:waveId/reopen",
    {
      config: WRITERS,
      schema: {
        tags: ["admin"],
        summary: "重新开放已结束的调查并延长结束时间（须写明原因，记入操作日志）",
        params: WaveIdParams,
        body: ReopenWaveBody,
        response: { 200: AdminWave, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const waveId = pathId(request.params.waveId, UnknownWaveError);
      const previous = await waveDetail(db(), waveId);
      const wave = await reopenWave(db(), waveId, app.now(), {
        reason: request.body.reason,
        closesAt: new Date(request.body.closesAt),
        confirmAnotherOpen: request.body.confirmAnotherOpen,
      });
      await recordAudit(db(), actorOf(request), "wave.reopen", `wave:${wave.id}`, {
        code: wave.code,
        reason: request.body.reason,
        closesAt: request.body.closesAt,
        previousClosesAt: previous.closesAt,
      });
      return waveView(wave);
    },
  );

  app.delete(
    "/api/admin/waves/:waveId",
    {
      config: WRITERS,
      schema: {
        tags: ["admin"],
        summary: "删除没有答卷的草稿（409 invalid_wave_state：不是草稿；409 wave_has_responses：已有答卷）",
        params: WaveIdParams,
        response: { 204: NoContent, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const wave = await deleteWave(db(), pathId(request.params.waveId, UnknownWaveError));
      await recordAudit(db(), actorOf(request), "wave.delete", `wave:${wave.id}`, {
        code: wave.code,
        title: wave.title,
      });
      return reply.status(204).send(null);
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
