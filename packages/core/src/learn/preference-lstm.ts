import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../embed/use-lite.ts";
import { dot } from "../shared/vectors.ts";
import { type LinearModel, predictMean } from "./linear-model.ts";
import { fitTasteModel } from "./policy.ts";
import { starReward } from "./reward.ts";
import { type JobTraits, type RatedJob, TasteEvidence } from "./taste.ts";
import { setWeightArrays, weightArrays } from "./weights.ts";

/**
 * The preference model: a 2-layer LSTM over a person's ratings in the order given. At each
 * step it reads the job rated and the rating vector given just before, and predicts this
 * step's rating vector: stars and the four detail scores (fit, interest, prestige, location).
 * Missing details are read from the stars.
 *
 * The job enters in two ways, both computed from the ratings before that step only: its
 * encoder vector reduced to the person's own principal axes (a fixed projection, since a
 * learned 512-wide input layer memorizes a few hundred ratings), and what those earlier
 * ratings say of it (the taste features of taste.ts and the bandit's estimate from them).
 */
export interface PreferenceStep {
  traits: JobTraits;
  /** The ranker's match when the job was shown (null when unknown). */
  rankerMatch: number | null;
  stars: number;
  /** fit, interest, prestige, location on 1–10; null where not given. */
  aspects: readonly (number | null)[];
}

/** A job the model may be asked about, after the history. */
export type PreferenceCandidate = Pick<PreferenceStep, "traits" | "rankerMatch">;

/** The fixed reduction of job vectors: their mean and principal axes, each scaled to unit spread. */
export interface Projection {
  mean: number[];
  axes: number[][];
  scales: number[];
}

export interface TrainedPreferenceModel {
  model: tf.LayersModel;
  projection: Projection;
  /** How much of the network's correction to the bandit's estimate is used (0–1). */
  trust: number;
  /** The history trained on, for predictions after it. */
  history: PreferenceStep[];
  epochs: number;
  trainingMs: number;
}

/** Principal axes of the job vectors, units per LSTM layer, steps per training window. */
const AXES = 8;
const UNITS = [16, 8] as const;
const WINDOW = 16;
const STRIDE = 4;
const RATING_DIMENSIONS = 5;
/**
 * The bandit's estimate is refitted every batch (5 ratings) where predictions are checked, as
 * batches are made, and every few batches over the older history (each fit costs the square
 * of the ratings); candidates get one fitted on the whole history.
 */
const REFIT_EVERY = { batch: 5, older: 20 } as const;
/** Taste features read (taste.ts order, without the bias). */
const TASTE_INPUTS = 8;
const INPUT_DIMENSION = AXES + TASTE_INPUTS + 3 + RATING_DIMENSIONS;

/** Ratings a person needs before a preference model is trained for them. */
export const MIN_RATINGS_FOR_LSTM = 30;

/** A rating vector on -1..1: stars, then the four details (each from the stars when missing). */
export function ratingVector(step: Pick<PreferenceStep, "stars" | "aspects">): number[] {
  const stars = (step.stars - 3) / 2;
  return [
    stars,
    ...[0, 1, 2, 3].map((i) => {
      const aspect = step.aspects[i];
      return aspect === null || aspect === undefined ? stars : (aspect - 5.5) / 4.5;
    }),
  ];
}

/** The top `count` principal axes of the vectors (power iteration on their Gram matrix). */
export function principalAxes(vectors: readonly Float32Array[], count = AXES): Projection {
  const n = vectors.length;
  const d = vectors[0]?.length ?? 0;
  const mean = new Float64Array(d);
  for (const v of vectors) for (let j = 0; j < d; j++) mean[j] = (mean[j] ?? 0) + (v[j] ?? 0) / n;
  const centered = vectors.map((v) => Float64Array.from(v, (x, j) => x - (mean[j] ?? 0)));
  const gram = centered.map((a) => centered.map((b) => dot(a, b)));
  const axes: number[][] = [];
  const scales: number[] = [];
  // A fixed start (not random) so the same ratings give the same model.
  for (let k = 0; k < Math.min(count, n - 1); k++) {
    let u = Float64Array.from({ length: n }, (_, i) => Math.cos(i * (k + 1) + k));
    let eigenvalue = 0;
    for (let iteration = 0; iteration < 60; iteration++) {
      const next = new Float64Array(n);
      for (let i = 0; i < n; i++) next[i] = dot(gram[i] as number[], u);
      eigenvalue = Math.sqrt(dot(next, next));
      if (eigenvalue === 0) break;
      for (let i = 0; i < n; i++) next[i] = (next[i] ?? 0) / eigenvalue;
      u = next;
    }
    if (eigenvalue <= 1e-9) break;
    // Deflate, so the next axis is orthogonal to this one.
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        (gram[i] as number[])[j] =
          ((gram[i] as number[])[j] ?? 0) - eigenvalue * (u[i] ?? 0) * (u[j] ?? 0);
    const axis = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const row = centered[i] as Float64Array;
      for (let j = 0; j < d; j++) axis[j] = (axis[j] ?? 0) + (u[i] ?? 0) * (row[j] ?? 0);
    }
    const norm = Math.sqrt(dot(axis, axis)) || 1;
    axes.push(Array.from(axis, (x) => x / norm));
    scales.push(Math.sqrt(eigenvalue / n) || 1);
  }
  return { mean: Array.from(mean), axes, scales };
}

