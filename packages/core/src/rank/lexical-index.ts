import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";
import { BM25_B, BM25_K1, type LexicalHit, type WeightedTerm } from "./lexical-search.ts";

/**
 * BM25 in memory: the same scores as `bm25Search` (same weighted term frequencies, document
 * lengths and average length), from an inverted index of the live jobs' `search_vector`s.
 * In SQL, scoring unnests every matching job's whole document (2 s at 100k jobs); here a query
 * walks only its terms' postings. Built by the pipeline next to the vector index, saved in the
 * data folder, and used only while it matches `corpus_stats` (else ranking falls back to SQL).
 */
export interface LexicalIndex {
  /** `corpus_stats.fingerprint` of the jobs it was built from. */
  readonly fingerprint: string;
  readonly docCount: number;
  /** How many of the indexed jobs hold `term`. */
  documentFrequency(term: string): number;
  search(terms: WeightedTerm[], limit: number): LexicalHit[];
}

interface IndexData {
  fingerprint: string;
  avgLength: number;
  terms: string[];
  /** Postings of term t: offsets[t] .. offsets[t + 1]. */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** Weighted term frequency: 3 per title position, 2 per tag position, 1 per text position. */
  tfs: Uint16Array;
  ids: Float64Array;
  /** Distinct lexemes per job: `length(search_vector)`. */
  lengths: Uint32Array;
}

const PAGE = 2_000;
const WEIGHT: Record<string, number> = { A: 3, B: 2 };

/** Parses PostgreSQL's text form of a tsvector: `'java':1A,2A,3 'spring':4`. */
export function parseTsvector(text: string): { lexeme: string; tf: number }[] {
  const out: { lexeme: string; tf: number }[] = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === " ") i++;
    if (text[i] !== "'") break;
    i++;
    let lexeme = "";
    while (i < text.length) {
      const ch = text[i];
      if (ch === "'" && text[i + 1] === "'") {
        lexeme += "'";
        i += 2;
      } else if (ch === "\\") {
        lexeme += text[i + 1] ?? "";
        i += 2;
      } else if (ch === "'") {
        i++;
        break;
      } else {
        lexeme += ch;
        i++;
      }
    }
    let tf = 1;
    if (text[i] === ":") {
      // Positions "1A,2,3B": the letter is the weight (none for D).
      const end = text.indexOf(" ", i);
      const positions = text.slice(i + 1, end < 0 ? text.length : end).split(",");
      tf = positions.reduce((sum, position) => sum + (WEIGHT[position.at(-1) ?? ""] ?? 1), 0);
      i = end < 0 ? text.length : end;
    }
    out.push({ lexeme, tf });
  }
  return out;
}

/** Doc-major postings (term, doc, weighted tf), grown by doubling. */
function postingBuffer() {
  let size = 0;
  let terms = new Uint32Array(1 << 16);
  let docs = new Uint32Array(1 << 16);
  let tfs = new Uint16Array(1 << 16);
  return {
    push(term: number, doc: number, tf: number) {
      if (size === terms.length) {
        const grow = <T extends Uint32Array | Uint16Array>(from: T, to: T) => {
          to.set(from);
          return to;
        };
        terms = grow(terms, new Uint32Array(size * 2));
        docs = grow(docs, new Uint32Array(size * 2));
        tfs = grow(tfs, new Uint16Array(size * 2));
      }
      terms[size] = term;
      docs[size] = doc;
      tfs[size] = tf;
      size++;
    },
    /** The postings so far (views, valid until the next push). */
    view() {
      return {
        size,
        terms: terms.subarray(0, size),
        docs: docs.subarray(0, size),
        tfs: tfs.subarray(0, size),
      };
    },
  };
}

async function corpusStats(db: Database) {
  const [row] = resultRows<{ fingerprint: string; avg_length: number }>(
    await db.execute(sql`SELECT fingerprint, avg_length FROM corpus_stats WHERE id = 1`),
  );
  return row ? { fingerprint: row.fingerprint, avgLength: Number(row.avg_length) } : null;
}

