// Ingest throughput: normalize + de-duplicate + store of real recorded postings, on
// PGlite (on disk, as `npm start` uses it) and on a PostgreSQL server when one is named
// by AURA_BENCH_DATABASE_URL or can be started by scripts/start-test-postgres.sh.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SourcePosting } from "@aura/core";
import {
  type DatabaseHandle,
  migrateDatabase,
  normalizePosting,
  openDatabase,
  sourceRegistry,
} from "@aura/core";
import { DedupeIndex } from "../packages/core/src/jobs/store/dedupe-index.ts";
import { storePostings } from "../packages/core/src/jobs/store/store-postings.ts";
import { replayRecorded } from "../packages/core/src/pipeline/source-plans.ts";
import { createHttpClient } from "../packages/core/src/sources/http-client.ts";
import { withServerDatabase } from "./shared.ts";

const COPIES = Number(process.env.AURA_BENCH_COPIES ?? 4);
const PAGE = 100;

/** Every recorded posting, through its source's real client and transform. */
async function recordedPostings(): Promise<{ source: string; posting: SourcePosting }[]> {
  const plans = Object.values(sourceRegistry).map((source) => ({
    source,
    options: source.recorded.options,
    baseUrl: "",
  }));
  const replay = await replayRecorded(plans);
  const http = createHttpClient({ timeoutMs: 10_000, retries: 0, backoffMs: 0, paceMs: 0 });
  const out: { source: string; posting: SourcePosting }[] = [];
  try {
    for (const plan of replay.plans) {
      try {
        for await (const page of plan.source.fetch({
          http,
          baseUrl: plan.baseUrl,
          options: plan.options,
          since: null,
        })) {
          for (const raw of page) {
            const result = plan.source.transform(raw);
            if (result.ok) out.push({ source: plan.source.name, posting: result.posting });
          }
        }
      } catch {
        // Sources whose recordings end in an error still gave their postings.
      }
    }
  } finally {
    await replay.close();
  }
  return out;
}

/** `copies` distinct versions of each posting (new ids, URLs and titles), as a bigger board would give. */
function scaled(base: { source: string; posting: SourcePosting }[], copies: number) {
  const out: { source: string; posting: SourcePosting }[] = [];
  for (let c = 0; c < copies; c++) {
    for (const { source, posting } of base) {
      out.push({
        source,
        posting:
          c === 0
            ? posting
            : {
                ...posting,
                externalId: `${posting.externalId}#${c}`,
                url: `${posting.url}${posting.url.includes("?") ? "&" : "?"}copy=${c}`,
                title: `${posting.title} ${c}`,
              },
      });
    }
  }
  return out;
}

async function run(
  label: string,
  handle: DatabaseHandle,
  postings: { source: string; posting: SourcePosting }[],
) {
  await migrateDatabase(handle);
  const rssBefore = process.memoryUsage().rss / 1024 / 1024;
  const now = new Date();
  const pass = async () => {
    const started = performance.now();
    const index = await DedupeIndex.load(handle.db);
    const totals = { new: 0, updated: 0, duplicates: 0 };
    for (let i = 0; i < postings.length; i += PAGE) {
      const page = postings.slice(i, i + PAGE);
      const bySource = new Map<string, ReturnType<typeof normalizePosting>[]>();
      for (const { source, posting } of page) {
        const list = bySource.get(source) ?? [];
        list.push(normalizePosting(posting, now));
        bySource.set(source, list);
      }
      for (const [source, list] of bySource) {
        const counts = await storePostings(handle.db, index, list, { source, live: true, now });
        totals.new += counts.new;
        totals.updated += counts.updated;
        totals.duplicates += counts.duplicates;
      }
    }
    return { seconds: (performance.now() - started) / 1000, ...totals };
  };
  const first = await pass();
  const second = await pass();
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  console.log(
    `${label.padEnd(10)} first pass  ${postings.length} postings in ${first.seconds.toFixed(2)} s = ${Math.round(postings.length / first.seconds)} postings/s (new ${first.new}, merged as duplicates ${first.duplicates})`,
  );
  console.log(
    `${label.padEnd(10)} second pass ${postings.length} postings in ${second.seconds.toFixed(2)} s = ${Math.round(postings.length / second.seconds)} postings/s (new ${second.new}, duplicates ${second.duplicates})`,
  );
  console.log(
    `${label.padEnd(10)} resident memory: ${rssBefore.toFixed(0)} MB with the database open (Node, modules${label === "PGlite" ? ", PGlite's WASM heap" : ""}), ${rssMb.toFixed(0)} MB after both passes (+${(rssMb - rssBefore).toFixed(0)} MB); JS heap ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MB`,
  );
}

const base = await recordedPostings();
const postings = scaled(base, COPIES);
console.log(
  `AURA ingest bench: ${base.length} recorded real postings × ${COPIES} = ${postings.length}, pages of ${PAGE}`,
);

const dir = mkdtempSync(join(tmpdir(), "aura-bench-"));
const lite = await openDatabase({ dataDir: dir });
try {
  await run("PGlite", lite, postings);
} finally {
  await lite.close();
  rmSync(dir, { recursive: true, force: true });
}

const skipped = await withServerDatabase("aura_bench", async (url) => {
  const handle = await openDatabase({ url });
  try {
    await run("PostgreSQL", handle, postings);
  } finally {
    await handle.close();
  }
});
if (skipped) {
  console.log(
    `PostgreSQL: no server (${skipped}; set AURA_BENCH_DATABASE_URL, or install postgresql)`,
  );
}
