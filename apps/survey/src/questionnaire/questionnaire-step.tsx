import { Suspense, useRef, useState } from "react";
import { ChunkErrorBoundary } from "../components/chunk-error-boundary";
import { LoadingScreen } from "../screens/loading-screen";
import { strings } from "../strings";
import { type EarlyStart, firstPageOf } from "./first-page";
import { FirstPagePreview } from "./first-page-preview";
import { QuestionnaireScreen } from "./load-questionnaire";
import type { QuestionnaireScreenProps } from "./questionnaire-screen";

/**
 * The questionnaire step: SurveyJS's screen once its chunk is here. Until then a new resident already sees the
 * first page and can answer it (first-page-preview.tsx); what they did there is handed over when SurveyJS
 * takes the screen. Anything else waits behind a loading screen.
 */
export function QuestionnaireStep(props: Omit<QuestionnaireScreenProps, "takeEarlyStart">) {
  const [firstPage] = useState(() => firstPageOf(props.questionnaire.definition, props.session));
  const early = useRef<EarlyStart>({ answers: {}, advance: false, focus: null });
  const title = props.session.waveTitle;
  return (
    <ChunkErrorBoundary title={title}>
      <Suspense
        fallback={
          firstPage ? (
            <FirstPagePreview title={title} page={firstPage} early={early} />
          ) : (
            <LoadingScreen title={title} text={strings.questionnaire.loading} />
          )
        }
      >
        <QuestionnaireScreen {...props} takeEarlyStart={() => early.current} />
      </Suspense>
    </ChunkErrorBoundary>
  );
}
