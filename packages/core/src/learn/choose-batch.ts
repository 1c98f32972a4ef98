import { sql } from "drizzle-orm";
import type { RankConfig } from "../config/config.ts";
import { type Database, resultRows } from "../db/client.ts";
import type { Embedder } from "../embed/embedder.ts";
import { openVectorSearch, type VectorSearch } from "../embed/vector-search.ts";
import {
  bestPossibleScore,
  type RankedJob,
  type RankOptions,
  rankJobs,
} from "../rank/rank-jobs.ts";
import { DqnPolicy } from "./dqn.ts";
import { adapt, loadAdapter, type SavedAdapter } from "./embedding-adapter.ts";
import { loadJobTraits, type NamedTraits } from "./job-traits.ts";
import type { StoredModel } from "./model-store.ts";
import type { PersonState } from "./person-state.ts";
import {
  MIN_RATINGS_TO_LEARN,
  type Pick,
  POOL_FROM_RANKER,
  POOL_NEAR_EACH_LIKED,
  POOL_RANDOM,
  type PoolJob,
  selectBatch,
} from "./policy.ts";
import { loadPreferenceModel, predictStars } from "./preference-lstm.ts";
import { mixSeed, type SeededRandom, seededRandom } from "./random.ts";
import { expectedStarReward } from "./reward.ts";
import { likedSeeds } from "./taste.ts";

export interface ChooseBatchOptions {
  config: RankConfig;
  size: number;
  now?: Date;
  vectorSearch?: VectorSearch;
  cacheDir?: string;
  /** Seed of the exploration draw (tests); random otherwise. */
  seed?: number;
}

/**
 * The jobs of a person's new batch, chosen from their state (read once, see `loadPersonState`):
 * none they have rated. Until they have rated a few jobs (or with the "ranker" policy) this is
 * the ranker's best. Then the bandit chooses from a wider pool: the ranker's best, the unseen
 * neighbours of the jobs they liked most, and a random sample of the rest (so a taste the CV
 * never mentioned can still be found), scoring each by what their ratings and outcomes taught;
 * one slot may be a stretch pick, marked and explained. The candidates are read, then the choice
 * is made in memory.
 */
export async function chooseBatch(
  db: Database,
  embedder: Embedder,
  person: PersonState,
  options: ChooseBatchOptions,
): Promise<RankedJob[]> {
  const { config, size } = options;
  const rankOptions = {
    config,
    now: options.now,
    vectorSearch: options.vectorSearch,
    cacheDir: options.cacheDir,
    excludeJobIds: person.ratedJobIds,
  };
  const { profile, rated } = person;
  if (config.policy === "ranker" || rated.length < MIN_RATINGS_TO_LEARN) {
    const ranked = await rankJobs(db, embedder, profile, { ...rankOptions, top: size });
    return ranked.jobs.map((job) => withPick(job, { policy: "ranker", stretch: false }));
  }

  const random = seededRandom(options.seed ?? mixSeed(Date.now(), rated.length));
  const { ranked, traits, pool } = await candidatePool(db, embedder, person, rankOptions, random);
  const { policy, picks } = await choosePicks(person, pool, { config, size, random });
  const byId = new Map(ranked.map((r) => [r.job.id, r]));
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
 * The learning policy's candidates, scored by the ranker and read with their traits: the
 * ranker's best, the unseen neighbours of the person's best-rewarded rated jobs and a random
 * sample of the live jobs (in the person's embedding space when their adapter helps).
 */
async function candidatePool(
  db: Database,
  embedder: Embedder,
  person: PersonState,
  options: Omit<RankOptions, "top"> & { excludeJobIds: ReadonlySet<number> },
  random: SeededRandom,
): Promise<{ ranked: RankedJob[]; traits: Map<number, NamedTraits>; pool: PoolJob[] }> {
  const excluded = options.excludeJobIds;
  const search =
    options.vectorSearch ??
    (await openVectorSearch(db, embedder.modelId, embedder.dimension, {
      cacheDir: options.cacheDir,
    }));
  const extra = new Set<number>();
  const seeds = likedSeeds(person.rated).flatMap((seed) =>
    seed.traits.vector ? [seed.traits.vector] : [],
  );
  for (const hits of await search.searchEach(seeds, POOL_NEAR_EACH_LIKED + excluded.size)) {
    const near = hits
      .filter((hit) => !excluded.has(hit.jobId) && !extra.has(hit.jobId))
      .slice(0, POOL_NEAR_EACH_LIKED);
    for (const hit of near) extra.add(hit.jobId);
  }
  let sampled = 0;
  for (const id of await randomLiveJobs(db, POOL_RANDOM + excluded.size, random, search.jobIds)) {
    if (sampled >= POOL_RANDOM || excluded.has(id) || extra.has(id)) continue;
    extra.add(id);
    sampled++;
  }
  const saved = usefulAdapter(person.models.adapter);
  const adapter = saved ? loadAdapter(saved) : undefined;
  const ranked = await rankJobs(db, embedder, person.profile, {
    ...options,
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
        search.vectorsOf,
      )
    ).map((t) => [t.jobId, t]),
  );
  const best = bestPossibleScore(options.config.weights);
  const pool = ranked.jobs.flatMap((r) => {
    const t = traits.get(r.job.id);
    return t ? [{ traits: t, rankerMatch: best > 0 ? r.score / best : 0 }] : [];
  });
  return { ranked: ranked.jobs, traits, pool };
}

/**
 * The batch chosen from the pool, in memory: by the person's trained DQN under the "dqn"
 * policy, else by the bandit (with the preference LSTM's correction when it earned trust).
 */
async function choosePicks(
  person: PersonState,
  pool: readonly PoolJob[],
  options: { config: RankConfig; size: number; random: SeededRandom },
): Promise<{ policy: "bandit" | "dqn"; picks: Pick[] }> {
  const { size, random } = options;
  const storedDqn = options.config.policy === "dqn" ? person.models.dqn : null;
  if (storedDqn) {
    const dqn = await DqnPolicy.load(storedDqn.params, random);
    try {
      return { policy: "dqn", picks: await dqn.choose(pool, person.rated, size) };
    } finally {
      dqn.dispose();
    }
  }
  const bonus = await preferenceBonus(person, pool);
  return {
    policy: "bandit",
    picks: selectBatch({
      pool: pool.map((job, i) => ({ ...job, bonus: bonus[i] ?? 0 })),
      rated: person.rated,
      size,
      policy: "bandit",
      random,
    }),
  };
}

/**
 * The person's embedding adapter, when it ranked their held-out liked jobs at least as well
 * as the encoder alone did (stored with it at training); one that did worse is not used.
 */
function usefulAdapter(stored: StoredModel<SavedAdapter> | null): SavedAdapter | null {
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
  /** The live jobs the in-process vector index holds: read from there, not the database. */
  indexed?: readonly number[],
): Promise<number[]> {
  const ids = indexed
    ? [...indexed]
    : resultRows<{ id: string | number }>(
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
async function preferenceBonus(person: PersonState, pool: readonly PoolJob[]): Promise<number[]> {
  const stored = person.models.preference;
  const rmse = stored?.metrics.rmse as { lstm?: number; userMean?: number } | undefined;
  if (!stored || !rmse?.lstm || !rmse.userMean || rmse.lstm >= rmse.userMean) return [];
  const model = await loadPreferenceModel(stored.params);
  if (!model) return [];
  try {
    const starsOf = new Map(person.events.map((e) => [e.jobId, e]));
    const history = person.rated.flatMap((r) => {
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
