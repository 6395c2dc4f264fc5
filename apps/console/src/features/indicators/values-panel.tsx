import type { IndicatorCatalogue } from "@survey/contract";
import { useState } from "react";
import { EmptyState, ErrorNotice, Loading, Notice } from "../../shared/components/feedback";
import { FileUploadForm } from "../../shared/components/file-upload-form";
import { Icon } from "../../shared/components/icon";
import { Card } from "../../shared/components/page";
import { strings } from "../../shared/strings";
import { SelectField } from "../analysis/analysis-controls";
import { indicatorTemplateUrl, uploadProblemsOf, useIndicatorValues, useUploadIndicatorValues } from "./api";
import { indicatorsStrings } from "./strings";
import { UploadProblems } from "./upload-problems";

const text = indicatorsStrings;

function ValuesTable({ year, catalogue }: { year: number; catalogue: IndicatorCatalogue }) {
  const values = useIndicatorValues(year);
  const [domain, setDomain] = useState(catalogue.domains[0]?.code ?? "");
  if (values.isPending) return <Loading />;
  if (values.isError) return <ErrorNotice error={values.error} onRetry={() => values.refetch()} />;
  const table = values.data;
  const visibleDomains = catalogue.domains.filter((candidate) =>
    table.indicators.some((indicator) => indicator.domain === candidate.code),
  );
  const current = visibleDomains.some((candidate) => candidate.code === domain) ? domain : visibleDomains[0]?.code;
  const indicators = table.indicators.filter((indicator) => indicator.domain === current);
  return (
    <>
      <div className="toolbar">
        <SelectField
          label={text.domainFilter}
          value={current ?? ""}
          options={visibleDomains.map((candidate) => ({ value: candidate.code, label: candidate.name }))}
          onChange={setDomain}
        />
        <span className="muted small" data-testid="values-count">
          {text.valuesCount(year, table.count)}
        </span>
      </div>
      {indicators.length === 0 ? (
        <EmptyState>{text.noIndicators}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact values-table" aria-label={text.valuesTitle(year)}>
            <thead>
              <tr>
                <th scope="col">{strings.town}</th>
                {indicators.map((indicator) => (
                  <th key={indicator.code} scope="col" className="num values-table__head">
                    {indicator.name}
                    <span className="values-table__unit">{indicator.unit}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.unitCode} className={row.unitCode === "district" ? "values-table__district" : undefined}>
                  <th scope="row">{row.unitName}</th>
                  {indicators.map((indicator) => {
                    const value = row.values[indicator.code];
                    const notApplicable = indicator.level === "district" && row.unitCode !== "district";
                    return (
                      <td
                        key={indicator.code}
                        className={`num${value === null || value === undefined ? " muted" : ""}`}
                      >
                        {value === null || value === undefined
                          ? notApplicable
                            ? ""
                            : "—"
                          : value.toLocaleString("zh-CN", { maximumFractionDigits: 2 })}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
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
          <a className="button button--primary" href={indicatorTemplateUrl(year)} download>
            <Icon name="download" size={16} />
            {text.downloadTemplate(year)}
          </a>
        </Card>
        <Card title={text.uploadTitle} labelledBy="upload-title">
          <FileUploadForm
            label={text.uploadLabel}
            help={text.uploadHelp(year)}
            submitLabel={strings.fileUpload.submit}
            busyLabel={strings.fileUpload.submitting}
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
