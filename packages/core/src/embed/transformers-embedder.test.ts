import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { normalizeInPlace } from "./embedder.ts";
import {
  createTransformersEmbedder,
  TRANSFORMERS_INSTALL_COMMAND,
  TRANSFORMERS_PACKAGE,
} from "./transformers-embedder.ts";

// No sentence-transformers weights can be had on this machine, and the package is optional, so
// the real pipeline runs on a tiny BERT-shaped model written here: a WordPiece tokenizer over a
// dozen words and an ONNX graph whose last_hidden_state is each token's row of a fixed table.
// transformers.js tokenizes, ONNX Runtime runs the graph, and the pipeline mean-pools over the
// attention mask and normalizes: the expected vector is the normalized mean of the rows.

const VOCAB = [
  "[PAD]",
  "[UNK]",
  "[CLS]",
  "[SEP]",
  "[MASK]",
  "python",
  "developer",
  "java",
  "nurse",
  "remote",
  "##s",
];
const HIDDEN = 4;
/** Row i is token i's hidden state; [PAD] is not zero, so pooling over padding would show. */
const TABLE = Float32Array.from({ length: VOCAB.length * HIDDEN }, (_, i) => ((i * 7) % 11) - 5);

const id = (token: string) => VOCAB.indexOf(token);

/** The vector a correct pipeline gives for these token ids (with [CLS] and [SEP] around). */
function expected(tokens: string[]): Float32Array {
  const ids = [id("[CLS]"), ...tokens.map(id), id("[SEP]")];
  const sum = new Float32Array(HIDDEN);
  for (const row of ids) {
    for (let j = 0; j < HIDDEN; j++) sum[j] = (sum[j] ?? 0) + (TABLE[row * HIDDEN + j] ?? 0);
  }
  return normalizeInPlace(sum.map((x) => x / ids.length));
}

// --- a minimal protobuf writer, enough for an ONNX ModelProto ---

type Bytes = number[];
const utf8 = new TextEncoder();

function varint(value: number | bigint): Bytes {
  const out: Bytes = [];
  let v = BigInt(value);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}

/** A field: numbers as varints, strings and byte arrays length-delimited. */
function field(no: number, value: number | string | Bytes | Uint8Array): Bytes {
  if (typeof value === "number") return [...varint(no << 3), ...varint(value)];
  const bytes = typeof value === "string" ? [...utf8.encode(value)] : [...value];
  return [...varint((no << 3) | 2), ...varint(bytes.length), ...bytes];
}

const ONNX_FLOAT = 1;
const ONNX_INT64 = 7;

function valueInfo(name: string, elemType: number, dims: (number | string)[]): Bytes {
  const shape = dims.flatMap((d) => field(1, typeof d === "string" ? field(2, d) : field(1, d)));
  const tensorType = [...field(1, elemType), ...field(2, shape)];
  return [...field(1, name), ...field(2, field(1, tensorType))];
}

/** input_ids [batch, sequence] → Gather(table) → last_hidden_state [batch, sequence, hidden]. */
function lookupModel(table: Float32Array, hidden: number): Uint8Array {
  const weights = [
    ...field(1, table.length / hidden),
    ...field(1, hidden),
    ...field(2, ONNX_FLOAT),
    ...field(8, "table"),
    ...field(9, new Uint8Array(table.buffer, table.byteOffset, table.byteLength)),
  ];
  const gather = [
    ...field(1, "table"),
    ...field(1, "input_ids"),
    ...field(2, "last_hidden_state"),
    ...field(3, "lookup"),
    ...field(4, "Gather"),
  ];
  const graph = [
    ...field(1, gather),
    ...field(2, "tiny-bert"),
    ...field(5, weights),
    ...field(11, valueInfo("input_ids", ONNX_INT64, ["batch", "sequence"])),
    ...field(11, valueInfo("attention_mask", ONNX_INT64, ["batch", "sequence"])),
    ...field(12, valueInfo("last_hidden_state", ONNX_FLOAT, ["batch", "sequence", hidden])),
  ];
  const opset = [...field(1, ""), ...field(2, 17)];
  return Uint8Array.from([
    ...field(1, 8), // ir_version
    ...field(2, "aura-test"), // producer_name
    ...field(7, graph),
    ...field(8, opset),
  ]);
}

