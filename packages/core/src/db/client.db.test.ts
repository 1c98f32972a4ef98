import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServerDatabase, createTestDatabase } from "../testing/test-database.ts";
import { type DatabaseHandle, migrateDatabase, openDatabase } from "./client.ts";

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

  // Workers and a cluster's processes start together: each migrates, none trips on another.
  it.runIf(Boolean(process.env.AURA_TEST_DATABASE_URL))(
    "migrates a fresh server database from three processes at once",
    async () => {
      const fresh = await createServerDatabase(process.env.AURA_TEST_DATABASE_URL ?? "");
      const handles = await Promise.all([1, 2, 3].map(() => openDatabase({ url: fresh.url })));
      try {
        await Promise.all(handles.map((h) => migrateDatabase(h)));
        const [first] = handles;
        const rows = await first?.db.execute<{ n: number }>(
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        const applied = (rows as unknown as { rows: { n: number }[] }).rows[0]?.n;
        expect(applied).toBeGreaterThan(10);
      } finally {
        for (const h of handles) await h.close();
        await fresh.drop();
      }
    },
  );

  // Debian's PostgreSQL has no pgvector: on a server the migration leaves it out.
  it.runIf(!process.env.AURA_TEST_DATABASE_URL)("enables pgvector on PGlite", async () => {
    const rows = await handle.db.execute(
      sql`select extname from pg_extension where extname = 'vector'`,
    );
    expect((rows as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });
});
