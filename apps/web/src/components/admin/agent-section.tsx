"use client";

import { useLocale, useTranslations } from "next-intl";
import { LoadError, LoadingBlock } from "@/components/states";
import { ui } from "@/lib/ui";
import { type Column, NumberCell, TableRow, TableSection } from "./admin-table";
import {
  type AgentOverview,
  type AgentRun,
  type TaskRunStatus,
  useAgentOverview,
} from "./use-agent-overview";

/** The message keys of the task names (the API's names hold hyphens). */
const TASK_KEYS = {
  gather: "gather",
  "person-run": "personRun",
  "train-person": "trainPerson",
} as const;

const RUNNER_KEYS = { "in-process": "inProcess", "postgres-queue": "postgresQueue" } as const;

/** A run's status colour, beside its word (the colour is never the only sign). */
const STATUS_DOT: Record<TaskRunStatus, string> = {
  running: "bg-primary",
  done: "bg-success",
  skipped: "bg-muted",
  failed: "bg-danger",
};

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Times in the viewer's own zone and language, UTC in the tooltip; durations in words. */
function formatters(locale: string, t: Translate) {
  const local = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const utc = new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  });
  const count = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    count: (n: number) => count.format(n),
    time: (iso: string | null) =>
      iso === null ? (
        "–"
      ) : (
        <time dateTime={iso} title={t("utc", { time: utc.format(new Date(iso)) })}>
          {local.format(new Date(iso))}
        </time>
      ),
    duration: (ms: number | null) => {
      if (ms === null) return "–";
      if (ms < 1000) return t("duration.ms", { ms: count.format(ms) });
      if (ms < 120_000) return t("duration.seconds", { seconds: decimal.format(ms / 1000) });
      return t("duration.minutes", { minutes: decimal.format(ms / 60_000) });
    },
  };
}

/** What a run did in a line: its error, the reason it was skipped, or its counts. */
function runDetail(run: AgentRun): string {
  if (run.error) return run.error;
  const { reason } = run.result;
  if (typeof reason === "string") return reason;
  return Object.entries(run.result)
    .filter(([, value]) => typeof value === "number")
    .map(([key, value]) => `${key} ${value}`)
    .join(", ");
}

function StatusBadge({ status, label }: { status: TaskRunStatus; label: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs ${
        status === "failed" ? "border-danger font-semibold" : "border-border"
      }`}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${STATUS_DOT[status]}`} />
      {label}
    </span>
  );
}

/**
 * What AURA runs by itself, on the admin page: the two schedules with their next runs, the
 * runner and its queue, who is due, each task's figures, the recent failures and the last runs.
 */
export function AgentSection() {
  const t = useTranslations("admin.agent");
  const { data, failure } = useAgentOverview(true);
  return (
    <section aria-labelledby="admin-agent" className="flex flex-col gap-3">
      <h2 id="admin-agent" className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="text-muted">{t("lead")}</p>
      {failure ? (
        <LoadError message={failure.message} />
      ) : data ? (
        <AgentDetails overview={data} />
      ) : (
        <LoadingBlock />
      )}
    </section>
  );
}

