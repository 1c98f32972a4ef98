// A database of real jobs grown to 10k–100k with synthetic copies: shared by rank and recall.
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "../packages/core/src/db/client.ts";
import { jobEmbeddings } from "../packages/core/src/db/schema.ts";
import { jobTextHash } from "../packages/core/src/embed/job-text.ts";
import { syntheticVector } from "./shared.ts";

/** Id of copy `c` (1, 2, …) of real job `id`: real ids stay far below a million. */
const COPY_ID_STRIDE = 1_000_000;

const JOB_COLUMNS = [
  "company",
  "description",
  "location",
  "country",
  "remote",
  "salary_min",
  "salary_max",
  "currency",
  "salary_period",
  "salary_min_annual",
  "salary_max_annual",
  "seniority",
  "employment_type",
  "tags",
  "posted_at",
  "company_key",
  "title_key",
  "first_seen_at",
  "last_seen_at",
  "expired_at",
  "created_at",
  "updated_at",
];

/**
 * The real jobs of `db` (after an offline ingest and embedding) as the template of every copy:
 * `bench_base` holds them in a fixed order (by content hash, so the first 1,000 are a sample
 * across every board, and the same on every database), with their first board link.
 */
export class ScaledJobs {
  private constructor(
    readonly db: Database,
    readonly model: string,
    readonly dimension: number,
    /** Real jobs in `bench_base` order. */
    readonly base: { id: number; contentHash: string }[],
    /** Their vectors, row-major. */
    readonly baseVectors: Float32Array,
    /** Real jobs still live (the first ones in order), and copies made so far. */
    public realLive: number,
    public copies: number,
  ) {}

