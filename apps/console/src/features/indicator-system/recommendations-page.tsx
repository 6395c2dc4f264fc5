import type { BasisFigure, Recommendation } from "@survey/contract";
import { useState } from "react";
import { Badge } from "../../shared/components/badge";
import { EmptyState } from "../../shared/components/feedback";
import { Icon } from "../../shared/components/icon";
import { Card, PageHeader } from "../../shared/components/page";
import { QueryState } from "../../shared/components/query-state";
import { useCurrentUser } from "../accounts/current-user";
import { useCatalogue, useIndicatorValues } from "../indicators/api";
import { recommendationsExportUrl, useRecommendations } from "./api";
import { DraftDialog, type DraftSeed } from "./draft-dialog";
import "./indicator-system.css";
import { RespondDialog } from "./respond-dialog";
import { indicatorSystemStrings } from "./strings";
import { useSearchSettings } from "./year-choices";

const text = indicatorSystemStrings;
const DISTRICT = "district";
const number = (value: number | null) => (value === null ? "—" : String(Number(value.toFixed(2))));

function FigureLine({ figure, year, nextYear }: { figure: BasisFigure; year: number; nextYear: number }) {
  const ci = (bounds: BasisFigure["afterCi"]) =>
    bounds ? `（95% CI ${number(bounds.low)}～${number(bounds.high)}）` : "";
  return (
    <p className="recommendation__figures" data-testid="basis-figure">
      {figure.label}：{year}年 {number(figure.before)}
      {ci(figure.beforeCi)} {figure.unit} →{" "}
      {figure.after === null ? (
        text.notYet(nextYear)
      ) : (
        <>
          {nextYear}年 {number(figure.after)}
          {ci(figure.afterCi)} {figure.unit}{" "}
          {figure.improved === null ? null : (
            <Badge tone={figure.improved ? "ok" : "danger"}>{figure.improved ? text.improved : text.notImproved}</Badge>
          )}
        </>
      )}
    </p>
  );
}

function RecommendationItem({ item, onRespond }: { item: Recommendation; onRespond: () => void }) {
  return (
    <li
      className={`recommendation${item.overdue ? " recommendation--overdue" : ""}`}
      data-testid={`recommendation-${item.id}`}
    >
      <div className="recommendation__head">
        <h3 className="recommendation__title">{item.title}</h3>
        <span className="badges">
          <Badge tone={text.recommendationTone[item.status]}>{text.recommendationStatus[item.status]}</Badge>
          {item.overdue ? <Badge tone="danger">{text.overdue}</Badge> : null}
        </span>
      </div>
      <p className="recommendation__meta">
        {text.basisField}：{item.basisLabel} · {text.addressee}：{item.addresseeName} · {text.dueDate}：{item.dueDate}
      </p>
      <p className="recommendation__body">{item.body}</p>
      <p className="recommendation__measures">
        <strong>{text.measures}：</strong>
        {item.measures === "" ? <span className="muted">{text.noMeasures}</span> : item.measures}
      </p>
      {item.figures.map((figure) => (
        <FigureLine key={figure.label} figure={figure} year={item.basis.year} nextYear={item.nextYear} />
      ))}
      {item.canRespond ? (
        <button type="button" className="button button--primary button--small" onClick={onRespond}>
          {text.respond}
        </button>
      ) : null}
    </li>
  );
}

/** 整改建议: the office's drafts and the addressees' answers, overdue ones first to the eye, next year's figures beside. */
export function RecommendationsPage() {
  const user = useCurrentUser();
  const isOffice = user.role === "admin" || user.role === "office";
  const { params, set, setAll, year } = useSearchSettings();
  const list = useRecommendations();
  const catalogue = useCatalogue();
  const values = useIndicatorValues(year, isOffice);
  const [responding, setResponding] = useState<Recommendation | null>(null);
  const draftKind = params.get("draft");
  const seed: DraftSeed = {
    kind: draftKind === "forecast" || draftKind === "weakness" ? draftKind : "warning",
    indicator: params.get("indicator") ?? "",
    unit: params.get("unit") ?? DISTRICT,
    year: Number(params.get("year")) || year,
  };
  const towns = (values.data?.rows ?? [])
    .filter((row) => row.unitCode !== DISTRICT)
    .map((row) => ({ code: row.unitCode, name: row.unitName }));
  const closeDraft = () => setAll({ draft: "", indicator: "", unit: "" });

  return (
    <>
      <PageHeader
        title={text.recommendationsTitle}
        intro={text.recommendationsIntro}
        actions={
          isOffice ? (
            <>
              <a className="button" href={recommendationsExportUrl} download>
                <Icon name="download" /> {text.export}
              </a>
              <button type="button" className="button button--primary" onClick={() => set("draft", "warning")}>
                {text.newRecommendation}
              </button>
            </>
          ) : null
        }
      />
      <Card title={text.recommendationsTable} labelledBy="recommendations-title">
        <QueryState query={list}>
          {(items) =>
            items.length === 0 ? (
              <EmptyState>{text.noRecommendations}</EmptyState>
            ) : (
              <ul className="recommendation-list">
                {items.map((item) => (
                  <RecommendationItem key={item.id} item={item} onRespond={() => setResponding(item)} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </Card>
      {isOffice && catalogue.data && values.data ? (
        <DraftDialog
          open={draftKind !== null}
          seed={seed}
          catalogue={catalogue.data}
          towns={towns}
          onClose={closeDraft}
        />
      ) : null}
      <RespondDialog recommendation={responding} onClose={() => setResponding(null)} />
    </>
  );
}
