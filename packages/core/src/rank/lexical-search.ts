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
export async function ensureTermStats(db: Database): Promise<void> {
  const [row] = resultRows<{ stored: string | null; newest: string | number | null }>(
    await db.execute(sql`
      SELECT (SELECT fingerprint FROM corpus_stats WHERE id = 1) AS stored,
             (SELECT max(id) FROM jobs) AS newest`),
  );
  // "|"-separated: the timestamps in it hold colons (a ":" split compared a piece of a
  // time with the id, so every rank rebuilt the statistics: 4.5 s at 100k jobs).
  const storedNewest = row?.stored?.split("|")[2];
  if (row?.stored == null || storedNewest !== String(row.newest ?? 0)) {
    await refreshTermStats(db, { force: true });
  }
}

/**
 * Rebuilds `term_stats` and `corpus_stats` from the live jobs when they changed since the last
 * build (or always with `force`). One transaction: readers never see half a table.
 */
export async function refreshTermStats(
  db: Database,
  options: { force?: boolean } = {},
): Promise<{ refreshed: boolean; docCount: number }> {
  const fingerprint = await jobsFingerprint(db);
  if (!options.force) {
    const [current] = resultRows<{ fingerprint: string; doc_count: number }>(
      await db.execute(sql`SELECT fingerprint, doc_count FROM corpus_stats WHERE id = 1`),
    );
    if (current?.fingerprint === fingerprint) {
      return { refreshed: false, docCount: Number(current.doc_count) };
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
    await tx.execute(sql`
      INSERT INTO corpus_stats (id, doc_count, avg_length, fingerprint, refreshed_at)
      VALUES (1, ${docCount}, ${Number(stats?.avg ?? 0)}, ${fingerprint}, now())
      ON CONFLICT (id) DO UPDATE SET doc_count = excluded.doc_count,
        avg_length = excluded.avg_length, fingerprint = excluded.fingerprint,
        refreshed_at = excluded.refreshed_at`);
    return { refreshed: true, docCount };
  });
}

/**
 * The most telling terms of `text` (a CV, plus roles), weighted like BM25's query side.
 * `boost` texts (roles sought) count as if written three more times.
 */
export async function weightedQueryTerms(
  db: Database,
  text: string,
  boost: string[] = [],
): Promise<WeightedTerm[]> {
  const query = [text.slice(0, MAX_QUERY_CHARS), ...boost, ...boost, ...boost].join("\n");
  const rows = resultRows<{ term: string; qtf: number; df: number; n: number }>(
    await db.execute(sql`
      WITH q AS (
        SELECT lexeme AS term, cardinality(positions) AS qtf
        FROM unnest(to_tsvector('english', ${query}))
      )
      SELECT q.term, q.qtf, t.doc_count AS df, c.doc_count AS n
      FROM q JOIN term_stats t ON t.term = q.term CROSS JOIN corpus_stats c
      WHERE c.id = 1`),
  );
  const weighted: WeightedTerm[] = [];
  for (const row of rows) {
    const df = Number(row.df);
    const n = Number(row.n);
    // Digits (years, phone numbers) and single letters say nothing about the work.
    if (row.term.length < 2 || /^[\d.,:/-]+$/.test(row.term)) continue;
    // Words in most jobs ("work", "team") cannot tell jobs apart.
    if (df > n * 0.5) continue;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const qtf = Number(row.qtf);
    weighted.push({ term: row.term, weight: (idf * (K3 + 1) * qtf) / (K3 + qtf) });
  }
  return weighted.sort((a, b) => b.weight - a.weight).slice(0, MAX_QUERY_TERMS);
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
