// Embedding throughput of the default encoder (USE lite) on real job texts: the texts
// `embedJobs` embeds (`jobEmbeddingText`: title, tags and the first 60 words) of the jobs an
// offline ingest stores from the recorded real responses.
//
// Compares `openEmbedder(config.embed, { inThread: true })` with `openEmbedder(config.embed)`
// (the pool of `config.embed.workers` = 2 worker threads), fed batches of 64 as `embedJobs`
// does, and the pool fed all texts in one call. Wall time moves with other processes' load:
// CPU seconds (this process, every thread) are printed beside it.
//
// AURA_BENCH_TEXTS (default 512) texts per run. Takes about 1–2 minutes on an idle 2-core
// machine (~15 s of it the offline ingest that gives the texts), longer under load.
import { type DatabaseHandle, migrateDatabase, openDatabase, openEmbedder } from "@aura/core";
import { jobEmbeddingText } from "../packages/core/src/embed/job-text.ts";
import {
  codeVersion,
  conditions,
  defaultConfig,
  ingestRecorded,
  liveJobs,
  printTable,
  timed,
} from "./shared.ts";

const COUNT = Number(process.env.AURA_BENCH_TEXTS ?? 512);
const BATCH = 64; // embedJobs' default batch
const config = defaultConfig();

console.log(`AURA embed bench — ${conditions()}\n${codeVersion()}`);

const handle: DatabaseHandle = await openDatabase({ dataDir: "memory://" });
await migrateDatabase(handle);
const ingest = await timed(() => ingestRecorded(handle.db, config));
const rows = await liveJobs(handle.db);
await handle.close();
const all = rows.map(jobEmbeddingText);
// Spread over every source (rows are in ingest order), not the first board's jobs only.
const step = all.length / Math.min(COUNT, all.length);
const texts = Array.from({ length: Math.min(COUNT, all.length) }, (_, i) => {
  return all[Math.floor(i * step)] ?? "";
});
const words = texts.map((t) => t.split(/\s+/u).filter(Boolean).length);
console.log(
  `${texts.length} real job texts (of ${all.length} jobs from the offline ingest, ${ingest.s.toFixed(1)} s), ` +
    `${(words.reduce((a, b) => a + b, 0) / words.length).toFixed(0)} words each on average (max ${Math.max(...words)})`,
);

type Row = (string | number)[];
const table: Row[] = [
  ["encoder", "start s", "texts", "wall s", "texts/s", "ms/text", "CPU s", "CPU ms/text"],
];

async function measure(label: string, inThread: boolean, batch: number) {
  const opened = await timed(() => openEmbedder(config.embed, { inThread }));
  const embedder = opened.value;
  try {
    // Warm-up: the first model call compiles kernels and allocates; not what a bulk run pays per text.
    await embedder.embed(all.slice(-16));
    const run = await timed(async () => {
      for (let i = 0; i < texts.length; i += batch) await embedder.embed(texts.slice(i, i + batch));
    });
    table.push([
      label,
      opened.s.toFixed(2),
      texts.length,
      run.s.toFixed(1),
      (texts.length / run.s).toFixed(1),
      ((run.s * 1000) / texts.length).toFixed(1),
      run.cpu.toFixed(1),
      ((run.cpu * 1000) / texts.length).toFixed(1),
    ]);
    console.log(`  done: ${label} (${conditions()})`);
  } finally {
    await embedder.close();
  }
}

await measure("in-thread, batches of 64", true, BATCH);
await measure(`pool of ${config.embed.workers}, batches of 64`, false, BATCH);
await measure(`pool of ${config.embed.workers}, one call`, false, texts.length);

console.log();
printTable(table);
console.log(
  `\n  start s: openEmbedder (model load; the pool starts ${config.embed.workers} threads that each load it).` +
    "\n  CPU s: this process's CPU time over the run, every thread; under load wall time grows, CPU time much less." +
    `\n  After: ${conditions()}`,
);
