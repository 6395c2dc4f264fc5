import type { IndexWeighting } from "@survey/contract";
import { useState } from "react";
import { Notice } from "../../shared/components/feedback";
import { optionsOf, Segmented, SelectField } from "../../shared/components/fields";
import { Card } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { useIndicatorIndex } from "./api";
import { IndexTable } from "./index-table";
import { ProgressChart } from "./progress-chart";
import { indicatorsStrings } from "./strings";

const text = indicatorsStrings;
const NO_BASE = "";

/** The objective index of a year: weighting switch, base year for progress, the table and the progress chart. */
export function IndexPanel({ year, years }: { year: number; years: number[] }) {
  const [weighting, setWeighting] = useState<IndexWeighting>("equal");
  const [baseChoice, setBaseChoice] = useState<string | null>(null);
  const baseOptions = years.filter((candidate) => candidate < year);
  const base = baseChoice ?? (baseOptions.includes(year - 1) ? String(year - 1) : NO_BASE);
  // Entropy weights are relative to one year's towns: progress against a base year is not defined.
  const baseYear = weighting === "entropy" || base === NO_BASE ? undefined : Number(base);
  const index = useIndicatorIndex(year, weighting, baseYear);

  return (
    <>
      <div className="toolbar">
        <Segmented
          label={text.weightingLabel}
          showLabel
          value={weighting}
          options={optionsOf(text.weightings)}
          onChange={setWeighting}
        />
        <SelectField
          inline
          label={text.baseYear}
          value={weighting === "entropy" ? NO_BASE : base}
          options={[
            { value: NO_BASE, label: text.noBaseYear },
            ...baseOptions.map((candidate) => ({ value: String(candidate), label: text.yearOption(candidate) })),
          ]}
          onChange={setBaseChoice}
        />
        <span className="muted small">{text.weightingNotes[weighting]}</span>
      </div>
      <QueryState query={index} keepDataOnError>
        {(report) => (
          <div className={index.isPlaceholderData ? "is-refreshing" : undefined}>
            {report.notes.length > 0 ? (
              <Notice tone="info" title={text.notesTitle}>
                <ul className="plain-list">
                  {report.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              </Notice>
            ) : null}
            <Card title={text.indexTitle(report.year)} labelledBy="index-title">
              <IndexTable report={report} />
            </Card>
            {report.baseYear !== null ? (
              <Card title={text.progressTitle(report.baseYear, report.year)} labelledBy="progress-title">
                <ProgressChart report={report} />
                <p className="footnote">{text.progressFootnote}</p>
              </Card>
            ) : null}
          </div>
        )}
      </QueryState>
    </>
  );
}
