import type { IndicatorCatalogue, IndicatorValuesTable } from "@survey/contract";
import { useState } from "react";
import { type Column, DataTable } from "../../shared/components/data-table";
import { DownloadButton } from "../../shared/components/download-button";
import { EmptyState, ErrorNotice, Notice } from "../../shared/components/feedback";
import { namedOptions, SelectField } from "../../shared/components/fields";
import { FileUploadForm } from "../../shared/components/file-upload";
import { Card } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { strings } from "../../shared/strings";
import { indicatorTemplateUrl, uploadProblemsOf, useIndicatorValues, useUploadIndicatorValues } from "./api";
import { indicatorsStrings } from "./strings";
import { UploadProblems } from "./upload-problems";

const text = indicatorsStrings;

function ValuesTable({ year, catalogue }: { year: number; catalogue: IndicatorCatalogue }) {
  const values = useIndicatorValues(year);
  const [domain, setDomain] = useState(catalogue.domains[0]?.code ?? "");
  return (
    <QueryState query={values}>
      {(table) => {
        const visibleDomains = catalogue.domains.filter((candidate) =>
          table.indicators.some((indicator) => indicator.domain === candidate.code),
        );
        const current = visibleDomains.some((candidate) => candidate.code === domain)
          ? domain
          : visibleDomains[0]?.code;
        const indicators = table.indicators.filter((indicator) => indicator.domain === current);
        return (
          <>
            <div className="toolbar">
              <SelectField
                inline
                label={text.domainFilter}
                value={current ?? ""}
                options={namedOptions(visibleDomains)}
                onChange={setDomain}
              />
              <span className="muted small" data-testid="values-count">
                {text.valuesCount(year, table.count)}
              </span>
            </div>
            {indicators.length === 0 ? (
              <EmptyState>{text.noIndicators}</EmptyState>
            ) : (
              <DataTable
                label={text.valuesTitle(year)}
                className="table--compact values-table"
                rows={table.rows}
                rowKey={(row) => row.unitCode}
                rowProps={(row) => ({
                  className: row.unitCode === "district" ? "values-table__district" : undefined,
                })}
                columns={[
                  { key: "unit", header: strings.town, rowHeader: true, cell: (row) => row.unitName },
                  ...indicators.map(
                    (indicator): Column<IndicatorValuesTable["rows"][number]> => ({
                      key: indicator.code,
                      header: (
                        <>
                          {indicator.name}
                          <span className="values-table__unit">{indicator.unit}</span>
                        </>
                      ),
                      headerClassName: "num values-table__head",
                      cellClassName: (row) => {
                        const value = row.values[indicator.code];
                        return `num${value === null || value === undefined ? " muted" : ""}`;
                      },
                      cell: (row) => {
                        const value = row.values[indicator.code];
                        if (value !== null && value !== undefined) {
                          return value.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
                        }
                        // A district-level indicator has no value for a town.
                        return indicator.level === "district" && row.unitCode !== "district" ? "" : "—";
                      },
                    }),
                  ),
                ]}
              />
            )}
          </>
        );
      }}
    </QueryState>
  );
}

/** Template download, upload with the row-level report, and the year's stored values. */
export function ValuesPanel({ year, catalogue }: { year: number; catalogue: IndicatorCatalogue }) {
  const upload = useUploadIndicatorValues();
  const problems = upload.error ? uploadProblemsOf(upload.error) : null;
  return (
    <>
      <div className="layout-1-1">
        <Card title={text.templateTitle(year)} labelledBy="template-title">
          <p className="card-text">{text.templateHelp}</p>
          <DownloadButton className="button button--primary" href={indicatorTemplateUrl(year)}>
            {text.downloadTemplate(year)}
          </DownloadButton>
        </Card>
        <Card title={text.uploadTitle} labelledBy="upload-title">
          <FileUploadForm
            label={text.uploadLabel}
            help={text.uploadHelp(year)}
            busy={upload.isPending}
            onUpload={(file) => upload.mutate({ file, year })}
          />
          {upload.isSuccess ? (
            <Notice tone="success">
              {text.uploaded(upload.data.imported, upload.data.indicators, upload.data.units, upload.data.years)}
            </Notice>
          ) : null}
          {upload.error && !problems ? <ErrorNotice error={upload.error} /> : null}
        </Card>
      </div>
      {problems ? <UploadProblems problems={problems} /> : null}
      <Card title={text.valuesTitle(year)} labelledBy="values-title">
        <ValuesTable year={year} catalogue={catalogue} />
      </Card>
    </>
  );
}
