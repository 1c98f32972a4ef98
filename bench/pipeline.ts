// `aura pipeline` cold: a fresh data folder, every recorded source replayed offline (real
// postings, ~1,355 new jobs after de-duplication), then embed and index.
//
// 1. In process, phase by phase, calling what the CLI's pipeline command calls in the same
//    order (runIngest offline, openEmbedder = the 2-worker pool, then embedAndIndex's steps:
//    embedJobs, ensureVectorIndex, refreshJobSkills, refreshTermStats, saveLexicalIndex), on
//    PGlite in a temp folder.
// 2. The real CLI, `node packages/cli/bin/aura.js pipeline --offline --json`, with
//    AURA_DATA_DIR a fresh temp folder (cwd a temp folder too, so no config file applies):
//    wall time of the whole process, and its CPU time (bash `times`). `--no-cli` skips it.
//
// Figures per 1,000 jobs are the measured ones scaled linearly. About 1.5–2 minutes per part
// on an idle 2-core machine; several times that when other processes use the cores.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { embedJobs, migrateDatabase, openDatabase, openEmbedder } from "@aura/core";
import { ensureVectorIndex } from "../packages/core/src/embed/vector-search.ts";
import { saveLexicalIndex } from "../packages/core/src/rank/lexical-index.ts";
import { refreshTermStats } from "../packages/core/src/rank/lexical-search.ts";
import { refreshJobSkills } from "../packages/core/src/skills/job-skills.ts";
import {
  codeVersion,
  conditions,
  cpuSeconds,
  defaultConfig,
  ingestRecorded,
  printTable,
  timed,
} from "./shared.ts";

const runCli = !process.argv.includes("--no-cli");
const config = defaultConfig();
const root = fileURLToPath(new URL("..", import.meta.url));

console.log(`AURA pipeline bench — ${conditions()}\n${codeVersion()}`);

type Row = (string | number)[];
const table: Row[] = [["phase", "wall s", "CPU s", "wall s / 1,000 jobs"]];
let jobs = 0;
const add = (label: string, t: { s: number; cpu: number }) =>
  table.push([
    label,
    t.s.toFixed(1),
    t.cpu.toFixed(1),
    jobs > 0 ? ((t.s * 1000) / jobs).toFixed(1) : "",
  ]);

const dir = mkdtempSync(join(tmpdir(), "aura-bench-pipeline-"));
const cpu0 = cpuSeconds();
const t0 = performance.now();
try {
  const open = await timed(async () => {
    const handle = await openDatabase({ dataDir: dir });
    await migrateDatabase(handle);
    return handle;
  });
  const handle = open.value;
  try {
    const ingest = await timed(() => ingestRecorded(handle.db, config));
    jobs = ingest.value.totals.new;
    console.log(
      `ingest: ${ingest.value.totals.fetched} postings fetched from ${ingest.value.sources.length} recorded sources → ` +
        `${jobs} new jobs, ${ingest.value.totals.duplicates} duplicates merged, ${ingest.value.totals.skipped} skipped`,
    );
    add("open + migrate PGlite (fresh folder)", open);
    add("ingest (offline replay, normalize, store)", ingest);
    const start = await timed(() => openEmbedder(config.embed));
    const embedder = start.value;
    try {
      add(`start embedder pool (${config.embed.workers} workers)`, start);
      const embed = await timed(() => embedJobs(handle.db, embedder));
      add(`embedJobs (${embed.value.embedded} jobs)`, embed);
      add(
        `ensureVectorIndex (${handle.kind === "pglite" ? "pgvector HNSW build" : "in-process"})`,
        await timed(() =>
          ensureVectorIndex(handle.db, embedder.modelId, embedder.dimension, { cacheDir: dir }),
        ),
      );
      add("refreshJobSkills", await timed(() => refreshJobSkills(handle.db)));
      add("refreshTermStats", await timed(() => refreshTermStats(handle.db)));
      add("saveLexicalIndex", await timed(() => saveLexicalIndex(handle.db, dir)));
    } finally {
      await embedder.close();
    }
  } finally {
    await handle.close();
  }
  add("total", { s: (performance.now() - t0) / 1000, cpu: cpuSeconds() - cpu0 });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\nin process (${jobs} jobs) — after: ${conditions()}`);
printTable(table);

if (runCli) {
  const data = mkdtempSync(join(tmpdir(), "aura-bench-cli-"));
  const cwd = mkdtempSync(join(tmpdir(), "aura-bench-cwd-"));
  try {
    const bin = join(root, "packages/cli/bin/aura.js");
    const started = performance.now();
    const run = spawnSync(
      "bash",
      ["-c", `node ${JSON.stringify(bin)} pipeline --offline --json && times >&2`],
      { cwd, env: { ...process.env, AURA_DATA_DIR: data }, encoding: "utf8" },
    );
    const wall = (performance.now() - started) / 1000;
    if (run.status !== 0) {
      console.log(`\nCLI run failed (exit ${run.status}): ${run.stderr.trim().slice(-500)}`);
    } else {
      const out = JSON.parse(run.stdout) as {
        ingest: { totals: { new: number } };
        embed: { embedded: number; durationMs: number; vectorIndex: string };
        durationMs: number;
      };
      // `times` prints the shell's then its children's user and system time.
      const childTimes =
        run.stderr
          .trim()
          .split("\n")
          .at(-1)
          ?.match(/(\d+)m([\d.]+)s/g) ?? [];
      const cpu = childTimes
        .map((t) => {
          const [, m, s] = t.match(/(\d+)m([\d.]+)s/) ?? [];
          return Number(m) * 60 + Number(s);
        })
        .reduce((a, b) => a + b, 0);
      const n = out.ingest.totals.new;
      console.log(`\nreal CLI, cold (${n} new jobs) — after: ${conditions()}`);
      printTable([
        ["measure", "s", "s / 1,000 jobs"],
        ["process wall time (node start to exit)", wall.toFixed(1), ((wall * 1000) / n).toFixed(1)],
        ["process CPU time (user + system)", cpu.toFixed(1), ((cpu * 1000) / n).toFixed(1)],
        [
          "pipeline durationMs (its own clock)",
          (out.durationMs / 1000).toFixed(1),
          (out.durationMs / n).toFixed(1),
        ],
        [
          `  of which embed (embedJobs, ${out.embed.embedded} jobs)`,
          (out.embed.durationMs / 1000).toFixed(1),
          (out.embed.durationMs / n).toFixed(1),
        ],
      ]);
      console.log(`  vectors searched by: ${out.embed.vectorIndex}`);
    }
  } finally {
    rmSync(data, { recursive: true, force: true });
    rmSync(cwd, { recursive: true, force: true });
  }
}
