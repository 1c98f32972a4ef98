import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database.ts";
import { type DatabaseHandle, migrateDatabase } from "./client.ts";

describe("database", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.close());

  it("has the jobs tables after migrating, and migrating again changes nothing", async () => {
    await migrateDatabase(handle);
    const rows = await handle.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const names = (rows as unknown as { rows: { table_name: string }[] }).rows.map(
      (r) => r.table_name,
    );
    expect(names).toEqual(expect.arrayContaining(["ingest_runs", "job_sources", "jobs"]));
  });

  // Debian's PostgreSQL has no pgvector: on a server the migration leaves it out.
  it.runIf(!process.env.AURA_TEST_DATABASE_URL)("enables pgvector on PGlite", async () => {
    const rows = await handle.db.execute(
      sql`select extname from pg_extension where extname = 'vector'`,
    );
    expect((rows as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });
});
