import { Badge } from "../../shared/components/badge";
import { DataTable } from "../../shared/components/data-table";
import { Notice } from "../../shared/components/feedback";
import { UploadCard } from "../../shared/components/file-upload";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { strings } from "../../shared/strings";
import { useFrame, useImportFrame, useImportPopulation } from "./api";
import { frameStrings } from "./strings";

const text = frameStrings;

function FrameImport() {
  return (
    <UploadCard
      title={text.importTitle}
      labelledBy="frame-import-title"
      help={text.importHelp}
      upload={useImportFrame()}
      success={(result) => (
        <Notice tone="success" title={text.imported(result.towns, result.communities)}>
          {result.removedCommunities.length > 0 ? <div>{text.removed(result.removedCommunities)}</div> : null}
          {result.retainedCommunities.length > 0 ? <div>{text.retained(result.retainedCommunities)}</div> : null}
        </Notice>
      )}
    />
  );
}

function PopulationImport() {
  return (
    <UploadCard
      title={text.populationTitle}
      labelledBy="population-import-title"
      help={text.populationHelp}
      upload={useImportPopulation()}
      success={(result) => <Notice tone="success">{text.populationImported(result.towns, result.cells)}</Notice>}
    />
  );
}

function CurrentFrame() {
  const frame = useFrame();
  return (
    <QueryState query={frame} empty={({ towns }) => towns.length === 0 && strings.none}>
      {({ towns, totals }) => (
        <>
          <p className="summary-line">{text.totals(totals.towns, totals.communities, totals.population)}</p>
          <DataTable
            label={text.currentTitle}
            rows={towns}
            rowKey={(town) => town.code}
            columns={[
              { key: "code", header: text.townCode, cell: (town) => <code>{town.code}</code> },
              {
                key: "name",
                header: text.townName,
                rowHeader: true,
                cell: (town) => (
                  <>
                    {town.name} {town.demo ? <Badge tone="muted">{text.demo}</Badge> : null}
                  </>
                ),
              },
              { key: "kind", header: text.townKind, cell: (town) => text.kinds[town.kind] ?? town.kind },
              {
                key: "population",
                header: text.population,
                className: "num",
                cell: (town) => town.population.toLocaleString("zh-CN"),
              },
              {
                key: "communities",
                header: text.communityCount,
                className: "num",
                cell: (town) => town.communityCount,
              },
              { key: "residential", header: text.residential, className: "num", cell: (town) => town.residentialCount },
              { key: "village", header: text.village, className: "num", cell: (town) => town.villageCount },
              {
                key: "cells",
                header: text.populationCells,
                className: "num",
                cell: (town) => text.populationCellsCount(town.populationCells),
              },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}

export function FramePage() {
  return (
    <>
      <PageHeader title={text.title} intro={text.intro} />
      <FrameImport />
      <Card title={text.currentTitle} labelledBy="frame-current-title">
        <CurrentFrame />
      </Card>
      <PopulationImport />
    </>
  );
}
