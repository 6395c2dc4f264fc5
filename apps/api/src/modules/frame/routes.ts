import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import {
  errorResponses,
  FrameImportResult,
  FrameOverview,
  PopulationImportResult,
  type Role,
  rolesOf,
  TownCodeParams,
  TownFrameDetail,
  UPLOAD_CONTENT_TYPES,
} from "@survey/contract";
import { actorOf, requireUser } from "../../platform/auth/request-user";
import { assertTownAccess } from "../../platform/auth/scopes";
import { readUploadedTable } from "../../platform/uploads/upload-body";
import { recordAudit } from "../accounts";
import { importFrame } from "./frame-import-service";
import { frameOverview, townFrame } from "./frame-view-service";
import { importPopulationCells } from "./population-import-service";

/**
 * The frame is read on admin pages (frame, waves, users); office and staff may read it too, which no console
 * area's set expresses, so the readers are named here.
 */
const READERS: Role[] = ["admin", "office", "staff"];

const frameRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/api/admin/frame",
    {
      config: { roles: READERS },
      schema: {
        tags: ["admin"],
        summary: "抽样框：街镇及其社区数和人口",
        response: { 200: FrameOverview, ...errorResponses(401, 403) },
      },
    },
    () => frameOverview(app.database.db),
  );

  app.get(
    "/api/admin/frame/towns/:townCode",
    {
      config: { roles: READERS },
      schema: {
        tags: ["admin"],
        summary: "抽样框：一个街镇的社区和分性别年龄人口",
        params: TownCodeParams,
        response: { 200: TownFrameDetail, ...errorResponses(401, 403, 404) },
      },
    },
    (request) => {
      // Staff scoped to towns read only their own towns' communities and population.
      assertTownAccess(requireUser(request), request.params.townCode);
      return townFrame(app.database.db, request.params.townCode);
    },
  );

  app.post(
    "/api/admin/frame/import",
    {
      config: { roles: rolesOf("frame") },
      schema: {
        tags: ["admin"],
        summary: "导入街镇和社区（CSV 或 .xlsx，全部正确才导入）",
        description:
          "列：town_code, town_name, town_kind (street/街道, town/镇), town_population, community_code, " +
          "community_name, community_kind (residential/居委会, village/村委会), community_population。",
        consumes: UPLOAD_CONTENT_TYPES,
        response: { 200: FrameImportResult, ...errorResponses(401, 403, 413, 415, 422) },
      },
    },
    async (request) => {
      const table = await readUploadedTable(request);
      const result = await importFrame(app.database.db, table, app.now());
      await recordAudit(app.database.db, actorOf(request), "frame.import", "frame", {
        format: table.format,
        towns: result.towns,
        communities: result.communities,
        removedCommunities: result.removedCommunities,
        retainedCommunities: result.retainedCommunities,
      });
      return result;
    },
  );

  app.post(
    "/api/admin/frame/population",
    {
      config: { roles: rolesOf("frame") },
      schema: {
        tags: ["admin"],
        summary: "导入各街镇分性别、年龄组的人口（用于加权）",
        description: "列：town_code, sex (male/男, female/女), age_group (如 18-29), population。",
        consumes: UPLOAD_CONTENT_TYPES,
        response: { 200: PopulationImportResult, ...errorResponses(401, 403, 413, 415, 422) },
      },
    },
    async (request) => {
      const table = await readUploadedTable(request);
      const result = await importPopulationCells(app.database.db, table);
      await recordAudit(app.database.db, actorOf(request), "frame.population_import", "frame", {
        format: table.format,
        ...result,
      });
      return result;
    },
  );
};

export default frameRoutes;
