import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { AppError, errorMessage } from "../errors.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Where the data lives, for people: a folder or a server URL without its password. */
  location: string;
  close(): Promise<void>;
}

export type DatabaseTarget =
  /** A PostgreSQL server. */
  | { url: string }
  /** Embedded PGlite persisted in a folder, or in memory when `dataDir` is "memory://". */
  | { dataDir: string };

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ("url" in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    try {
      const client = await pool.connect();
      client.release();
    } catch (cause) {
      await pool.end();
      throw new AppError(
        "invalid_config",
        `Cannot reach the PostgreSQL server at ${redactUrl(target.url)}: ${errorMessage(cause)}`,
        { field: "DATABASE_URL", cause },
      );
    }
    return {
      db: drizzlePg(pool, { schema }) as unknown as Database,
      kind: "postgres",
      location: redactUrl(target.url),
      close: () => pool.end(),
    };
  }
  const inMemory = target.dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(target.dataDir, { recursive: true });
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : target.dataDir, { extensions: { vector } });
  } catch (cause) {
    throw new AppError(
      "invalid_config",
      `Cannot open the embedded database in ${target.dataDir}: ${errorMessage(cause)}. ` +
        "Is another AURA process using it?",
      { field: "AURA_DATA_DIR", cause },
    );
  }
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: "pglite",
    location: inMemory ? "memory" : target.dataDir,
    close: () => client.close(),
  };
}

/** Applies the committed migrations; safe to run on every start. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants its driver's own type
    await migratePglite(handle.db as any, { migrationsFolder });
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants its driver's own type
    await migratePg(handle.db as any, { migrationsFolder });
  }
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** The rows of a raw `db.execute` result: node-postgres and PGlite both answer `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
