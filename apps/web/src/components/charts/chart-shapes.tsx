"use client";

import {
  Area,
  AreaChart,
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { axisProps, CHART_HEIGHT, chartColor, tooltipProps } from "./chart-style";

/** A tooltip's heading from its row: the point ("Batch #3", "Week of …") and its date. */
function pointLabel(_label: unknown, payload: readonly { payload?: unknown }[]): string {
  const row = payload[0]?.payload as { point?: string; date?: string } | undefined;
  if (!row?.point) return "";
  return row.date ? `${row.point} · ${row.date}` : row.point;
}

/**
 * The y axis: shares from 0 to 100 % in quarters, whole numbers fitted to the data, or a fixed
 * domain with its ticks.
 */
export type YScale = "share" | "whole" | { domain: [number, number]; ticks: number[] };

/** A tooltip line: the value as the chart writes it, and what the value is. */
const valueTooltip = (format: (value: number) => string, label: string) => (value: unknown) =>
  [format(Number(value)), label] as [string, string];

const CHARTS = { bar: BarChart, line: LineChart, area: AreaChart } as const;

/** The keys of a row's number fields. */
export type NumberKey<Row> = {
  [K in keyof Row]: Row[K] extends number ? K : never;
}[keyof Row] &
  string;

export interface PointsChartProps<Row> {
  kind: keyof typeof CHARTS;
  data: Row[];
  /** The series: a number field of each row. */
  dataKey: NumberKey<Row>;
  color: string;
  y: YScale;
  /** Writes a value in the tooltip (and a share's ticks). */
  format: (value: number) => string;
  valueLabel: string;
}

/**
 * One series over points in order (batches, weeks), each row named by `name`: as columns, a
 * line or a filled area. Lines and areas keep room at both ends for their first and last dots.
 */
export function PointsChart<Row extends { name: string }>({
  kind,
  data,
  dataKey,
  color,
  y,
  format,
  valueLabel,
}: PointsChartProps<Row>) {
  const Chart = CHARTS[kind];
  const bars = kind === "bar";
  const valueKey: string = dataKey;
  const yAxis =
    y === "share"
      ? { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1], tickFormatter: format }
      : y === "whole"
        ? { allowDecimals: false }
        : y;
  // The plot takes over the y axis' spare room: less of it beside the wider "100%".
  const left = y === "share" ? -8 : -16;
  return (
    <Chart
      responsive
      width="100%"
      height={CHART_HEIGHT}
      data={data}
      accessibilityLayer={false}
      margin={{ top: 8, right: bars ? 8 : 16, bottom: 0, left }}
    >
      <CartesianGrid stroke={chartColor.grid} strokeDasharray="3 3" vertical={false} />
      <XAxis
        dataKey="name"
        {...(bars ? {} : { padding: { left: 16, right: 16 } })}
        {...axisProps}
      />
      <YAxis {...yAxis} {...axisProps} />
      <Tooltip
        {...tooltipProps}
        labelFormatter={pointLabel}
        formatter={valueTooltip(format, valueLabel)}
      />
      {kind === "bar" ? (
        <Bar
          dataKey={valueKey}
          fill={color}
          radius={[4, 4, 0, 0]}
          maxBarSize={48}
          isAnimationActive={false}
        />
      ) : kind === "line" ? (
        <Line
          dataKey={valueKey}
          stroke={color}
          strokeWidth={2.5}
          dot={{ r: 3.5, fill: color, strokeWidth: 0 }}
          activeDot={{ r: 5 }}
          isAnimationActive={false}
        />
      ) : (
        <Area
          dataKey={valueKey}
          type="monotone"
          stroke={color}
          strokeWidth={2.5}
          fill={color}
          fillOpacity={0.18}
          dot={{ r: 3, fill: color, strokeWidth: 0 }}
          isAnimationActive={false}
        />
      )}
    </Chart>
  );
}

/**
 * Horizontal bars, one row per name (`nameKey`) with its value (`dataKey`) from zero. `color`
 * is one fill for every bar, or a fill per row.
 */
export function RowBars<Row extends object>({
  data,
  nameKey,
  dataKey,
  nameWidth,
  height,
  maxBarSize,
  color,
  format,
  valueLabel,
}: {
  data: Row[];
  nameKey: keyof Row & string;
  dataKey: keyof Row & string;
  /** Room for the names, in CSS pixels. */
  nameWidth: number;
  height: number;
  maxBarSize: number;
  color: string | ((row: Row) => string);
  format: (value: number) => string;
  valueLabel: string;
}) {
  const valueKey: string = dataKey;
  const rowKey: string = nameKey;
  return (
    <BarChart
      responsive
      width="100%"
      height={height}
      data={data}
      layout="vertical"
      accessibilityLayer={false}
      margin={{ top: 4, right: 16, bottom: 0, left: 8 }}
    >
      <CartesianGrid stroke={chartColor.grid} strokeDasharray="3 3" horizontal={false} />
      <XAxis type="number" allowDecimals={false} {...axisProps} />
      <YAxis type="category" dataKey={rowKey} width={nameWidth} {...axisProps} />
      <Tooltip {...tooltipProps} formatter={valueTooltip(format, valueLabel)} />
      {typeof color === "string" ? (
        <Bar
          dataKey={valueKey}
          fill={color}
          radius={[0, 4, 4, 0]}
          maxBarSize={maxBarSize}
          isAnimationActive={false}
        />
      ) : (
        <Bar
          dataKey={valueKey}
          radius={[0, 4, 4, 0]}
          maxBarSize={maxBarSize}
          isAnimationActive={false}
        >
          {data.map((row) => (
            <Cell key={String(row[nameKey])} fill={color(row)} />
          ))}
        </Bar>
      )}
    </BarChart>
  );
}