/** Writes the tiny model as a hub repository would hold it: `<root>/<model>/...`. */
async function writeTinyModel(root: string, model: string, { onnx = true } = {}): Promise<void> {
  const dir = path.join(root, model);
  await mkdir(path.join(dir, "onnx"), { recursive: true });
  const special = VOCAB.slice(0, 5).map((content, index) => ({
    id: index,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  }));
  const cls = { SpecialToken: { id: "[CLS]", type_id: 0 } };
  const sep = { SpecialToken: { id: "[SEP]", type_id: 0 } };
  const tokenizer = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: special,
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: {
      type: "TemplateProcessing",
      single: [cls, { Sequence: { id: "A", type_id: 0 } }, sep],
      pair: [
        cls,
        { Sequence: { id: "A", type_id: 0 } },
        sep,
        { Sequence: { id: "B", type_id: 1 } },
      ],
      special_tokens: {
        "[CLS]": { id: "[CLS]", ids: [id("[CLS]")], tokens: ["[CLS]"] },
        "[SEP]": { id: "[SEP]", ids: [id("[SEP]")], tokens: ["[SEP]"] },
      },
    },
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(VOCAB.map((token, index) => [token, index])),
    },
  };
  const files: Record<string, string | Uint8Array> = {
    "config.json": JSON.stringify({
      model_type: "bert",
      architectures: ["BertModel"],
      hidden_size: HIDDEN,
      vocab_size: VOCAB.length,
    }),
    "tokenizer.json": JSON.stringify(tokenizer),
    "tokenizer_config.json": JSON.stringify({
      tokenizer_class: "BertTokenizer",
      do_lower_case: true,
      model_max_length: 512,
      pad_token: "[PAD]",
      unk_token: "[UNK]",
      cls_token: "[CLS]",
      sep_token: "[SEP]",
      mask_token: "[MASK]",
    }),
  };
  if (onnx) files["onnx/model.onnx"] = lookupModel(TABLE, HIDDEN);
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(dir, name), content);
  }
}

