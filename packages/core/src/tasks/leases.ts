// Work only one process may do at a time (the shared ingest), on PGlite and a server alike: a
// lease row taken by an upsert that only succeeds when it is free or expired. A holder that
// dies (SIGKILL, a lost machine) frees it when the lease runs out.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";
import { taskLeases } from "../db/schema.ts";

/** Takes (or renews) the lease `name` for `ttlMs`; false when another holder has it. */
export async function takeLease(
  db: Database,
  name: string,
  holder: string,
  ttlMs: number,
): Promise<boolean> {
  const rows = resultRows<{ holder: string }>(
    await db.execute(sql`
      INSERT INTO task_leases (name, holder, expires_at)
      VALUES (${name}, ${holder}, now() + ${Math.ceil(ttlMs)} * interval '1 millisecond')
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
      WHERE task_leases.expires_at < now() OR task_leases.holder = excluded.holder
      RETURNING holder`),
  );
  return rows.length > 0;
}

export async function releaseLease(db: Database, name: string, holder: string): Promise<void> {
  await db.delete(taskLeases).where(and(eq(taskLeases.name, name), eq(taskLeases.holder, holder)));
}

/**
 * Runs `work` holding the lease, renewed every third of its life; `{ ran: false }` when
 * another process holds it (its work is already under way).
 */
export async function withLease<T>(
  db: Database,
  name: string,
  ttlMs: number,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const holder = `${process.pid}:${randomUUID()}`;
  if (!(await takeLease(db, name, holder, ttlMs))) return { ran: false };
  const renew = setInterval(() => {
    takeLease(db, name, holder, ttlMs).catch(() => undefined);
  }, ttlMs / 3);
  renew.unref();
  try {
    return { ran: true, value: await work() };
  } finally {
    clearInterval(renew);
    await releaseLease(db, name, holder).catch(() => undefined);
  }
}
