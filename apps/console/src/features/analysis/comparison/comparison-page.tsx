import type { ComparisonReport, IndexWeighting, Weighting } from "@survey/contract";
import { DOMAINS } from "@survey/indices";
import { useState } from "react";
import { Icon } from "../../../shared/components/icon";
import { Card } from "../../../shared/components/page";
import { QueryState } from "../../../shared/components/query-state";
import { SelectedWaveState, useSelectedWave, WavePageHeader } from "../../waves/selected-wave";
import { bulletinUrl, useComparison, useComparisonOverview } from "../api";
import { BelowTargetNote } from "../below-target";
import { WeightingSwitch } from "../weighting-switch";
import "../analysis.css";
import "../print.css";
import "./comparison.css";
import { namedOptions, optionsOf, Segmented, SelectField } from "../../../shared/components/fields";
import { formatPClause, formatStat } from "../../../shared/format";
import { indicatorsStrings } from "../../indicators/strings";
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
          <BelowTargetNote
            towns={report.belowTarget.map((town) => ({ name: town.townName, n: town.n, target: town.target }))}
          />
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
  const selection = useSelectedWave();
  const { selected } = selection;
  const [domain, setDomain] = useState(OVERALL);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [weighting, setWeighting] = useState<IndexWeighting>("equal");
  const [satisfactionWeighting, setSatisfactionWeighting] = useState<Weighting>("design");
  const poststratify = satisfactionWeighting === "poststratified";
  const indicatorYear = year ?? selected?.year;
  const options = { year: indicatorYear, weighting, poststratify };
  const report = useComparison(selected?.id, { ...options, domain });
  const overview = useComparisonOverview(selected?.id, options);

  const years = selected ? Array.from({ length: 5 }, (_, i) => selected.year - i) : [];
  return (
    <>
      <WavePageHeader
        title={text.title}
        intro={text.intro}
        selection={selection}
        actions={(wave) => (
          <a
            className="button button--primary"
            href={bulletinUrl(wave.id, { year: indicatorYear, weighting, poststratify })}
            target="_blank"
            rel="noopener"
          >
            <Icon name="print" size={16} />
            {text.bulletin}
          </a>
        )}
      />
      {selected ? (
        <div className="toolbar">
          <SelectField
            inline
            label={text.domain}
            value={domain}
            options={[{ value: OVERALL, label: text.overallDomain }, ...namedOptions(DOMAINS)]}
            onChange={setDomain}
          />
          <SelectField
            inline
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
            options={optionsOf({ ...indicatorsStrings.weightings, entropy: text.entropyShort })}
            onChange={setWeighting}
          />
          <WeightingSwitch
            label={text.satisfactionWeighting}
            value={satisfactionWeighting}
            onChange={setSatisfactionWeighting}
          />
        </div>
      ) : null}
      <SelectedWaveState selection={selection} noWave={resultsStrings.noWave}>
        {() => (
          <QueryState query={report} loadingLabel={resultsStrings.computing}>
            {(data) => (
              <div className={report.isPlaceholderData ? "is-refreshing" : undefined}>
                <ComparisonBody report={data} />
              </div>
            )}
          </QueryState>
        )}
      </SelectedWaveState>
      {selected ? (
        <Card title={text.overviewTitle} labelledBy="overview-title">
          <QueryState query={overview} keepDataOnError>
            {(data) => <DomainOverview overview={data} selected={domain} onSelect={setDomain} />}
          </QueryState>
        </Card>
      ) : null}
    </>
  );
}