function installed(): boolean {
  try {
    createRequire(import.meta.url).resolve(TRANSFORMERS_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "aura-transformers-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("transformers embedder: configuration errors", () => {
  it("names the folder it searched when the model is not there and downloads are off", async () => {
    const localPath = path.join(root, "empty");
    await mkdir(localPath, { recursive: true });
    const error = await appError(
      createTransformersEmbedder({
        model: "Xenova/all-MiniLM-L6-v2",
        localPath,
        allowRemote: false,
      }),
    );
    expect(error.code).toBe("invalid_config");
    expect(error.field).toBe("embed.transformers.localPath");
    expect(error.message).toContain(path.join(localPath, "Xenova/all-MiniLM-L6-v2"));
    expect(error.message).toContain("onnx/model.onnx");
    expect(error.message).toContain("allowRemote");
  });

  it("asks for a model name", async () => {
    const error = await appError(createTransformersEmbedder({ model: "  ", allowRemote: false }));
    expect(error.code).toBe("invalid_config");
    expect(error.field).toBe("embed.transformers.model");
  });

  it.runIf(!installed())("says how to install the optional package when it is absent", async () => {
    await writeTinyModel(root, "aura/present");
    const error = await appError(
      createTransformersEmbedder({ model: "aura/present", localPath: root, allowRemote: false }),
    );
    expect(error.code).toBe("invalid_config");
    expect(error.field).toBe("embed.model");
    expect(error.message).toContain(TRANSFORMERS_INSTALL_COMMAND);
  });
});

interface FetchableEnv {
  fetch: (input: string | URL, init?: RequestInit) => Promise<Response>;
}

describe.runIf(installed())("transformers embedder on a tiny BERT-shaped model", () => {
  let env: FetchableEnv;
  let realFetch: FetchableEnv["fetch"];
  /** Every URL transformers.js asked for over the network. */
  let requested: string[];

  beforeAll(async () => {
    const specifier: string = TRANSFORMERS_PACKAGE;
    env = ((await import(specifier)) as { env: FetchableEnv }).env;
    realFetch = env.fetch;
    await writeTinyModel(path.join(root, "models"), "aura/tiny-bert");
    await writeTinyModel(path.join(root, "models"), "aura/no-weights", { onnx: false });
  });

  function serveHub(hubRoot: string): void {
    requested = [];
    env.fetch = async (input) => {
      const url = String(input);
      requested.push(url);
      const match = /^https:\/\/huggingface\.co\/(.+?)\/resolve\/main\/(.+)$/.exec(url);
      if (!match) return new Response("not found", { status: 404 });
      try {
        const body = await readFile(path.join(hubRoot, match[1] ?? "", match[2] ?? ""));
        return new Response(body, {
          status: 200,
          headers: { "content-length": String(body.byteLength) },
        });
      } catch {
        return new Response("not found", { status: 404 });
      }
    };
  }

  afterEach(() => {
    env.fetch = realFetch;
  });

  it("embeds with mean pooling over the mask and unit length, offline", async () => {
    serveHub(path.join(root, "nothing-here"));
    const embedder = await createTransformersEmbedder({
      model: "aura/tiny-bert",
      localPath: path.join(root, "models"),
      allowRemote: false,
    });
    expect(embedder.modelId).toBe("transformers:aura/tiny-bert");
    expect(embedder.dimension).toBe(HIDDEN);

    // Different lengths in one batch: the shorter ones are padded with [PAD], whose row is not
    // zero, so only pooling that honours the attention mask gives the expected vectors.
    const vectors = await embedder.embed(["Python developers", "java NURSE remote", "zzz"]);
    const want = [
      expected(["python", "developer", "##s"]),
      expected(["java", "nurse", "remote"]),
      expected(["[UNK]"]),
    ];
    vectors.forEach((vector, i) => {
      expect(vector).toBeInstanceOf(Float32Array);
      expect(vector).toHaveLength(HIDDEN);
      const target = want[i] ?? new Float32Array(HIDDEN);
      for (let j = 0; j < HIDDEN; j++) expect(vector[j]).toBeCloseTo(target[j] ?? Number.NaN, 5);
    });
    expect(requested).toEqual([]);
  });

  it("gives the zero vector to empty text and keeps order across batches", async () => {
    const embedder = await createTransformersEmbedder({
      model: "aura/tiny-bert",
      localPath: path.join(root, "models"),
      allowRemote: false,
    });
    const words = ["python", "java", "nurse", "remote"];
    // 70 texts: three batches, sorted by length inside, with blanks between.
    const texts = Array.from({ length: 70 }, (_, i) =>
      i % 10 === 3
        ? " \n\t"
        : Array.from({ length: (i % 4) + 1 }, (_, k) => words[(i + k) % 4]).join(" "),
    );
    texts[0] = "";
    const vectors = await embedder.embed(texts);
    expect(vectors).toHaveLength(texts.length);
    texts.forEach((text, i) => {
      const vector = vectors[i] ?? new Float32Array();
      if (text.trim() === "") {
        expect(Array.from(vector)).toEqual(new Array(HIDDEN).fill(0));
        return;
      }
      const target = expected(text.split(" "));
      for (let j = 0; j < HIDDEN; j++) expect(vector[j]).toBeCloseTo(target[j] ?? Number.NaN, 5);
    });
    expect(await embedder.embed([])).toEqual([]);
  });

  it("names the missing file, and asks no one, when weights are absent offline", async () => {
    serveHub(path.join(root, "models"));
    const error = await appError(
      createTransformersEmbedder({
        model: "aura/no-weights",
        localPath: path.join(root, "models"),
        allowRemote: false,
      }),
    );
    expect(error.code).toBe("invalid_config");
    expect(error.field).toBe("embed.transformers.localPath");
    expect(error.message).toContain(path.join(root, "models", "aura/no-weights"));
    expect(error.message).toContain("model.onnx");
    expect(requested).toEqual([]);
  });

  it("asks for a localPath when none is set and the model is not in the default places", async () => {
    serveHub(path.join(root, "models"));
    const error = await appError(
      createTransformersEmbedder({ model: "aura/not-anywhere", allowRemote: false }),
    );
    expect(error.code).toBe("invalid_config");
    expect(error.field).toBe("embed.transformers.localPath");
    expect(error.message).toContain("set embed.transformers.localPath");
    expect(requested).toEqual([]);
  });

  it("downloads into localPath when allowed, then runs from there offline", async () => {
    serveHub(path.join(root, "models"));
    const localPath = path.join(root, "downloads");
    const online = await createTransformersEmbedder({
      model: "aura/tiny-bert",
      localPath,
      allowRemote: true,
    });
    expect(
      requested.some((url) => url.endsWith("/aura/tiny-bert/resolve/main/onnx/model.onnx")),
    ).toBe(true);
    const onDisk = await readFile(path.join(localPath, "aura/tiny-bert/onnx/model.onnx"));
    expect(onDisk.byteLength).toBeGreaterThan(TABLE.byteLength);

    serveHub(path.join(root, "nothing-here"));
    const offline = await createTransformersEmbedder({
      model: "aura/tiny-bert",
      localPath,
      allowRemote: false,
    });
    const [a] = await online.embed(["remote python developers"]);
    const [b] = await offline.embed(["remote python developers"]);
    expect(Array.from(b ?? [])).toEqual(Array.from(a ?? []));
    expect(requested).toEqual([]);
  });

  it("says the model id is wrong when the hub has no such model", async () => {
    serveHub(path.join(root, "nothing-here"));
    const error = await appError(
      createTransformersEmbedder({
        model: "aura/no-such-model",
        localPath: path.join(root, "elsewhere"),
        allowRemote: true,
      }),
    );
    expect(error.code).toBe("invalid_config");
    expect(error.field).toBe("embed.transformers.model");
    expect(requested.length).toBeGreaterThan(0);
  });
});
