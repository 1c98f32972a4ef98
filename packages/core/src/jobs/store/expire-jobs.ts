import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";

/**
 * Marks jobs expired when every link they have is a live feed's, that feed answered in
 * this run (`answeredSources`), and none of them has been seen for `afterDays`.
 * A source that did not answer proves nothing, so its jobs are left alone.
 */
export async function expireJobs(
  db: Database,
  options: { now: Date; afterDays: number; answeredSources: readonly string[] },
): Promise<number> {
  if (options.answeredSources.length === 0) return 0;
  const cutoff = new Date(options.now.getTime() - options.afterDays * 86_400_000);
  const answered = sql.join(
    options.answeredSources.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    update jobs set expired_at = ${options.now.toISOString()}
    where expired_at is null
      and exists (select 1 from job_sources s where s.job_id = jobs.id)
      and not exists (
        select 1 from job_sources s
        where s.job_id = jobs.id
          and (not s.live or s.last_seen_at > ${cutoff.toISOString()} or s.source not in (${answered}))
      )
  `)) as unknown as { affectedRows?: number; rowCount?: number };
  return result.affectedRows ?? result.rowCount ?? 0;
}
