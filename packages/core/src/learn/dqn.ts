import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../embed/use-lite.ts";
import { dot } from "../shared/vectors.ts";
import { predictMean, predictSpread } from "./linear-model.ts";
import { fitTasteModel, MIN_RATINGS_TO_LEARN, type Pick, type PoolJob } from "./policy.ts";
import type { SeededRandom } from "./random.ts";
import { likedCentroid, type RatedJob } from "./taste.ts";
import { setWeightArrays, type WeightArrays, weightArrays } from "./weights.ts";

/**
 * The DQN batch policy. The state is the person's preference vector (the mean of the jobs they
 * liked) against the mean vector of the best candidates, with how much and how well they have
 * rated; an action is one job of the slate, described by its taste features and the bandit's
 * estimate of it. Q(state, job) is a small network; the slate is the jobs of highest Q (its
 * value is their sum), one slot ε-greedy. Each shown job is a transition into the next
 * batch's state, kept in a replay buffer; targets come from a target network copied every
 * few updates, so the values it learns from move slowly.
 */
const HIDDEN = 16;
const GAMMA = 0.5;
const BATCH = 32;
const UPDATES_PER_BATCH = 40;
const TARGET_EVERY = 10;
/** Candidates whose Q the target network maximizes over for the next state. */
const NEXT_CANDIDATES = 20;

interface Transition {
  input: number[];
  reward: number;
  /** The next state's candidate inputs; null until that batch is made (or at the end). */
  next: number[][] | null;
}

/** Each pool job's network input (the state, then the job's features), best estimate first. */
export function dqnInputs(pool: readonly PoolJob[], rated: readonly RatedJob[]) {
  const { evidence, model } = fitTasteModel(rated);
  const items = pool.map((job) => {
    const x = evidence.features(job.traits, job.rankerMatch);
    return { job, x, mean: predictMean(model, x), spread: predictSpread(model, x) };
  });
  items.sort((a, b) => b.mean - a.mean);
  const rewards = rated.map((r) => r.reward);
  const mean = rewards.reduce((a, b) => a + b, 0) / Math.max(1, rewards.length);
  const sd = Math.sqrt(
    rewards.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, rewards.length),
  );
  // The preference vector against the mean vector of the 20 best candidates.
  const preference = likedCentroid(rated);
  const top = items
    .slice(0, NEXT_CANDIDATES)
    .flatMap((i) => (i.job.traits.vector ? [i.job.traits.vector] : []));
  let agreement = 0;
  if (preference && top.length > 0) {
    const centroid = new Float32Array(preference.length);
    for (const v of top)
      for (let d = 0; d < v.length; d++)
        centroid[d] = (centroid[d] ?? 0) + (v[d] ?? 0) / top.length;
    agreement = dot(preference, centroid) / (Math.sqrt(dot(centroid, centroid)) || 1);
  }
  const state = [Math.min(1, rated.length / 50), mean, sd, agreement];
  return items.map((item) => ({ ...item, input: [...state, item.mean, item.spread, ...item.x] }));
}

/** A person's past batch: the jobs shown (that they rated) and what each earned. */
export interface PastBatch {
  jobs: readonly PoolJob[];
  rewards: ReadonlyMap<number, number>;
}

/** A trained DQN as plain arrays, to store; `DqnPolicy.load` rebuilds it. */
export interface SavedDqn {
  design: 1;
  dimension: number;
  weights: WeightArrays[];
}

