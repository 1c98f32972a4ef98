import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { exactSearch, Index, MetricKind, ScalarKind } from "usearch";
import { type Database, resultRows } from "../db/client.ts";
import { decodeRealArray, realArrayBytes } from "../db/real-array.ts";
import { dot } from "../shared/vectors.ts";

export interface VectorHit {
  jobId: number;
  /** Cosine similarity, -1..1. */
  similarity: number;
}

export interface VectorSearch {
  /** "pgvector" searches an HNSW index in the database; "in-process" an index in memory. */
  kind: "pgvector" | "in-process";
  /** The live jobs nearest to `query`, nearest first. */
  search(query: Float32Array, k: number): Promise<VectorHit[]>;
  /** `search` for each query, answered together (in one transaction where the database searches). */
  searchEach(queries: readonly Float32Array[], k: number): Promise<VectorHit[][]>;
  /** Cosine similarity of `query` to each of these live jobs that has a vector. */
  similarities(query: Float32Array, jobIds: readonly number[]): Promise<Map<number, number>>;
  /** The live jobs an in-process index holds, in id order (absent where the database searches). */
  jobIds?: readonly number[];
  /**
   * The vectors an in-process index holds of these jobs (those it has, in their order): read
   * from memory rather than the database. Absent where the database searches.
   */
  vectorsOf?(jobIds: readonly number[]): LoadedVectors;
}

/** Whether the database has pgvector installed (migration 0000 enables it where offered). */
export async function hasPgvector(db: Database): Promise<boolean> {
  const rows = await db.execute<{ found: number }>(
    sql`SELECT 1 AS found FROM pg_extension WHERE extname = 'vector'`,
  );
  return resultRows(rows).length > 0;
}

/** A model id as an SQL string literal and as a safe index-name suffix. */
function modelLiteral(model: string): string {
  return `'${model.replaceAll("'", "''")}'`;
}

function indexName(model: string, dimension: number): string {
  const slug = model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 30);
  return `job_embeddings_hnsw_${slug}_${dimension}`;
}

/**
 * Makes sure `model`'s vectors are searchable fast: with pgvector, an HNSW index (cosine) over
 * `embedding::vector(dimension)` for that model's rows; the database keeps it current as rows
 * change. Without pgvector nothing is stored: the in-process index is built when searched.
 */
export async function ensureVectorIndex(
  db: Database,
  model: string,
  dimension: number,
  options: {
    cacheDir?: string;
    /** Refresh the planner's statistics (the pipeline, after adding vectors). */
    analyze?: boolean;
  } = {},
): Promise<"pgvector" | "in-process"> {
  if (!(await hasPgvector(db))) {
    // Built now, by the pipeline, so the next `rank` only loads it.
    if (options.cacheDir) await loadOrBuildInProcess(db, model, dimension, options.cacheDir);
    return "in-process";
  }
  await ensureHnswIndex(db, model, dimension, options.analyze === true);
  return "pgvector";
}

/** pgvector's HNSW index of `model`'s vectors, created where missing (the database has pgvector). */
async function ensureHnswIndex(
  db: Database,
  model: string,
  dimension: number,
  analyze: boolean,
): Promise<void> {
  const dim = Math.floor(dimension);
  const name = indexName(model, dim);
  const existing = resultRows<{ found: number }>(
    await db.execute(sql`SELECT 1 AS found FROM pg_indexes WHERE indexname = ${name}`),
  );
  if (existing.length === 0) {
    await db.execute(
      sql.raw(
        `CREATE INDEX IF NOT EXISTS ${name} ON job_embeddings ` +
          `USING hnsw ((embedding::vector(${dim})) vector_cosine_ops) ` +
          `WHERE model = ${modelLiteral(model)}`,
      ),
    );
  }
  if (existing.length === 0 || analyze) {
    // Fresh statistics, or the planner (PGlite has no autovacuum) keeps estimating the few
    // rows of the first run and scans every vector: at 10k jobs 172 ms instead of 4 ms.
    await db.execute(sql`ANALYZE jobs, job_sources, job_embeddings`);
  }
}

