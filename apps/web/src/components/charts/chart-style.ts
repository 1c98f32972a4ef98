// Chart colours from AURA's design tokens, as CSS variables that follow the theme. The accents
// keep their hue in the light theme but deepen, so marks keep 3:1 against white.

/** Put on an element around the charts: it defines the --chart-* variables for both themes. */
export const chartColorVars =
  "[--chart-primary:#5b8cff] [--chart-success:#3fd09e] [--chart-warn:#f5b84b] [--chart-danger:#ff6b6b] light:[--chart-primary:#2853c7] light:[--chart-success:#15936a] light:[--chart-warn:#c27c0e] light:[--chart-danger:#e04848]";

export const chartColor = {
  primary: "var(--chart-primary)",
  success: "var(--chart-success)",
  warn: "var(--chart-warn)",
  danger: "var(--chart-danger)",
  grid: "var(--border)",
  axis: "var(--muted)",
} as const;

/** Axis look shared by every chart. */
export const axisProps = {
  stroke: chartColor.grid,
  tick: { fill: chartColor.axis, fontSize: 12 },
  tickLine: false,
} as const;

/** Tooltip look shared by every chart (a surface card, the theme's text). */
export const tooltipProps = {
  contentStyle: {
    background: "var(--surface-2)",
    border: "1px solid var(--border)",
    borderRadius: 8,
    color: "var(--text)",
    fontSize: 13,
  },
  labelStyle: { color: "var(--text)", fontWeight: 600 },
  itemStyle: { color: "var(--text)" },
  cursor: { fill: "var(--surface-2)", stroke: "var(--border)" },
} as const;

/** Height of a chart's drawing area, in CSS pixels. */
export const CHART_HEIGHT = 220;
