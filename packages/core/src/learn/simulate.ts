import type { OutcomeStage } from "../db/schema.ts";
import { dot } from "../shared/vectors.ts";
import { DqnPolicy } from "./dqn.ts";
import {
  POLICY_NAMES,
  POOL_FROM_RANKER,
  POOL_NEAR_EACH_LIKED,
  POOL_RANDOM,
  type PolicyName,
  type PoolJob,
  selectBatch,
} from "./policy.ts";
import { mixSeed, type SeededRandom, seededRandom } from "./random.ts";
import { jobReward, STAGE_REWARD, STAR_REWARD } from "./reward.ts";
import { type JobTraits, likedSeeds, type RatedJob } from "./taste.ts";

/**
 * A simulated job seeker: a hidden taste over the postings' own facts, and the ranker's view
 * of them (from the profile they show AURA, which says less than their taste).
 */
export interface SimulatedUser {
  id: number;
  /** Hidden utility of each job (higher is better), by job id. */
  utility: Map<number, number>;
  /**
   * The same without the per-company and per-job whims: what any model reading the postings'
   * facts could at best learn (the learn bench's floor).
   */
  utilityWithoutWhims?: Map<number, number>;
  /** The ranker's match (score over its best) of each job it ranks for this user's profile. */
  rankerMatch: Map<number, number>;
}

/** The policies the simulator compares: random, ranker, bandit and the DQN. */
export const SIMULATED_POLICIES = [...POLICY_NAMES, "dqn"] as const;
export type SimulatedPolicy = (typeof SIMULATED_POLICIES)[number];

export interface SimulationOptions {
  users: readonly SimulatedUser[];
  jobs: readonly JobTraits[];
  cycles: number;
  batchSize: number;
  policies: readonly SimulatedPolicy[];
  seed: number;
}

export interface CycleFigures {
  cycle: number;
  meanStars: number;
  shareAtLeast4: number;
  cumulativeReward: number;
  regret: number;
}

export interface PolicyFigures {
  name: SimulatedPolicy;
  perCycle: CycleFigures[];
  /** Cumulative reward at the last cycle: mean over users and its standard error. */
  finalReward: { mean: number; standardError: number };
  /** Mean regret per cycle over the first and the last three cycles. */
  regretEarly: number;
  regretLate: number;
  /** Per-cycle reward above ranker-only, first and last three cycles (mean ± SE over users). */
  leadEarly: { mean: number; standardError: number } | null;
  leadLate: { mean: number; standardError: number } | null;
  /** Cumulative reward at the last cycle over ranker-only's, as a share (0.2 = 20% more). */
  gainOverRanker: number | null;
  /** Cumulative reward at the last cycle minus ranker-only's, paired per user (mean ± SE). */
  leadFinal: { mean: number; standardError: number } | null;
}

export interface SimulationResult {
  users: number;
  cycles: number;
  batchSize: number;
  seed: number;
  jobs: number;
  policies: PolicyFigures[];
}

/** Share of the corpus at each star, best first (hidden stars are the user's utility quantiles). */
const STAR_SHARES = [0.02, 0.06, 0.17, 0.35] as const;
/** Chance a rating lands one star off the hidden one, each way. */
const RATING_SLIP = 0.05;
const APPLY_IF_LIKED = 0.7;

interface Judgement {
  /** Noise-free stars from the hidden utility. */
  stars: number;
  /** Expected reward (stars with rating noise, and outcomes) the oracle ranks by. */
  expectedReward: number;
  /** Chance of a first interview once applied. */
  interviewChance: number;
}

/** Stars (1–5) of each job from a utility by its quantile among all jobs: the hidden stars. */
export function starsByQuantile(utility: ReadonlyMap<number, number>): Map<number, number> {
  const ordered = [...utility].sort((a, b) => b[1] - a[1]);
  const n = ordered.length;
  return new Map(ordered.map(([id], rank) => [id, starsAtQuantile(rank / Math.max(1, n))]));
}

function starsAtQuantile(quantile: number): number {
  let edge = 0;
  for (let s = 0; s < STAR_SHARES.length; s++) {
    edge += STAR_SHARES[s] ?? 0;
    if (quantile < edge) return 5 - s;
  }
  return 1;
}

