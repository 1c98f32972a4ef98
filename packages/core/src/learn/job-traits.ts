import { and, isNull } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { jobs } from "../db/schema.ts";
import { jobVectors } from "../embed/vector-search.ts";
import { getDescriptions, idIn, type JobRow } from "../jobs/store/list-jobs.ts";
import { convertCurrency } from "../rank/exchange-rates.ts";
import { hasCurrentSkills, skillsOfJob } from "../skills/job-skills.ts";
import type { JobTraits } from "./taste.ts";

/** A job's traits with the title and company people read. */
export interface NamedTraits extends JobTraits {
  title: string;
  company: string;
}

const traitColumns = {
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
};

/** What a job's traits are read from: these columns of its row. */
export type TraitRow = Pick<JobRow, keyof typeof traitColumns>;

/**
 * The learning traits of jobs (the live ones, or those of `ids` whether live or not): facts
 * from the row, skills as stored (read from the text when stale) and the model's vectors.
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
    .where(ids ? idIn(jobs.id, [...ids]) : and(isNull(jobs.expiredAt)))
    // In content order: the simulator's draws must not depend on where rows sit on disk, nor
    // on the ids one ingest or another gave the jobs.
    .orderBy(jobs.contentHash, jobs.id);
  return traitsOfRows(db, model, rows);
}

/**
 * The learning traits of jobs whose rows are at hand (the ranker's, say), in their order: only
 * the texts of stale skills and the model's vectors are read.
 */
export async function traitsOfRows(
  db: Database,
  model: { modelId: string; dimension: number },
  rows: readonly TraitRow[],
): Promise<NamedTraits[]> {
  if (rows.length === 0) return [];
  const stale = rows.filter((row) => !hasCurrentSkills(row));
  const descriptions = await getDescriptions(
    db,
    stale.map((row) => row.id),
  );
  const vectors = await jobVectors(
    db,
    model.modelId,
    model.dimension,
    rows.map((row) => row.id),
  );
  const rowOf = new Map(vectors.ids.map((id, i) => [id, i]));
  const dim = model.dimension;
  return rows.map((row) => {
    const at = rowOf.get(row.id);
    const top = row.salaryMaxAnnual ?? row.salaryMinAnnual;
    const bottom = row.salaryMinAnnual ?? row.salaryMaxAnnual;
    const middle = top !== null && bottom !== null ? (top + bottom) / 2 : null;
    const usd =
      middle !== null && row.currency ? convertCurrency(middle, row.currency, "USD") : null;
    return {
      jobId: row.id,
      title: row.title,
      company: row.company,
      vector: at === undefined ? null : vectors.matrix.slice(at * dim, (at + 1) * dim),
      skills: skillsOfJob({ ...row, description: descriptions.get(row.id) ?? "" }),
      companyKey: row.companyKey,
      remote: row.remote,
      seniority: row.seniority,
      salaryUsd: usd,
      contentKey: Number.parseInt(row.contentHash.slice(0, 8), 16) || row.id,
    };
  });
}
