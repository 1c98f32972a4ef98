import { sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";

/**
 * Lexical retrieval with PostgreSQL full-text search on both databases.
 *
 * A CV is a long query: ANDing its words matches nothing, and `ts_rank` knows no idf. So the
 * CV's lexemes are weighted like BM25 (idf × saturated query frequency, idf from `term_stats`),
 * the most telling ones become an OR query that the GIN index answers, and the matches are scored
 * with BM25 over the job's weighted document (title counts 3×, tags 2×, text 1×).
 */

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** Saturation of a term repeated in the query (a CV says "sales" 20 times). */
const K3 = 1.5;
/** Query terms kept: more adds noise and time, fewer loses recall. */
const MAX_QUERY_TERMS = 32;
/** Characters of query text read; a CV is rarely a tenth of this. */
const MAX_QUERY_CHARS = 100_000;

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface LexicalHit {
  jobId: number;
  score: number;
}

/** What the live jobs look like now: changes whenever a job is added, changed or expired. */
async function jobsFingerprint(db: Database): Promise<string> {
  const [row] = resultRows<{ fingerprint: string }>(
    await db.execute(sql`
      SELECT count(*) || '|' || coalesce(max(updated_at)::text, '') || '|' ||
             coalesce(max(id), 0) || '|' || coalesce(max(expired_at)::text, '') AS fingerprint
      FROM jobs`),
  );
  return row?.fingerprint ?? "";
}

/**
 * For ranking: makes sure term statistics exist and cover the newest job, checking only the
 * highest job id (an index lookup) rather than the full fingerprint, which scans every job.
 * Edits and expiries shift document frequencies a little; the pipeline's full refresh
 * catches those.
 */
export async function ensureTermStats(db: Database): Promise<CorpusStats> {
  const [row] = resultRows<{
    fingerprint: string | null;
    doc_count: number | null;
    avg_length: number | null;
    newest: string | number | null;
  }>(
    await db.execute(sql`
      SELECT c.fingerprint, c.doc_count, c.avg_length, (SELECT max(id) FROM jobs) AS newest
      FROM (SELECT 1) AS one LEFT JOIN corpus_stats c ON c.id = 1`),
  );
  // "|"-separated: the timestamps in it hold colons (a ":" split compared a piece of a
  // time with the id, so every rank rebuilt the statistics: 4.5 s at 100k jobs).
  const storedNewest = row?.fingerprint?.split("|")[2];
  if (row?.fingerprint == null || storedNewest !== String(row.newest ?? 0)) {
    return (await refreshTermStats(db, { force: true })).stats;
  }
  return {
    fingerprint: row.fingerprint,
    docCount: Number(row.doc_count),
    avgLength: Number(row.avg_length),
  };
}

/** `corpus_stats`: the live jobs the term statistics (and the BM25 index) were built from. */
export interface CorpusStats {
  fingerprint: string;
  docCount: number;
  avgLength: number;
}

/**
 * Rebuilds `term_stats` and `corpus_stats` from the live jobs when they changed since the last
 * build (or always with `force`). One transaction: readers never see half a table.
 */
export async function refreshTermStats(
  db: Database,
  options: { force?: boolean } = {},
): Promise<{ refreshed: boolean; docCount: number; stats: CorpusStats }> {
  const fingerprint = await jobsFingerprint(db);
  if (!options.force) {
    const [current] = resultRows<{ fingerprint: string; doc_count: number; avg_length: number }>(
      await db.execute(
        sql`SELECT fingerprint, doc_count, avg_length FROM corpus_stats WHERE id = 1`,
      ),
    );
    if (current?.fingerprint === fingerprint) {
      const docCount = Number(current.doc_count);
      return {
        refreshed: false,
        docCount,
        stats: { fingerprint, docCount, avgLength: Number(current.avg_length) },
      };
    }
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM term_stats`);
    await tx.execute(sql`
      INSERT INTO term_stats (term, doc_count)
      SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM jobs WHERE expired_at IS NULL')`);
    const [stats] = resultRows<{ n: number; avg: number | null }>(
      await tx.execute(sql`
        SELECT count(*)::int AS n, avg(length(search_vector))::float8 AS avg
        FROM jobs WHERE expired_at IS NULL`),
    );
    const docCount = Number(stats?.n ?? 0);
    const avgLength = Number(stats?.avg ?? 0);
    await tx.execute(sql`
      INSERT INTO corpus_stats (id, doc_count, avg_length, fingerprint, refreshed_at)
      VALUES (1, ${docCount}, ${avgLength}, ${fingerprint}, now())
      ON CONFLICT (id) DO UPDATE SET doc_count = excluded.doc_count,
        avg_length = excluded.avg_length, fingerprint = excluded.fingerprint,
        refreshed_at = excluded.refreshed_at`);
    return { refreshed: true, docCount, stats: { fingerprint, docCount, avgLength } };
  });
}

/** How often each lexeme occurs in a query text (stemmed as the jobs' documents are). */
export interface QueryTermCount {
  term: string;
  qtf: number;
}

/** Query texts lexed lately: a person's CV is the same text call after call. */
const lexedQueries = new Map<string, QueryTermCount[]>();
const LEXED_QUERIES_HELD = 64;

/**
 * The lexemes of `text` with their counts, by the database's English configuration; `boost`
 * texts (roles sought) count as if written three more times.
 */
