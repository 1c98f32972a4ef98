import type { ReactNode } from "react";
import { ui } from "@/lib/ui";

/** A column of an admin table: its header, and whether it holds numbers (right-aligned). */
export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
}

/**
 * A card of the admin view holding one table: its heading (which names the table too), a
 * sentence instead when there is nothing to list, else the table with `columns` as its header
 * row (the first column heads the rows) and `children` as its body rows.
 */
export function TableSection({
  id,
  title,
  level = 2,
  empty,
  emptyText,
  columns,
  children,
}: {
  id: string;
  title: string;
  /** The heading's level: 2 for the page's sections, 3 for a table inside one. */
  level?: 2 | 3;
  empty: boolean;
  emptyText: string;
  columns: Column[];
  children: ReactNode;
}) {
  const Heading = level === 3 ? "h3" : "h2";
  return (
    <section aria-labelledby={id} className={`${ui.card} flex flex-col gap-3`}>
      <Heading id={id} className={level === 3 ? "text-lg font-semibold" : "text-xl font-bold"}>
        {title}
      </Heading>
      {empty ? (
        <p className="text-muted">{emptyText}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr className="border-b border-border text-left">
                {columns.map((column, i) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={
                      i === 0 ? "py-1.5 pr-3" : `px-2 py-1.5${column.numeric ? " text-right" : ""}`
                    }
                  >
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A body row of an admin table, led by its header cell. */
export function TableRow({
  header,
  alignTop = false,
  alert = false,
  children,
}: {
  header: ReactNode;
  /** Tops the cells, for rows whose cells can take several lines. */
  alignTop?: boolean;
  /** Tints the row, for something that went wrong (a word in the row says what, too). */
  alert?: boolean;
  children: ReactNode;
}) {
  return (
    <tr
      className={`border-b border-border ${alignTop ? "align-top " : ""}${alert ? "bg-danger/10 " : ""}last:border-b-0`}
    >
      <th scope="row" className="py-1.5 pr-3 text-left font-normal">
        {header}
      </th>
      {children}
    </tr>
  );
}

/** A number cell: right-aligned, figures of one width. */
export function NumberCell({ children }: { children: ReactNode }) {
  return <td className="px-2 py-1.5 text-right tabular-nums">{children}</td>;
}