export interface VectorSearchOptions {
  /** Force the in-process index even where pgvector exists (tests compare the two). */
  inProcess?: boolean;
  /**
   * Where the in-process index is saved and loaded from (a folder per database); without it
   * the index is rebuilt from the database on every open.
   */
  cacheDir?: string;
}

/** Searches `model`'s job vectors the best way this database allows. */
export async function openVectorSearch(
  db: Database,
  model: string,
  dimension: number,
  options: VectorSearchOptions = {},
): Promise<VectorSearch> {
  if (!options.inProcess && (await hasPgvector(db))) {
    await ensureHnswIndex(db, model, dimension, false);
    return pgvectorSearch(db, model, dimension);
  }
  if (options.cacheDir) return loadOrBuildInProcess(db, model, dimension, options.cacheDir);
  return inProcessSearch(await loadVectors(db, model, dimension), dimension);
}

/**
 * The pgvector nearest-neighbour statement and the settings it runs under (exported so the
 * benchmark can EXPLAIN exactly what runs).
 */
export function pgvectorStatement(
  model: string,
  dimension: number,
  query: Float32Array,
  k: number,
) {
  const dim = Math.floor(dimension);
  // The ORDER BY expression and the WHERE clause repeat the index's own, so the planner uses it.
  const distance = sql.raw(`(e.embedding::vector(${dim})) <=> `);
  const literal = `[${Array.from(query).join(",")}]`;
  return {
    // ef_search bounds how many results HNSW can return; iterative scans keep filtering
    // (expired jobs) from starving the result.
    settings: [
      sql.raw(`SET LOCAL hnsw.ef_search = ${Math.max(40, Math.min(1000, Math.floor(k)))}`),
      sql.raw("SET LOCAL hnsw.iterative_scan = relaxed_order"),
    ],
    statement: sql`
      SELECT e.job_id, ${distance}${literal}::vector AS distance
      FROM job_embeddings e JOIN jobs j ON j.id = e.job_id
      WHERE e.model = ${sql.raw(modelLiteral(model))} AND j.expired_at IS NULL
      ORDER BY ${distance}${literal}::vector
      LIMIT ${Math.floor(k)}`,
  };
}

function pgvectorSearch(db: Database, model: string, dimension: number): VectorSearch {
  const dim = Math.floor(dimension);
  const toHits = (result: unknown) =>
    resultRows<{ job_id: string | number; distance: number }>(result)
      .map((row) => ({ jobId: Number(row.job_id), similarity: 1 - Number(row.distance) }))
      .sort((a, b) => b.similarity - a.similarity);
  const searchEach = async (queries: readonly Float32Array[], k: number) => {
    const first = queries[0];
    if (!first) return [];
    // The settings depend on k alone: set once for every statement of the transaction.
    const { settings } = pgvectorStatement(model, dimension, first, k);
    return db.transaction(async (tx) => {
      for (const setting of settings) await tx.execute(setting);
      const found: VectorHit[][] = [];
      for (const query of queries) {
        const { statement } = pgvectorStatement(model, dimension, query, k);
        found.push(toHits(await tx.execute(statement)));
      }
      return found;
    });
  };
  return {
    kind: "pgvector",
    async similarities(query, jobIds) {
      if (jobIds.length === 0) return new Map();
      const rows = resultRows<{ job_id: string | number; similarity: number }>(
        await db.execute(sql`
          SELECT e.job_id, 1 - ((e.embedding::vector(${sql.raw(String(dim))})) <=>
            ${`[${Array.from(query).join(",")}]`}::vector) AS similarity
          FROM job_embeddings e JOIN jobs j ON j.id = e.job_id
          WHERE e.model = ${model} AND j.expired_at IS NULL AND e.job_id IN (${sql.join(
            jobIds.map((id) => sql`${Math.floor(id)}`),
            sql`, `,
          )})`),
      );
      return new Map(rows.map((row) => [Number(row.job_id), Number(row.similarity)]));
    },
    async search(query, k) {
      const [hits] = await searchEach([query], k);
      return hits ?? [];
    },
    searchEach,
  };
}

