import { and, eq, isNull, sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";
import { jobs, type OutcomeStage, profiles, ratings } from "../db/schema.ts";
import { idIn } from "../jobs/store/list-jobs.ts";
import { weekOf } from "../shared/week.ts";
import { parseStages } from "../track/outcome-stages.ts";
import { extractSkills, normalizeSkill } from "./extract-skills.ts";
import { skillsOfJob, textIfSkillsStale } from "./job-skills.ts";

import type { SkillGap, SkillPlanItem } from "./skill-gap-schema.ts";

export type { SkillGap, SkillPlanItem } from "./skill-gap-schema.ts";

/** What the plan reads of a job: its names, and what its skills are read from. */
const skillColumns = {
  title: jobs.title,
  company: jobs.company,
  tags: jobs.tags,
  description: textIfSkillsStale,
  contentHash: jobs.contentHash,
  skills: jobs.skills,
  skillsKey: jobs.skillsKey,
};

const INTERVIEW_STAGES = new Set<OutcomeStage>(["interview1", "interview2", "offer", "accepted"]);

/**
 * What stands between the person and the jobs they want: skills of the jobs they liked (and
 * that reached interviews) that their CV lacks, against the skills of jobs they disliked (and
 * that rejected them), weighted by how many live jobs ask for each.
 */
export async function skillGap(
  db: Database,
  userId: string,
  options: {
    /** The ranker's closest matches to the profile, read when nothing is liked yet. */
    closestMatches?: () => Promise<number[]>;
  } = {},
): Promise<SkillGap> {
  const [profile] = await db
    .select({ cvText: profiles.cvText, preferences: profiles.preferences })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  const wanted = (
    (profile?.preferences as { includeSkills?: string[] } | undefined)?.includeSkills ?? []
  ).map((raw) => normalizeSkill(raw) ?? raw);
  const cvSkills = [...new Set([...extractSkills(profile?.cvText ?? ""), ...wanted])].sort();
  const has = new Set(cvSkills);

  const rated = await db
    .select({
      jobId: ratings.jobId,
      stars: ratings.stars,
      at: ratings.updatedAt,
      ...skillColumns,
      stages: sql<string[] | string | null>`(SELECT array_agg(o.stage) FROM outcomes o
        WHERE o.user_id = ${ratings.userId} AND o.job_id = ${ratings.jobId})`,
    })
    .from(ratings)
    .innerJoin(jobs, eq(jobs.id, ratings.jobId))
    .where(eq(ratings.userId, userId))
    .orderBy(ratings.updatedAt);
  const withSkills = rated.map((row) => {
    const stages = parseStages(row.stages);
    return {
      ...row,
      jobSkills: [...new Set(skillsOfJob(row))],
      interview: stages.some((stage) => INTERVIEW_STAGES.has(stage)),
      rejected: stages.includes("rejected"),
    };
  });
  let liked = withSkills.filter((row) => row.stars >= 4);
  let basis: SkillGap["basis"] = "ratings";
  if (liked.length === 0 && options.closestMatches) {
    const ids = await options.closestMatches();
    const rows = ids.length
      ? await db
          .select({ jobId: jobs.id, ...skillColumns })
          .from(jobs)
          .where(idIn(jobs.id, ids))
      : [];
    // Counted as liked at 4★, dated now (they are not ratings, so no week carries them).
    liked = rows.map((row) => ({
      ...row,
      stars: 4,
      at: new Date(Number.NaN),
      stages: null,
      jobSkills: [...new Set(skillsOfJob(row))],
      interview: false,
      rejected: false,
    }));
    basis = "matches";
  }
  const disliked = withSkills.filter((row) => row.stars <= 2 || (row.rejected && !row.interview));

  const missingShare = (rows: typeof liked) => {
    const mentions = rows.reduce((sum, row) => sum + row.jobSkills.length, 0);
    const missing = rows.reduce(
      (sum, row) => sum + row.jobSkills.filter((skill) => !has.has(skill)).length,
      0,
    );
    return mentions === 0 ? 0 : Math.round((missing / mentions) * 1000) / 1000;
  };
  const byWeek = new Map<string, typeof liked>();
  for (const row of basis === "ratings" ? liked : []) {
    const week = weekOf(row.at);
    byWeek.set(week, [...(byWeek.get(week) ?? []), row]);
  }

  const demand = await skillDemand(db);

  const candidates = new Set(
    liked.flatMap((row) => row.jobSkills).filter((skill) => !has.has(skill)),
  );
  const plan: SkillPlanItem[] = [...candidates].map((skill) => {
    const likedWith = liked.filter((row) => row.jobSkills.includes(skill));
    const interviews = likedWith.filter((row) => row.interview).length;
    const dislikedWith = disliked.filter((row) => row.jobSkills.includes(skill)).length;
    const share = demand.get(skill) ?? 0;
    // Liked jobs count by their stars, interviews double; disliked and rejected ones subtract.
    const pull = likedWith.reduce((sum, row) => sum + (row.stars - 3), 0) + interviews * 2;
    const score = Math.round((pull - dislikedWith) * Math.sqrt(share + 0.01) * 1000) / 1000;
    const of =
      basis === "ratings"
        ? `${liked.length} job${liked.length === 1 ? "" : "s"} you liked`
        : `${liked.length} jobs closest to your profile`;
    const why =
      `Asked for by ${likedWith.length} of the ${of}` +
      (interviews > 0 ? ` (${interviews} reached an interview)` : "") +
      (dislikedWith > 0 ? ` and ${dislikedWith} you did not` : "") +
      `, and by ${(share * 100).toFixed(1)}% of the live jobs; your CV does not show it.`;
    return {
      skill,
      score,
      likedJobs: likedWith.length,
      interviewJobs: interviews,
      dislikedJobs: dislikedWith,
      demand: Math.round(share * 10000) / 10000,
      why,
      unlocks: likedWith
        .slice(0, 5)
        .map((row) => ({ jobId: row.jobId, title: row.title, company: row.company })),
    };
  });
  plan.sort((a, b) => b.score - a.score || b.demand - a.demand || a.skill.localeCompare(b.skill));
  return {
    cvSkills,
    basis,
    likedJobs: liked.length,
    index: missingShare(liked),
    weeks: [...byWeek.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, rows]) => ({ week, index: missingShare(rows) })),
    plan: plan.filter((item) => item.score > 0).slice(0, 5),
  };
}

