/** A table's header row: text columns first, then the numeric ones (right-aligned like their cells). */
export function ColumnHeaders({ text, numeric }: { text: string[]; numeric: string[] }) {
  return (
    <thead>
      <tr>
        {text.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
        {numeric.map((label) => (
          <th key={label} scope="col" className="num">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