function project(projection: Projection, vector: Float32Array | null): number[] {
  const out = new Array<number>(AXES).fill(0);
  if (!vector) return out;
  projection.axes.forEach((axis, k) => {
    let value = 0;
    for (let j = 0; j < axis.length; j++)
      value += (axis[j] ?? 0) * ((vector[j] ?? 0) - (projection.mean[j] ?? 0));
    out[k] = value / (projection.scales[k] ?? 1);
  });
  return out;
}

/**
 * The network's inputs for each step of a history and, after it, for each candidate: each
 * row reads only the ratings before it. Rewards here are the stars' alone (the model
 * predicts stars).
 */
function inputRows(
  projection: Projection,
  steps: readonly PreferenceStep[],
  from: number,
  candidates: readonly PreferenceCandidate[] = [],
  /** From this step on the estimate is refitted every batch. */
  everyBatchFrom = from,
): { history: number[][]; candidates: number[][] } {
  const rated: RatedJob[] = steps.map((s) => ({
    traits: s.traits,
    reward: starReward(s.stars),
    rankerMatch: s.rankerMatch,
  }));
  const fitted = new Map<number, LinearModel>();
  const modelBefore = (t: number) => {
    const every = t >= everyBatchFrom ? REFIT_EVERY.batch : REFIT_EVERY.older;
    const cut = t === steps.length ? t : Math.floor(t / every) * every;
    let model = fitted.get(cut);
    if (!model) {
      model = fitTasteModel(rated.slice(0, cut)).model;
      fitted.set(cut, model);
    }
    return model;
  };
  const rowsAt = (t: number, jobs: readonly PreferenceCandidate[]) => {
    const evidence = new TasteEvidence(rated.slice(0, t));
    const model = modelBefore(t);
    const previous =
      t === 0 ? new Array(RATING_DIMENSIONS).fill(0) : ratingVector(steps[t - 1] as PreferenceStep);
    const meanStars = t === 0 ? 3 : steps.slice(0, t).reduce((sum, s) => sum + s.stars, 0) / t;
    return jobs.map((job) => {
      const features = evidence.features(job.traits, job.rankerMatch ?? 0.5);
      // On the rating vector's scale: centered rewards of 0–1 are half-stars over 2.
      const taste = features.slice(1).map((value, i) => (i === 0 ? value : 2 * value));
      const estimate = (1 + 4 * predictMean(model, features) - 3) / 2;
      return [
        ...project(projection, job.traits.vector),
        ...taste,
        Math.max(-1.5, Math.min(1.5, estimate)),
        (meanStars - 3) / 2,
        Math.log1p(t) / 5,
        ...previous,
      ];
    });
  };
  const history: number[][] = [];
  for (let t = from; t < steps.length; t++)
    history.push(...rowsAt(t, [steps[t] as PreferenceStep]));
  return {
    history,
    candidates: candidates.length > 0 ? rowsAt(steps.length, candidates) : [],
  };
}

/** Where the bandit's estimate sits in an input row. */
const ESTIMATE_AT = AXES + TASTE_INPUTS;

/**
 * The network predicts a correction to the bandit's estimate (the same for the four details):
 * its last layer starts at zero, so an untrained or unsure model predicts what the bandit
 * does, and the recurrent layers learn what the order of ratings adds.
 */