function AgentDetails({ overview }: { overview: AgentOverview }) {
  const t = useTranslations("admin.agent");
  const locale = useLocale();
  const f = formatters(locale, t);
  const { status, people } = overview;
  const columns = (keys: [string, boolean][]): Column[] =>
    keys.map(([key, numeric]) => ({ key, label: t(`columns.${key}`), numeric }));
  const taskName = (task: AgentRun["task"]) => t(`tasks.${TASK_KEYS[task]}`);
  const statusWord = (s: TaskRunStatus) => t(`status.${s}`);
  const person = (run: AgentRun) =>
    run.userId === null ? t("runs.everyone") : (run.userName ?? run.userId);
  // Before anything has run, the last runs' table says so, and the figures are left out.
  const hasRun = overview.tasks.some((task) => task.lastStartedAt !== null);

  return (
    <>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        {status.schedules.map((schedule) => (
          <div key={schedule.name} className={`${ui.card} flex flex-col gap-1 p-4`}>
            <h3 className="font-semibold">{t(`schedules.${schedule.name}`)}</h3>
            <dl className="flex flex-col gap-1 text-sm">
              <div className="flex flex-wrap justify-between gap-2">
                <dt className="text-muted">{t("schedules.pattern")}</dt>
                <dd>
                  <code className="font-mono">{schedule.pattern}</code>
                </dd>
              </div>
              <div className="flex flex-wrap justify-between gap-2">
                <dt className="text-muted">{t("schedules.next")}</dt>
                <dd>
                  {schedule.nextRunAt ? f.time(schedule.nextRunAt) : t("schedules.notScheduled")}
                </dd>
              </div>
            </dl>
          </div>
        ))}

        <div className={`${ui.card} flex flex-col gap-1 p-4`}>
          <h3 className="font-semibold">{t("queue.title")}</h3>
          <p className="text-sm text-muted">
            {t("queue.runner", { runner: t(`runner.${RUNNER_KEYS[status.runner]}`) })}
          </p>
          <dl className="grid grid-cols-3 gap-2 text-sm">
            {(["waiting", "running", "failed"] as const).map((key) => (
              <div key={key} className="flex flex-col">
                <dt className="text-muted">{t(`queue.${key}`)}</dt>
                <dd
                  className={`text-xl font-bold tabular-nums ${
                    key === "failed" && status.queue.failed > 0 ? "text-danger" : ""
                  }`}
                >
                  {f.count(status.queue[key])}
                </dd>
              </div>
            ))}
          </dl>
        </div>

        <div className={`${ui.card} flex flex-col gap-1 p-4`}>
          <h3 className="font-semibold">{t("people.title")}</h3>
          <dl className="flex flex-col gap-1 text-sm">
            {(
              [
                ["scheduled", f.count(people.scheduled)],
                ["dueNow", f.count(people.dueNow)],
                ["waitingForRatings", f.count(people.waitingForRatings)],
                ["nextDue", people.nextDueAt ? f.time(people.nextDueAt) : t("people.none")],
              ] as const
            ).map(([key, value]) => (
              <div key={key} className="flex flex-wrap justify-between gap-2">
                <dt className="text-muted">{t(`people.${key}`)}</dt>
                <dd className="tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>

      {hasRun ? (
        <TableSection
          id="admin-agent-tasks"
          level={3}
          title={t("tasks.title", { days: overview.windowDays })}
          empty={false}
          emptyText=""
          columns={columns([
            ["task", false],
            ["runs", true],
            ["done", true],
            ["skipped", true],
            ["failed", true],
            ["p50", true],
            ["max", true],
            ["lastRun", false],
          ])}
        >
          {overview.tasks.map((task) => (
            <TableRow key={task.task} header={taskName(task.task)}>
              <NumberCell>{f.count(task.runs)}</NumberCell>
              <NumberCell>{f.count(task.done)}</NumberCell>
              <NumberCell>{f.count(task.skipped)}</NumberCell>
              <NumberCell>{f.count(task.failed)}</NumberCell>
              <NumberCell>{f.duration(task.p50DurationMs)}</NumberCell>
              <NumberCell>{f.duration(task.maxDurationMs)}</NumberCell>
              <td className="px-2 py-1.5">
                {task.lastStartedAt && task.lastStatus ? (
                  <span className="inline-flex flex-wrap items-center gap-2">
                    {f.time(task.lastStartedAt)}
                    <StatusBadge status={task.lastStatus} label={statusWord(task.lastStatus)} />
                  </span>
                ) : (
                  t("tasks.never")
                )}
              </td>
            </TableRow>
          ))}
        </TableSection>
      ) : null}

      {overview.failures.length > 0 ? (
        <TableSection
          id="admin-agent-failures"
          level={3}
          title={t("failures.title")}
          empty={false}
          emptyText=""
          columns={columns([
            ["started", false],
            ["task", false],
            ["person", false],
            ["attempt", true],
            ["error", false],
            ["retry", false],
          ])}
        >
          {overview.failures.map((run) => (
            <TableRow key={run.id} alignTop alert={!run.recovered} header={f.time(run.startedAt)}>
              <td className="px-2 py-1.5">{taskName(run.task)}</td>
              <td className="px-2 py-1.5">{person(run)}</td>
              <NumberCell>{f.count(run.attempt)}</NumberCell>
              <td className="max-w-md px-2 py-1.5 break-words">{run.error ?? "–"}</td>
              <td className="px-2 py-1.5">
                {run.recovered ? t("failures.recovered") : t("failures.open")}
              </td>
            </TableRow>
          ))}
        </TableSection>
      ) : null}

      <TableSection
        id="admin-agent-runs"
        level={3}
        title={t("runs.title")}
        empty={overview.runs.length === 0}
        emptyText={t("runs.empty")}
        columns={columns([
          ["started", false],
          ["task", false],
          ["person", false],
          ["status", false],
          ["attempt", true],
          ["duration", true],
          ["details", false],
        ])}
      >
        {overview.runs.map((run) => {
          const detail = runDetail(run);
          return (
            <TableRow
              key={run.id}
              alignTop
              alert={run.status === "failed"}
              header={<span className="whitespace-nowrap">{f.time(run.startedAt)}</span>}
            >
              <td className="px-2 py-1.5">{taskName(run.task)}</td>
              <td className="px-2 py-1.5">{person(run)}</td>
              <td className="px-2 py-1.5">
                <StatusBadge status={run.status} label={statusWord(run.status)} />
              </td>
              <NumberCell>{f.count(run.attempt)}</NumberCell>
              <NumberCell>{f.duration(run.durationMs)}</NumberCell>
              <td
                className={`max-w-md truncate px-2 py-1.5 text-xs ${run.error ? "" : "text-muted"}`}
                title={detail || undefined}
              >
                {detail || "–"}
              </td>
            </TableRow>
          );
        })}
      </TableSection>
    </>
  );
}
