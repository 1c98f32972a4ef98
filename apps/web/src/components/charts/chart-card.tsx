"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";
import { ui } from "@/lib/ui";

/** The numbers behind a chart: a header row and one row per point. */
export interface ChartTable {
  /** The first column's header (what each row is: a batch, a week…). */
  rowHeader: string;
  columns: string[];
  rows: { key: string | number; header: string; cells: string[] }[];
}

/** A chart's data as a table, folded away under "Show the numbers". */
export function DataTable({ title, table }: { title: string; table: ChartTable }) {
  const t = useTranslations("charts");
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-link">
        {t("showNumbers")}
        <span className="sr-only">: {title}</span>
      </summary>
      <div className="mt-2 overflow-x-auto">
        <DataGrid caption={title} table={table} captionHidden />
      </div>
    </details>
  );
}

/** A plain table of figures: row headers on the left, numbers right-aligned. */
export function DataGrid({
  caption,
  table,
  captionHidden = false,
}: {
  caption: string;
  table: ChartTable;
  captionHidden?: boolean;
}) {
  return (
    <table className="w-full border-collapse text-sm">
      <caption className={captionHidden ? "sr-only" : "mb-2 text-left font-semibold"}>
        {caption}
      </caption>
      <thead>
        <tr className="border-b border-border">
          <th scope="col" className="py-1.5 pr-3 text-left font-semibold">
            {table.rowHeader}
          </th>
          {table.columns.map((column) => (
            <th key={column} scope="col" className="px-2 py-1.5 text-right font-semibold">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key} className="border-b border-border last:border-b-0">
            <th scope="row" className="py-1.5 pr-3 text-left font-normal">
              {row.header}
            </th>
            {row.cells.map((cell, i) => (
              <td key={table.columns[i] ?? i} className="px-2 py-1.5 text-right tabular-nums">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One chart: its heading, the chart drawn as an image named by a sentence on the trend (the
 * same sentence shown under it), an optional hint, and its numbers as a table. With no data it
 * says so in a sentence instead of drawing empty axes.
 */
export function ChartCard({
  title,
  summary,
  hint,
  emptyText,
  table,
  wide = false,
  children,
}: {
  title: string;
  /** The trend in one sentence; null when there is nothing to draw yet. */
  summary: string | null;
  hint?: string;
  emptyText: string;
  table: ChartTable;
  /** Spans both columns of a two-column grid. */
  wide?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={`${ui.card} flex min-w-0 flex-col gap-3 ${wide ? "xl:col-span-2" : ""}`}
    >
      <h3 id={`${id}-title`} className="font-semibold">
        {title}
      </h3>
      {summary === null ? (
        <p className="text-muted">{emptyText}</p>
      ) : (
        <>
          <div role="img" aria-label={summary} className="w-full">
            {children}
          </div>
          {/* The sentence is the image's name already; shown here for sighted readers. */}
          <p aria-hidden="true" className="text-sm text-muted">
            {summary}
          </p>
          {hint ? <p className="text-xs text-muted">{hint}</p> : null}
          <DataTable title={title} table={table} />
        </>
      )}
    </section>
  );
}

/** The `charts` messages' translate function (or any with the same call). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A series' trend in one sentence: where it started and ended, which way it went, and its
 * range. `points` are in order, oldest first; `format` writes a value as the chart shows it.
 */
export function trendSummary(
  t: Translate,
  label: string,
  points: { label: string; value: number }[],
  format: (value: number) => string,
): string | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  if (points.length === 1) {
    return t("trendOne", { label, value: format(last.value), point: last.label });
  }
  const values = points.map((p) => p.value);
  const args = {
    label,
    first: format(first.value),
    last: format(last.value),
    firstPoint: first.label,
    lastPoint: last.label,
    min: format(Math.min(...values)),
    max: format(Math.max(...values)),
  };
  // Differences too small to show in the chart's own format count as no change.
  if (format(first.value) === format(last.value)) return t("trendFlat", args);
  return last.value > first.value ? t("trendUp", args) : t("trendDown", args);
}