export async function queryTermCounts(
  db: Database,
  text: string,
  boost: string[] = [],
): Promise<QueryTermCount[]> {
  const query = [text.slice(0, MAX_QUERY_CHARS), ...boost, ...boost, ...boost].join("\n");
  const known = lexedQueries.get(query);
  if (known) return known;
  const rows = resultRows<{ term: string; qtf: number }>(
    await db.execute(sql`
      SELECT lexeme AS term, cardinality(positions) AS qtf
      FROM unnest(to_tsvector('english', ${query}))`),
  );
  const counts = rows.map((row) => ({ term: row.term, qtf: Number(row.qtf) }));
  if (lexedQueries.size >= LEXED_QUERIES_HELD) {
    lexedQueries.delete(lexedQueries.keys().next().value as string);
  }
  lexedQueries.set(query, counts);
  return counts;
}

/**
 * The most telling of the query's terms, weighted like BM25's query side (idf × saturated
 * query frequency); `documentFrequency` is a term's job count among `docCount` live jobs.
 */
export function weighQueryTerms(
  counts: QueryTermCount[],
  documentFrequency: (term: string) => number,
  docCount: number,
): WeightedTerm[] {
  const weighted: WeightedTerm[] = [];
  const n = docCount;
  for (const { term, qtf } of counts) {
    const df = documentFrequency(term);
    if (df === 0) continue;
    // Digits (years, phone numbers) and single letters say nothing about the work.
    if (term.length < 2 || /^[\d.,:/-]+$/.test(term)) continue;
    // Words in most jobs ("work", "team") cannot tell jobs apart.
    if (df > n * 0.5) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    weighted.push({ term, weight: (idf * (K3 + 1) * qtf) / (K3 + qtf) });
  }
  return weighted.sort((a, b) => b.weight - a.weight).slice(0, MAX_QUERY_TERMS);
}

/**
 * The most telling terms of `text` (a CV, plus roles), weighted like BM25's query side, with
 * document frequencies from `term_stats`.
 */
export async function weightedQueryTerms(
  db: Database,
  text: string,
  boost: string[] = [],
  stats?: CorpusStats,
): Promise<WeightedTerm[]> {
  const counts = await queryTermCounts(db, text, boost);
  if (counts.length === 0) return [];
  const rows = resultRows<{ term: string; df: number; n: number }>(
    await db.execute(sql`
      SELECT t.term, t.doc_count AS df, c.doc_count AS n
      FROM term_stats t CROSS JOIN corpus_stats c
      WHERE c.id = 1
        AND t.term IN (SELECT jsonb_array_elements_text(${JSON.stringify(counts.map((c) => c.term))}::jsonb))`),
  );
  const df = new Map(rows.map((row) => [row.term, Number(row.df)]));
  const n = stats?.docCount ?? Number(rows[0]?.n ?? 0);
  return weighQueryTerms(counts, (term) => df.get(term) ?? 0, n);
}

/** A tsquery ORing the terms, each quoted so no lexeme is read as an operator. */
function orQuery(terms: WeightedTerm[]): string {
  return terms
    .map(({ term }) => `'${term.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`)
    .join(" | ");
}

/** The BM25 statement of `bm25Search` (exported so the benchmark can EXPLAIN it). */
export function bm25Statement(terms: WeightedTerm[], limit: number) {
  return sql`
      WITH q AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(terms)}::jsonb) AS q(term text, weight float8)
      ),
      c AS (SELECT avg_length FROM corpus_stats WHERE id = 1),
      matches AS (
        SELECT j.id, j.search_vector AS doc, length(j.search_vector) AS dl
        FROM jobs j
        WHERE j.expired_at IS NULL AND j.search_vector @@ ${orQuery(terms)}::tsquery
      ),
      tf AS (
        SELECT m.id, m.dl, q.weight,
          (SELECT sum(CASE w WHEN 'A' THEN 3 WHEN 'B' THEN 2 ELSE 1 END)
             FROM unnest(u.weights) AS w) AS tf
        FROM matches m
        CROSS JOIN LATERAL unnest(m.doc) AS u
        JOIN q ON q.term = u.lexeme
      )
      SELECT tf.id AS job_id,
        sum(tf.weight * (tf.tf * ${sql.raw(String(BM25_K1 + 1))}) /
            (tf.tf + ${sql.raw(String(BM25_K1))} * (1 - ${sql.raw(String(BM25_B))} +
              ${sql.raw(String(BM25_B))} * tf.dl / greatest((SELECT avg_length FROM c), 1))))
          AS score
      FROM tf
      GROUP BY tf.id
      ORDER BY score DESC, tf.id
      LIMIT ${Math.floor(limit)}`;
}

/** BM25 over the live jobs matching any of `terms`, best first. */
export async function bm25Search(
  db: Database,
  terms: WeightedTerm[],
  limit: number,
): Promise<LexicalHit[]> {
  if (terms.length === 0) return [];
  const rows = resultRows<{ job_id: string | number; score: number }>(
    await db.execute(bm25Statement(terms, limit)),
  );
  return rows.map((row) => ({ jobId: Number(row.job_id), score: Number(row.score) }));
}

/**
 * `aura search`: jobs matching a websearch-style query ("rust -crypto", "\"data engineer\"
 * or analyst"), best first by the weighted document's rank.
 */
export async function searchJobs(
  db: Database,
  query: string,
  limit: number,
): Promise<LexicalHit[]> {
  const rows = resultRows<{ job_id: string | number; score: number }>(
    await db.execute(sql`
      SELECT id AS job_id, ts_rank('{0.1, 0.2, 0.4, 1.0}', search_vector, q) AS score
      FROM jobs, websearch_to_tsquery('english', ${query}) AS q
      WHERE expired_at IS NULL AND search_vector @@ q
      ORDER BY score DESC, posted_at DESC NULLS LAST, id
      LIMIT ${Math.floor(limit)}`),
  );
  return rows.map((row) => ({ jobId: Number(row.job_id), score: Number(row.score) }));
}
