import { sql } from "drizzle-orm";
import type { RankConfig } from "../config/config.ts";
import { type Database, resultRows } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import { openVectorSearch, type VectorSearch } from "../embed/vector-search.ts";
import type { Profile } from "../profile/profile-store.ts";
import { bestPossibleScore, type RankedJob, rankJobs } from "../rank/rank-jobs.ts";
import { DqnPolicy, type SavedDqn } from "./dqn.ts";
import { adapt, loadAdapter, type SavedAdapter } from "./embedding-adapter.ts";
import { type RatingEvent, ratedJobs } from "./history.ts";
import { loadJobTraits } from "./job-traits.ts";
import { latestModel } from "./model-store.ts";
import {
  MIN_RATINGS_TO_LEARN,
  type Pick,
  POOL_FROM_RANKER,
  POOL_NEAR_EACH_LIKED,
  POOL_RANDOM,
  type PoolJob,
  selectBatch,
} from "./policy.ts";
import { loadPreferenceModel, predictStars, type SavedPreferenceModel } from "./preference-lstm.ts";
import { mixSeed, type SeededRandom, seededRandom } from "./random.ts";
import { expectedStarReward } from "./reward.ts";
import { likedSeeds, type RatedJob } from "./taste.ts";

export interface ChooseBatchOptions {
  config: RankConfig;
  size: number;
  now?: Date;
  vectorSearch?: VectorSearch;
  cacheDir?: string;
  /** Jobs not to show again (the rated ones). */
  excludeJobIds: ReadonlySet<number>;
  /** Seed of the exploration draw (tests); random otherwise. */
  seed?: number;
}

/**
 * The jobs of a new batch. Until the person has rated a few jobs (or with the "ranker"
 * policy) this is the ranker's best. Then the bandit chooses from a wider pool: the ranker's
 * best, the unseen neighbours of the jobs they liked most, and a random sample of the rest
 * (so a taste the CV never mentioned can still be found), scoring each by what their ratings
 * and outcomes taught; one slot may be a stretch pick, marked and explained.
 */
export async function chooseBatch(
  db: Database,
  embedder: Embedder,
  profile: Profile,
  options: ChooseBatchOptions,
): Promise<RankedJob[]> {
  const { config, size } = options;
  const rankOptions = {
    config,
    now: options.now,
    vectorSearch: options.vectorSearch,
    cacheDir: options.cacheDir,
    excludeJobIds: options.excludeJobIds,
  };
  const { rated, events } =
    config.policy === "ranker"
      ? { rated: [], events: [] }
      : await ratedJobs(db, profile.userId, embedder, config.weights);
  if (config.policy === "ranker" || rated.length < MIN_RATINGS_TO_LEARN) {
    const ranked = await rankJobs(db, embedder, profile, { ...rankOptions, top: size });
    return ranked.jobs.map((job) => withPick(job, { policy: "ranker", stretch: false }));
  }

  const excluded = options.excludeJobIds;
  const random = seededRandom(options.seed ?? mixSeed(Date.now(), rated.length));
  const search =
    options.vectorSearch ??
    (await openVectorSearch(db, embedder.modelId, embedder.dimension, {
      cacheDir: options.cacheDir,
    }));
  const extra = new Set<number>();
  for (const seed of likedSeeds(rated)) {
    if (!seed.traits.vector) continue;
    const hits = await search.search(seed.traits.vector, POOL_NEAR_EACH_LIKED + excluded.size);
    const near = hits
      .filter((hit) => !excluded.has(hit.jobId) && !extra.has(hit.jobId))
      .slice(0, POOL_NEAR_EACH_LIKED);
    for (const hit of near) extra.add(hit.jobId);
  }
  let sampled = 0;
  for (const id of await randomLiveJobs(db, POOL_RANDOM + excluded.size, random)) {
    if (sampled >= POOL_RANDOM || excluded.has(id) || extra.has(id)) continue;
    extra.add(id);
    sampled++;
  }
  const saved = await usefulAdapter(db, profile.userId);
  const adapter = saved ? loadAdapter(saved) : undefined;
  const ranked = await rankJobs(db, embedder, profile, {
    ...rankOptions,
    vectorSearch: search,
    top: POOL_FROM_RANKER,
    alsoScore: [...extra],
    adapter: adapter && ((vectors) => adapt(adapter, vectors)),
  });
  const traits = new Map(
    (
      await loadJobTraits(
        db,
        embedder,
        ranked.jobs.map((r) => r.job.id),
      )
    ).map((t) => [t.jobId, t]),
  );
  const best = bestPossibleScore(config.weights);
  const byId = new Map(ranked.jobs.map((r) => [r.job.id, r]));
  const pool = ranked.jobs.flatMap((r) => {
    const t = traits.get(r.job.id);
    return t ? [{ traits: t, rankerMatch: best > 0 ? r.score / best : 0 }] : [];
  });
  const storedDqn =
    config.policy === "dqn" ? await latestModel<SavedDqn>(db, profile.userId, "batch-dqn") : null;
  const policy = storedDqn ? "dqn" : "bandit";
  let picks: Pick[];
  if (storedDqn) {
    const dqn = await DqnPolicy.load(storedDqn.params, random);
    try {
      picks = await dqn.choose(pool, rated, size);
    } finally {
      dqn.dispose();
    }
  } else {
    const bonus = await preferenceBonus(db, profile.userId, rated, events, pool);
    picks = selectBatch({
      pool: pool.map((job, i) => ({ ...job, bonus: bonus[i] ?? 0 })),
      rated,
      size,
      policy: "bandit",
      random,
    });
  }
  return picks.flatMap((pick) => {
    const job = byId.get(pick.jobId);
    if (!job) return [];
    return [
      withPick(job, {
        policy,
        stretch: pick.stretch,
        reason: pick.reason,
        predictedStars:
          pick.predictedReward === null
            ? null
            : Math.round(Math.min(5, Math.max(1, 1 + 4 * pick.predictedReward)) * 10) / 10,
        newSkills: pick.stretch
          ? (traits.get(pick.jobId)?.skills ?? []).filter(
              (skill) => !rated.some((r) => r.traits.skills.includes(skill)),
            )
          : [],
      }),
    ];
  });
}

