import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
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
  /** The server's connection pool (a PostgreSQL server only): for work on one connection. */
  pool?: pg.Pool;
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
    // An idle connection the server ended (a restart, an administrator, a dropped test
    // database) leaves the pool, which opens another for the next query. Without a listener
    // the pool's "error" event would end the whole process.
    pool.on("error", (error) => {
      process.emitWarning(`PostgreSQL closed an idle connection: ${errorMessage(error)}`);
    });
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
      pool,
      close: () => pool.end(),
    };
  }
  const inMemory = target.dataDir.startsWith("memory://");
  let unlock = () => {};
  if (!inMemory) {
    mkdirSync(target.dataDir, { recursive: true });
    unlock = lockDataDir(target.dataDir);
  }
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : target.dataDir, { extensions: { vector } });
  } catch (cause) {
    unlock();
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
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims an embedded database folder for this process: PGlite is one process's database, and
 * two writing one folder would damage it. A lock left by a process that died is taken over.
 * Returns the release.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, "aura.lock");
  const mine = JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" ") });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: { pid?: number; command?: string } = {};
    try {
      holder = JSON.parse(readFileSync(file, "utf8"));
    } catch {
      // Unreadable: written by a process that died mid-write.
    }
    if (typeof holder.pid === "number" && holder.pid !== process.pid && isRunning(holder.pid)) {
      throw new AppError(
        "conflict",
        `The embedded database in ${dataDir} is in use by another AURA process ` +
          `(pid ${holder.pid}${holder.command ? `: ${holder.command}` : ""}). ` +
          "Stop that process first, or share one PostgreSQL server between processes " +
          "(DATABASE_URL).",
        { field: "AURA_DATA_DIR" },
      );
    }
    // Ours already, or left by a process that is gone: take it over.
    rmSync(file, { force: true });
  }
  throw new AppError("conflict", `Could not lock the embedded database in ${dataDir}.`, {
    field: "AURA_DATA_DIR",
  });
}

/** Applies the committed migrations; safe to run on every start. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants its driver's own type
    await migratePglite(handle.db as any, { migrationsFolder });
  } else if (handle.pool) {
    // Processes starting together (workers, a cluster) migrate one after the other: the
    // first applies what is new, the next find nothing left to do.
    const client = await handle.pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  } else {
    // biome-ignore lint/suspicious/noExplicitAny: the migrator wants its driver's own type
    await migratePg(handle.db as any, { migrationsFolder });
  }
}

/** The advisory lock migrations hold on a server (any fixed number of AURA's own). */
const MIGRATION_LOCK = 7_420_016;

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
