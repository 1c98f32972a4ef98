import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../db/client.ts";
import { jobEmbeddings, jobs } from "../db/schema.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { cosine, normalizeInPlace } from "./embedder.ts";
import { ensureVectorIndex, hasPgvector, openVectorSearch } from "./vector-search.ts";

const DIM = 64;
const MODEL = "test-model";
const COUNT = 600;

/** A seeded generator, so a failure replays the same vectors. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31 - 0.5;
  };
}

function vector(next: () => number): Float32Array {
  return normalizeInPlace(Float32Array.from({ length: DIM }, next));
}

let handle: DatabaseHandle;
const stored = new Map<number, Float32Array>();
const next = random(7);

beforeAll(async () => {
  handle = await createTestDatabase();
  const rows = Array.from({ length: COUNT }, (_, i) => ({
    title: `Job ${i}`,
    company: "Acme",
    url: `https://example.org/${i}`,
    companyKey: "acme",
    titleKey: `job ${i}`,
    contentHash: `h${i}`,
    // Every tenth job is expired: searches must leave it out.
    expiredAt: i % 10 === 9 ? new Date() : null,
  }));
  const ids = await handle.db.insert(jobs).values(rows).returning({ id: jobs.id });
  const values = ids.map(({ id }) => {
    const v = vector(next);
    stored.set(id, v);
    return { jobId: id, model: MODEL, textHash: "t", embedding: Array.from(v) };
  });
  await handle.db.insert(jobEmbeddings).values(values);
});

afterAll(async () => {
  await handle?.close();
});

/** The true nearest live jobs, by brute force. */
function exact(query: Float32Array, k: number, live: Set<number>): number[] {
  return [...stored.entries()]
    .filter(([id]) => live.has(id))
    .map(([id, v]) => ({ id, s: cosine(query, v) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, k)
    .map((hit) => hit.id);
}

describe("vector search", () => {
  it("finds the same nearest live jobs in process as by brute force, and as pgvector", async () => {
    const liveRows = await handle.db.select({ id: jobs.id, expiredAt: jobs.expiredAt }).from(jobs);
    const live = new Set(liveRows.filter((r) => r.expiredAt === null).map((r) => r.id));
    const inProcess = await openVectorSearch(handle.db, MODEL, DIM, { inProcess: true });
    expect(inProcess.kind).toBe("in-process");
    const pg = (await hasPgvector(handle.db))
      ? await openVectorSearch(handle.db, MODEL, DIM)
      : null;
    if (handle.kind === "pglite") expect(pg?.kind).toBe("pgvector");

    for (let q = 0; q < 20; q++) {
      const query = vector(next);
      const truth = exact(query, 10, live);
      const local = (await inProcess.search(query, 10)).map((hit) => hit.jobId);
      expect(local).toEqual(truth);
      if (pg) {
        const hits = await pg.search(query, 10);
        expect(hits.map((hit) => hit.jobId)).toEqual(truth);
        const best = hits[0];
        if (best)
          expect(best.similarity).toBeCloseTo(cosine(query, stored.get(best.jobId) ?? query), 4);
      }
    }
  });

  it("gives each live job's cosine to a query, from memory and from pgvector alike", async () => {
    const query = vector(next);
    const liveRows = await handle.db.select({ id: jobs.id, expiredAt: jobs.expiredAt }).from(jobs);
    const expired = liveRows.filter((r) => r.expiredAt !== null).map((r) => r.id);
    expect(expired.length).toBeGreaterThan(0);
    const ids = liveRows
      .filter((r) => r.expiredAt === null)
      .slice(0, 25)
      .map((r) => r.id);
    const searches = [await openVectorSearch(handle.db, MODEL, DIM, { inProcess: true })];
    if (await hasPgvector(handle.db)) searches.push(await openVectorSearch(handle.db, MODEL, DIM));
    for (const search of searches) {
      const found = await search.similarities(query, [...ids, 987_654_321, ...expired.slice(0, 3)]);
      expect(found.size).toBe(ids.length);
      for (const id of ids) {
        expect(found.get(id)).toBeCloseTo(cosine(query, stored.get(id) ?? query), 4);
      }
      expect((await search.similarities(query, [])).size).toBe(0);
    }
  });

  it("returns nothing for a model without vectors", async () => {
    const search = await openVectorSearch(handle.db, "no-such-model", DIM, { inProcess: true });
    expect(await search.search(vector(next), 5)).toEqual([]);
  });
});

describe("the in-process index saved by the pipeline", () => {
  it("is saved once, loaded while the vectors are unchanged, and rebuilt when they change", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "aura-index-"));
    try {
      await ensureVectorIndex(handle.db, MODEL, DIM, { cacheDir });
      const manifestFile = path.join(
        cacheDir,
        "vector-index",
        "job_embeddings_hnsw_test_model_64.json",
      );
      // On PGlite pgvector serves searches and nothing is saved; on a server the files are.
      if (handle.kind === "pglite") expect(existsSync(manifestFile)).toBe(false);
      const first = await openVectorSearch(handle.db, MODEL, DIM, { inProcess: true, cacheDir });
      const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
      expect(manifest.count).toBe(COUNT - COUNT / 10);

      const query = vector(next);
      const loaded = await openVectorSearch(handle.db, MODEL, DIM, { inProcess: true, cacheDir });
      expect(await loaded.search(query, 10)).toEqual(await first.search(query, 10));

      // A new job with exactly the query's vector must be found after the rebuild.
      const [job] = await handle.db
        .insert(jobs)
        .values({
          title: "New",
          company: "Acme",
          url: "https://example.org/new",
          companyKey: "acme",
          titleKey: "new",
          contentHash: "n",
        })
        .returning({ id: jobs.id });
      if (!job) throw new Error("insert failed");
      await handle.db
        .insert(jobEmbeddings)
        .values({ jobId: job.id, model: MODEL, textHash: "t", embedding: Array.from(query) });
      const rebuilt = await openVectorSearch(handle.db, MODEL, DIM, { inProcess: true, cacheDir });
      expect((await rebuilt.search(query, 1))[0]?.jobId).toBe(job.id);
      expect(JSON.parse(readFileSync(manifestFile, "utf8")).count).toBe(manifest.count + 1);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
