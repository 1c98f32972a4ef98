// `npm run eval`: AURA's ranker against a BM25 baseline on real labelled postings.
//
// The labelled set is the Himalayas corpus's postings that carry `parentCategories`; the labels
// stay here and never reach AURA (the import file leaves them out). Each persona CV (written
// before any result was seen, see personas/README.md) is set as the profile and ranked through
// the same core calls `aura import`, `aura embed`, `aura profile set` and `aura rank` make.
// Also printed: AURA's two retrievers alone (keywords, meaning), which the hybrid must beat.
//
// Usage: npm run eval [-- corpus.jsonl]
import { fileURLToPath } from "node:url";
import {
  configSchema,
  embedAndIndex,
  importPostings,
  LOCAL_USER_ID,
  migrateDatabase,
  openDatabase,
  openEmbedder,
  type RankedJob,
  rankJobs,
  saveProfile,
} from "../packages/core/src/index.ts";
import { htmlToText } from "../packages/core/src/jobs/normalize/html-to-text.ts";
import { createBm25Index } from "./bm25.ts";
import {
  categoryCounts,
  evaluateQuery,
  formatTable,
  loadPersonas,
  type QueryResult,
  summarize,
} from "./evaluate.ts";
import {
  type LabelledPosting,
  postingUrl,
  readHimalayasJsonl,
  toImportJsonl,
  toLabelledPosting,
} from "./load-corpus.ts";

const corpusPath =
  process.argv.slice(2).find((a) => !a.startsWith("--")) ??
  fileURLToPath(new URL("../../shared/data/corpus/himalayas-500.jsonl", import.meta.url));

const records = readHimalayasJsonl(corpusPath).filter((r) => (r.parentCategories ?? []).length > 0);
const collection = records.map(toLabelledPosting);
const byUrl = new Map(records.map((r, i) => [postingUrl(r), collection[i] as LabelledPosting]));
const personas = loadPersonas(
  fileURLToPath(new URL("./personas", import.meta.url)),
  categoryCounts(collection).map(([c]) => c),
);
const config = configSchema.parse({});

const handle = await openDatabase({ dataDir: "memory://" });
await migrateDatabase(handle);
const started = Date.now();
const imported = await importPostings(handle.db, {
  content: toImportJsonl(records),
  fileName: "labelled.jsonl",
});
const pool = await openEmbedder(config.embed);
const embedded = await embedAndIndex(handle.db, pool);
await pool.close();
console.log(
  `${collection.length} labelled postings → ${imported.totals.new} jobs (duplicates merged), ` +
    `${embedded.embedded} embedded with ${embedded.model} in ${(embedded.durationMs / 1000).toFixed(1)} s; ` +
    `${personas.length} personas.\n`,
);

/** A ranked job as the labelled posting(s) behind it: every board link counts. */
function labelsOf(job: RankedJob["job"]): LabelledPosting {
  const categories = new Set<string>();
  let first: LabelledPosting | undefined;
  for (const url of [job.url, ...job.sources.map((s) => s.url)]) {
    const posting = byUrl.get(url);
    if (!posting) continue;
    first ??= posting;
    for (const c of posting.categories) categories.add(c);
  }
  if (!first) throw new Error(`ranked job ${job.id} (${job.url}) is not in the labelled set`);
  return { ...first, categories: [...categories] };
}

const embedder = await openEmbedder(config.embed, { inThread: true });
const weights = config.rank.weights;
const zero = Object.fromEntries(Object.keys(weights).map((k) => [k, 0])) as typeof weights;
const variants = {
  "AURA ranker (hybrid + features)": config.rank,
  "AURA keywords only (SQL BM25)": { ...config.rank, weights: { ...zero, keywords: 1 } },
  "AURA meaning only (USE lite cosine)": { ...config.rank, weights: { ...zero, semantic: 1 } },
};
const results = new Map<string, QueryResult[]>();
const latencies: number[] = [];
for (const persona of personas) {
  const profile = await saveProfile(handle.db, LOCAL_USER_ID, {
    cv: { text: persona.text, fileName: persona.file },
  });
  for (const [name, rankConfig] of Object.entries(variants)) {
    const t0 = performance.now();
    const ranked = await rankJobs(handle.db, embedder, profile, { config: rankConfig, top: 100 });
    latencies.push(performance.now() - t0);
    const list = results.get(name) ?? [];
    list.push(
      evaluateQuery(
        persona.category,
        ranked.jobs.map((r) => labelsOf(r.job)),
        collection,
      ),
    );
    results.set(name, list);
  }
}
await embedder.close();
await handle.close();

const index = createBm25Index(
  collection.map((p, id) => ({ id, text: `${p.title}\n${htmlToText(p.description)}` })),
);
const bm25 = personas.map((persona) =>
  evaluateQuery(
    persona.category,
    index.search(persona.text).map((id) => collection[id] as LabelledPosting),
    collection,
  ),
);

const tables: [string, QueryResult[]][] = [["BM25 baseline (Okapi, in process)", bm25], ...results];
for (const [name, list] of tables) console.log(`${formatTable(name, list)}\n`);
console.log("summary (mean over personas)");
for (const [name, list] of tables) {
  const { mrr, ndcg10 } = summarize(list);
  console.log(`  ${name.padEnd(40)} MRR ${mrr.toFixed(3)}  nDCG@10 ${ndcg10.toFixed(3)}`);
}
latencies.sort((a, b) => a - b);
console.log(
  `\nrank latency over ${latencies.length} calls at ${imported.totals.new} jobs: ` +
    `p50 ${latencies[Math.floor(latencies.length / 2)]?.toFixed(0)} ms, ` +
    `p95 ${latencies[Math.floor(latencies.length * 0.95)]?.toFixed(0)} ms; total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
