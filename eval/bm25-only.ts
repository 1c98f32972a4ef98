// BM25 alone on the labelled corpus: `npx tsx eval/bm25-only.ts [corpus.jsonl] [--all] [--binary]`.
// Each persona CV is the query; relevance is the persona's category among the posting's own
// parentCategories. Ranks the postings that have a parent category (--all: every posting).
import { fileURLToPath } from "node:url";
import { htmlToText } from "../packages/core/src/jobs/normalize/html-to-text.ts";
import { createBm25Index } from "./bm25.ts";
import { categoryCounts, evaluateQuery, formatTable, loadPersonas } from "./evaluate.ts";
import { loadCorpus } from "./load-corpus.ts";

const args = process.argv.slice(2);
const corpusPath =
  args.find((a) => !a.startsWith("--")) ??
  fileURLToPath(new URL("../../shared/data/corpus/himalayas-500.jsonl", import.meta.url));
const all = args.includes("--all");
const queryTf = args.includes("--binary") ? "binary" : "raw";

const corpus = loadCorpus(corpusPath);
const collection = all ? corpus : corpus.filter((p) => p.categories.length > 0);
const counts = categoryCounts(corpus);
const personas = loadPersonas(fileURLToPath(new URL("./personas", import.meta.url)), [
  ...counts.map(([c]) => c),
]);

const index = createBm25Index(
  collection.map((p, id) => ({ id, text: `${p.title}\n${htmlToText(p.description)}` })),
  { queryTf },
);
const results = personas.map((persona) => {
  const ranked = index.search(persona.text).map((id) => collection[id] as (typeof collection)[0]);
  return evaluateQuery(persona.category, ranked, collection);
});

console.log(
  formatTable(
    `BM25 (k1 1.2, b 0.75, query tf ${queryTf}) over ${collection.length} postings` +
      ` (${all ? "all" : "those with a parent category"}), ${personas.length} personas`,
    results,
  ),
);
