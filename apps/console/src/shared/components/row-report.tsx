import type { RowProblem } from "../api/upload";
import { strings } from "../strings";
import { Notice } from "./feedback";

/** The row-level problems of a refused file, as a table the user can work through. */
export function RowReport({
  problems,
  title = strings.fileUpload.reportTitle,
}: {
  problems: RowProblem[];
  title?: string;
}) {
  return (
    <div className="row-report">
      <Notice tone="error" title={title}>
        {strings.fileUpload.reportIntro(problems.length)}
      </Notice>
      <div className="table-wrap">
        <table className="table table--compact" aria-label={title}>
          <thead>
            <tr>
              <th scope="col" className="num row-report__row">
                {strings.fileUpload.rowColumn}
              </th>
              <th scope="col">{strings.fileUpload.columnColumn}</th>
              <th scope="col">{strings.fileUpload.messageColumn}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              // Several problems can share a row and column; the position keeps keys unique.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is never reordered
              <tr key={index}>
                <td className="num">{problem.row ?? "—"}</td>
                <td>
                  <code>{problem.column ?? "—"}</code>
                </td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
