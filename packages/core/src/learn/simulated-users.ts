import { sql } from "drizzle-orm";
import type { RankConfig } from "../config/config.ts";
import { type Database, resultRows } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import { AppError } from "../errors.ts";
import { preferencesSchema } from "../profile/preferences.ts";
import type { Profile } from "../profile/profile-store.ts";
import { JOB_LEVEL } from "../rank/job-fit.ts";
import { bestPossibleScore, rankJobs } from "../rank/rank-jobs.ts";
import { dot } from "../shared/vectors.ts";
import { loadJobTraits, type NamedTraits } from "./job-traits.ts";
import { mixSeed, type SeededRandom, seededRandom } from "./random.ts";
import {
  runSimulation,
  type SimulatedPolicy,
  type SimulatedUser,
  type SimulationResult,
} from "./simulate.ts";

const LEVELS = ["junior", "mid", "senior", "lead"] as const;

/**
 * A hidden taste over the postings' facts. The person's field is a real job (its title and
 * skills are all their CV says); a second interest they never wrote down; skills they enjoy
 * or avoid; a feeling for remote, hybrid and on-site work; how much pay matters; the level
 * they want; likes and dislikes of particular companies; and noise per job.
 */
interface HiddenTaste {
  field: NamedTraits;
  secondInterest: NamedTraits;
  secondWeight: number;
  likedSkills: string[];
  avoidedSkills: string[];
  mode: Record<string, number>;
  payWeight: number;
  level: (typeof LEVELS)[number];
  companyNoise: number;
  jobNoise: number;
}

function pick<T>(items: readonly T[], random: SeededRandom): T {
  return items[random.below(items.length)] as T;
}

function drawTaste(jobs: readonly NamedTraits[], random: SeededRandom, whims: number): HiddenTaste {
  const withSkills = jobs.filter((job) => job.skills.length >= 3 && job.vector);
  const field = pick(withSkills.length > 0 ? withSkills : jobs, random);
  let secondInterest = pick(jobs, random);
  for (let i = 0; i < 10 && secondInterest.jobId === field.jobId; i++) {
    secondInterest = pick(jobs, random);
  }
  // Skills drawn as often as the corpus asks for them.
  const skillOf = () => {
    for (let i = 0; i < 50; i++) {
      const job = pick(jobs, random);
      if (job.skills.length > 0) return pick(job.skills, random);
    }
    return "";
  };
  const likedSkills = [...new Set([skillOf(), skillOf(), skillOf()])].filter(Boolean);
  const avoidedSkills = [...new Set([skillOf(), skillOf()])].filter(
    (skill) => skill && !likedSkills.includes(skill) && !field.skills.includes(skill),
  );
  return {
    field,
    secondInterest,
    secondWeight: 0.3 + 0.5 * random.next(),
    likedSkills,
    avoidedSkills,
    mode: {
      remote: 0.25 * random.normal(),
      hybrid: 0.25 * random.normal(),
      onsite: 0.25 * random.normal(),
      unknown: 0,
    },
    payWeight: 0.1 + 0.1 * random.normal(),
    level: pick(LEVELS, random),
    companyNoise: 0.15 * whims,
    jobNoise: 0.08 * whims,
  };
}

function utilityOf(taste: HiddenTaste, job: NamedTraits, userSeed: number): number {
  const cos = (other: NamedTraits) =>
    job.vector && other.vector ? dot(job.vector, other.vector) : 0;
  let u = cos(taste.field) + taste.secondWeight * cos(taste.secondInterest);
  for (const skill of job.skills) {
    if (taste.likedSkills.includes(skill)) u += 0.25;
    if (taste.avoidedSkills.includes(skill)) u -= 0.3;
  }
  u += taste.mode[job.remote] ?? 0;
  if (job.salaryUsd !== null && job.salaryUsd > 0) {
    u += taste.payWeight * ((Math.log(job.salaryUsd) - Math.log(75_000)) / 0.6);
  }
  if (job.seniority) {
    u -= 0.1 * Math.abs((JOB_LEVEL[job.seniority] ?? 2) - (JOB_LEVEL[taste.level] ?? 2));
  }
  // Idiosyncratic likes: the same for every job of a company, and per job.
  const companyRandom = seededRandom(mixSeed(userSeed, hashText(job.companyKey)));
  u += taste.companyNoise * companyRandom.normal();
  u += taste.jobNoise * seededRandom(mixSeed(userSeed, job.contentKey ?? job.jobId, 7)).normal();
  return u;
}