/** One user's hidden judgement of every job: stars by utility quantile, and outcome odds. */
function judge(user: SimulatedUser, jobs: readonly JobTraits[]): Map<number, Judgement> {
  const ordered = jobs
    .map((job) => ({ id: job.jobId, u: user.utility.get(job.jobId) ?? Number.NEGATIVE_INFINITY }))
    .sort((a, b) => b.u - a.u);
  const out = new Map<number, Judgement>();
  const n = ordered.length;
  ordered.forEach(({ id }, rank) => {
    const quantile = rank / Math.max(1, n);
    const stars = starsAtQuantile(quantile);
    const interviewChance = Math.max(0.05, Math.min(0.6, 0.6 - quantile * 6));
    out.set(id, { stars, interviewChance, expectedReward: expectedReward(stars, interviewChance) });
  });
  return out;
}

function slipped(stars: number): { stars: number; p: number }[] {
  const out = new Map<number, number>();
  const put = (s: number, p: number) => {
    const c = Math.min(5, Math.max(1, s));
    out.set(c, (out.get(c) ?? 0) + p);
  };
  put(stars, 1 - 2 * RATING_SLIP);
  put(stars - 1, RATING_SLIP);
  put(stars + 1, RATING_SLIP);
  return [...out].map(([s, p]) => ({ stars: s, p }));
}

/** Stages after applying: interview 1 → 2 → offer; else rejected or no response. */
const SECOND_INTERVIEW = 0.5;
const OFFER = 0.4;

function expectedReward(stars: number, interviewChance: number): number {
  let value = 0;
  for (const { stars: s, p } of slipped(stars)) {
    value += p * STAR_REWARD[s as 1 | 2 | 3 | 4 | 5];
    if (s >= 4) {
      const afterApply =
        (1 - interviewChance) * STAGE_REWARD.applied +
        interviewChance *
          ((1 - SECOND_INTERVIEW) * STAGE_REWARD.interview1 +
            SECOND_INTERVIEW *
              ((1 - OFFER) * STAGE_REWARD.interview2 + OFFER * STAGE_REWARD.offer));
      value += p * APPLY_IF_LIKED * afterApply;
    }
  }
  return value;
}

/** What the user does with a shown job: the same for every policy (common random numbers). */
function react(
  judgement: Judgement,
  random: SeededRandom,
): { stars: number; stages: OutcomeStage[] } {
  const roll = random.next();
  const stars = Math.min(
    5,
    Math.max(1, judgement.stars + (roll < RATING_SLIP ? -1 : roll < 2 * RATING_SLIP ? 1 : 0)),
  );
  const stages: OutcomeStage[] = [];
  if (stars >= 4 && random.next() < APPLY_IF_LIKED) {
    stages.push("applied");
    if (random.next() < judgement.interviewChance) {
      stages.push("interview1");
      if (random.next() < SECOND_INTERVIEW) {
        stages.push("interview2");
        stages.push(random.next() < OFFER ? "offer" : "rejected");
      } else stages.push("rejected");
    } else stages.push(random.next() < 0.5 ? "rejected" : "no_response");
  }
  return { stars, stages };
}

