import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, resultRows } from "../db/client.ts";
import { importPostings } from "../pipeline/import-postings.ts";
import { refreshJobSkills } from "../skills/job-skills.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import {
  buildLexicalIndex,
  currentLexicalIndex,
  parseTsvector,
  saveLexicalIndex,
} from "./lexical-index.ts";
import {
  bm25Search,
  ensureTermStats,
  queryTermCounts,
  refreshTermStats,
  weighQueryTerms,
  weightedQueryTerms,
} from "./lexical-search.ts";
import { dataScienceCv, rankTestPostingsJsonl, salesCv } from "./rank-test-postings.ts";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
  await importPostings(handle.db, { content: rankTestPostingsJsonl, fileName: "jobs.jsonl" });
});

afterAll(async () => {
  await handle?.close();
});

async function stats() {
  const [row] = resultRows<{ doc_count: number; refreshed_at: string }>(
    await handle.db.execute(
      sql`SELECT doc_count, refreshed_at::text AS refreshed_at FROM corpus_stats WHERE id = 1`,
    ),
  );
  return row;
}

describe("ensureTermStats", () => {
  it("builds the statistics once, and again only when a new job arrives", async () => {
    const returned = await ensureTermStats(handle.db);
    const first = await stats();
    expect(Number(first?.doc_count)).toBe(10);
    expect(returned.docCount).toBe(10);
    await ensureTermStats(handle.db);
    expect(await stats()).toEqual(first);

    await importPostings(handle.db, {
      content: JSON.stringify({
        title: "Staff Rust Engineer",
        company: "Ferrous",
        url: "https://example.org/jobs/rust",
        description: "Rust, tokio and distributed systems.",
      }),
      fileName: "more.jsonl",
    });
    await ensureTermStats(handle.db);
    expect(Number((await stats())?.doc_count)).toBe(11);
  });
});

describe("parseTsvector", () => {
  it("reads lexemes and weighs positions: title 3, tags 2, text 1", () => {
    expect(parseTsvector("'java':1A,2A,3 'spring':4B 'o''reilli':7 'bare'")).toEqual([
      { lexeme: "java", tf: 7 },
      { lexeme: "spring", tf: 2 },
      { lexeme: "o'reilli", tf: 1 },
      { lexeme: "bare", tf: 1 },
    ]);
    expect(parseTsvector("")).toEqual([]);
  });
});

describe("the in-process BM25 index", () => {
  it("scores and orders as bm25Search does", async () => {
    await refreshTermStats(handle.db, { force: true });
    const index = await buildLexicalIndex(handle.db);
    expect(index?.docCount).toBeGreaterThan(0);
    for (const text of [dataScienceCv, salesCv, "rust tokio", "nothing-matches-this-zzz"]) {
      const terms = await weightedQueryTerms(handle.db, text);
      // The index's postings give the same document frequencies as term_stats.
      const fromIndex = weighQueryTerms(
        await queryTermCounts(handle.db, text),
        (term) => index?.documentFrequency(term) ?? 0,
        index?.docCount ?? 0,
      );
      expect(fromIndex).toEqual(terms);
      const inSql = await bm25Search(handle.db, terms, 5);
      const inMemory = index?.search(terms, 5) ?? [];
      expect(inMemory.map((h) => h.jobId)).toEqual(inSql.map((h) => h.jobId));
      for (const [i, hit] of inMemory.entries()) {
        expect(hit.score).toBeCloseTo(inSql[i]?.score ?? -1, 9);
      }
    }
  });

  it("is saved, loaded while current, and dropped once the jobs change", async () => {
    const dir = mkdtempSync(join(tmpdir(), "aura-lexical-"));
    try {
      await refreshTermStats(handle.db, { force: true });
      await saveLexicalIndex(handle.db, dir);
      const loaded = await currentLexicalIndex(handle.db, dir);
      const terms = await weightedQueryTerms(handle.db, dataScienceCv);
      expect(loaded?.search(terms, 3)).toEqual(await bm25Search(handle.db, terms, 3));
      await importPostings(handle.db, {
        content: JSON.stringify({
          title: "Data Scientist, Forecasting",
          company: "Tidewater",
          url: "https://example.org/jobs/forecasting",
          description: "Python, statistics and demand forecasting.",
        }),
        fileName: "later.jsonl",
      });
      await refreshTermStats(handle.db);
      expect(await currentLexicalIndex(handle.db, dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("refreshJobSkills", () => {
  it("stores each live job's skills once, and reads a changed job again", async () => {
    const first = await refreshJobSkills(handle.db);
    expect(first.updated).toBeGreaterThan(0);
    expect((await refreshJobSkills(handle.db)).updated).toBe(0);
    const [row] = resultRows<{ skills: string[]; skills_key: string }>(
      await handle.db.execute(
        sql`SELECT skills, skills_key FROM jobs WHERE title = 'Senior Data Scientist'`,
      ),
    );
    expect(row?.skills).toEqual(expect.arrayContaining(["Python", "SQL"]));
    await handle.db.execute(
      sql`UPDATE jobs SET content_hash = 'changed' WHERE title = 'Senior Data Scientist'`,
    );
    expect((await refreshJobSkills(handle.db)).updated).toBe(1);
  });
});