/** Reads every live job's document, page by page, into an inverted index. */
export async function buildLexicalIndex(db: Database): Promise<LexicalIndex | null> {
  const stats = await corpusStats(db);
  if (!stats) return null;
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const buffer = postingBuffer();
  const ids: number[] = [];
  const lengths: number[] = [];
  let after = 0;
  for (;;) {
    const rows = resultRows<{ id: string | number; doc: string }>(
      await db.execute(sql`
        SELECT id, search_vector::text AS doc FROM jobs
        WHERE expired_at IS NULL AND id > ${after} ORDER BY id LIMIT ${PAGE}`),
    );
    for (const row of rows) {
      const doc = ids.length;
      ids.push(Number(row.id));
      const lexemes = parseTsvector(row.doc);
      lengths.push(lexemes.length);
      for (const { lexeme, tf } of lexemes) {
        let term = termIds.get(lexeme);
        if (term === undefined) {
          term = terms.length;
          terms.push(lexeme);
          termIds.set(lexeme, term);
        }
        buffer.push(term, doc, Math.min(tf, 65_535));
      }
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]?.id);
  }
  // Doc-major to term-major (counting sort): each term's postings in doc order.
  const postings = buffer.view();
  const offsets = new Uint32Array(terms.length + 1);
  for (let p = 0; p < postings.size; p++) {
    const t = postings.terms[p] ?? 0;
    offsets[t + 1] = (offsets[t + 1] ?? 0) + 1;
  }
  for (let t = 0; t < terms.length; t++) offsets[t + 1] = (offsets[t + 1] ?? 0) + (offsets[t] ?? 0);
  const fill = offsets.slice(0, terms.length);
  const docs = new Uint32Array(postings.size);
  const tfs = new Uint16Array(postings.size);
  for (let p = 0; p < postings.size; p++) {
    const t = postings.terms[p] ?? 0;
    const at = fill[t] ?? 0;
    docs[at] = postings.docs[p] ?? 0;
    tfs[at] = postings.tfs[p] ?? 0;
    fill[t] = at + 1;
  }
  return fromData({
    fingerprint: stats.fingerprint,
    avgLength: stats.avgLength,
    terms,
    offsets,
    docs,
    tfs,
    ids: Float64Array.from(ids),
    lengths: Uint32Array.from(lengths),
  });
}

function fromData(data: IndexData): LexicalIndex & { data: IndexData } {
  const termIds = new Map(data.terms.map((term, i) => [term, i]));
  const docCount = data.ids.length;
  const norm = new Float64Array(docCount);
  const avg = Math.max(data.avgLength, 1);
  for (let d = 0; d < docCount; d++) {
    norm[d] = BM25_K1 * (1 - BM25_B + (BM25_B * (data.lengths[d] ?? 0)) / avg);
  }
  let scores: Float64Array | undefined;
  return {
    data,
    fingerprint: data.fingerprint,
    docCount,
    documentFrequency(term) {
      const t = termIds.get(term);
      return t === undefined ? 0 : (data.offsets[t + 1] ?? 0) - (data.offsets[t] ?? 0);
    },
    search(queryTerms, limit) {
      // One score array per index, zeroed again after use: search is synchronous, and a fresh
      // 800 KB array per call (at 100k jobs) kept the garbage collector busy.
      scores ??= new Float64Array(docCount);
      const acc = scores;
      const touched: number[] = [];
      for (const { term, weight } of queryTerms) {
        const t = termIds.get(term);
        if (t === undefined) continue;
        const end = data.offsets[t + 1] ?? 0;
        for (let p = data.offsets[t] ?? 0; p < end; p++) {
          const d = data.docs[p] ?? 0;
          const tf = data.tfs[p] ?? 0;
          if (acc[d] === 0) touched.push(d);
          acc[d] = (acc[d] ?? 0) + (weight * (tf * (BM25_K1 + 1))) / (tf + (norm[d] ?? 1));
        }
      }
      // As SQL orders: score descending, then job id.
      const before = (a: number, b: number) =>
        (acc[b] ?? 0) - (acc[a] ?? 0) || (data.ids[a] ?? 0) - (data.ids[b] ?? 0);
      const hits = topK(touched, Math.max(0, Math.floor(limit)), before).map((d) => ({
        jobId: data.ids[d] ?? -1,
        score: acc[d] ?? 0,
      }));
      for (const d of touched) acc[d] = 0;
      return hits;
    },
  };
}

/**
 * The first `k` items of `items` by `before`, in order, without sorting them all: a bounded
 * heap whose root is the worst kept (BM25 matches tens of thousands of jobs; ranking keeps 100).
 */
