import type { HTMLAttributes, Key, ReactNode, TdHTMLAttributes } from "react";
import { EmptyState } from "./feedback";

/** One column: its header and how a row fills its cell. */
export interface Column<T> {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  /** Classes of the header and the body cells alike (e.g. `num`). */
  className?: string;
  /** Classes of the header cell instead of `className`. */
  headerClassName?: string;
  /** Classes of the body cells instead of `className`; may depend on the row. */
  cellClassName?: string | ((row: T) => string | undefined);
  /** The header is there for screen readers only (an actions column). */
  hiddenHeader?: boolean;
  /** The cells name their row (`<th scope="row">`). */
  rowHeader?: boolean;
  /** The cell's content; absent when `renderRow` draws the rows. */
  cell?: (row: T) => ReactNode;
  /** More attributes of the body cells (a title, a test id). */
  cellProps?: (row: T) => TdHTMLAttributes<HTMLTableCellElement> & { "data-testid"?: string };
}

/** A group of rows under a heading row spanning the table (one `<tbody>` each). */
export interface RowGroup<T> {
  key: string;
  heading: ReactNode;
  rows: T[];
}

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { "data-testid"?: string };

/**
 * A table named by `label` (its accessible name), in a scrolling wrapper: a header row from the columns,
 * then the rows (or groups of rows). With `empty`, no rows shows that sentence instead of the table.
 */
export function DataTable<T>({
  label,
  columns,
  rows = [],
  groups,
  groupClassName,
  rowKey,
  rowProps,
  renderRow,
  empty,
  footer,
  className,
  wrapClassName,
  scrollable = false,
  children,
}: {
  label: string;
  columns: Column<T>[];
  rows?: T[];
  groups?: RowGroup<T>[];
  /** Class of each group's heading row. */
  groupClassName?: string;
  rowKey: (row: T, index: number) => Key;
  rowProps?: (row: T) => RowAttributes;
  /** Draws a row's cells where the columns cannot (cells spanning columns). */
  renderRow?: (row: T) => ReactNode;
  empty?: ReactNode;
  /** Rows of a `<tfoot>`. */
  footer?: ReactNode;
  /** Classes beside `table`, e.g. `table--compact`. */
  className?: string;
  wrapClassName?: string;
  /** A wide table that may scroll sideways: its wrapper takes keyboard focus (named by `label`) to scroll it. */
  scrollable?: boolean;
  /** Shown under the table, inside the wrapper (a legend, a footnote). */
  children?: ReactNode;
}) {
  if (empty !== undefined && rows.length === 0 && !groups) return <EmptyState>{empty}</EmptyState>;
  const bodyRows = (list: T[]) =>
    list.map((row, index) => (
      <tr key={rowKey(row, index)} {...rowProps?.(row)}>
        {renderRow ? renderRow(row) : columns.map((column) => <BodyCell key={column.key} column={column} row={row} />)}
      </tr>
    ));
  return (
    <div
      className={wrapClassName ? `table-wrap ${wrapClassName}` : "table-wrap"}
      {...(scrollable ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
    >
      <table className={className ? `table ${className}` : "table"} aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.headerClassName ?? column.className}>
                {column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header}
              </th>
            ))}
          </tr>
        </thead>
        {groups ? (
          groups.map((group) => (
            <tbody key={group.key}>
              <tr className={groupClassName}>
                <th scope="colgroup" colSpan={columns.length}>
                  {group.heading}
                </th>
              </tr>
              {bodyRows(group.rows)}
            </tbody>
          ))
        ) : (
          <tbody>{bodyRows(rows)}</tbody>
        )}
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
      {children}
    </div>
  );
}

function BodyCell<T>({ column, row }: { column: Column<T>; row: T }) {
  const { cellClassName } = column;
  const className = typeof cellClassName === "function" ? cellClassName(row) : (cellClassName ?? column.className);
  const content = column.cell?.(row);
  const props = column.cellProps?.(row);
  return column.rowHeader ? (
    <th scope="row" className={className} {...props}>
      {content}
    </th>
  ) : (
    <td className={className} {...props}>
      {content}
    </td>
  );
}