/** `search` for each query in turn: in process nothing is gained by answering them together. */
function searchingEach<T extends Omit<VectorSearch, "searchEach">>(
  base: T,
): T & Pick<VectorSearch, "searchEach"> {
  return {
    ...base,
    async searchEach(queries, k) {
      const found: VectorHit[][] = [];
      for (const query of queries) found.push(await base.search(query, k));
      return found;
    },
  };
}

export interface LoadedVectors {
  ids: number[];
  /** Row-major, `ids.length` × dimension. */
  matrix: Float32Array;
}

async function loadVectors(db: Database, model: string, dimension: number): Promise<LoadedVectors> {
  return jobVectors(db, model, dimension);
}

/**
 * The stored vectors of `model` for the live jobs (or for the jobs of `jobIds`, live or
 * expired), as one row-major matrix with the ids in row order.
 */
export async function jobVectors(
  db: Database,
  model: string,
  dimension: number,
  jobIds?: readonly number[],
): Promise<LoadedVectors> {
  const which = jobIds
    ? sql`e.job_id = ANY(${`{${jobIds.map((id) => Math.floor(id)).join(",")}}`}::bigint[])`
    : sql`j.expired_at IS NULL`;
  // Vectors of another dimension are left out as they are read: a condition on their size in
  // the statement would unpack every stored vector of the model, not only these.
  const result = await db.execute(sql`
    SELECT e.job_id, ${realArrayBytes(sql`e.embedding`)} AS embedding
    FROM job_embeddings e JOIN jobs j ON j.id = e.job_id
    WHERE e.model = ${model} AND ${which}`);
  const rows = resultRows<{ job_id: string | number; embedding: Uint8Array }>(result);
  const matrix = new Float32Array(rows.length * dimension);
  const ids: number[] = [];
  for (const row of rows) {
    const vector = decodeRealArray(row.embedding);
    if (vector?.length !== dimension) continue;
    matrix.set(vector, ids.length * dimension);
    ids.push(Number(row.job_id));
  }
  return { ids, matrix: matrix.subarray(0, ids.length * dimension) };
}

/** Up to this many vectors a brute-force scan (SIMD) is fast enough and exact. */
const EXACT_SCAN_LIMIT = 20_000;

/**
 * HNSW graph settings. Connectivity 32, not 16: on 100k job vectors (real ones and jittered
 * mixes of them, so many near-duplicates, as reposted jobs are) recall@10 rose from 0.87 to
 * 0.97 for a 30% longer build (bench/recall.ts). Part of the saved index's manifest.
 */
const HNSW_SETTINGS = { connectivity: 32, expansion_add: 128, expansion_search: 256 } as const;
const HNSW_SETTINGS_KEY = `c${HNSW_SETTINGS.connectivity}-a${HNSW_SETTINGS.expansion_add}-s${HNSW_SETTINGS.expansion_search}`;

function createHnsw(dimension: number): Index {
  return new Index({
    dimensions: dimension,
    metric: MetricKind.Cos,
    quantization: ScalarKind.F32,
    multi: false,
    ...HNSW_SETTINGS,
  });
}

type SearchWithIndex = VectorSearch & { hnsw: Index | null };

/**
 * The array itself when it spans its whole buffer, else a copy: usearch's exactSearch reads
 * from the start of the buffer, ignoring a view's offset (a subarray query returned row 0's
 * neighbours).
 */
function ownBuffer(array: Float32Array): Float32Array {
  return array.byteOffset === 0 && array.byteLength === array.buffer.byteLength
    ? array
    : array.slice();
}

/**
 * Vector search in memory (usearch, native SIMD), for databases without pgvector: an exact scan
 * for up to 20k vectors, an HNSW index above (built here unless `hnsw` is given, loaded from
 * disk). Vectors are unit length, so cosine distance ranks like pgvector's `<=>`.
 */
