import { dot } from "../shared/vectors.ts";

/** What the learning loop knows of a job: the posting's own facts, not the person's profile. */
export interface JobTraits {
  jobId: number;
  /** The job's unit vector from the encoder, or null when it has none yet. */
  vector: Float32Array | null;
  skills: readonly string[];
  /** Normalized company name. */
  companyKey: string;
  remote: "remote" | "hybrid" | "onsite" | "unknown";
  seniority: string | null;
  /** Annual pay in USD (middle of the range), or null when not stated or not comparable. */
  salaryUsd: number | null;
  /** A number from the posting's content, the same in any database (the simulator's seeds). */
  contentKey?: number;
}

/** A job the person rated, with what it earned on the reward scale (reward.ts). */
export interface RatedJob {
  traits: JobTraits;
  reward: number;
  /** The ranker's score as a share of its best (`why.match`, unclipped) when it was shown. */
  rankerMatch: number | null;
}

/** The features the policies weigh, in this order. */
export const TASTE_FEATURES = [
  "bias",
  "ranker",
  "nearRated",
  "skills",
  "company",
  "workMode",
  "level",
  "pay",
  "payStated",
] as const;
export type TasteFeature = (typeof TASTE_FEATURES)[number];

/** Rated jobs whose rewards say what the person thinks of a job's neighbourhood. */
const NEIGHBOURS = 10;
/** Shrinkage (pseudo-examples at the person's mean) of each taste estimate. */
const SHRINK = { nearRated: 1, skills: 2, company: 1, workMode: 3, level: 3 } as const;
const PAY_CENTER = Math.log(75_000);
const PAY_SCALE = 0.6;

interface Tally {
  sum: number;
  count: number;
}

/**
 * The person's taste as read from their ratings: for each trait a job can have (a skill, a
 * company, a work mode, a level, a neighbourhood in the encoder's space), how far above or
 * below their own average the jobs with it were rewarded, shrunk toward 0 while evidence is
 * thin. Any taste that is a function of the postings' facts shows up in one of these; the
 * bandit then learns how much each counts for this person.
 */
export class TasteEvidence {
  readonly meanReward: number;
  private readonly centered: number[];
  private readonly skills = new Map<string, Tally>();
  private readonly companies = new Map<string, Tally>();
  private readonly modes = new Map<string, Tally>();
  private readonly levels = new Map<string, Tally>();

  constructor(readonly rated: readonly RatedJob[]) {
    const n = rated.length;
    this.meanReward = n === 0 ? 0 : rated.reduce((sum, r) => sum + r.reward, 0) / n;
    this.centered = rated.map((r) => r.reward - this.meanReward);
    rated.forEach((r, i) => {
      const c = this.centered[i] ?? 0;
      for (const skill of new Set(r.traits.skills)) add(this.skills, skill, c);
      add(this.companies, r.traits.companyKey, c);
      if (r.traits.remote !== "unknown") add(this.modes, r.traits.remote, c);
      if (r.traits.seniority) add(this.levels, r.traits.seniority, c);
    });
  }