export function topK<T>(items: readonly T[], k: number, before: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  const heap: T[] = [];
  // `worse(a, b)`: a comes after b, so it is nearer the root.
  const worse = (a: T, b: T) => before(a, b) > 0;
  const down = (start: number) => {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < heap.length && worse(heap[l] as T, heap[top] as T)) top = l;
      if (r < heap.length && worse(heap[r] as T, heap[top] as T)) top = r;
      if (top === i) return;
      [heap[i], heap[top]] = [heap[top] as T, heap[i] as T];
      i = top;
    }
  };
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i] as T, heap[parent] as T)) break;
        [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
        i = parent;
      }
    } else if (before(item, heap[0] as T) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(before);
}

// --- saved in the data folder, and held per process -------------------------------------------

interface Manifest {
  fingerprint: string;
  avgLength: number;
  docCount: number;
  termCount: number;
  postingCount: number;
}

const held = new Map<string, LexicalIndex>();

function files(cacheDir: string) {
  const base = path.join(cacheDir, "lexical-index", "bm25");
  return { manifest: `${base}.json`, terms: `${base}.terms`, bin: `${base}.bin` };
}

function write(file: string, data: string | Uint8Array) {
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
}

/** Builds the index from the database and saves it in `cacheDir` (files written, then renamed). */
export async function saveLexicalIndex(
  db: Database,
  cacheDir: string,
): Promise<LexicalIndex | null> {
  const index = await buildLexicalIndex(db);
  if (!index) return null;
  const { data } = index as ReturnType<typeof fromData>;
  const f = files(cacheDir);
  mkdirSync(path.dirname(f.manifest), { recursive: true });
  const parts = [data.offsets, data.docs, data.ids, data.lengths, data.tfs];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(new Uint8Array(part.buffer, part.byteOffset, part.byteLength), at);
    at += part.byteLength;
  }
  write(f.terms, data.terms.join("\n"));
  write(f.bin, bytes);
  const manifest: Manifest = {
    fingerprint: data.fingerprint,
    avgLength: data.avgLength,
    docCount: data.ids.length,
    termCount: data.terms.length,
    postingCount: data.docs.length,
  };
  // The manifest goes last: it is what makes the files above count.
  write(f.manifest, JSON.stringify(manifest));
  held.set(cacheDir, index);
  return index;
}

/** The index saved in `cacheDir`, read from disk (null when missing or damaged). */
export function loadLexicalIndex(cacheDir: string): LexicalIndex | null {
  const f = files(cacheDir);
  if (!existsSync(f.manifest)) return null;
  try {
    const m = JSON.parse(readFileSync(f.manifest, "utf8")) as Manifest;
    const terms = m.termCount === 0 ? [] : readFileSync(f.terms, "utf8").split("\n");
    const raw = readFileSync(f.bin);
    const bytes = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength);
    let at = 0;
    const take = <T>(
      make: (buffer: ArrayBuffer, offset: number, n: number) => T,
      n: number,
      size: number,
    ) => {
      const value = make(bytes, at, n);
      at += n * size;
      return value;
    };
    const offsets = take((b, o, n) => new Uint32Array(b, o, n), m.termCount + 1, 4);
    const docs = take((b, o, n) => new Uint32Array(b, o, n), m.postingCount, 4);
    const ids = take((b, o, n) => new Float64Array(b.slice(o, o + n * 8)), m.docCount, 8);
    const lengths = take((b, o, n) => new Uint32Array(b, o, n), m.docCount, 4);
    const tfs = take((b, o, n) => new Uint16Array(b, o, n), m.postingCount, 2);
    if (terms.length !== m.termCount || at !== bytes.byteLength) return null;
    return fromData({
      fingerprint: m.fingerprint,
      avgLength: m.avgLength,
      terms,
      offsets,
      docs,
      tfs,
      ids,
      lengths,
    });
  } catch {
    return null;
  }
}

/**
 * The saved index of `cacheDir` when it matches the database's term statistics now (`known`:
 * as the caller just read them), held in
 * memory for the next call; null when there is none or it is stale (ranking then uses SQL).
 */
export async function currentLexicalIndex(
  db: Database,
  cacheDir: string,
  known?: { fingerprint: string },
): Promise<LexicalIndex | null> {
  const stats = known ?? (await corpusStats(db));
  if (!stats) return null;
  const inMemory = held.get(cacheDir);
  if (inMemory?.fingerprint === stats.fingerprint) return inMemory;
  const loaded = loadLexicalIndex(cacheDir);
  if (loaded?.fingerprint !== stats.fingerprint) return null;
  held.set(cacheDir, loaded);
  return loaded;
}
