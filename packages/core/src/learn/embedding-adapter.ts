import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../embed/use-lite.ts";
import { seededRandom } from "./random.ts";

/**
 * The embedding adapter: a small residual projection on top of the frozen encoder,
 * f(v) = normalize(v + U·(Vᵀ·v)) with U, V of rank 16, learned per person with a contrastive
 * (InfoNCE) loss so that their profile and the jobs they liked (≥4★) come closer than the jobs
 * they disliked (≤2★). U starts at zero: an untrained adapter changes nothing.
 */
export interface EmbeddingAdapter {
  dimension: number;
  rank: number;
  /** Row-major dimension × rank. */
  u: Float32Array;
  v: Float32Array;
}

const RANK = 16;
const TEMPERATURE = 0.1;
// Few steps: longer training fits the rated jobs and ranks held-out ones worse (learn bench).
const STEPS = 60;
const L2 = 1e-3;
const MAX_PAIRS = 400;

/** Liked and disliked jobs a person needs before an adapter is trained for them. */
export const MIN_LIKED_FOR_ADAPTER = 5;
export const MIN_DISLIKED_FOR_ADAPTER = 5;

export interface AdapterExamples {
  /** The person's query vector (their CV and roles), unit length. */
  profile: Float32Array;
  liked: readonly Float32Array[];
  disliked: readonly Float32Array[];
}

/** f(v) for each vector, unit length. */
export function adapt(adapter: EmbeddingAdapter, vectors: readonly Float32Array[]): Float32Array[] {
  const { dimension: d, rank: r, u, v } = adapter;
  // Every index below is in range (vectors have d values, u and v d × r): plain typed-array
  // reads, run for each of a batch's few hundred candidates.
  const z = new Float64Array(r);
  return vectors.map((x) => {
    z.fill(0);
    for (let i = 0; i < d; i++) {
      const xi = x[i] as number;
      if (xi === 0) continue;
      const row = i * r;
      for (let k = 0; k < r; k++) z[k] = (z[k] as number) + (v[row + k] as number) * xi;
    }
    const out = new Float32Array(d);
    let norm = 0;
    for (let i = 0; i < d; i++) {
      let value = x[i] as number;
      const row = i * r;
      for (let k = 0; k < r; k++) value += (u[row + k] as number) * (z[k] as number);
      out[i] = value;
      norm += value * value;
    }
    const scale = 1 / (Math.sqrt(norm) || 1);
    for (let i = 0; i < d; i++) out[i] = (out[i] as number) * scale;
    return out;
  });
}

/**
 * Trains the adapter. Each anchor (the profile, and every liked job) has every other liked job
 * as a positive in turn, against all disliked jobs as negatives.
 */
export async function trainAdapter(
  examples: AdapterExamples,
  options: { steps?: number; seed?: number } = {},
): Promise<EmbeddingAdapter & { trainingMs: number }> {
  await useBackend("wasm");
  const started = performance.now();
  const d = examples.profile.length;
  const random = seededRandom(options.seed ?? 1);
  const anchors = [examples.profile, ...examples.liked];
  // Pairs (anchor, positive): the profile with each liked job, and liked with liked.
  const pairs: [number, number][] = [];
  for (let p = 0; p < examples.liked.length; p++) {
    pairs.push([0, p]);
    for (let a = 0; a < examples.liked.length; a++) if (a !== p) pairs.push([a + 1, p]);
  }
  const toMatrix = (rows: readonly Float32Array[]) => {
    const flat = new Float32Array(rows.length * d);
    for (const [i, row] of rows.entries()) flat.set(row, i * d);
    return tf.tensor2d(flat, [rows.length, d]);
  };
  // At most MAX_PAIRS pairs, drawn at random (the profile's own pairs always kept).
  const own = pairs.filter(([a]) => a === 0);
  const others = pairs.filter(([a]) => a !== 0);
  for (let i = others.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [others[i], others[j]] = [others[j] as [number, number], others[i] as [number, number]];
  }
  const kept = [...own, ...others].slice(0, MAX_PAIRS);
  // Rows written out per pair: gathering inside the loss needs a kernel the wasm backend lacks.
  const anchorM = toMatrix(kept.map(([a]) => anchors[a] as Float32Array));
  const likedM = toMatrix(kept.map(([, p]) => examples.liked[p] as Float32Array));
  const dislikedM = toMatrix(examples.disliked);
  const u = tf.variable(tf.zeros([d, RANK]));
  const v = tf.variable(
    tf.tensor2d(
      Float32Array.from({ length: d * RANK }, () => random.normal() * 0.05),
      [d, RANK],
    ),
  );
  const project = (m: tf.Tensor2D) => {
    const out = m.add(m.matMul(v).matMul(u, false, true));
    return out.div(out.norm("euclidean", 1, true).add(1e-8)) as tf.Tensor2D;
  };
  const optimizer = tf.train.adam(0.01);
  const steps = options.steps ?? STEPS;
  for (let step = 0; step < steps; step++) {
    optimizer.minimize(() => {
      const a = project(anchorM);
      const p = project(likedM);
      const n = project(dislikedM);
      const positive = a.mul(p).sum(1, true).div(TEMPERATURE);
      const negative = a.matMul(n, false, true).div(TEMPERATURE);
      const logits = tf.concat([positive, negative], 1);
      // InfoNCE: the positive is class 0 among itself and the negatives.
      const loss = tf.neg(logits.slice([0, 0], [-1, 1]).sub(logits.logSumExp(1, true))).mean();
      return loss.add(u.square().sum().add(v.square().sum()).mul(L2)) as tf.Scalar;
    });
  }
  const adapter = {
    dimension: d,
    rank: RANK,
    u: Float32Array.from(await u.data()),
    v: Float32Array.from(await v.data()),
    trainingMs: performance.now() - started,
  };
  tf.dispose([anchorM, likedM, dislikedM, u, v]);
  optimizer.dispose();
  return adapter;
}

