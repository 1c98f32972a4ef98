// Okapi BM25 in-process: the lexical baseline `npm run eval` compares AURA's ranker with.
import { tokenize } from "./tokenize.ts";

export interface Bm25Doc<Id extends number | string = number | string> {
  id: Id;
  /** The posting as plain text: title, then description. */
  text: string;
}

export interface Bm25Options {
  /** Term-frequency saturation; 1.2 by default. */
  k1?: number;
  /** Length normalization; 0.75 by default. */
  b?: number;
  /**
   * How a query term repeated in the query counts: "raw" (the default) multiplies its
   * document score by its count in the query, as Robertson's BM25 does with k3 → ∞;
   * "binary" counts each distinct query term once.
   */
  queryTf?: "raw" | "binary";
  /** Text to terms; `tokenize` by default. */
  tokenize?: (text: string) => string[];
}

export interface Bm25Hit<Id> {
  id: Id;
  score: number;
}

export interface Bm25Index<Id> {
  /** Number of documents. */
  readonly size: number;
  /** Every document with its score for the query, best first. */
  scoreAll(queryText: string): Bm25Hit<Id>[];
  /**
   * Ids of the topK best documents for the query (all by default), best first. Documents
   * that share no term with the query score 0 and follow in input order, as do ties.
   */
  search(queryText: string, topK?: number): Id[];
}

interface Posting {
  doc: number;
  tf: number;
}

/**
 * Score of document d for query q:
 *   Σ over distinct terms t of q:  w(t, q) · idf(t) · tf(t,d)·(k1 + 1) / (tf(t,d) + k1·(1 − b + b·|d|/avgdl))
 * with idf(t) = ln(1 + (N − df(t) + 0.5) / (df(t) + 0.5)) (Lucene's form, never negative:
 * a whole CV as the query has many terms common to most postings) and w(t, q) the count
 * of t in the query ("raw") or 1 ("binary").
 */
export function createBm25Index<Id extends number | string>(
  docs: readonly Bm25Doc<Id>[],
  options: Bm25Options = {},
): Bm25Index<Id> {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const queryTf = options.queryTf ?? "raw";
  const toTerms = options.tokenize ?? tokenize;

  const ids = docs.map((d) => d.id);
  if (new Set(ids).size !== ids.length) throw new Error("createBm25Index: duplicate document ids");
  const lengths = new Float64Array(docs.length);
  const index = new Map<string, Posting[]>();
  docs.forEach((d, doc) => {
    const terms = toTerms(d.text);
    lengths[doc] = terms.length;
    for (const [term, tf] of counts(terms)) {
      const list = index.get(term);
      if (list) list.push({ doc, tf });
      else index.set(term, [{ doc, tf }]);
    }
  });
  const n = docs.length;
  const avgdl = n === 0 ? 0 : lengths.reduce((sum, l) => sum + l, 0) / n;

  function scoreAll(queryText: string): Bm25Hit<Id>[] {
    const scores = new Float64Array(n);
    for (const [term, qtf] of counts(toTerms(queryText))) {
      const postings = index.get(term);
      if (!postings) continue;
      const idf = Math.log(1 + (n - postings.length + 0.5) / (postings.length + 0.5));
      const weight = (queryTf === "raw" ? qtf : 1) * idf;
      for (const { doc, tf } of postings) {
        const norm = avgdl === 0 ? 1 : 1 - b + (b * (lengths[doc] ?? 0)) / avgdl;
        scores[doc] = (scores[doc] ?? 0) + (weight * tf * (k1 + 1)) / (tf + k1 * norm);
      }
    }
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((x, y) => (scores[y] ?? 0) - (scores[x] ?? 0) || x - y);
    return order.map((i) => ({ id: ids[i] as Id, score: scores[i] ?? 0 }));
  }

  return {
    size: n,
    scoreAll,
    search(queryText, topK = n) {
      return scoreAll(queryText)
        .slice(0, Math.max(0, topK))
        .map((hit) => hit.id);
    },
  };
}

function counts(terms: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const term of terms) map.set(term, (map.get(term) ?? 0) + 1);
  return map;
}