/** The learning policies' pool: the ranker's best unseen jobs and the unseen nearest the liked. */
export function simulatedPool(
  user: SimulatedUser,
  jobs: readonly JobTraits[],
  seen: ReadonlySet<number>,
  rated: readonly RatedJob[],
  policy: PolicyName,
  random: SeededRandom,
): PoolJob[] {
  const unseen = jobs.filter((job) => !seen.has(job.jobId));
  const match = (job: JobTraits) => user.rankerMatch.get(job.jobId) ?? 0;
  if (policy === "random") return unseen.map((traits) => ({ traits, rankerMatch: match(traits) }));
  const ranked = unseen
    .filter((job) => user.rankerMatch.has(job.jobId))
    .sort((a, b) => match(b) - match(a) || a.jobId - b.jobId);
  if (policy === "ranker") {
    return ranked
      .slice(0, POOL_FROM_RANKER)
      .map((traits) => ({ traits, rankerMatch: match(traits) }));
  }
  const pool = new Map(ranked.slice(0, POOL_FROM_RANKER).map((job) => [job.jobId, job]));
  for (const liked of likedSeeds(rated)) {
    const vector = liked.traits.vector;
    if (!vector) continue;
    const near = unseen
      .filter((job) => job.vector && !pool.has(job.jobId))
      .map((job) => ({ job, cos: dot(vector, job.vector as Float32Array) }))
      .sort((a, b) => b.cos - a.cos)
      .slice(0, POOL_NEAR_EACH_LIKED);
    for (const { job } of near) pool.set(job.jobId, job);
  }
  const rest = unseen.filter((job) => !pool.has(job.jobId));
  for (let i = 0; i < POOL_RANDOM && rest.length > 0; i++) {
    const [job] = rest.splice(random.below(rest.length), 1);
    if (job) pool.set(job.jobId, job);
  }
  return [...pool.values()].map((traits) => ({ traits, rankerMatch: match(traits) }));
}

/** Per user (rows) and cycle (columns). */
interface UserRows {
  stars: number[][];
  liked: number[][];
  reward: number[][];
  regret: number[][];
}