/** Mean reciprocal rank of the first liked job when `jobs` are ranked by cosine to `query`. */
export function reciprocalRankOfLiked(
  query: Float32Array,
  jobs: readonly { vector: Float32Array; liked: boolean }[],
): number {
  const scored = jobs
    .map((job) => {
      let dot = 0;
      for (let i = 0; i < query.length; i++) dot += (query[i] ?? 0) * (job.vector[i] ?? 0);
      return { dot, liked: job.liked };
    })
    .sort((a, b) => b.dot - a.dot);
  const first = scored.findIndex((job) => job.liked);
  return first < 0 ? 0 : 1 / (first + 1);
}

/** The adapter as stored: its matrices as base64 float32. */
export function saveAdapter(adapter: EmbeddingAdapter) {
  const encode = (values: Float32Array) =>
    Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString("base64");
  return {
    dimension: adapter.dimension,
    rank: adapter.rank,
    u: encode(adapter.u),
    v: encode(adapter.v),
  };
}
export type SavedAdapter = ReturnType<typeof saveAdapter>;

export function loadAdapter(saved: SavedAdapter): EmbeddingAdapter {
  const decode = (text: string) => {
    const bytes = Buffer.from(text, "base64");
    return new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
  };
  return { dimension: saved.dimension, rank: saved.rank, u: decode(saved.u), v: decode(saved.v) };
}

/**
 * Held-out effect of an adapter: trained on the older 80% of the rated jobs, the reciprocal
 * rank of the first liked job among the newer 20% by the profile's cosine, before and after.
 */
export async function evaluateAdapter(
  profile: Float32Array,
  steps: readonly { traits: { vector: Float32Array | null }; stars: number }[],
): Promise<{ before: number; after: number } | null> {
  const rated = steps.flatMap((s) =>
    s.traits.vector ? [{ vector: s.traits.vector, stars: s.stars }] : [],
  );
  const cut = Math.round(rated.length * 0.8);
  const train = rated.slice(0, cut);
  const test = rated.slice(cut).map((r) => ({ vector: r.vector, liked: r.stars >= 4 }));
  const liked = train.filter((r) => r.stars >= 4).map((r) => r.vector);
  const disliked = train.filter((r) => r.stars <= 2).map((r) => r.vector);
  if (
    liked.length < MIN_LIKED_FOR_ADAPTER ||
    disliked.length < MIN_DISLIKED_FOR_ADAPTER ||
    !test.some((t) => t.liked)
  ) {
    return null;
  }
  const adapter = await trainAdapter({ profile, liked, disliked });
  const [query] = adapt(adapter, [profile]);
  const adapted = adapt(
    adapter,
    test.map((t) => t.vector),
  ).map((vector, i) => ({ vector, liked: test[i]?.liked ?? false }));
  return {
    before: reciprocalRankOfLiked(profile, test),
    after: reciprocalRankOfLiked(query ?? profile, adapted),
  };
}