/**
 * The person's embedding adapter, when it ranked their held-out liked jobs at least as well
 * as the encoder alone did (stored with it at training); one that did worse is not used.
 */
async function usefulAdapter(db: Database, userId: string): Promise<SavedAdapter | null> {
  const stored = await latestModel<SavedAdapter>(db, userId, "embedding-adapter");
  const heldOut = stored?.metrics.heldOutReciprocalRank as
    | { before: number; after: number }
    | null
    | undefined;
  return stored && heldOut && heldOut.after >= heldOut.before ? stored.params : null;
}

function withPick(
  job: RankedJob,
  pick: Partial<NonNullable<RankedJob["why"]["pick"]>> & {
    policy: "ranker" | "bandit" | "dqn";
    stretch: boolean;
  },
): RankedJob {
  return {
    ...job,
    why: {
      ...job.why,
      pick: {
        policy: pick.policy,
        stretch: pick.stretch,
        reason: pick.reason ?? null,
        predictedStars: pick.predictedStars ?? null,
        newSkills: (pick.newSkills ?? []).slice(0, 5),
      },
    },
  };
}

/** A uniform sample of live job ids, drawn by `random`. */
async function randomLiveJobs(
  db: Database,
  count: number,
  random: SeededRandom,
): Promise<number[]> {
  const ids = resultRows<{ id: string | number }>(
    await db.execute(sql`SELECT id FROM jobs WHERE expired_at IS NULL ORDER BY id`),
  ).map((row) => Number(row.id));
  // A partial Fisher–Yates shuffle: the first `count` places.
  for (let i = 0; i < Math.min(count, ids.length); i++) {
    const j = i + random.below(ids.length - i);
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
  }
  return ids.slice(0, count);
}

/**
 * What the person's preference LSTM (when trained) adds to the bandit's estimate of each pool
 * job, as reward: its correction, as far as held-out ratings trusted it. A model that did not
 * beat the person's mean on held-out ratings adds nothing.
 */
async function preferenceBonus(
  db: Database,
  userId: string,
  rated: readonly RatedJob[],
  events: readonly RatingEvent[],
  pool: readonly PoolJob[],
): Promise<number[]> {
  const stored = await latestModel<SavedPreferenceModel>(db, userId, "preference-lstm");
  const rmse = stored?.metrics.rmse as { lstm?: number; userMean?: number } | undefined;
  if (!stored || !rmse?.lstm || !rmse.userMean || rmse.lstm >= rmse.userMean) return [];
  const model = await loadPreferenceModel(stored.params);
  if (!model) return [];
  try {
    const starsOf = new Map(events.map((e) => [e.jobId, e]));
    const history = rated.flatMap((r) => {
      const event = starsOf.get(r.traits.jobId);
      return event
        ? [
            {
              traits: r.traits,
              rankerMatch: r.rankerMatch,
              stars: event.stars,
              aspects: event.aspects,
            },
          ]
        : [];
    });
    return predictStars(model, pool, history).map(
      ({ stars, banditStars }) => expectedStarReward(stars) - expectedStarReward(banditStars),
    );
  } finally {
    model.model.dispose();
  }
}