  static async prepare(db: Database, model: string, dimension: number): Promise<ScaledJobs> {
    await db.execute(sql`DROP TABLE IF EXISTS bench_base`);
    await db.execute(sql`DROP TABLE IF EXISTS bench_base_sources`);
    await db.execute(
      sql.raw(`CREATE TABLE bench_base AS
        SELECT (row_number() OVER (ORDER BY content_hash, id) - 1)::int AS ord, id, title, url,
          content_hash, ${JOB_COLUMNS.join(", ")}
        FROM jobs WHERE expired_at IS NULL`),
    );
    await db.execute(sql`CREATE UNIQUE INDEX bench_base_ord ON bench_base (ord)`);
    await db.execute(sql`
      CREATE TABLE bench_base_sources AS
      SELECT DISTINCT ON (job_id) job_id, source, external_id, url, canonical_url, live,
        content_hash, first_seen_at, last_seen_at
      FROM job_sources ORDER BY job_id, id`);
    await db.execute(
      sql`CREATE UNIQUE INDEX bench_base_sources_job ON bench_base_sources (job_id)`,
    );
    const rows = resultRows<{ id: string | number; content_hash: string; embedding: number[] }>(
      await db.execute(sql`
        SELECT b.id, b.content_hash, e.embedding FROM bench_base b
        JOIN job_embeddings e ON e.job_id = b.id AND e.model = ${model}
        ORDER BY b.ord`),
    );
    const count = resultRows<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM bench_base`),
    )[0]?.n;
    if (rows.length !== count) throw new Error(`${count} real jobs but ${rows.length} vectors`);
    const vectors = new Float32Array(rows.length * dimension);
    rows.forEach((row, i) => {
      vectors.set(row.embedding, i * dimension);
    });
    return new ScaledJobs(
      db,
      model,
      dimension,
      rows.map((row) => ({ id: Number(row.id), contentHash: row.content_hash })),
      vectors,
      rows.length,
      0,
    );
  }

  get live(): number {
    return this.realLive + this.copies;
  }

  /**
   * Makes `size` live jobs: fewer real jobs than there are (the rest deleted; only before any
   * copy), or every kept real job plus synthetic copies. Copy k repeats real job k mod n with
   * " (c)" after its title, "#copy-c" after its URLs, ":c" after its hash, its first board link,
   * and `syntheticVector(k)`. Returns seconds spent on jobs and on vectors.
   */
  async grow(size: number, onProgress?: (done: number, total: number) => void) {
    const n = this.base.length;
    const timing = { jobs: 0, vectors: 0 };
    if (size < this.realLive) {
      if (this.copies > 0) throw new Error("sizes must grow once copies exist");
      await this.db.execute(sql`
        DELETE FROM jobs WHERE id IN (SELECT id FROM bench_base WHERE ord >= ${size})`);
      this.realLive = size;
      return timing;
    }
    const from = this.copies;
    const to = this.copies + (size - this.live);
    const STEP = 5_000;
    for (let start = from; start < to; start += STEP) {
      const end = Math.min(to, start + STEP);
      const t0 = performance.now();
      const c = sql.raw(`(1 + k / ${n})`);
      await this.db.execute(sql`
        INSERT INTO jobs (id, title, url, content_hash, ${sql.raw(JOB_COLUMNS.join(", "))})
        SELECT ${c} * ${COPY_ID_STRIDE} + b.id, b.title || ' (' || ${c} || ')',
          b.url || '#copy-' || ${c}, b.content_hash || ':' || ${c},
          ${sql.raw(JOB_COLUMNS.map((col) => `b.${col}`).join(", "))}
        FROM generate_series(${start}::int, ${end - 1}::int) AS k
        JOIN bench_base b ON b.ord = k % ${n}`);
      await this.db.execute(sql`
        INSERT INTO job_sources (job_id, source, external_id, url, canonical_url, live,
          content_hash, first_seen_at, last_seen_at)
        SELECT ${c} * ${COPY_ID_STRIDE} + b.id, s.source, s.external_id || '#' || ${c},
          s.url || '#copy-' || ${c}, s.canonical_url || '#copy-' || ${c}, s.live,
          s.content_hash || ':' || ${c}, s.first_seen_at, s.last_seen_at
        FROM generate_series(${start}::int, ${end - 1}::int) AS k
        JOIN bench_base b ON b.ord = k % ${n}
        JOIN bench_base_sources s ON s.job_id = b.id`);
      const t1 = performance.now();
      for (let batch = start; batch < end; batch += 500) {
        const values = [];
        for (let k = batch; k < Math.min(end, batch + 500); k++) {
          const copy = 1 + Math.floor(k / n);
          const real = this.base[k % n];
          if (!real) throw new Error(`no real job ${k % n}`);
          values.push({
            jobId: copy * COPY_ID_STRIDE + real.id,
            model: this.model,
            textHash: jobTextHash(`${real.contentHash}:${copy}`),
            embedding: Array.from(syntheticVector(this.baseVectors, n, this.dimension, k)),
          });
        }
        await this.db.insert(jobEmbeddings).values(values);
      }
      timing.jobs += (t1 - t0) / 1000;
      timing.vectors += (performance.now() - t1) / 1000;
      this.copies = end;
      onProgress?.(end - from, to - from);
    }
    return timing;
  }

  /** The live vectors as `inProcessSearch` takes them, made in memory (not read back). */
  vectors(): { ids: number[]; matrix: Float32Array } {
    return this.vectorsOf(this.realLive, this.copies);
  }

  /** The vectors `size` live jobs would have (as `grow` makes them), without any rows. */
  vectorsFor(size: number): { ids: number[]; matrix: Float32Array } {
    const real = Math.min(size, this.base.length);
    return this.vectorsOf(real, size - real);
  }

  private vectorsOf(realLive: number, copies: number) {
    const n = this.base.length;
    const dim = this.dimension;
    const ids: number[] = [];
    const matrix = new Float32Array((realLive + copies) * dim);
    for (let i = 0; i < realLive; i++) {
      ids.push(this.base[i]?.id ?? -1);
      matrix.set(this.baseVectors.subarray(i * dim, (i + 1) * dim), i * dim);
    }
    for (let k = 0; k < copies; k++) {
      ids.push((1 + Math.floor(k / n)) * COPY_ID_STRIDE + (this.base[k % n]?.id ?? -1));
      matrix.set(syntheticVector(this.baseVectors, n, dim, k), (realLive + k) * dim);
    }
    return { ids, matrix };
  }
}
