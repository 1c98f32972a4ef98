// Work only one process may do at a time (the shared ingest, a person's run), on PGlite and a
// server alike: a lease row taken by an upsert that only succeeds when it is free or expired. A
// holder that dies frees it when the lease runs out, or at once for a process on this machine
// that is gone (SIGKILL).
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { and, eq, gt, like, sql } from "drizzle-orm";
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
  if (rows.length > 0) return true;
  const dead = await deadLocalHolder(db, name);
  if (!dead) return false;
  await releaseLease(db, name, dead);
  return takeLease(db, name, holder, ttlMs);
}

/** A holder named `host:pid:…` on this machine whose process no longer runs. */
async function deadLocalHolder(db: Database, name: string): Promise<string | null> {
  const [row] = await db
    .select({ holder: taskLeases.holder })
    .from(taskLeases)
    .where(eq(taskLeases.name, name));
  return row && localProcessGone(row.holder) ? row.holder : null;
}

/** Whether `holder` (host:pid:…) names a process of this machine that no longer runs. */
export function localProcessGone(holder: string): boolean {
  const [host, pid] = holder.split(":");
  if (host !== hostname() || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) {
    return false;
  }
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Names this process as a lease holder (its machine and pid tell whether it still runs). */
export function leaseHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID()}`;
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
  const holder = leaseHolder();
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

/** The holders of the unexpired leases whose names start with `prefix`. */
export async function liveLeases(db: Database, prefix: string): Promise<Set<string>> {
  const rows = await db
    .select({ name: taskLeases.name })
    .from(taskLeases)
    .where(and(like(taskLeases.name, `${prefix}%`), gt(taskLeases.expiresAt, sql`now()`)));
  return new Set(rows.map((row) => row.name.slice(prefix.length)));
}