function buildModel(): tf.LayersModel {
  // Small and regularized: a person gives tens to hundreds of ratings, which a larger network
  // memorizes (training loss near 0, held-out error above the person's mean).
  const l2 = () => tf.regularizers.l2({ l2: 1e-3 });
  const input = tf.input({ shape: [null, INPUT_DIMENSION] });
  const first = tf.layers
    .lstm({
      units: UNITS[0],
      returnSequences: true,
      recurrentInitializer: "glorotUniform",
      kernelRegularizer: l2(),
      dropout: 0.1,
    })
    .apply(input) as tf.SymbolicTensor;
  const second = tf.layers
    .lstm({
      units: UNITS[1],
      returnSequences: true,
      recurrentInitializer: "glorotUniform",
      kernelRegularizer: l2(),
    })
    .apply(first) as tf.SymbolicTensor;
  const correction = tf.layers
    .timeDistributed({
      layer: tf.layers.dense({
        units: RATING_DIMENSIONS,
        kernelInitializer: "zeros",
        kernelRegularizer: tf.regularizers.l2({ l2: 1e-2 }),
      }),
    })
    .apply(second) as tf.SymbolicTensor;
  // The estimate, repeated for the five outputs: a fixed (untrainable) dense layer.
  const pickEstimate = tf.layers.timeDistributed({
    layer: tf.layers.dense({ units: RATING_DIMENSIONS, useBias: false, trainable: false }),
  });
  const estimate = pickEstimate.apply(input) as tf.SymbolicTensor;
  pickEstimate.setWeights([
    tf.tensor2d(
      Array.from({ length: INPUT_DIMENSION }, (_, i) =>
        new Array(RATING_DIMENSIONS).fill(i === ESTIMATE_AT ? 1 : 0),
      ),
    ),
  ]);
  const output = tf.layers.add().apply([estimate, correction]) as tf.SymbolicTensor;
  const model = tf.model({ inputs: input, outputs: output });
  model.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });
  return model;
}

/** The WINDOW rows before `end` (exclusive), zero-padded in front when there are fewer. */
function windowBefore<T>(rows: readonly T[], end: number, pad: T): T[] {
  const window = rows.slice(Math.max(0, end - WINDOW), end);
  return [...new Array<T>(WINDOW - window.length).fill(pad), ...window];
}

/** Training windows ending every STRIDE steps and at the end. */
function windows(inputs: number[][], targets: number[][]): { x: number[][][]; y: number[][][] } {
  const n = inputs.length;
  const ends = new Set<number>();
  for (let end = Math.min(WINDOW, n); end < n; end += STRIDE) ends.add(end);
  ends.add(n);
  const padIn = new Array(INPUT_DIMENSION).fill(0);
  const padOut = new Array(RATING_DIMENSIONS).fill(0);
  return {
    x: [...ends].map((end) => windowBefore(inputs, end, padIn)),
    y: [...ends].map((end) => windowBefore(targets, end, padOut)),
  };
}

export interface TrainOptions {
  epochs?: number;
}

/** Share of the newest ratings that set how far the network's correction is trusted. */
const VALIDATION_SHARE = 0.2;

/**
 * Trains the preference model on a person's ratings, oldest first. The network learns from
 * the older 80%; on the newest 20% (each predicted from the ratings before it) a trust in
 * 0–1 is fitted: how much of its correction to the bandit's estimate held up there. A
 * network that only memorized gets a trust near 0 and predicts as the bandit does.
 */
export async function trainPreferenceModel(
  steps: readonly PreferenceStep[],
  options: TrainOptions = {},
): Promise<TrainedPreferenceModel> {
  await useBackend("wasm");
  const started = performance.now();
  const projection = principalAxes(
    steps.flatMap((s) => (s.traits.vector ? [s.traits.vector] : [])),
  );
  const split = Math.max(1, Math.round(steps.length * (1 - VALIDATION_SHARE)));
  const rows = inputRows(projection, steps, 0, [], split).history;
  const targets = steps.map(ratingVector);
  const { x, y } = windows(rows.slice(0, split), targets.slice(0, split));
  const model = buildModel();
  const epochs = options.epochs ?? 30;
  const xs = tf.tensor3d(x);
  const ys = tf.tensor3d(y);
  try {
    await model.fit(xs, ys, { epochs, batchSize: 32, shuffle: true, verbose: 0 });
  } finally {
    xs.dispose();
    ys.dispose();
  }
  const trained = { model, projection, trust: 1, history: [...steps], epochs, trainingMs: 0 };
  const validation = lastSteps(trained, sequencesEnding(rows, split, steps.length));
  // The correction's least-squares weight on the validation ratings, less one standard error:
  // a correction that held up only by chance is not trusted.
  const pairs = validation.map(({ estimate, correction }, i) => ({
    correction,
    residual: (targets[split + i]?.[0] ?? 0) - estimate,
  }));
  const size = pairs.reduce((sum, p) => sum + p.correction ** 2, 0);
  const slope = size > 0 ? pairs.reduce((sum, p) => sum + p.correction * p.residual, 0) / size : 0;
  const spread = pairs.reduce(
    (sum, p) => sum + p.correction ** 2 * (p.residual - slope * p.correction) ** 2,
    0,
  );
  const standardError = size > 0 ? Math.sqrt(spread) / size : 0;
  trained.trust = Math.min(1, Math.max(0, slope - standardError));
  trained.trainingMs = performance.now() - started;
  return trained;
}

