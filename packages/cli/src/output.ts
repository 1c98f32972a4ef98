import type {
  IngestEvent,
  IngestSummary,
  IngestTotals,
  RankedJob,
  SourceStats,
  StoredJob,
} from "@aura/core";
import { sourceLabel } from "@aura/core";
import { MultiBar, Presets, type SingleBar, SingleBar as SingleBarClass } from "cli-progress";
import Table from "cli-table3";
import pc from "picocolors";

/** Tables without a rule between every row. */
export const compactTable = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };

const COUNT_COLUMNS = ["fetched", "new", "updated", "duplicates", "skipped", "errors"] as const;

/** One progress bar per source on a terminal; silence elsewhere (pipes, --json, CI). */
export function createIngestProgress(enabled: boolean) {
  if (!enabled || !process.stderr.isTTY) return { onEvent: undefined, stop() {} };
  const bars = new MultiBar(
    {
      stream: process.stderr,
      format: " {source} {bar} {value}/{total} postings  {status}",
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  const bySource = new Map<string, SingleBar>();
  const pad = (name: string) => name.padEnd(16);
  const onEvent = (event: IngestEvent) => {
    if (event.type === "retry") return;
    let bar = bySource.get(event.source);
    if (!bar) {
      bar = bars.create(1, 0, { source: pad(event.source), status: pc.dim("fetching…") });
      bySource.set(event.source, bar);
    }
    if (event.type === "start") return;
    const { stats } = event;
    const processed = stats.new + stats.updated + stats.duplicates + stats.skipped;
    bar.setTotal(Math.max(stats.fetched, 1));
    const status =
      event.type === "done"
        ? stats.errors > 0
          ? pc.red(`failed (${stats.errors} error${stats.errors > 1 ? "s" : ""})`)
          : pc.green("done")
        : pc.dim("storing…");
    bar.update(processed, { status });
  };
  return { onEvent, stop: () => bars.stop() };
}

export function formatIngestSummary(summary: IngestSummary): string {
  const table = new Table({
    head: ["source", ...COUNT_COLUMNS].map((h) => pc.bold(h)),
    colAligns: ["left", "right", "right", "right", "right", "right", "right"],
    style: { head: [], border: [] },
    chars: compactTable,
  });
  for (const s of summary.sources) table.push(countRow(sourceLabel(s.name), s));
  table.push(countRow(pc.bold("total"), summary.totals));
  const lines = [table.toString()];
  if (summary.expired > 0)
    lines.push(`${summary.expired} job(s) marked expired (gone from their boards).`);
  for (const s of summary.sources) {
    for (const message of s.messages) lines.push(pc.dim(`${s.name}: ${message}`));
  }
  if (!summary.offline && summary.totals.fetched === 0 && summary.totals.errors > 0) {
    lines.push(
      pc.yellow(
        "No board answered. Offline? Load the bundled sample with: npx aura ingest --offline",
      ),
    );
  }
  lines.push(
    pc.dim(
      `${summary.offline ? "Replayed recorded responses" : "Read live boards"} in ${(summary.durationMs / 1000).toFixed(1)} s.`,
    ),
  );
  return lines.join("\n");
}

function countRow(label: string, counts: IngestTotals | SourceStats): string[] {
  return [
    label,
    ...COUNT_COLUMNS.map((key) => {
      const value = counts[key];
      if (key === "errors" && value > 0) return pc.red(String(value));
      if (key === "new" && value > 0) return pc.green(String(value));
      return String(value);
    }),
  ];
}

export function formatJobsTable(jobs: readonly StoredJob[]): string {
  const table = new Table({
    head: ["id", "title", "company", "where", "pay", "posted", "via"].map((h) => pc.bold(h)),
    style: { head: [], border: [] },
    chars: compactTable,
    wordWrap: true,
    colWidths: [7, 36, 20, 18, 18, 10, 16],
  });
  for (const job of jobs) {
    table.push([
      String(job.id),
      job.title,
      job.company,
      formatWhere(job),
      formatPay(job),
      formatAge(job.postedAt),
      [...new Set(job.sources.map((s) => sourceLabel(s.source)))].join(", "),
    ]);
  }
  return table.toString();
}

export function formatJobDetail(job: StoredJob): string {
  const lines = [
    pc.bold(job.title),
    `${job.company} · ${formatWhere(job)}${job.expiredAt ? pc.yellow(" · expired") : ""}`,
  ];
  const facts = [
    formatPay(job) !== "—" ? `pay ${formatPay(job)}` : null,
    job.seniority ? `level ${job.seniority}` : null,
    job.employmentType ? job.employmentType.replace("_", " ") : null,
    job.postedAt
      ? `posted ${job.postedAt.toISOString().slice(0, 10)} (${formatAge(job.postedAt)})`
      : null,
  ].filter(Boolean);
  if (facts.length) lines.push(pc.dim(facts.join(" · ")));
  if (job.tags.length) lines.push(pc.dim(`tags: ${job.tags.slice(0, 15).join(", ")}`));
  lines.push("");
  lines.push(job.description || pc.dim("(no description)"));
  lines.push("");
  for (const link of job.sources) {
    lines.push(`via ${pc.bold(sourceLabel(link.source))}: ${pc.cyan(link.url)}`);
  }
  return lines.join("\n");
}

function formatWhere(job: StoredJob): string {
  const mode = job.remote === "unknown" ? "" : job.remote;
  return [job.location, mode].filter(Boolean).join(" · ") || "—";
}

export function formatPay(
  job: Pick<StoredJob, "salaryMin" | "salaryMax" | "currency" | "salaryPeriod">,
): string {
  if (job.salaryMin == null && job.salaryMax == null) return "—";
  const money = (n: number) =>
    n >= 1000 ? `${Math.round(n / 1000)}k` : String(Math.round(n * 100) / 100);
  const range =
    job.salaryMin != null && job.salaryMax != null && job.salaryMin !== job.salaryMax
      ? `${money(job.salaryMin)}–${money(job.salaryMax)}`
      : money((job.salaryMin ?? job.salaryMax) as number);
  const period = job.salaryPeriod && job.salaryPeriod !== "year" ? `/${job.salaryPeriod}` : "";
  return `${job.currency ?? ""} ${range}${period}`.trim();
}

export function formatAge(date: Date | null): string {
  if (!date) return "—";
  const days = Math.floor((Date.now() - date.getTime()) / 86_400_000);
  if (days <= 0) return "today";
  if (days < 60) return `${days}d ago`;
  if (days < 730) return `${Math.floor(days / 30)}mo ago`;
  return `${Math.floor(days / 365)}y ago`;
}

/** One progress bar counting items on a terminal; silence elsewhere. */
export function createCountProgress(enabled: boolean, label: string, unit: string) {
  if (!enabled || !process.stderr.isTTY) return { update: undefined, stop() {} };
  const bar = new SingleBarClass(
    {
      stream: process.stderr,
      format: ` ${label} {bar} {value}/{total} ${unit}  {eta_formatted} left`,
      barsize: 30,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(Math.max(total, 1), done);
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** Ranked jobs: score, the job, and the one-line reason. */
export function formatRankedTable(ranked: readonly RankedJob[]): string {
  const table = new Table({
    head: ["#", "score", "id", "title", "company", "where", "pay", "why"].map((h) => pc.bold(h)),
    style: { head: [], border: [] },
    chars: compactTable,
    wordWrap: true,
    colWidths: [4, 7, 7, 30, 18, 16, 16, 44],
  });
  ranked.forEach((item, i) => {
    table.push([
      String(i + 1),
      item.score.toFixed(2),
      String(item.job.id),
      item.job.title,
      // Every job shown credits the board it came from, as the boards' terms ask.
      `${item.job.company}\n${pc.dim(`via ${item.job.sources.map((s) => sourceLabel(s.source)).join(", ") || "import"}`)}`,
      formatWhere(item.job),
      formatPay(item.job),
      item.why.summary,
    ]);
  });
  return table.toString();
}
