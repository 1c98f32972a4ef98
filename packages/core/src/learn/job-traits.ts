import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { decodeRealArray, realArrayBytes } from "../db/real-array.ts";
import { jobEmbeddings, jobs } from "../db/schema.ts";
import type { LoadedVectors } from "../embed/vector-search.ts";
import { idIn, type JobRow } from "../jobs/store/list-jobs.ts";
import { convertCurrency } from "../rank/exchange-rates.ts";
import { skillsOfJob, textIfSkillsStale } from "../skills/job-skills.ts";
import type { JobTraits } from "./taste.ts";

/** A job's traits with the title and company people read. */
export interface NamedTraits extends JobTraits {
  title: string;
  company: string;
}

/**
 * What a job's traits are read from, in one row: facts from the job's row, its text where the
 * stored skills are stale (else empty) and the model's vector (with `vectorOf`'s join; null
 * without one, or where the stored one has another dimension).
 */
export function traitColumns(model: { dimension: number }) {
  return {
    id: jobs.id,
    title: jobs.title,
    company: jobs.company,
    companyKey: jobs.companyKey,
    remote: jobs.remote,
    seniority: jobs.seniority,
    currency: jobs.currency,
    salaryMinAnnual: jobs.salaryMinAnnual,
    salaryMaxAnnual: jobs.salaryMaxAnnual,
    tags: jobs.tags,
    contentHash: jobs.contentHash,
    skills: jobs.skills,
    skillsKey: jobs.skillsKey,
    description: textIfSkillsStale,
    // The dimension is checked here, on the rows read, not in the join: there it made the
    // server unpack every stored vector of the model (50 ms at 20,000 jobs, for 167 rows).
    vector: realArrayBytes(
      sql`CASE WHEN cardinality(${jobEmbeddings.embedding}) = ${model.dimension} THEN ${jobEmbeddings.embedding} END`,
    ),
  };
}

/** The join condition of a job's vector by `model` (see `traitColumns` for its dimension). */
export function vectorOf(model: { modelId: string }): SQL | undefined {
  return and(eq(jobEmbeddings.jobId, jobs.id), eq(jobEmbeddings.model, model.modelId));
}

/**
 * The learning traits of jobs (the live ones, or those of `ids` whether live or not), read in
 * one statement: facts from the row, skills as stored (read from the text when stale) and the
 * model's vectors.
 */
export async function loadJobTraits(
  db: Database,
  model: { modelId: string; dimension: number },
  ids?: readonly number[],
  /** Where the vectors are held in memory (the in-process index): read there, not joined. */
  vectorsOf?: (ids: readonly number[]) => LoadedVectors,
): Promise<NamedTraits[]> {
  if (ids && ids.length === 0) return [];
  const where = ids ? idIn(jobs.id, [...ids]) : and(isNull(jobs.expiredAt));
  // In content order: the simulator's draws must not depend on where rows sit on disk, nor
  // on the ids one ingest or another gave the jobs.
  const order = [jobs.contentHash, jobs.id] as const;
  if (!vectorsOf) {
    const rows = await db
      .select(traitColumns(model))
      .from(jobs)
      .leftJoin(jobEmbeddings, vectorOf(model))
      .where(where)
      .orderBy(...order);
    return rows.map(traitsOf);
  }
  const columns = { ...traitColumns(model), vector: sql<Uint8Array | null>`NULL::bytea` };
  const rows = await db
    .select(columns)
    .from(jobs)
    .where(where)
    .orderBy(...order);
  const held = vectorsOf(rows.map((row) => row.id));
  const rowOf = new Map(held.ids.map((id, i) => [id, i]));
  const d = model.dimension;
  return rows.map((row) => {
    const traits = traitsOf(row);
    const at = rowOf.get(row.id);
    return { ...traits, vector: at === undefined ? null : held.matrix.slice(at * d, (at + 1) * d) };
  });
}

/** A job's row as `traitColumns` reads it. */
export type TraitRow = Pick<JobRow, Exclude<keyof ReturnType<typeof traitColumns>, "vector">> & {
  vector: Uint8Array | null;
};

/** A job's learning traits from its row as `traitColumns` reads it. */
export function traitsOf(row: TraitRow): NamedTraits {
  const top = row.salaryMaxAnnual ?? row.salaryMinAnnual;
  const bottom = row.salaryMinAnnual ?? row.salaryMaxAnnual;
  const middle = top !== null && bottom !== null ? (top + bottom) / 2 : null;
  const usd = middle !== null && row.currency ? convertCurrency(middle, row.currency, "USD") : null;
  return {
    jobId: row.id,
    title: row.title,
    company: row.company,
    vector: decodeRealArray(row.vector),
    skills: skillsOfJob(row),
    companyKey: row.companyKey,
    remote: row.remote,
    seniority: row.seniority,
    salaryUsd: usd,
    contentKey: Number.parseInt(row.contentHash.slice(0, 8), 16) || row.id,
  };
}
