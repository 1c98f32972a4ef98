"use client";

import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useUser } from "@/components/app/app-shell";
import { DataGrid } from "@/components/charts/chart-card";
import { chartColorVars } from "@/components/charts/chart-style";
import { useApiData } from "@/components/charts/use-api-data";
import { PageHeading } from "@/components/page-heading";
import { LoadError, LoadingBlock } from "@/components/states";
import type { AdminOverview } from "@/lib/api";
import { adminOverviewQuery } from "@/lib/queries";
import { ui } from "@/lib/ui";
import { type Column, NumberCell, TableRow, TableSection } from "./admin-table";
import { AgentSection } from "./agent-section";

// Recharts draws in the browser only.
const AdminCharts = dynamic(
  () => import("@/components/charts/admin-charts").then((m) => m.AdminCharts),
  { ssr: false, loading: () => <LoadingBlock /> },
);

const STAGES = [
  "applied",
  "interview1",
  "interview2",
  "offer",
  "accepted",
  "rejected",
  "no_response",
] as const;

/** The admin tables' columns of numbers (right-aligned); the others hold words. */
const NUMBER_COLUMNS = [
  "fetched",
  "new",
  "known",
  "skipped",
  "errors",
  "expired",
  "duration",
  "liveJobs",
  "totalJobs",
  "batches",
  "ratings",
  "averageStars",
  "applications",
] as const;
type ColumnKey =
  | (typeof NUMBER_COLUMNS)[number]
  | "started"
  | "kind"
  | "status"
  | "problems"
  | "source"
  | "lastSuccess"
  | "lastError"
  | "user"
  | "userId"
  | "cv";

/**
 * The admin view: every user's figures, what the agent runs by itself, the pipeline's runs and
 * each board's health.
 */
