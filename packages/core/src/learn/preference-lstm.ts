import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../embed/use-lite.ts";

/**
 * The preference model: a 2-layer LSTM over a person's ratings in the order given. At each
 * step it reads the job rated (its encoder vector, projected to a few dimensions) and the
 * rating vector given just before, and predicts this step's rating vector: stars and the four
 * detail scores (fit, interest, prestige, location). Missing details are read from the stars.
 */
export interface PreferenceStep {
  vector: Float32Array;
  stars: number;
  /** fit, interest, prestige, location on 1–10; null where not given. */
  aspects: readonly (number | null)[];
}

export interface TrainedPreferenceModel {
  model: tf.LayersModel;
  inputDimension: number;
  /** The last steps of the history, for predictions after it. */
  history: PreferenceStep[];
  epochs: number;
  trainingMs: number;
}

/** Projected job dimensions, units per LSTM layer, steps per training window. */
const PROJECTED = 16;
const UNITS = [16, 8] as const;
const WINDOW = 16;
const RATING_DIMENSIONS = 5;

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

/** Each step's input: the projected job and the previous rating vector (zeros at the start). */
function stepInputs(steps: readonly PreferenceStep[]): number[][] {
  return steps.map((step, t) => {
    const previous =
      t === 0 ? new Array(RATING_DIMENSIONS).fill(0) : ratingVector(steps[t - 1] as PreferenceStep);
    // Unit vectors have components of about 1/√d: scaled to about 1 for the dense layer.
    const scale = Math.sqrt(step.vector.length);
    return [...Array.from(step.vector, (value) => value * scale), ...previous];
  });
}

function buildModel(inputDimension: number): tf.LayersModel {
  // Small and regularized: a person gives tens to hundreds of ratings, which a larger network
  // memorizes (training loss near 0, held-out error above the person's mean).
  const l2 = () => tf.regularizers.l2({ l2: 1e-3 });
  const model = tf.sequential();
  // A learned projection of the job vector (and the previous rating) to a few dimensions.
  model.add(
    tf.layers.timeDistributed({
      inputShape: [null, inputDimension + RATING_DIMENSIONS],
      layer: tf.layers.dense({ units: PROJECTED, activation: "tanh", kernelRegularizer: l2() }),
    }),
  );
  model.add(
    tf.layers.lstm({
      units: UNITS[0],
      returnSequences: true,
      recurrentInitializer: "glorotUniform",
      kernelRegularizer: l2(),
      dropout: 0.2,
    }),
  );
  model.add(
    tf.layers.lstm({
      units: UNITS[1],
      returnSequences: true,
      recurrentInitializer: "glorotUniform",
      kernelRegularizer: l2(),
    }),
  );
  model.add(
    tf.layers.timeDistributed({
      layer: tf.layers.dense({
        units: RATING_DIMENSIONS,
        activation: "tanh",
        kernelRegularizer: l2(),
      }),
    }),
  );
  model.compile({ optimizer: tf.train.adam(0.01), loss: "meanSquaredError" });
  return model;
}

/** Windows of up to WINDOW steps, every half window and at the end (zero-padded in front). */
function windows(inputs: number[][], targets: number[][]): { x: number[][][]; y: number[][][] } {
  const n = inputs.length;
  const ends = new Set<number>();
  for (let end = Math.min(WINDOW, n); end < n; end += WINDOW / 2) ends.add(end);
  ends.add(n);
  const padIn = new Array(inputs[0]?.length ?? 0).fill(0);
  const padOut = new Array(RATING_DIMENSIONS).fill(0);
  const x: number[][][] = [];
  const y: number[][][] = [];
  for (const end of ends) {
    const start = Math.max(0, end - WINDOW);
    const pad = WINDOW - (end - start);
    x.push([...new Array(pad).fill(padIn), ...inputs.slice(start, end)]);
    y.push([...new Array(pad).fill(padOut), ...targets.slice(start, end)]);
  }
  return { x, y };
}

export interface TrainOptions {
  epochs?: number;
}

/** Trains the preference model on a person's ratings, oldest first. */
export async function trainPreferenceModel(
  steps: readonly PreferenceStep[],
  options: TrainOptions = {},
): Promise<TrainedPreferenceModel> {
  await useBackend("wasm");
  const started = performance.now();
  const inputDimension = steps[0]?.vector.length ?? 0;
  const inputs = stepInputs(steps);
  const targets = steps.map(ratingVector);
  const { x, y } = windows(inputs, targets);
  const model = buildModel(inputDimension);
  const epochs = options.epochs ?? 30;
  const xs = tf.tensor3d(x);
  const ys = tf.tensor3d(y);
  try {
    // No early stopping: held-back windows would be the newest ratings, the ones that matter.
    await model.fit(xs, ys, {
      epochs,
      batchSize: 16,
      shuffle: true,
      verbose: 0,
    });
  } finally {
    xs.dispose();
    ys.dispose();
  }
  return {
    model,
    inputDimension,
    history: steps.slice(-(WINDOW - 1)),
    epochs,
    trainingMs: performance.now() - started,
  };
}

/**
 * Predicted stars (1–5) for each candidate, were it rated next after `history` (by default the
 * history the model was trained on).
 */
export function predictStars(
  trained: TrainedPreferenceModel,
  candidates: readonly Float32Array[],
  history: readonly PreferenceStep[] = trained.history,
): number[] {
  if (candidates.length === 0) return [];
  const recent = history.slice(-(WINDOW - 1));
  const rows = candidates.map((vector) => {
    const steps = [...recent, { vector, stars: 3, aspects: [] }];
    return stepInputs(steps);
  });
  return tf.tidy(() => {
    const output = trained.model.predict(tf.tensor3d(rows)) as tf.Tensor3D;
    const last = output.slice([0, recent.length, 0], [rows.length, 1, 1]);
    return Array.from(last.dataSync(), (value) => Math.min(5, Math.max(1, 3 + 2 * value)));
  });
}

/** The model's weights as plain arrays, to store; `loadPreferenceModel` rebuilds it. */
export function savePreferenceModel(trained: TrainedPreferenceModel) {
  return {
    inputDimension: trained.inputDimension,
    weights: trained.model
      .getWeights()
      .map((w) => ({ shape: w.shape, values: Array.from(w.dataSync()) })),
  };
}
export type SavedPreferenceModel = ReturnType<typeof savePreferenceModel>;

export async function loadPreferenceModel(
  saved: SavedPreferenceModel,
): Promise<TrainedPreferenceModel> {
  await useBackend("wasm");
  const model = buildModel(saved.inputDimension);
  const tensors = saved.weights.map((w) => tf.tensor(w.values, w.shape));
  model.setWeights(tensors);
  for (const tensor of tensors) tensor.dispose();
  return {
    model,
    inputDimension: saved.inputDimension,
    history: [],
    epochs: 0,
    trainingMs: 0,
  };
}
