import type { IndicatorUploadProblem } from "@survey/contract";
import { Notice } from "../../shared/components/feedback";
import { strings } from "../../shared/strings";
import { indicatorsStrings } from "./strings";

const text = indicatorsStrings;

/** Every problem of a refused upload, by worksheet, row and column, so the clerk can fix them in one pass. */
export function UploadProblems({ problems }: { problems: IndicatorUploadProblem[] }) {
  const withSheet = problems.some((problem) => problem.sheet !== null);
  return (
    <div className="card upload-report" data-testid="upload-problems">
      <Notice tone="error" title={text.uploadRefused}>
        {strings.fileUpload.reportIntro(problems.length)}
      </Notice>
      <div className="table-wrap upload-problems">
        <table className="table table--compact" aria-label={text.uploadRefused}>
          <thead>
            <tr>
              {withSheet ? <th scope="col">{text.sheet}</th> : null}
              <th scope="col" className="num">
                {strings.fileUpload.rowColumn}
              </th>
              <th scope="col">{strings.fileUpload.columnColumn}</th>
              <th scope="col">{strings.fileUpload.messageColumn}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
              <tr key={index}>
                {withSheet ? <td className="nowrap">{problem.sheet ?? "—"}</td> : null}
                <td className="num">{problem.row ?? "—"}</td>
                <td>{problem.column ? <code>{problem.column}</code> : "—"}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