export function AdminView() {
  const t = useTranslations("admin");
  const locale = useLocale();
  // The session says who is an admin: the others are told so without asking for a 403.
  const { isAdmin } = useUser();
  const { data: overview, failure } = useApiData({ ...adminOverviewQuery, enabled: isAdmin });

  if (!isAdmin || failure?.status === 403) {
    return (
      <div className="flex flex-col gap-6">
        <PageHeading title={t("title")} />
        <div className={`${ui.card} flex flex-col gap-2`}>
          <h2 className="text-lg font-semibold">{t("forbidden.title")}</h2>
          <p>{t("forbidden.body")}</p>
        </div>
      </div>
    );
  }
  if (failure) return <LoadError message={failure.message} />;
  if (!overview) return <LoadingBlock />;

  const count = new Intl.NumberFormat(locale);
  const stars = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const seconds = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const date = (iso: string | null) => (iso ? when.format(new Date(iso)) : "–");
  const columns = (keys: ColumnKey[]): Column[] =>
    keys.map((key) => ({
      key,
      label: t(`columns.${key}`),
      numeric: (NUMBER_COLUMNS as readonly string[]).includes(key),
    }));
  const { counts } = overview;
  const tiles = [
    ["users", counts.users],
    ["profilesWithCv", counts.profilesWithCv],
    ["batches", counts.batches],
    ["ratings", counts.ratings],
    ["applications", counts.applications],
    ["liveJobs", counts.jobs.live],
    ["expiredJobs", counts.jobs.expired],
  ] as const;

  return (
    <div className={`${chartColorVars} flex flex-col gap-6`}>
      <PageHeading title={t("title")} lead={t("lead")} />

      <section aria-labelledby="admin-counts" className="flex flex-col gap-3">
        <h2 id="admin-counts" className="text-xl font-bold">
          {t("counts.title")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
          {tiles.map(([key, value]) => (
            <div key={key} className={`${ui.card} flex flex-col gap-1 p-4`}>
              <dt className="text-sm text-muted">{t(`counts.${key}`)}</dt>
              <dd className="text-2xl font-bold tabular-nums">{count.format(value)}</dd>
            </div>
          ))}
        </dl>
        <div className={ui.card}>
          <DataGrid
            caption={t("counts.outcomes")}
            table={{
              rowHeader: t("columns.stage"),
              columns: [t("columns.outcomes")],
              rows: STAGES.map((stage) => ({
                key: stage,
                header: t(`stages.${stage}`),
                cells: [count.format(counts.outcomes[stage] ?? 0)],
              })),
            }}
          />
        </div>
      </section>

      <section aria-labelledby="admin-charts" className="flex flex-col gap-3">
        <h2 id="admin-charts" className="text-xl font-bold">
          {t("charts.title")}
        </h2>
        <AdminCharts overview={overview} />
      </section>

      <AgentSection />

      <TableSection
        id="admin-runs"
        title={t("runs.title")}
        empty={overview.runs.length === 0}
        emptyText={t("runs.empty")}
        columns={columns([
          "started",
          "kind",
          "status",
          "fetched",
          "new",
          "known",
          "skipped",
          "errors",
          "expired",
          "duration",
          "problems",
        ])}
      >
        {overview.runs.map((run) => (
          <TableRow
            key={run.id}
            alignTop
            header={
              <>
                <span className="whitespace-nowrap">{date(run.startedAt)}</span>
                {run.offline ? (
                  <span className="block text-xs text-muted">{t("runs.offline")}</span>
                ) : null}
              </>
            }
          >
            <td className="px-2 py-1.5">{t(`kind.${run.kind}`)}</td>
            <td className="px-2 py-1.5">
              <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
                <span
                  aria-hidden="true"
                  className={`h-2.5 w-2.5 rounded-full ${statusDot[run.status]}`}
                />
                {t(`status.${run.status}`)}
              </span>
            </td>
            {[
              run.fetched,
              run.new,
              run.updated + run.duplicates,
              run.skipped,
              run.errors,
              run.expired,
            ].map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
              <NumberCell key={i}>{count.format(n)}</NumberCell>
            ))}
            <NumberCell>
              {run.durationMs === null
                ? "–"
                : t("runs.seconds", { seconds: seconds.format(run.durationMs / 1000) })}
            </NumberCell>
            <td className="max-w-xs px-2 py-1.5 text-xs text-muted">
              {run.messages.length ? run.messages.join(" · ") : "–"}
            </td>
          </TableRow>
        ))}
      </TableSection>

      <TableSection
        id="admin-sources"
        title={t("sources.title")}
        empty={overview.sources.length === 0}
        emptyText={t("sources.empty")}
        columns={columns(["source", "liveJobs", "totalJobs", "lastSuccess", "lastError"])}
      >
        {overview.sources.map((s) => (
          <TableRow key={s.source} alignTop header={s.label}>
            <NumberCell>{count.format(s.liveJobs)}</NumberCell>
            <NumberCell>{count.format(s.totalJobs)}</NumberCell>
            <td className="px-2 py-1.5">
              {s.lastSuccessAt
                ? date(s.lastSuccessAt)
                : s.lastRunAt
                  ? t("sources.never")
                  : t("sources.notRead")}
            </td>
            <td className="max-w-xs px-2 py-1.5">
              {s.lastError ? (
                <>
                  <span className="block">{date(s.lastError.at)}</span>
                  <span className="block text-xs text-muted">{s.lastError.message}</span>
                </>
              ) : (
                t("sources.noError")
              )}
            </td>
          </TableRow>
        ))}
      </TableSection>

      <TableSection
        id="admin-users"
        title={t("users.title")}
        empty={overview.users.length === 0}
        emptyText={t("users.empty")}
        columns={columns([
          "user",
          "userId",
          "cv",
          "batches",
          "ratings",
          "averageStars",
          "applications",
        ])}
      >
        {overview.users.map((u) => (
          <TableRow key={u.userId} header={u.name}>
            <td className="px-2 py-1.5 font-mono text-xs text-muted">{u.userId}</td>
            <td className="px-2 py-1.5">{u.hasCv ? t("users.yes") : t("users.no")}</td>
            <NumberCell>{count.format(u.batches)}</NumberCell>
            <NumberCell>{count.format(u.ratings)}</NumberCell>
            <NumberCell>{u.averageStars === null ? "–" : stars.format(u.averageStars)}</NumberCell>
            <NumberCell>{count.format(u.applications)}</NumberCell>
          </TableRow>
        ))}
      </TableSection>
    </div>
  );
}

/** A run's status colour, beside its word (the colour is never the only sign). */
const statusDot: Record<AdminOverview["runs"][number]["status"], string> = {
  ok: "bg-success",
  partial: "bg-warn",
  failed: "bg-danger",
  running: "bg-primary",
};