export function inProcessSearch(
  vectors: LoadedVectors,
  dimension: number,
  hnsw?: Index,
): SearchWithIndex {
  const count = vectors.ids.length;
  const jobIds = [...vectors.ids].sort((a, b) => a - b);
  let rowOf: Map<number, number> | null = null;
  const vectorsOf = (wanted: readonly number[]): LoadedVectors => {
    rowOf ??= new Map(vectors.ids.map((id, row) => [id, row]));
    const ids: number[] = [];
    const matrix = new Float32Array(wanted.length * dimension);
    for (const id of wanted) {
      const row = rowOf.get(id);
      if (row === undefined) continue;
      matrix.set(
        vectors.matrix.subarray(row * dimension, (row + 1) * dimension),
        ids.length * dimension,
      );
      ids.push(id);
    }
    return { ids, matrix: matrix.subarray(0, ids.length * dimension) };
  };
  const similarities = async (query: Float32Array, jobIds: readonly number[]) => {
    rowOf ??= new Map(vectors.ids.map((id, row) => [id, row]));
    const out = new Map<number, number>();
    for (const id of jobIds) {
      const row = rowOf.get(id);
      if (row === undefined) continue;
      // Stored vectors are unit length, as is the query: the dot product is the cosine.
      out.set(id, dot(query, vectors.matrix.subarray(row * dimension, (row + 1) * dimension)));
    }
    return out;
  };
  const hits = (keys: ArrayLike<bigint>, distances: Float32Array, toId: (key: bigint) => number) =>
    Array.from(keys, (key, i) => ({ jobId: toId(key), similarity: 1 - (distances[i] ?? 1) }));
  if (count <= EXACT_SCAN_LIMIT) {
    const matrix = ownBuffer(vectors.matrix);
    return searchingEach({
      kind: "in-process",
      hnsw: null,
      similarities,
      jobIds,
      vectorsOf,
      async search(query: Float32Array, k: number) {
        if (count === 0) return [];
        // One thread: a scan of 20k vectors takes under 2 ms, and a server or worker runs
        // several at once; usearch's default (every core) cost three times the CPU.
        const matches = exactSearch(
          matrix,
          ownBuffer(query),
          dimension,
          Math.min(Math.floor(k), count),
          MetricKind.Cos,
          1,
        ) as { keys: BigUint64Array; distances: Float32Array };
        return hits(matches.keys, matches.distances, (row) => vectors.ids[Number(row)] ?? -1);
      },
    });
  }
  let index = hnsw;
  if (!index) {
    index = createHnsw(dimension);
    index.add(
      BigUint64Array.from(vectors.ids, (id) => BigInt(id)),
      vectors.matrix,
    );
  }
  const built = index;
  return searchingEach({
    kind: "in-process",
    hnsw: built,
    similarities,
    jobIds,
    vectorsOf,
    async search(query: Float32Array, k: number) {
      const matches = built.search(query, Math.min(Math.floor(k), count), 0);
      return hits(matches.keys, matches.distances, Number);
    },
  });
}

/**
 * What the stored vectors of a model and the live jobs look like now: changes on any add,
 * re-embed, expiry or return. Read on every search, so two scans that need no join: the
 * model's vectors, and the live jobs from their partial index (7.7 ms became 4.4 at 20k jobs).
 */
export async function vectorsFingerprint(db: Database, model: string): Promise<string> {
  const [row] = resultRows<{ fingerprint: string }>(
    await db.execute(sql`
      SELECT (SELECT count(*) || ':' || coalesce(sum(job_id), 0) || ':' ||
                     coalesce(max(embedded_at)::text, '')
              FROM job_embeddings WHERE model = ${model}) || '|' ||
             (SELECT count(*) || ':' || coalesce(sum(id), 0)
              FROM jobs WHERE expired_at IS NULL) AS fingerprint`),
  );
  return row?.fingerprint ?? "";
}

interface IndexManifest {
  model: string;
  dimension: number;
  fingerprint: string;
  count: number;
  hnsw: boolean;
  /** HNSW_SETTINGS_KEY of the saved graph; another one is rebuilt. */
  hnswSettings?: string;
}

