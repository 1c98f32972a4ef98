import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { jobEmbeddings, jobs } from "../db/schema.ts";
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
 * without one).
 */
export const traitColumns = {
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
  vector: jobEmbeddings.embedding,
};

/** The join condition of a job's vector by `model` (one of the model's dimension). */
export function vectorOf(model: { modelId: string; dimension: number }): SQL | undefined {
  return and(
    eq(jobEmbeddings.jobId, jobs.id),
    eq(jobEmbeddings.model, model.modelId),
    sql`cardinality(${jobEmbeddings.embedding}) = ${model.dimension}`,
  );
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
): Promise<NamedTraits[]> {
  if (ids && ids.length === 0) return [];
  const rows = await db
    .select(traitColumns)
    .from(jobs)
    .leftJoin(jobEmbeddings, vectorOf(model))
    .where(ids ? idIn(jobs.id, [...ids]) : and(isNull(jobs.expiredAt)))
    // In content order: the simulator's draws must not depend on where rows sit on disk, nor
    // on the ids one ingest or another gave the jobs.
    .orderBy(jobs.contentHash, jobs.id);
  return rows.map(traitsOf);
}

/** A job's row as `traitColumns` reads it. */
export type TraitRow = Pick<JobRow, Exclude<keyof typeof traitColumns, "vector">> & {
  vector: number[] | null;
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
    vector: row.vector ? Float32Array.from(row.vector) : null,
    skills: skillsOfJob(row),
    companyKey: row.companyKey,
    remote: row.remote,
    seniority: row.seniority,
    salaryUsd: usd,
    contentKey: Number.parseInt(row.contentHash.slice(0, 8), 16) || row.id,
  };
}