/** For each step from `from` to `to`, the window of rows ending at it (zero-padded in front). */
function sequencesEnding(rows: readonly number[][], from: number, to: number): number[][][] {
  const pad = new Array(INPUT_DIMENSION).fill(0);
  const sequences: number[][][] = [];
  for (let t = from; t < to; t++) sequences.push(windowBefore(rows, t + 1, pad));
  return sequences;
}

/** The bandit's estimate and the network's correction to it at each sequence's last step. */
function lastSteps(
  trained: Pick<TrainedPreferenceModel, "model">,
  sequences: readonly number[][][],
): { estimate: number; correction: number }[] {
  if (sequences.length === 0) return [];
  const outputs = tf.tidy(() => {
    const output = trained.model.predict(tf.tensor3d(sequences as number[][][])) as tf.Tensor3D;
    return Array.from(output.slice([0, WINDOW - 1, 0], [sequences.length, 1, 1]).dataSync());
  });
  return sequences.map((sequence, i) => {
    const estimate = sequence.at(-1)?.[ESTIMATE_AT] ?? 0;
    return { estimate, correction: (outputs[i] ?? 0) - estimate };
  });
}

function toStars(trust: number) {
  return ({ estimate, correction }: { estimate: number; correction: number }) =>
    Math.min(5, Math.max(1, 3 + 2 * (estimate + trust * correction)));
}

/**
 * Predicted stars (1–5) for each candidate, were it rated next after `history` (by default the
 * history the model was trained on), beside the bandit's estimate the network corrects.
 */
export function predictStars(
  trained: TrainedPreferenceModel,
  candidates: readonly PreferenceCandidate[],
  history: readonly PreferenceStep[] = trained.history,
): { stars: number; banditStars: number }[] {
  if (candidates.length === 0) return [];
  const from = Math.max(0, history.length - (WINDOW - 1));
  const rows = inputRows(trained.projection, history, from, candidates);
  const sequences = rows.candidates.map(
    (row) =>
      sequencesEnding(
        [...rows.history, row],
        rows.history.length,
        rows.history.length + 1,
      )[0] as number[][],
  );
  return lastSteps(trained, sequences).map((step) => ({
    stars: toStars(trained.trust)(step),
    banditStars: toStars(0)(step),
  }));
}

/**
 * Predicted stars (1–5) of each step of `steps` from `from` on, each from the ratings before
 * it: the held-out check, without recomputing the history for every step.
 */
export function predictEachStep(
  trained: TrainedPreferenceModel,
  steps: readonly PreferenceStep[],
  from: number,
): number[] {
  const start = Math.max(0, from - (WINDOW - 1));
  const rows = inputRows(trained.projection, steps, start).history;
  const sequences = sequencesEnding(rows, from - start, rows.length);
  return lastSteps(trained, sequences).map(toStars(trained.trust));
}

/** The model's weights and projection as plain arrays, to store; `loadPreferenceModel` rebuilds it. */
export function savePreferenceModel(trained: TrainedPreferenceModel) {
  return {
    design: 2 as const,
    projection: trained.projection,
    trust: trained.trust,
    weights: weightArrays(trained.model),
  };
}
export type SavedPreferenceModel = ReturnType<typeof savePreferenceModel>;

/** A stored model, or null when it was stored by an earlier design (retrain it). */
export async function loadPreferenceModel(
  saved: SavedPreferenceModel,
): Promise<TrainedPreferenceModel | null> {
  if (saved.design !== 2) return null;
  await useBackend("wasm");
  const model = buildModel();
  setWeightArrays([model], saved.weights);
  return {
    model,
    projection: saved.projection,
    trust: saved.trust,
    history: [],
    epochs: 0,
    trainingMs: 0,
  };
}
