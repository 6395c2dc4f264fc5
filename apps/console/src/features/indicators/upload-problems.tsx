import type { IndicatorUploadProblem } from "@survey/contract";
import { ProblemReport } from "../../shared/components/file-upload";
import { indicatorsStrings } from "./strings";

/** Every problem of a refused upload, by worksheet, row and column, so the clerk can fix them in one pass. */
export function UploadProblems({ problems }: { problems: IndicatorUploadProblem[] }) {
  return (
    <ProblemReport
      problems={problems}
      title={indicatorsStrings.uploadRefused}
      className="card upload-report"
      testId="upload-problems"
      wrapClassName="upload-problems"
      rowClassName="num"
      noColumn="—"
    />
  );
}
