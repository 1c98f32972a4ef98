import * as tf from "@tensorflow/tfjs";

/** A network's weights as plain arrays, to store in the database as JSON. */
export interface WeightArrays {
  shape: number[];
  values: number[];
}

export function weightArrays(model: tf.LayersModel): WeightArrays[] {
  return model.getWeights().map((w) => ({ shape: w.shape, values: Array.from(w.dataSync()) }));
}

/** Sets stored weights on each of `models` (built with the same layers). */
export function setWeightArrays(
  models: readonly tf.LayersModel[],
  weights: readonly WeightArrays[],
): void {
  const tensors = weights.map((w) => tf.tensor(w.values, w.shape));
  for (const model of models) model.setWeights(tensors);
  for (const tensor of tensors) tensor.dispose();
}