function meanAndError(values: readonly number[]): { mean: number; standardError: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, standardError: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean: round(mean), standardError: round(Math.sqrt(variance / n)) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** One rating of a simulated run, in the order given. */
export interface SimulatedRating {
  traits: JobTraits;
  stars: number;
  rankerMatch: number;
}

/** One user under one policy for `cycles` batches: per cycle figures and every rating given. */
export async function runUser(input: {
  user: SimulatedUser;
  judged?: Map<number, Judgement>;
  jobs: readonly JobTraits[];
  policy: SimulatedPolicy;
  cycles: number;
  batchSize: number;
  seed: number;
}): Promise<{
  cycles: { meanStars: number; shareAtLeast4: number; reward: number; regret: number }[];
  ratings: SimulatedRating[];
}> {
  const { user, jobs, policy, batchSize, seed } = input;
  const judged = input.judged ?? judge(user, jobs);
  const traitsOf = new Map(jobs.map((job) => [job.jobId, job]));
  // Seeded by the policy's name, so a run does not depend on which others run beside it.
  const random = seededRandom(mixSeed(seed, user.id, SIMULATED_POLICIES.indexOf(policy) + 1));
  const dqn = policy === "dqn" ? new DqnPolicy(random) : null;
  const seen = new Set<number>();
  const rated: RatedJob[] = [];
  const ratings: SimulatedRating[] = [];
  const cycles = [];
  for (let cycle = 1; cycle <= input.cycles; cycle++) {
    // The DQN draws from the learning pool, as the bandit does.
    const pool = simulatedPool(
      user,
      jobs,
      seen,
      rated,
      policy === "dqn" ? "bandit" : policy,
      random,
    );
    const picks = dqn
      ? await dqn.choose(pool, rated, batchSize)
      : selectBatch({ pool, rated, size: batchSize, policy: policy as PolicyName, random });
    const earned = new Map<number, number>();
    // The oracle's best unseen jobs, as many as were shown.
    const oracle = jobs
      .filter((job) => !seen.has(job.jobId))
      .map((job) => judged.get(job.jobId)?.expectedReward ?? 0)
      .sort((a, b) => b - a)
      .slice(0, picks.length)
      .reduce((a, b) => a + b, 0);
    let expected = 0;
    let starSum = 0;
    let liked = 0;
    let reward = 0;
    for (const pick of picks) {
      const judgement = judged.get(pick.jobId);
      const traits = traitsOf.get(pick.jobId);
      if (!judgement || !traits) continue;
      seen.add(pick.jobId);
      expected += judgement.expectedReward;
      const reaction = react(
        judgement,
        seededRandom(mixSeed(seed, user.id, traits.contentKey ?? pick.jobId)),
      );
      const got = jobReward(reaction.stars, reaction.stages);
      starSum += reaction.stars;
      if (reaction.stars >= 4) liked++;
      reward += got;
      const rankerMatch = user.rankerMatch.get(pick.jobId) ?? 0;
      rated.push({ traits, reward: got, rankerMatch });
      earned.set(pick.jobId, got);
      ratings.push({ traits, stars: reaction.stars, rankerMatch });
    }
    await dqn?.observe(earned);
    const shown = Math.max(1, picks.length);
    cycles.push({
      meanStars: starSum / shown,
      shareAtLeast4: liked / shown,
      reward,
      regret: oracle - expected,
    });
  }
  dqn?.dispose();
  return { cycles, ratings };
}

/**
 * Runs every user through `cycles` batches under each policy, from the same start, and
 * reports per cycle: mean stars, share of ≥4★, cumulative reward and that cycle's regret
 * against an oracle picking the best jobs this user has not yet been shown.
 */
export async function runSimulation(
  options: SimulationOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<SimulationResult> {
  const { users, jobs, cycles, batchSize } = options;
  // Per policy, per user, per cycle: stars shown, rewards got, regret.
  const perUser = new Map<SimulatedPolicy, UserRows>();
  for (const policy of options.policies) {
    perUser.set(policy, { stars: [], liked: [], reward: [], regret: [] });
  }
  const total = users.length * options.policies.length;
  let done = 0;
  for (const user of users) {
    const judged = judge(user, jobs);
    for (const policy of options.policies) {
      const run = await runUser({
        user,
        judged,
        jobs,
        policy,
        cycles,
        batchSize,
        seed: options.seed,
      });
      const figures = perUser.get(policy);
      figures?.stars.push(run.cycles.map((c) => c.meanStars));
      figures?.liked.push(run.cycles.map((c) => c.shareAtLeast4));
      figures?.reward.push(run.cycles.map((c) => c.reward));
      figures?.regret.push(run.cycles.map((c) => c.regret));
      onProgress?.(++done, total);
    }
  }

  const ranker = perUser.get("ranker");
  const window = Math.min(3, cycles);
  const windowLead = (rewards: number[][], from: number) =>
    ranker
      ? meanAndError(
          rewards.map((row, u) => {
            let lead = 0;
            for (let c = from; c < from + window; c++)
              lead += (row[c] ?? 0) - (ranker.reward[u]?.[c] ?? 0);
            return lead / window;
          }),
        )
      : null;
  const rankerFinal = ranker
    ? ranker.reward.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0) / users.length
    : null;

  const policies = options.policies.map((name): PolicyFigures => {
    const data = perUser.get(name) ?? { stars: [], liked: [], reward: [], regret: [] };
    const n = Math.max(1, users.length);
    const perCycle: CycleFigures[] = [];
    let cumulative = 0;
    for (let c = 0; c < cycles; c++) {
      const meanOf = (rows: number[][], at: number) =>
        rows.reduce((sum, row) => sum + (row[at] ?? 0), 0) / n;
      cumulative += meanOf(data.reward, c);
      perCycle.push({
        cycle: c + 1,
        meanStars: round(meanOf(data.stars, c)),
        shareAtLeast4: round(meanOf(data.liked, c)),
        cumulativeReward: round(cumulative),
        regret: round(meanOf(data.regret, c)),
      });
    }
    const regretMean = (from: number) =>
      round(perCycle.slice(from, from + window).reduce((sum, c) => sum + c.regret, 0) / window);
    const finals = data.reward.map((row) => row.reduce((a, b) => a + b, 0));
    return {
      name,
      perCycle,
      finalReward: meanAndError(finals),
      regretEarly: regretMean(0),
      regretLate: regretMean(cycles - window),
      leadEarly: name === "ranker" ? null : windowLead(data.reward, 0),
      leadLate: name === "ranker" ? null : windowLead(data.reward, cycles - window),
      leadFinal:
        name === "ranker" || !ranker
          ? null
          : meanAndError(
              finals.map((total, u) => total - (ranker.reward[u] ?? []).reduce((a, b) => a + b, 0)),
            ),
      gainOverRanker:
        rankerFinal && rankerFinal > 0 && name !== "ranker"
          ? round(cumulative / rankerFinal - 1)
          : null,
    };
  });
  return {
    users: users.length,
    cycles,
    batchSize,
    seed: options.seed,
    jobs: jobs.length,
    policies,
  };
}
