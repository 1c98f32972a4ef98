import { dot } from "../shared/vectors.ts";
import type { SeededRandom } from "./random.ts";

/**
 * Bayesian linear regression with a Gaussian prior around `priorMean`: the closed-form model
 * behind the bandit. With no data its mean is the prior (the untrained ranker); each example
 * moves it, and its covariance says how sure it is of each direction (for UCB and Thompson
 * sampling).
 */
export interface LinearModel {
  dimension: number;
  /** Posterior mean of the weights. */
  mean: Float64Array;
  /** Posterior precision's inverse (covariance over the noise variance), row-major d × d. */
  covariance: Float64Array;
  /** Estimated noise variance of the targets. */
  noiseVariance: number;
  examples: number;
}

export interface FitOptions {
  priorMean: readonly number[];
  /** Prior precision per weight (higher: the prior counts as more examples). */
  priorPrecision: readonly number[];
  /** Noise variance assumed before the data say otherwise, and its floor. */
  noiseVariance?: number;
}

export function fitLinearModel(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  options: FitOptions,
): LinearModel {
  const d = options.priorMean.length;
  const precision = new Float64Array(d * d);
  const rhs = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    const p = options.priorPrecision[i] ?? 1;
    precision[i * d + i] = p;
    rhs[i] = p * (options.priorMean[i] ?? 0);
  }
  rows.forEach((x, n) => {
    const y = targets[n] ?? 0;
    for (let i = 0; i < d; i++) {
      const xi = x[i] ?? 0;
      rhs[i] = (rhs[i] ?? 0) + xi * y;
      for (let j = 0; j < d; j++)
        precision[i * d + j] = (precision[i * d + j] ?? 0) + xi * (x[j] ?? 0);
    }
  });
  const covariance = invertSymmetric(precision, d);
  const mean = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = 0;
    for (let j = 0; j < d; j++) sum += (covariance[i * d + j] ?? 0) * (rhs[j] ?? 0);
    mean[i] = sum;
  }
  // Noise from the residuals, pulled toward the assumed value while examples are few.
  const assumed = options.noiseVariance ?? 0.1;
  let squared = 0;
  rows.forEach((x, n) => {
    const residual = (targets[n] ?? 0) - dot(mean, x);
    squared += residual * residual;
  });
  const noiseVariance = Math.max(0.02, (squared + 4 * assumed) / (rows.length + 4));
  return { dimension: d, mean, covariance, noiseVariance, examples: rows.length };
}

export function predictMean(model: LinearModel, x: readonly number[]): number {
  return dot(model.mean, x);
}

/** The standard deviation of the predicted mean at `x`: how unsure the model is there. */
export function predictSpread(model: LinearModel, x: readonly number[]): number {
  const d = model.dimension;
  let quadratic = 0;
  for (let i = 0; i < d; i++) {
    let row = 0;
    for (let j = 0; j < d; j++) row += (model.covariance[i * d + j] ?? 0) * (x[j] ?? 0);
    quadratic += (x[i] ?? 0) * row;
  }
  return Math.sqrt(Math.max(0, quadratic) * model.noiseVariance);
}

/** Weights drawn from the posterior (Thompson sampling). */
export function sampleWeights(model: LinearModel, random: SeededRandom): Float64Array {
  const d = model.dimension;
  const lower = cholesky(model.covariance, d);
  const z = Array.from({ length: d }, () => random.normal());
  const scale = Math.sqrt(model.noiseVariance);
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let sum = 0;
    for (let j = 0; j <= i; j++) sum += (lower[i * d + j] ?? 0) * (z[j] ?? 0);
    out[i] = (model.mean[i] ?? 0) + scale * sum;
  }
  return out;
}

/** Lower Cholesky factor of a symmetric positive-definite matrix (tiny jitter if needed). */
function cholesky(matrix: Float64Array, d: number): Float64Array {
  const lower = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * d + j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (lower[i * d + k] ?? 0) * (lower[j * d + k] ?? 0);
      if (i === j) lower[i * d + i] = Math.sqrt(Math.max(sum, 1e-12));
      else lower[i * d + j] = sum / (lower[j * d + j] ?? 1);
    }
  }
  return lower;
}

/** The inverse of a symmetric positive-definite matrix, by Gauss–Jordan with pivoting. */
function invertSymmetric(matrix: Float64Array, d: number): Float64Array {
  const a = Float64Array.from(matrix);
  const inverse = new Float64Array(d * d);
  for (let i = 0; i < d; i++) inverse[i * d + i] = 1;
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let row = col + 1; row < d; row++) {
      if (Math.abs(a[row * d + col] ?? 0) > Math.abs(a[pivot * d + col] ?? 0)) pivot = row;
    }
    if (pivot !== col) {
      for (let k = 0; k < d; k++) {
        [a[col * d + k], a[pivot * d + k]] = [a[pivot * d + k] ?? 0, a[col * d + k] ?? 0];
        [inverse[col * d + k], inverse[pivot * d + k]] = [
          inverse[pivot * d + k] ?? 0,
          inverse[col * d + k] ?? 0,
        ];
      }
    }
    const p = a[col * d + col] ?? 0;
    const scale = Math.abs(p) < 1e-12 ? 1e12 : 1 / p;
    for (let k = 0; k < d; k++) {
      a[col * d + k] = (a[col * d + k] ?? 0) * scale;
      inverse[col * d + k] = (inverse[col * d + k] ?? 0) * scale;
    }
    for (let row = 0; row < d; row++) {
      if (row === col) continue;
      const factor = a[row * d + col] ?? 0;
      if (factor === 0) continue;
      for (let k = 0; k < d; k++) {
        a[row * d + k] = (a[row * d + k] ?? 0) - factor * (a[col * d + k] ?? 0);
        inverse[row * d + k] = (inverse[row * d + k] ?? 0) - factor * (inverse[col * d + k] ?? 0);
      }
    }
  }
  return inverse;
}
