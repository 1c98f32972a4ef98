"use client";

import { useLocale, useTranslations } from "next-intl";
import { LoadError, LoadingBlock } from "@/components/states";
import type { Metrics } from "@/lib/api";
import { metricsQuery } from "@/lib/queries";
import { ui } from "@/lib/ui";
import { ChartCard, type ChartTable, type Translate, trendSummary } from "./chart-card";
import { PointsChart, type PointsChartProps, RowBars } from "./chart-shapes";
import { chartColor, chartColorVars } from "./chart-style";
import { useApiData } from "./use-api-data";

/** Number and date formats in the page's language. */
function formats(locale: string) {
  const stars = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const reward = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(locale);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  return {
    stars: (value: number) => stars.format(value),
    percent: (value: number) => percent.format(value),
    reward: (value: number) => reward.format(value),
    count: (value: number) => count.format(value),
    /** A week's Monday (YYYY-MM-DD) or a timestamp as a date. */
    day: (iso: string) => day.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    short: (iso: string) => short.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
  };
}

/** A point in a chart over batches or weeks: its axis name and its name in sentences. */
type Point = { name: string; point: string };

/**
 * A chart of one series over batches or weeks, in its card: the sentence on its trend is
 * written from the same rows, unless `nothingYet` says there is nothing to tell.
 */
function TrendCard<Row extends Point>({
  title,
  subject = title,
  hint,
  emptyText,
  table,
  nothingYet = false,
  ...chart
}: PointsChartProps<Row> & {
  title: string;
  /** Names the series in the sentence; the title unless given. */
  subject?: string;
  hint?: string;
  emptyText: string;
  table: ChartTable;
  nothingYet?: boolean;
}) {
  const t = useTranslations("charts") as unknown as Translate;
  const points = chart.data.map((row) => ({ label: row.point, value: Number(row[chart.dataKey]) }));
  return (
    <ChartCard
      title={title}
      summary={nothingYet ? null : trendSummary(t, subject, points, chart.format)}
      hint={hint}
      emptyText={emptyText}
      table={table}
    >
      <PointsChart {...chart} />
    </ChartCard>
  );
}

/** The numbers behind a chart over batches: when each batch was made, then `cells`. */
function batchTable<Row extends Point & { date: string }>(
  t: Translate,
  rows: Row[],
  columns: string[],
  cells: (row: Row) => string[],
): ChartTable {
  return {
    rowHeader: t("batchHeader"),
    columns: [t("made"), ...columns],
    rows: rows.map((row) => ({
      key: row.name,
      header: row.point,
      cells: [row.date, ...cells(row)],
    })),
  };
}

/** The numbers behind a chart over weeks: a row a week. */
function weekTable<Row extends { day: string }>(
  t: Translate,
  rows: Row[],
  columns: string[],
  cells: (row: Row) => string[],
): ChartTable {
  return {
    rowHeader: t("weekHeader"),
    columns,
    rows: rows.map((row) => ({ key: row.day, header: row.day, cells: cells(row) })),
  };
}