export class DqnPolicy {
  private online: tf.LayersModel | null = null;
  private target: tf.LayersModel | null = null;
  private readonly buffer: Transition[] = [];
  private pending: Transition[] = [];
  private updates = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly epsilon = 0.2,
  ) {}

  private async models(dimension: number) {
    if (this.online && this.target) return { online: this.online, target: this.target };
    await useBackend("wasm");
    const build = () => {
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: HIDDEN, activation: "relu", inputShape: [dimension] }));
      model.add(tf.layers.dense({ units: HIDDEN, activation: "relu" }));
      model.add(tf.layers.dense({ units: 1 }));
      model.compile({ optimizer: tf.train.adam(0.005), loss: "meanSquaredError" });
      return model;
    };
    this.online = build();
    this.target = build();
    this.target.setWeights(this.online.getWeights());
    return { online: this.online, target: this.target };
  }

  /** The slate for this batch; the jobs' rewards are told with `observe` before the next. */
  async choose(
    pool: readonly PoolJob[],
    rated: readonly RatedJob[],
    size: number,
  ): Promise<Pick[]> {
    const items = dqnInputs(pool, rated);
    // The pending transitions end in this state.
    const next = items.slice(0, NEXT_CANDIDATES).map((i) => i.input);
    for (const t of this.pending) t.next = next;
    this.pending = [];
    if (items.length === 0) return [];
    const { online } = await this.models(items[0]?.input.length ?? 1);
    const learned = rated.length >= MIN_RATINGS_TO_LEARN;
    const q = learned
      ? tf.tidy(() =>
          Array.from(
            (online.predict(tf.tensor2d(items.map((i) => i.input))) as tf.Tensor).dataSync(),
          ),
        )
      : items.map((i) => i.mean);
    const order = items.map((item, i) => ({ item, q: q[i] ?? 0 })).sort((a, b) => b.q - a.q);
    const count = Math.min(size, order.length);
    // The expected reward of a pick is the bandit's estimate (Q also counts later batches).
    const picks: Pick[] = order.slice(0, count).map(({ item }) => ({
      jobId: item.job.traits.jobId,
      stretch: false,
      predictedReward: Math.round(item.mean * 1000) / 1000,
      reason: null,
    }));
    // ε-greedy: the last slot may go to a job drawn from the rest.
    if (learned && count >= 2 && order.length > count && this.random.next() < this.epsilon) {
      const drawn = order[count + this.random.below(order.length - count)];
      if (drawn) {
        picks[count - 1] = {
          jobId: drawn.item.job.traits.jobId,
          stretch: true,
          predictedReward: Math.round(drawn.item.mean * 1000) / 1000,
          reason: "Stretch pick, chosen at random by the DQN policy to learn your taste.",
        };
      }
    }
    this.lastInputs = new Map(
      picks.map((p) => [p.jobId, items.find((i) => i.job.traits.jobId === p.jobId)?.input ?? []]),
    );
    return picks;
  }

  private lastInputs = new Map<number, number[]>();

  /** The rewards the shown jobs earned; then a few updates from the replay buffer. */
  async observe(rewards: ReadonlyMap<number, number>): Promise<void> {
    for (const [jobId, reward] of rewards) {
      const input = this.lastInputs.get(jobId);
      if (!input) continue;
      const transition = { input, reward, next: null };
      this.buffer.push(transition);
      this.pending.push(transition);
    }
    if (this.buffer.length < 10) return;
    await this.replay(UPDATES_PER_BATCH);
  }

  /** Updates of the online network on random draws of the replay buffer. */
  private async replay(updates: number): Promise<void> {
    if (!this.online || !this.target) return;
    for (let step = 0; step < updates; step++) {
      const batch = Array.from(
        { length: Math.min(BATCH, this.buffer.length) },
        () => this.buffer[this.random.below(this.buffer.length)] as Transition,
      );
      const target = this.target;
      const nextValues = batch.map((t) =>
        t.next && t.next.length > 0
          ? Math.max(
              ...tf.tidy(() =>
                Array.from(
                  (target.predict(tf.tensor2d(t.next as number[][])) as tf.Tensor).dataSync(),
                ),
              ),
            )
          : 0,
      );
      const xs = tf.tensor2d(batch.map((t) => t.input));
      const ys = tf.tensor2d(batch.map((t, i) => [t.reward + GAMMA * (nextValues[i] ?? 0)]));
      await this.online.trainOnBatch(xs, ys);
      xs.dispose();
      ys.dispose();
      if (++this.updates % TARGET_EVERY === 0) this.target.setWeights(this.online.getWeights());
    }
  }

  /**
   * Learns from a person's past batches, oldest first, as if it had chosen them: each shown
   * job is a transition whose next state's candidates are the next batch's jobs, each input
   * read from the ratings before its batch. Then `updates` replay updates.
   */
  async learnFromPast(
    batches: readonly PastBatch[],
    updates = 200,
  ): Promise<{ transitions: number; updates: number }> {
    const rated: RatedJob[] = [];
    let previous: Transition[] = [];
    for (const batch of batches) {
      const items = dqnInputs(batch.jobs, rated);
      const next = items.map((i) => i.input);
      for (const t of previous) t.next = next;
      previous = items.map((item) => ({
        input: item.input,
        reward: batch.rewards.get(item.job.traits.jobId) ?? 0,
        next: null,
      }));
      this.buffer.push(...previous);
      for (const job of batch.jobs) {
        rated.push({
          traits: job.traits,
          reward: batch.rewards.get(job.traits.jobId) ?? 0,
          rankerMatch: job.rankerMatch,
        });
      }
    }
    const dimension = this.buffer[0]?.input.length;
    if (!dimension) return { transitions: 0, updates: 0 };
    await this.models(dimension);
    const before = this.updates;
    await this.replay(updates);
    return { transitions: this.buffer.length, updates: this.updates - before };
  }

  /** The online network's weights, or null before it has seen a batch. */
  save(): SavedDqn | null {
    if (!this.online) return null;
    const dimension = this.buffer[0]?.input.length ?? 0;
    return {
      design: 1,
      dimension,
      weights: weightArrays(this.online),
    };
  }

  /** A stored DQN, to choose batches with (and go on learning). */
  static async load(saved: SavedDqn, random: SeededRandom): Promise<DqnPolicy> {
    const policy = new DqnPolicy(random);
    const { online, target } = await policy.models(saved.dimension);
    setWeightArrays([online, target], saved.weights);
    return policy;
  }

  dispose(): void {
    this.online?.dispose();
    this.target?.dispose();
  }
}