  /**
   * The feature vector of a job. `ranker` is the ranker's match (score over its best). For a
   * rated job pass its index as `self`: its own rating is left out (leave-one-out), so the
   * model learns how well the evidence predicts a rating it has not seen.
   */
  features(traits: JobTraits, ranker: number, self?: number): number[] {
    const own = self === undefined ? undefined : this.rated[self];
    const ownC = self === undefined ? 0 : (this.centered[self] ?? 0);
    const mean = (tally: Tally | undefined, key: boolean, shrink: number) => {
      if (!tally) return 0;
      const sum = tally.sum - (key ? ownC : 0);
      const count = tally.count - (key ? 1 : 0);
      return count <= 0 ? 0 : sum / (count + shrink);
    };
    let skillTaste = 0;
    const skills = [...new Set(traits.skills)];
    for (const skill of skills) {
      skillTaste += mean(
        this.skills.get(skill),
        own?.traits.skills.includes(skill) ?? false,
        SHRINK.skills,
      );
    }
    if (skills.length > 0) skillTaste /= Math.sqrt(skills.length);
    const pay =
      traits.salaryUsd !== null && traits.salaryUsd > 0
        ? Math.max(-3, Math.min(3, (Math.log(traits.salaryUsd) - PAY_CENTER) / PAY_SCALE))
        : 0;
    return [
      1,
      ranker,
      this.nearRated(traits.vector, self),
      skillTaste,
      mean(
        this.companies.get(traits.companyKey),
        own?.traits.companyKey === traits.companyKey,
        SHRINK.company,
      ),
      traits.remote === "unknown"
        ? 0
        : mean(
            this.modes.get(traits.remote),
            own?.traits.remote === traits.remote,
            SHRINK.workMode,
          ),
      traits.seniority
        ? mean(
            this.levels.get(traits.seniority),
            own?.traits.seniority === traits.seniority,
            SHRINK.level,
          )
        : 0,
      pay,
      traits.salaryUsd !== null ? 1 : 0,
    ];
  }

  /**
   * The centered rewards of the rated jobs nearest this one (its k nearest, weighted by
   * cosine), shrunk toward 0. Nearest by rank, not by a fixed cosine, so it reads the same on
   * any encoder's scale of similarity.
   */
  nearRated(vector: Float32Array | null, self?: number): number {
    if (!vector) return 0;
    const near: { cos: number; c: number }[] = [];
    this.rated.forEach((r, i) => {
      if (i === self || !r.traits.vector) return;
      near.push({ cos: dot(vector, r.traits.vector), c: this.centered[i] ?? 0 });
    });
    near.sort((a, b) => b.cos - a.cos);
    let weighted = 0;
    let weights = 0;
    for (const { cos, c } of near.slice(0, NEIGHBOURS)) {
      const w = Math.max(0, cos);
      weighted += w * c;
      weights += w;
    }
    return weighted / (weights + SHRINK.nearRated);
  }

  /** The job's skills no rated job had: what a stretch pick would teach. */
  unseenSkills(traits: JobTraits): string[] {
    return traits.skills.filter((skill) => !this.skills.has(skill));
  }

  hasSeenMode(mode: JobTraits["remote"]): boolean {
    return this.modes.has(mode);
  }

  /** The highest cosine between this job and any rated job (1 = a twin was rated). */
  closestRated(vector: Float32Array | null): number {
    if (!vector) return 0;
    let best = -1;
    for (const r of this.rated)
      if (r.traits.vector) best = Math.max(best, dot(vector, r.traits.vector));
    return best;
  }
}

function add(map: Map<string, Tally>, key: string, value: number) {
  const tally = map.get(key) ?? { sum: 0, count: 0 };
  tally.sum += value;
  tally.count += 1;
  map.set(key, tally);
}

/** The rated jobs whose neighbours are worth showing: the best rewarded, above the person's mean. */
export function likedSeeds(rated: readonly RatedJob[], limit = 8): RatedJob[] {
  const n = rated.length;
  if (n === 0) return [];
  const mean = rated.reduce((sum, r) => sum + r.reward, 0) / n;
  return rated
    .filter((r) => r.reward > mean && r.traits.vector)
    .sort((a, b) => b.reward - a.reward)
    .slice(0, limit);
}

/** The person's preference vector: the mean of the vectors of the jobs rewarded above their mean. */
export function likedCentroid(rated: readonly RatedJob[]): Float32Array | null {
  const seeds = likedSeeds(rated, rated.length);
  const first = seeds[0]?.traits.vector;
  if (!first) return null;
  const centroid = new Float32Array(first.length);
  for (const seed of seeds) {
    const vector = seed.traits.vector;
    if (!vector) continue;
    for (let i = 0; i < centroid.length; i++) centroid[i] = (centroid[i] ?? 0) + (vector[i] ?? 0);
  }
  const norm = Math.sqrt(dot(centroid, centroid)) || 1;
  for (let i = 0; i < centroid.length; i++) centroid[i] = (centroid[i] ?? 0) / norm;
  return centroid;
}
