// One persona's ranking scored against the hidden labels, and the table `npm run eval` prints.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { categorySlug, type LabelledPosting } from "./load-corpus.ts";
import { mean, ndcgAtK, reciprocalRank } from "./metrics.ts";

export interface Persona {
  category: string;
  file: string;
  /** The CV as written (Markdown). */
  text: string;
}

export interface QueryResult {
  category: string;
  /** Postings of the collection labelled with the category. */
  relevant: number;
  /** 1-based rank of the first relevant posting; null when none was ranked. */
  firstRelevantRank: number | null;
  reciprocalRank: number;
  ndcg10: number;
}

/** Categories of the labelled postings, most postings first (then by name), with counts. */
export function categoryCounts(postings: readonly LabelledPosting[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const p of postings) for (const c of p.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The persona CV of each category, read from `<dir>/<category-slug>.md`; throws on a missing one. */
export function loadPersonas(dir: string, categories: readonly string[]): Persona[] {
  const files = new Set(readdirSync(dir));
  const missing = categories.filter((c) => !files.has(`${categorySlug(c)}.md`));
  if (missing.length) {
    throw new Error(`no persona CV in ${dir} for: ${missing.join(", ")}`);
  }
  return categories.map((category) => {
    const file = join(dir, `${categorySlug(category)}.md`);
    return { category, file, text: readFileSync(file, "utf8") };
  });
}

/** Scores one ranking (best first) of the collection for the persona of `category`. */
export function evaluateQuery(
  category: string,
  ranked: readonly LabelledPosting[],
  collection: readonly LabelledPosting[],
): QueryResult {
  const relevantFlags = ranked.map((p) => p.categories.includes(category));
  const relevant = collection.filter((p) => p.categories.includes(category)).length;
  const first = relevantFlags.indexOf(true);
  return {
    category,
    relevant,
    firstRelevantRank: first === -1 ? null : first + 1,
    reciprocalRank: reciprocalRank(relevantFlags),
    ndcg10: ndcgAtK(
      relevantFlags.map((r) => (r ? 1 : 0)),
      10,
      relevant,
    ),
  };
}

export interface Summary {
  mrr: number;
  ndcg10: number;
}

/** Means over personas: every category counts once, however few its postings. */
export function summarize(results: readonly QueryResult[]): Summary {
  return {
    mrr: mean(results.map((r) => r.reciprocalRank)),
    ndcg10: mean(results.map((r) => r.ndcg10)),
  };
}

/** A plain-text table of per-category results and their means. */
export function formatTable(title: string, results: readonly QueryResult[]): string {
  const width = Math.max(8, ...results.map((r) => r.category.length));
  const line = (cells: string[]) =>
    `${(cells[0] ?? "").padEnd(width)}  ${cells
      .slice(1)
      .map((c) => c.padStart(9))
      .join("  ")}`;
  const { mrr, ndcg10 } = summarize(results);
  return [
    title,
    line(["category", "relevant", "1st hit", "RR", "nDCG@10"]),
    ...results.map((r) =>
      line([
        r.category,
        String(r.relevant),
        r.firstRelevantRank === null ? "-" : String(r.firstRelevantRank),
        r.reciprocalRank.toFixed(3),
        r.ndcg10.toFixed(3),
      ]),
    ),
    line([`mean (${results.length})`, "", "", mrr.toFixed(3), ndcg10.toFixed(3)]),
  ].join("\n");
}
