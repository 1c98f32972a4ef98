import { access } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { AppError } from "../errors.ts";
import type { Embedder } from "./embedder.ts";

/**
 * Sentence-transformers models (all-MiniLM-L6-v2 and the like, exported to ONNX) run by
 * transformers.js: the feature-extraction pipeline, mean pooling over the attention mask, L2
 * normalization — what sentence-transformers does for these models.
 *
 * `@huggingface/transformers` is an optional peer dependency: with ONNX Runtime for every
 * platform it adds ~470 MB to node_modules, so `npm ci` does not install it. It is imported only
 * when this embedder is created, and its absence is an `invalid_config` error that gives
 * `TRANSFORMERS_INSTALL_COMMAND`.
 *
 * Model files are looked up as transformers.js does: `<localPath>/<model>/` holds config.json,
 * tokenizer.json, tokenizer_config.json and onnx/model.onnx (the layout of a hub repository).
 * With `allowRemote` the hub is asked for what is missing, and the files are kept in the same
 * layout under `localPath`, so the next run finds them offline. Without it nothing here reaches
 * the network.
 *
 * transformers.js keeps its settings in one object per process: creations are serialized, and
 * each sets them before loading. Once created, an embedder holds its model and tokenizer and
 * no longer reads those settings.
 */
export interface TransformersEmbedderOptions {
  /** A Hugging Face model id, e.g. "Xenova/all-MiniLM-L6-v2". */
  model: string;
  /** The folder holding `<model>/`; downloads land there too. */
  localPath?: string | undefined;
  /** Whether files missing locally may be downloaded from the Hugging Face hub. */
  allowRemote: boolean;
}

export const TRANSFORMERS_PACKAGE = "@huggingface/transformers";

/**
 * Installs the optional package without touching package.json; `npm ci` and `npm install`
 * remove it again. The variable keeps onnxruntime-node's install script from downloading CUDA
 * libraries: the CPU binaries ship in the package, and the download host may be unreachable.
 */
export const TRANSFORMERS_INSTALL_COMMAND = `ONNXRUNTIME_NODE_INSTALL=skip npm install --no-save ${TRANSFORMERS_PACKAGE}@4.3.1`;

/** Texts per model call: bounds the padded [batch, tokens] tensors. */
const MAX_BATCH = 32;

/** The parts of transformers.js used here (it may be absent, so its types cannot be imported). */
interface TransformersEnv {
  allowRemoteModels: boolean;
  allowLocalModels: boolean;
  localModelPath: string;
  cacheDir: string | null;
}

interface OutputTensor {
  dims: number[];
  data: ArrayLike<number>;
  dispose?: () => void;
}

interface FeatureExtractor {
  (texts: string[], options: { pooling: "mean"; normalize: boolean }): Promise<OutputTensor>;
  model: { config?: { hidden_size?: unknown } };
}

interface TransformersModule {
  env: TransformersEnv;
  pipeline(
    task: "feature-extraction",
    model: string,
    options: { local_files_only: boolean; cache_dir?: string },
  ): Promise<FeatureExtractor>;
}

const require = createRequire(import.meta.url);

let transformers: Promise<{ module: TransformersModule; defaults: TransformersEnv }> | undefined;