function hashText(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return h;
}

export interface SimulatedWorld {
  jobs: NamedTraits[];
  users: SimulatedUser[];
  /** The profile each user shows AURA. */
  profiles: { id: number; profile: Profile }[];
}

/**
 * Simulated job seekers over the live jobs with vectors. Each shows AURA a CV of their
 * field's title and skills (and a few skills they like) and states a level, and is ranked by
 * the real ranker; their stars come from the hidden taste only.
 */
export async function simulatedWorld(
  db: Database,
  embedder: Embedder,
  config: RankConfig,
  options: {
    users: number;
    seed: number;
    /** Scale of the per-company and per-job whims (1 by default; 0: a consistent rater). */
    whims?: number;
  },
  onProgress?: (done: number, total: number) => void,
): Promise<SimulatedWorld> {
  const jobs = (await loadJobTraits(db, embedder)).filter((job) => job.vector);
  if (jobs.length < 50) {
    throw new AppError(
      "conflict",
      `The simulator needs at least 50 jobs with vectors; there are ${jobs.length}. ` +
        "Gather and embed jobs first: npx aura start --no-serve (offline: --offline).",
    );
  }
  // "Now" is the newest job's date, so a seed repeats its run on the same jobs.
  const now = await newestJobDate(db);
  const users: SimulatedUser[] = [];
  const profiles: SimulatedWorld["profiles"] = [];
  const best = bestPossibleScore(config.weights);
  for (let id = 1; id <= options.users; id++) {
    const userSeed = mixSeed(options.seed, id);
    const taste = drawTaste(jobs, seededRandom(userSeed), options.whims ?? 1);
    const utility = new Map(jobs.map((job) => [job.jobId, utilityOf(taste, job, userSeed)]));
    const steady = { ...taste, companyNoise: 0, jobNoise: 0 };
    const utilityWithoutWhims = new Map(
      jobs.map((job) => [job.jobId, utilityOf(steady, job, userSeed)]),
    );
    const cvSkills = [...new Set([...taste.field.skills, ...taste.likedSkills.slice(0, 2)])];
    const profile: Profile = {
      userId: `simulated-${id}`,
      cvText: `${taste.field.title}\n\nSkills: ${cvSkills.join(", ")}`,
      cvFileName: null,
      preferences: preferencesSchema.parse({
        roles: [taste.field.title],
        experienceLevel: taste.level,
      }),
      updatedAt: now,
    };
    const ranked = await rankJobs(db, embedder, profile, {
      config: { ...config, candidates: 5000 },
      top: jobs.length,
      now,
    });
    users.push({
      id,
      utility,
      utilityWithoutWhims,
      rankerMatch: new Map(ranked.jobs.map((r) => [r.job.id, best > 0 ? r.score / best : 0])),
    });
    profiles.push({ id, profile });
    onProgress?.(id, options.users);
  }
  return { jobs, users, profiles };
}

export interface SimulateOptions {
  users: number;
  cycles: number;
  policies: readonly SimulatedPolicy[];
  seed: number;
  /** Jobs per batch (the preferences' default is 5). */
  batchSize?: number;
}

/** Builds the simulated world over the live jobs and runs every policy through it. */
export async function simulate(
  db: Database,
  embedder: Embedder,
  config: RankConfig,
  options: SimulateOptions,
  onProgress?: (stage: "users" | "cycles", done: number, total: number) => void,
): Promise<SimulationResult> {
  const world = await simulatedWorld(db, embedder, config, options, (done, total) =>
    onProgress?.("users", done, total),
  );
  return runSimulation(
    {
      users: world.users,
      jobs: world.jobs,
      cycles: options.cycles,
      batchSize: options.batchSize ?? 5,
      policies: options.policies,
      seed: options.seed,
    },
    (done, total) => onProgress?.("cycles", done, total),
  );
}

async function newestJobDate(db: Database): Promise<Date> {
  const [row] = resultRows<{ newest: string | Date | null }>(
    await db.execute(
      sql`SELECT max(coalesce(posted_at, first_seen_at)) AS newest FROM jobs WHERE expired_at IS NULL`,
    ),
  );
  return row?.newest ? new Date(row.newest) : new Date();
}