/** Each database's skill demand, with the state of the jobs it was counted from. */
const demandCache = new WeakMap<Database, { key: string; demand: Map<string, number> }>();

/**
 * How many live jobs ask for each skill, as a share of the live jobs: demand across the
 * corpus. Counting it reads every live job's skills (60 ms of the server's CPU at 20,000 jobs,
 * on every metrics and skills request), so it is kept while the jobs are as when counted: the
 * term statistics' fingerprint (refreshed when a gathering changes, edits or expires jobs) and
 * the newest job's id, both read from indexes.
 */
async function skillDemand(db: Database): Promise<Map<string, number>> {
  const [state] = resultRows<{ fingerprint: string | null; newest: string | number | null }>(
    await db.execute(sql`
      SELECT c.fingerprint, (SELECT max(id) FROM jobs) AS newest
      FROM (SELECT 1) AS one LEFT JOIN corpus_stats c ON c.id = 1`),
  );
  const key = `${state?.fingerprint ?? "none"}#${state?.newest ?? 0}`;
  const cached = demandCache.get(db);
  if (cached?.key === key) return cached.demand;
  const rows = resultRows<{ skill: string; n: string | number }>(
    await db.execute(sql`
      SELECT skill, count(*) AS n FROM jobs, unnest(skills) AS skill
      WHERE expired_at IS NULL GROUP BY skill`),
  );
  const [live] = await db
    .select({ n: sql<string | number>`count(*)` })
    .from(jobs)
    .where(and(isNull(jobs.expiredAt)));
  const liveCount = Math.max(1, Number(live?.n ?? 0));
  const demand = new Map(rows.map((row) => [row.skill, Number(row.n) / liveCount]));
  demandCache.set(db, { key, demand });
  return demand;
}
