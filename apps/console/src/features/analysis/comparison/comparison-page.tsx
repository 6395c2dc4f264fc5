import type { ComparisonReport, IndexWeighting, Weighting } from "@survey/contract";
import { DOMAINS } from "@survey/indices";
import { type ReactNode, useState } from "react";
import { EmptyState, ErrorNotice, Loading } from "../../../shared/components/feedback";
import { Icon } from "../../../shared/components/icon";
import { Card, PageHeader } from "../../../shared/components/page";
import { useSelectedWave } from "../../waves/use-selected-wave";
import { WavePicker } from "../../waves/wave-picker";
import { bulletinUrl, useComparison, useComparisonOverview } from "../api";
import "../analysis.css";
import "./comparison.css";
import { formatPClause, formatStat } from "../../../shared/format";
import { indicatorsStrings } from "../../indicators/strings";
import { Segmented, SelectField } from "../analysis-controls";
import { comparisonStrings, resultsStrings } from "../strings";
import { DomainOverview } from "./domain-overview";
import { QuadrantChart } from "./quadrant-chart";
import { RankTable } from "./rank-table";
import { ConsensusWeaknesses, Disagreements } from "./weaknesses";

const text = comparisonStrings;
const OVERALL = "overall";

function Summary({ report }: { report: ComparisonReport }) {
  return (
    <section
      className={`reading reading--${report.reading.level}`}
      aria-labelledby="reading-title"
      data-testid="reading"
    >
      <div className="reading__head">
        <h2 className="reading__title" id="reading-title">
          {text.readingTitle(report.domain.name)}
        </h2>
        <span className="reading__level">{report.reading.label}</span>
      </div>
      <div className="reading__stats">
        <div className="reading__stat">
          <span className="reading__stat-label">{text.spearman}</span>
          <span className="reading__stat-value" data-testid="spearman">
            ρ = {formatStat(report.spearman.value)}
          </span>
          <span className="reading__stat-note">{formatPClause(report.spearman.pValue)}</span>
        </div>
        <div className="reading__stat">
          <span className="reading__stat-label">{text.kendall}</span>
          <span className="reading__stat-value" data-testid="kendall">
            τ<sub>b</sub> = {formatStat(report.kendall.value)}
          </span>
          <span className="reading__stat-note">{formatPClause(report.kendall.pValue)}</span>
        </div>
        <div className="reading__stat">
          <span className="reading__stat-label">{text.towns}</span>
          <span className="reading__stat-value">{report.n}</span>
          <span className="reading__stat-note">
            {report.excluded.length > 0 ? text.excluded(report.excluded.length) : text.allTowns}
          </span>
        </div>
      </div>
      <p className="reading__sentence">{report.summary.sentence}</p>
      <p className="reading__footnote">{report.summary.footnote}</p>
    </section>
  );
}

function ComparisonBody({ report }: { report: ComparisonReport }) {
  return (
    <>
      <Summary report={report} />
      <div className="layout-1-1">
        <Card title={text.quadrantTitle} labelledBy="quadrant-title">
          <QuadrantChart report={report} />
          <p className="footnote">{text.quadrantFootnote}</p>
        </Card>
        <Card title={text.rankTitle} labelledBy="rank-title">
          <RankTable report={report} />
        </Card>
      </div>
      <div className="layout-1-1">
        <Card title={text.weaknessesTitle} labelledBy="weaknesses-title">
          <ConsensusWeaknesses report={report} />
        </Card>
        <Card title={text.disagreementsTitle} labelledBy="disagreements-title">
          <Disagreements report={report} />
        </Card>
      </div>
    </>
  );
}

export function ComparisonPage() {
  const { waves, query: wavesQuery, selected, select } = useSelectedWave();
  const [domain, setDomain] = useState(OVERALL);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [weighting, setWeighting] = useState<IndexWeighting>("equal");
  const [satisfactionWeighting, setSatisfactionWeighting] = useState<Weighting>("design");
  const poststratify = satisfactionWeighting === "poststratified";
  const indicatorYear = year ?? selected?.year;
  const options = { year: indicatorYear, weighting, poststratify };
  const report = useComparison(selected?.id, { ...options, domain });
  const overview = useComparisonOverview(selected?.id, options);

  let body: ReactNode;
  if (wavesQuery.isPending) body = <Loading />;
  else if (wavesQuery.isError) body = <ErrorNotice error={wavesQuery.error} onRetry={() => wavesQuery.refetch()} />;
  else if (!selected) body = <EmptyState>{resultsStrings.noWave}</EmptyState>;
  else if (report.isPending) body = <Loading label={resultsStrings.computing} />;
  else if (report.isError) body = <ErrorNotice error={report.error} onRetry={() => report.refetch()} />;
  else
    body = (
      <div className={report.isPlaceholderData ? "is-refreshing" : undefined}>
        <ComparisonBody report={report.data} />
      </div>
    );

  const years = selected ? Array.from({ length: 5 }, (_, i) => selected.year - i) : [];
  return (
    <>
      <PageHeader
        title={text.title}
        intro={text.intro}
        actions={
          selected ? (
            <>
              <WavePicker waves={waves} value={selected.id} onChange={select} />
              <a
                className="button button--primary"
                href={bulletinUrl(selected.id, { year: indicatorYear, weighting, poststratify })}
                target="_blank"
                rel="noopener"
              >
                <Icon name="print" size={16} />
                {text.bulletin}
              </a>
            </>
          ) : null
        }
      />
      {selected ? (
        <div className="toolbar">
          <SelectField
            label={text.domain}
            value={domain}
            options={[
              { value: OVERALL, label: text.overallDomain },
              ...DOMAINS.map((candidate) => ({ value: candidate.code, label: candidate.name })),
            ]}
            onChange={setDomain}
          />
          <SelectField
            label={text.indicatorYear}
            value={String(indicatorYear)}
            options={years.map((candidate) => ({
              value: String(candidate),
              label: indicatorsStrings.yearOption(candidate),
            }))}
            onChange={(value) => setYear(Number(value))}
          />
          <Segmented
            label={text.objectiveWeighting}
            showLabel
            value={weighting}
            options={[
              { value: "equal", label: indicatorsStrings.weightings.equal },
              { value: "expert", label: indicatorsStrings.weightings.expert },
              { value: "entropy", label: text.entropyShort },
            ]}
            onChange={setWeighting}
          />
          <Segmented
            label={text.satisfactionWeighting}
            showLabel
            value={satisfactionWeighting}
            options={[
              { value: "design", label: resultsStrings.weightingDesign },
              { value: "poststratified", label: resultsStrings.weightingPoststratified },
            ]}
            onChange={setSatisfactionWeighting}
          />
        </div>
      ) : null}
      {body}
      {selected ? (
        <Card title={text.overviewTitle} labelledBy="overview-title">
          {overview.isPending ? <Loading /> : null}
          {overview.isError ? <ErrorNotice error={overview.error} onRetry={() => overview.refetch()} /> : null}
          {overview.data ? <DomainOverview overview={overview.data} selected={domain} onSelect={setDomain} /> : null}
        </Card>
      ) : null}
    </>
  );
}
