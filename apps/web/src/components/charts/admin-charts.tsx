"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { AdminOverview } from "@/lib/api";
import { ChartCard, type Translate } from "./chart-card";
import { RowBars } from "./chart-shapes";
import { axisProps, CHART_HEIGHT, chartColor, tooltipProps } from "./chart-style";

/** Most people drawn in the ratings chart (the table under it has them all). */
const MAX_USERS_DRAWN = 15;

/** A run's jobs as stacked bars, bottom first: the top one has the rounded corners. */
const STACK: { key: "new" | "known" | "skipped"; color: string; top?: boolean }[] = [
  { key: "new", color: chartColor.primary },
  { key: "known", color: chartColor.success },
  { key: "skipped", color: chartColor.warn, top: true },
];

/** Bars as tall as the number of rows needs, for charts with one row per name. */
const rowsHeight = (rows: number) => Math.max(120, rows * 30 + 40);

/** The admin's charts: ratings per person, pipeline runs over time, live jobs per board. */
export function AdminCharts({ overview }: { overview: AdminOverview }) {
  const t = useTranslations("admin") as unknown as Translate;
  const locale = useLocale();
  const count = new Intl.NumberFormat(locale);
  const stars = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const days = new Set(overview.runs.map((run) => run.startedAt.slice(0, 10)));
  // Several runs on one day are told apart by their time.
  const tick = new Intl.DateTimeFormat(
    locale,
    days.size < overview.runs.length
      ? { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }
      : { month: "short", day: "numeric" },
  );

  const raters = overview.users.filter((u) => u.ratings > 0);
  const drawn = raters.slice(0, MAX_USERS_DRAWN).map((u) => ({
    name: u.name,
    ratings: u.ratings,
    stars: u.averageStars,
  }));
  const top = raters[0];

  const runs = [...overview.runs].reverse().map((run) => ({
    key: run.id,
    name: tick.format(new Date(run.startedAt)),
    point: when.format(new Date(run.startedAt)),
    status: t(`status.${run.status}`),
    new: run.new,
    known: run.updated + run.duplicates,
    skipped: run.skipped,
    errors: run.errors,
    fetched: run.fetched,
  }));
  const statusCount = (status: string) => overview.runs.filter((r) => r.status === status).length;
  const firstRun = runs[0];
  const lastRun = runs.at(-1);

  const sources = overview.sources.filter((s) => s.liveJobs > 0 || s.totalJobs > 0);
  const biggest = sources[0];

  const runLabel = (_label: unknown, payload: readonly { payload?: unknown }[]) => {
    const row = payload[0]?.payload as { point?: string; status?: string } | undefined;
    return row?.point ? `${row.point} · ${row.status}` : "";
  };

  return (
    <div className="grid items-start gap-4 xl:grid-cols-2">
      <ChartCard
        title={t("charts.ratings.title")}
        summary={
          top
            ? t("charts.ratings.summary", {
                people: raters.length,
                total: count.format(overview.counts.ratings),
                name: top.name,
                top: count.format(top.ratings),
              })
            : null
        }
        emptyText={t("charts.ratings.empty")}
        table={{
          rowHeader: t("columns.user"),
          columns: [t("columns.ratings"), t("columns.averageStars")],
          rows: raters.map((u) => ({
            key: u.userId,
            header: u.name,
            cells: [
              count.format(u.ratings),
              u.averageStars === null ? "–" : stars.format(u.averageStars),
            ],
          })),
        }}
      >
        <RowBars
          data={drawn}
          nameKey="name"
          dataKey="ratings"
          nameWidth={110}
          height={rowsHeight(drawn.length)}
          maxBarSize={22}
          color={chartColor.warn}
          format={count.format}
          valueLabel={t("columns.ratings")}
        />
      </ChartCard>

      <ChartCard
        title={t("charts.sources.title")}
        summary={
          biggest
            ? t("charts.sources.summary", {
                sources: sources.length,
                live: count.format(overview.counts.jobs.live),
                name: biggest.label,
                top: count.format(biggest.liveJobs),
              })
            : null
        }
        emptyText={t("charts.sources.empty")}
        table={{
          rowHeader: t("columns.source"),
          columns: [t("columns.liveJobs"), t("columns.totalJobs")],
          rows: sources.map((s) => ({
            key: s.source,
            header: s.label,
            cells: [count.format(s.liveJobs), count.format(s.totalJobs)],
          })),
        }}
      >
        <RowBars
          data={sources}
          nameKey="label"
          dataKey="liveJobs"
          nameWidth={120}
          height={rowsHeight(sources.length)}
          maxBarSize={22}
          color={chartColor.success}
          format={count.format}
          valueLabel={t("columns.liveJobs")}
        />
      </ChartCard>

      <ChartCard
        title={t("charts.runs.title")}
        wide
        summary={
          firstRun && lastRun
            ? t("charts.runs.summary", {
                runs: runs.length,
                first: firstRun.point,
                last: lastRun.point,
                ok: statusCount("ok"),
                partial: statusCount("partial"),
                failed: statusCount("failed"),
                jobs: count.format(runs.reduce((sum, r) => sum + r.new, 0)),
              })
            : null
        }
        emptyText={t("charts.runs.empty")}
        table={{
          rowHeader: t("columns.started"),
          columns: [
            t("columns.status"),
            t("columns.fetched"),
            t("columns.new"),
            t("columns.known"),
            t("columns.skipped"),
            t("columns.errors"),
          ],
          rows: runs.map((run) => ({
            key: run.key,
            header: run.point,
            cells: [
              run.status,
              count.format(run.fetched),
              count.format(run.new),
              count.format(run.known),
              count.format(run.skipped),
              count.format(run.errors),
            ],
          })),
        }}
      >
        <ComposedChart
          responsive
          width="100%"
          height={CHART_HEIGHT + 30}
          data={runs}
          accessibilityLayer={false}
          margin={{ top: 8, right: 0, bottom: 0, left: 0 }}
        >
          <CartesianGrid stroke={chartColor.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" {...axisProps} />
          <YAxis yAxisId="jobs" allowDecimals={false} {...axisProps} />
          <YAxis yAxisId="errors" orientation="right" allowDecimals={false} {...axisProps} />
          <Tooltip {...tooltipProps} labelFormatter={runLabel} />
          <Legend
            itemSorter={null}
            wrapperStyle={{ fontSize: 12 }}
            formatter={(value) => <span className="text-text">{value}</span>}
          />
          {STACK.map(({ key, color, top }) => (
            <Bar
              key={key}
              yAxisId="jobs"
              dataKey={key}
              stackId="fetched"
              name={t(`columns.${key}`)}
              fill={color}
              radius={top ? [4, 4, 0, 0] : undefined}
              maxBarSize={40}
              isAnimationActive={false}
            />
          ))}
          <Line
            yAxisId="errors"
            dataKey="errors"
            name={t("columns.errorsRight")}
            stroke={chartColor.danger}
            strokeWidth={2.5}
            dot={{ r: 3.5, fill: chartColor.danger, strokeWidth: 0 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ChartCard>
    </div>
  );
}