function isInstalled(): boolean {
  try {
    require.resolve(TRANSFORMERS_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/** Imports transformers.js once per process, keeping the settings it started with. */
function loadTransformers() {
  if (!isInstalled()) {
    throw new AppError(
      "invalid_config",
      `The "transformers" embedder needs ${TRANSFORMERS_PACKAGE}, which is not installed ` +
        "(it is optional: about 470 MB with ONNX Runtime). Install it from the project's folder " +
        `with \`${TRANSFORMERS_INSTALL_COMMAND}\` (again after \`npm ci\` or \`npm install\`, ` +
        "which remove it), " +
        'or set embed.model to "use-lite".',
      { field: "embed.model" },
    );
  }
  // A variable specifier: TypeScript and bundlers leave the optional package alone.
  const specifier: string = TRANSFORMERS_PACKAGE;
  transformers ??= (import(specifier) as Promise<TransformersModule>).then(
    (module) => ({ module, defaults: { ...module.env } }),
    (error: unknown) => {
      transformers = undefined;
      throw new AppError(
        "invalid_config",
        `${TRANSFORMERS_PACKAGE} is installed but could not be loaded: ${String(error)}. ` +
          `Reinstall it with \`${TRANSFORMERS_INSTALL_COMMAND}\`.`,
        { field: "embed.model", cause: error },
      );
    },
  );
  return transformers;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

/** What to do so that `model` is found on disk, for a message. */
function whereToPut(model: string, localRoot: string | undefined): string {
  const files =
    "config.json, tokenizer.json, tokenizer_config.json and onnx/model.onnx, as on the " +
    `Hugging Face hub page of ${model}`;
  return localRoot
    ? `copy its files into ${path.join(localRoot, model)} (${files})`
    : `set embed.transformers.localPath to a folder holding ${model}/ with its files (${files})`;
}

/** The file transformers.js looked for, from its error message. */
function missingFile(cause: unknown): string {
  const quoted = cause instanceof Error ? /"([^"]+)"/.exec(cause.message)?.[1] : undefined;
  return quoted ? ` (missing: ${quoted})` : "";
}

/** The model files are not all there, and the hub may not be asked. */
function notFoundLocally(
  model: string,
  folder: string,
  localRoot: string | undefined,
  cause?: unknown,
): AppError {
  return new AppError(
    "invalid_config",
    `The model ${model} was not found in ${folder}${missingFile(cause)}, and downloads are ` +
      `off. To use it, ${whereToPut(model, localRoot)}; or set ` +
      "embed.transformers.allowRemote to true to download it once where the network allows.",
    { field: "embed.transformers.localPath", cause },
  );
}

function isFileNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === "ModelFileNotFoundError";
}

let creations: Promise<unknown> = Promise.resolve();

/** Loads the pipeline with the process-wide settings this embedder needs. */
async function loadPipeline(options: TransformersEmbedderOptions): Promise<FeatureExtractor> {
  const { module, defaults } = await loadTransformers();
  const { env } = module;
  const localRoot = options.localPath ? path.resolve(options.localPath) : undefined;
  env.allowLocalModels = true;
  env.allowRemoteModels = options.allowRemote;
  // transformers.js looks in its cache, then in localModelPath, then (if allowed) on the hub,
  // and caches downloads as <cacheDir>/<model>/<file>: one folder serves all three.
  env.localModelPath = localRoot ?? defaults.localModelPath;
  env.cacheDir = localRoot ?? defaults.cacheDir;
  const folder = path.join(env.localModelPath, options.model);
  try {
    return await module.pipeline("feature-extraction", options.model, {
      local_files_only: !options.allowRemote,
      ...(localRoot ? { cache_dir: localRoot } : {}),
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (!options.allowRemote && isFileNotFound(error)) {
      throw notFoundLocally(options.model, folder, localRoot, error);
    }
    if (isFileNotFound(error)) {
      throw new AppError(
        "invalid_config",
        `The model ${options.model} is neither in ${folder} nor on the Hugging Face hub ` +
          `(or the hub refused it): ${(error as Error).message} Check embed.transformers.model.`,
        { field: "embed.transformers.model", cause: error },
      );
    }
    if (options.allowRemote) {
      throw new AppError(
        "upstream",
        `Could not load ${options.model}: ${String(error)}. If the Hugging Face hub cannot be ` +
          `reached from here, ${whereToPut(options.model, localRoot)}; and set ` +
          "embed.transformers.allowRemote to false.",
        { field: "embed.transformers.model", cause: error },
      );
    }
    throw new AppError("internal", `Could not load ${options.model}: ${String(error)}`, {
      field: "embed.transformers.model",
      cause: error,
    });
  }
}

/** Runs the pipeline on texts that all have something to read; one unit vector per text. */
async function runBatch(extractor: FeatureExtractor, texts: string[]): Promise<Float32Array[]> {
  const output = await extractor(texts, { pooling: "mean", normalize: true });
  try {
    const [rows, width] = output.dims;
    if (output.dims.length !== 2 || rows !== texts.length || !width) {
      throw new AppError(
        "internal",
        `The model gave a tensor of shape [${output.dims.join(", ")}] for ${texts.length} texts`,
      );
    }
    const data = Float32Array.from(output.data);
    return texts.map((_, row) => data.slice(row * width, (row + 1) * width));
  } finally {
    output.dispose?.();
  }
}

export async function createTransformersEmbedder(
  options: TransformersEmbedderOptions,
): Promise<Embedder> {
  const model = options.model.trim();
  if (!model) {
    throw new AppError("invalid_config", "Name a model, e.g. Xenova/all-MiniLM-L6-v2", {
      field: "embed.transformers.model",
    });
  }
  const settings = { ...options, model };

  // Offline with a folder: say plainly what is missing before loading 470 MB of code.
  if (!settings.allowRemote && settings.localPath) {
    const localRoot = path.resolve(settings.localPath);
    const folder = path.join(localRoot, model);
    if (!(await exists(path.join(folder, "config.json")))) {
      throw notFoundLocally(model, folder, localRoot);
    }
  }

  const loading = creations.then(() => loadPipeline(settings));
  creations = loading.catch(() => undefined);
  const extractor = await loading;

  const hiddenSize = extractor.model.config?.hidden_size;
  let dimension =
    typeof hiddenSize === "number" && Number.isInteger(hiddenSize) && hiddenSize > 0
      ? hiddenSize
      : 0;
  if (dimension === 0) {
    const [probe] = await runBatch(extractor, ["dimension"]);
    dimension = probe?.length ?? 0;
  }

  // One model call at a time: calls gain nothing from interleaving on two cores, and the
  // padded tensors of one batch bound the memory used.
  let queue: Promise<unknown> = Promise.resolve();

  async function embedNow(texts: string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = texts.map(() => new Float32Array(dimension));
    // Empty texts keep the zero vector; the rest go in batches of similar length, which keeps
    // the padding small.
    const work = texts
      .map((text, index) => ({ index, text }))
      .filter((item) => item.text.trim().length > 0)
      .sort((a, b) => a.text.length - b.text.length);
    for (let start = 0; start < work.length; start += MAX_BATCH) {
      const batch = work.slice(start, start + MAX_BATCH);
      const out = await runBatch(
        extractor,
        batch.map((item) => item.text),
      );
      batch.forEach((item, i) => {
        const vector = out[i];
        if (vector?.length !== dimension) {
          throw new AppError(
            "internal",
            `${model} gave ${vector?.length ?? 0}-d vectors where its config says ${dimension}`,
          );
        }
        vectors[item.index] = vector;
      });
    }
    return vectors;
  }

  return {
    modelId: `transformers:${model}`,
    dimension,
    embed(texts) {
      const result = queue.then(() => embedNow(texts));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