/** The charts of one person's search: batches, applications and the skill gap over time. */
export function SearchCharts({ metrics }: { metrics: Metrics }) {
  const tr = useTranslations("charts");
  const t = tr as unknown as Translate;
  const locale = useLocale();
  const f = formats(locale);

  // Batches by the person's own count (their ids count everyone's): the metrics list every
  // batch of theirs, oldest first, so the first is batch 1.
  const numbered = metrics.perBatch.map((b, i) => ({ ...b, number: i + 1 }));
  const rated = numbered.filter((b) => b.rated > 0);
  const batchRows = rated.map((b) => ({
    name: `#${b.number}`,
    point: t("batch", { number: b.number }),
    date: f.day(b.createdAt),
    stars: b.averageStars ?? 0,
    share: b.shareHigh ?? 0,
    rated: b.rated,
    jobs: b.jobs,
  }));
  const matched = numbered
    .filter((b) => b.averageMatch !== null)
    .map((b) => ({
      name: `#${b.number}`,
      point: t("batch", { number: b.number }),
      date: f.day(b.createdAt),
      match: b.averageMatch ?? 0,
    }));
  const weeks = metrics.weeks.map((w) => ({
    name: f.short(w.week),
    point: t("weekOf", { date: f.day(w.week) }),
    day: f.day(w.week),
    reward: w.reward,
    cumulative: w.cumulativeReward,
    gap: w.skillGapIndex,
    measured: w.skillGapMeasured,
  }));
  const gapWeeks = weeks.filter((w) => w.measured);
  const { applied, interview, offer } = metrics.funnel;
  const funnel = [
    { name: t("funnel.applied"), value: applied, color: chartColor.primary },
    { name: t("funnel.interview"), value: interview, color: chartColor.warn },
    { name: t("funnel.offer"), value: offer, color: chartColor.success },
  ];

  if (rated.length === 0 && matched.length === 0 && applied === 0 && weeks.length === 0) {
    return <p className={ui.card}>{t("empty")}</p>;
  }

  const ofJobs = (row: (typeof batchRows)[number]) =>
    t("ofJobs", { rated: row.rated, jobs: row.jobs });

  return (
    <div className="grid items-start gap-4 xl:grid-cols-2">
      <TrendCard
        title={t("stars.title")}
        emptyText={t("stars.empty")}
        table={batchTable(t, batchRows, [t("stars.value"), t("stars.rated")], (row) => [
          f.stars(row.stars),
          ofJobs(row),
        ])}
        kind="bar"
        data={batchRows}
        dataKey="stars"
        color={chartColor.warn}
        y={{ domain: [0, 5], ticks: [0, 1, 2, 3, 4, 5] }}
        format={f.stars}
        valueLabel={t("stars.value")}
      />

      <TrendCard
        title={t("share.title")}
        emptyText={t("stars.empty")}
        table={batchTable(t, batchRows, [t("share.value"), t("stars.rated")], (row) => [
          f.percent(row.share),
          ofJobs(row),
        ])}
        kind="bar"
        data={batchRows}
        dataKey="share"
        color={chartColor.success}
        y="share"
        format={f.percent}
        valueLabel={t("share.value")}
      />

      <TrendCard
        title={t("match.title")}
        hint={t("match.hint")}
        emptyText={t("match.empty")}
        table={batchTable(t, matched, [t("match.value")], (row) => [f.percent(row.match)])}
        kind="line"
        data={matched}
        dataKey="match"
        color={chartColor.primary}
        y="share"
        format={f.percent}
        valueLabel={t("match.value")}
      />

      <TrendCard
        title={t("reward.title")}
        subject={t("reward.value")}
        hint={t("reward.hint")}
        emptyText={t("reward.empty")}
        // Nothing earned until a rating or an application.
        nothingYet={metrics.ratings.count === 0 && applied === 0}
        table={weekTable(t, weeks, [t("reward.week"), t("reward.value")], (w) => [
          f.reward(w.reward),
          f.reward(w.cumulative),
        ])}
        kind="area"
        data={weeks}
        dataKey="cumulative"
        color={chartColor.primary}
        y="whole"
        format={f.reward}
        valueLabel={t("reward.value")}
      />

      <ChartCard
        title={t("funnel.title")}
        summary={
          applied === 0
            ? null
            : t("funnel.summary", {
                applied,
                interview,
                offer,
                interviewShare: f.percent(interview / applied),
              })
        }
        emptyText={t("funnel.empty")}
        table={{
          rowHeader: t("funnel.step"),
          columns: [t("funnel.jobs"), t("funnel.share")],
          rows: funnel.map((step) => ({
            key: step.name,
            header: step.name,
            cells: [f.count(step.value), f.percent(applied ? step.value / applied : 0)],
          })),
        }}
      >
        <RowBars
          data={funnel}
          nameKey="name"
          dataKey="value"
          nameWidth={96}
          height={160}
          maxBarSize={32}
          color={(step) => step.color}
          format={f.count}
          valueLabel={t("funnel.jobs")}
        />
      </ChartCard>

      <TrendCard
        title={t("gap.title")}
        subject={t("gap.subject")}
        hint={t("gap.hint")}
        emptyText={t("gap.empty")}
        table={weekTable(t, gapWeeks, [t("gap.value")], (w) => [f.percent(w.gap)])}
        kind="line"
        data={gapWeeks}
        dataKey="gap"
        color={chartColor.danger}
        y="share"
        format={f.percent}
        valueLabel={t("gap.value")}
      />
    </div>
  );
}

/** "How your search is going": the person's metrics from GET /api/metrics, as charts. */
export function SearchProgress() {
  const t = useTranslations("charts");
  const { data: metrics, failure } = useApiData(metricsQuery);
  return (
    <section aria-labelledby="search-progress" className={`${chartColorVars} flex flex-col gap-4`}>
      <div>
        <h2 id="search-progress" className="text-xl font-bold">
          {t("title")}
        </h2>
        <p className="text-muted">{t("lead")}</p>
      </div>
      {failure ? (
        <LoadError message={failure.message} />
      ) : metrics ? (
        <SearchCharts metrics={metrics} />
      ) : (
        <LoadingBlock />
      )}
    </section>
  );
}
