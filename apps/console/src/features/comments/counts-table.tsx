import type { CommentCounts } from "@survey/contract";
import { type Column, DataTable } from "../../shared/components/data-table";
import { commentsStrings as text } from "./strings";

type Row = { code: string; name: string; total: number; counts: Record<string, number> };

/** Comments per town × theme, with the district's sum in the footer. */
export function CountsTable({ counts }: { counts: CommentCounts }) {
  const columns: Column<Row>[] = [
    { key: "town", header: text.town, rowHeader: true, cell: (row) => row.name },
    { key: "total", header: text.countsTotal, className: "num", cell: (row) => row.total },
    ...counts.themes.map(
      (theme): Column<Row> => ({
        key: theme.code,
        header: theme.label,
        className: "num",
        cell: (row) => row.counts[theme.code] || "",
      }),
    ),
  ];
  return (
    <DataTable
      label={text.countsTitle}
      columns={columns}
      rows={counts.towns}
      rowKey={(row) => row.code}
      className="table--compact"
      scrollable
      footer={
        <tr>
          <th scope="row">{text.countsDistrict}</th>
          <td className="num">{counts.total}</td>
          {counts.themes.map((theme) => (
            <td key={theme.code} className="num">
              {counts.counts[theme.code] ?? 0}
            </td>
          ))}
        </tr>
      }
    />
  );
}
