import {
  type IndexWeighting,
  type IndicatorCatalogue,
  type IndicatorDefinition,
  type IndicatorIndexReport,
  type IndicatorUpdate,
  type IndicatorUploadProblem,
  type IndicatorUploadResult,
  type IndicatorValuesTable,
  indicatorApiPaths,
  type NewIndicator,
} from "@survey/contract";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiRequestError, apiRequest } from "../../shared/api/http";
import { useInvalidatingMutation } from "../../shared/api/mutations";
import { postTableFile } from "../../shared/api/upload";

const catalogueKey = ["indicators", "catalogue"] as const;

function fetchCatalogue(): Promise<IndicatorCatalogue> {
  return apiRequest<IndicatorCatalogue>(indicatorApiPaths.catalogue);
}

function createIndicator(indicator: NewIndicator): Promise<IndicatorDefinition> {
  return apiRequest<IndicatorDefinition>(indicatorApiPaths.catalogue, { method: "POST", json: indicator });
}

function updateIndicator(code: string, update: IndicatorUpdate): Promise<IndicatorDefinition> {
  return apiRequest<IndicatorDefinition>(indicatorApiPaths.indicator(code), { method: "PATCH", json: update });
}

/** `GET /api/admin/indicators/values?year=` */
function fetchIndicatorValues(year: number): Promise<IndicatorValuesTable> {
  return apiRequest<IndicatorValuesTable>("/api/admin/indicators/values", { query: { year } });
}

/** `POST /api/admin/indicators/values?year=`: the filled-in template or a flat table, all or nothing. */
function uploadIndicatorValues(file: File, year: number): Promise<IndicatorUploadResult> {
  return postTableFile<IndicatorUploadResult>("/api/admin/indicators/values", file, { year });
}

/** `GET /api/admin/indicators/index?year=&weighting=&baseYear=` */
function fetchIndicatorIndex(
  year: number,
  weighting: IndexWeighting,
  baseYear: number | undefined,
): Promise<IndicatorIndexReport> {
  return apiRequest<IndicatorIndexReport>("/api/admin/indicators/index", { query: { year, weighting, baseYear } });
}

/** The problems of a refused upload (422 `invalid_file`), with the worksheet each one is on. */
export function uploadProblemsOf(error: unknown): IndicatorUploadProblem[] | null {
  if (!(error instanceof ApiRequestError) || error.code !== "invalid_file") return null;
  const details = (error.body as { details?: unknown }).details;
  if (!Array.isArray(details)) return null;
  return details.map((detail) => {
    const item = detail as Partial<IndicatorUploadProblem>;
    return {
      sheet: typeof item.sheet === "string" ? item.sheet : null,
      row: typeof item.row === "number" ? item.row : null,
      column: typeof item.column === "string" ? item.column : null,
      message: typeof item.message === "string" ? item.message : "",
    };
  });
}

export function useCatalogue() {
  return useQuery({ queryKey: catalogueKey, queryFn: fetchCatalogue });
}

export function useIndicatorValues(year: number, enabled = true) {
  return useQuery({
    queryKey: ["indicators", "values", year],
    queryFn: () => fetchIndicatorValues(year),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorIndex(
  year: number,
  weighting: IndexWeighting,
  baseYear: number | undefined,
  enabled = true,
) {
  return useQuery({
    queryKey: ["indicators", "index", year, weighting, baseYear ?? null],
    queryFn: () => fetchIndicatorIndex(year, weighting, baseYear),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** After any change to the catalogue or the values, every derived figure is stale. */
const derivedFigures = [["indicators"], ["comparison"], ["comparison-overview"]];

export function useCreateIndicator() {
  return useInvalidatingMutation(createIndicator, derivedFigures);
}

export function useUpdateIndicator() {
  return useInvalidatingMutation(
    ({ code, update }: { code: string; update: IndicatorUpdate }) => updateIndicator(code, update),
    derivedFigures,
  );
}

export function useUploadIndicatorValues() {
  return useInvalidatingMutation(
    ({ file, year }: { file: File; year: number }) => uploadIndicatorValues(file, year),
    derivedFigures,
  );
}

/** The Excel template for a year's values (a plain link: the session cookie goes along). */
export function indicatorTemplateUrl(year: number): string {
  return indicatorApiPaths.template(year);
}
