import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, resultRows } from "../db/client.ts";
import { importPostings } from "../pipeline/import-postings.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { ensureTermStats } from "./lexical-search.ts";
import { rankTestPostingsJsonl } from "./rank-test-postings.ts";

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
    await ensureTermStats(handle.db);
    const first = await stats();
    expect(Number(first?.doc_count)).toBe(10);
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