/**
 * The in-process index of `model`, from `cacheDir` when it still matches the database, else
 * rebuilt from the stored vectors and saved there (ids and vectors as raw Float32, plus the
 * usearch HNSW file above the exact-scan limit). Files are written then renamed, so a crash
 * leaves the old index or none, never half of one.
 */
async function loadOrBuildInProcess(
  db: Database,
  model: string,
  dimension: number,
  cacheDir: string,
): Promise<VectorSearch> {
  const dir = path.join(cacheDir, "vector-index");
  const base = path.join(dir, indexName(model, dimension));
  const files = {
    manifest: `${base}.json`,
    ids: `${base}.ids`,
    vectors: `${base}.f32`,
    hnsw: `${base}.usearch`,
  };
  const fingerprint = await vectorsFingerprint(db, model);
  // Held in memory while the vectors stay the same: a server or worker opens it once, not for
  // every batch (reading 20k vectors and their graph from disk costs ~0.4 s).
  const held = openedIndexes.get(base);
  if (held?.fingerprint === fingerprint) return held.search;
  const opened = await loadOrBuildFiles(db, model, dimension, { dir, files, fingerprint });
  openedIndexes.set(base, { fingerprint, search: opened });
  return opened;
}

/** In-process indexes this process opened, by their files' path, with the vectors' fingerprint. */
const openedIndexes = new Map<string, { fingerprint: string; search: VectorSearch }>();

async function loadOrBuildFiles(
  db: Database,
  model: string,
  dimension: number,
  where: {
    dir: string;
    files: { manifest: string; ids: string; vectors: string; hnsw: string };
    fingerprint: string;
  },
): Promise<VectorSearch> {
  const { dir, files, fingerprint } = where;
  const manifest = existsSync(files.manifest)
    ? (JSON.parse(readFileSync(files.manifest, "utf8")) as IndexManifest)
    : null;
  if (
    manifest?.fingerprint === fingerprint &&
    manifest.dimension === dimension &&
    (!manifest.hnsw || manifest.hnswSettings === HNSW_SETTINGS_KEY)
  ) {
    try {
      const idBytes = readFileSync(files.ids);
      const vectorBytes = readFileSync(files.vectors);
      const ids = Array.from(
        new Float64Array(idBytes.buffer, idBytes.byteOffset, idBytes.byteLength / 8),
      );
      const matrix = new Float32Array(
        vectorBytes.buffer.slice(
          vectorBytes.byteOffset,
          vectorBytes.byteOffset + vectorBytes.byteLength,
        ),
      );
      let hnsw: Index | undefined;
      if (manifest.hnsw) {
        hnsw = createHnsw(dimension);
        hnsw.load(files.hnsw);
      }
      return inProcessSearch({ ids, matrix }, dimension, hnsw);
    } catch {
      // A damaged cache is rebuilt below.
    }
  }
  const vectors = await loadVectors(db, model, dimension);
  const search = inProcessSearch(vectors, dimension);
  mkdirSync(dir, { recursive: true });
  const write = (file: string, data: Uint8Array | string) => {
    writeFileSync(`${file}.tmp`, data);
    renameSync(`${file}.tmp`, file);
  };
  write(files.ids, new Uint8Array(Float64Array.from(vectors.ids).buffer));
  write(
    files.vectors,
    new Uint8Array(vectors.matrix.buffer, vectors.matrix.byteOffset, vectors.matrix.byteLength),
  );
  if (search.hnsw) {
    search.hnsw.save(`${files.hnsw}.tmp`);
    renameSync(`${files.hnsw}.tmp`, files.hnsw);
  }
  const next: IndexManifest = {
    model,
    dimension,
    fingerprint,
    count: vectors.ids.length,
    hnsw: search.hnsw !== null,
    hnswSettings: HNSW_SETTINGS_KEY,
  };
  // The manifest goes last: it is what makes the files above count.
  write(files.manifest, JSON.stringify(next));
  return search;
}
