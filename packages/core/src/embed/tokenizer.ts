/**
 * The SentencePiece (unigram) tokenizer of Universal Sentence Encoder lite.
 *
 * Ported and rewritten from the tokenizer of `@tensorflow-models/universal-sentence-encoder`
 * (tensorflow/tfjs-models, universal-sentence-encoder/src/tokenizer):
 *
 *   Copyright 2019 Google LLC. All Rights Reserved.
 *   Licensed under the Apache License, Version 2.0 (the "License");
 *   you may not use this file except in compliance with the License.
 *   You may obtain a copy of the License at http://www.apache.org/licenses/LICENSE-2.0
 *   Unless required by applicable law or agreed to in writing, software distributed under the
 *   License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND,
 *   either express or implied. See the License for the specific language governing permissions
 *   and limitations under the License.
 *
 * Changes from upstream: a code-point trie walked once per position instead of a recursive
 * prefix search; every run of whitespace (not only " ") is one word boundary, and leading and
 * trailing whitespace is dropped; a character no piece starts with becomes the unknown id with
 * SentencePiece's penalty score (lowest piece score - 10), so every input has a segmentation.
 */

/** `vocab.json`: [piece, log-probability] pairs; the index is the token id. */
export type Vocabulary = ReadonlyArray<readonly [string, number]>;

/** "▁" (U+2581, lower one eighth block): SentencePiece's mark for the start of a word. */
export const WORD_BOUNDARY = "\u2581";

/** The id of the unknown piece; consecutive unknown characters share one. */
export const UNKNOWN_ID = 0;

/** Ids below this are unk and control symbols (<s>, </s>, extra ids): never produced by text. */
const RESERVED_SYMBOLS_COUNT = 6;

export interface Tokenizer {
  /** Token ids for `text`; `[]` for empty or whitespace-only text. */
  encode(text: string): number[];
  /** The pieces `encode` picks, as strings (for tests and debugging). */
  pieces(text: string): string[];
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** The token id of the piece ending here, or -1. */
  id: number;
  score: number;
}

function newNode(): TrieNode {
  return { children: new Map(), id: -1, score: 0 };
}

/** NFKC, whitespace runs to single spaces, trimmed, then every word marked with "▁". */
export function toSymbols(text: string): string[] {
  const normalized = text.normalize("NFKC").replace(/\s+/gu, " ").trim();
  if (normalized.length === 0) return [];
  return Array.from(WORD_BOUNDARY + normalized.replaceAll(" ", WORD_BOUNDARY));
}

export function createTokenizer(vocabulary: Vocabulary): Tokenizer {
  const root = newNode();
  let lowestScore = 0;
  for (let id = RESERVED_SYMBOLS_COUNT; id < vocabulary.length; id++) {
    const entry = vocabulary[id];
    if (!entry) continue;
    const [piece, score] = entry;
    let node = root;
    for (const symbol of piece) {
      let child = node.children.get(symbol);
      if (!child) {
        child = newNode();
        node.children.set(symbol, child);
      }
      node = child;
    }
    node.id = id;
    node.score = score;
    lowestScore = Math.min(lowestScore, score);
  }
  const unknownScore = lowestScore - 10;

  function encode(text: string): number[] {
    const symbols = toSymbols(text);
    const n = symbols.length;
    if (n === 0) return [];

    // Viterbi over the lattice of pieces: best[end] is the highest total log-probability of a
    // segmentation of symbols[0, end); the last piece of that segmentation spans [from, end).
    const best = new Float64Array(n + 1).fill(Number.NEGATIVE_INFINITY);
    const lastId = new Int32Array(n + 1);
    const lastFrom = new Int32Array(n + 1);
    best[0] = 0;

    for (let from = 0; from < n; from++) {
      const base = best[from] ?? Number.NEGATIVE_INFINITY;
      if (base === Number.NEGATIVE_INFINITY) continue;
      const relax = (end: number, id: number, score: number) => {
        const total = base + score;
        // `>=` as upstream: on a tie the piece that starts later wins.
        if (total >= (best[end] ?? Number.NEGATIVE_INFINITY)) {
          best[end] = total;
          lastId[end] = id;
          lastFrom[end] = from;
        }
      };

      const first = root.children.get(symbols[from] ?? "");
      if (!first || first.id < 0) relax(from + 1, UNKNOWN_ID, unknownScore);

      let node: TrieNode | undefined = first;
      for (let end = from + 1; node; end++) {
        if (node.id >= 0) relax(end, node.id, node.score);
        if (end >= n) break;
        node = node.children.get(symbols[end] ?? "");
      }
    }

    const ids: number[] = [];
    for (let end = n; end > 0; end = lastFrom[end] ?? 0) {
      const id = lastId[end] ?? UNKNOWN_ID;
      // Merge runs of unknown characters into one unknown token.
      if (!(id === UNKNOWN_ID && ids.at(-1) === UNKNOWN_ID)) ids.push(id);
    }
    return ids.reverse();
  }

  return {
    encode,
    pieces: (text) => encode(text).map((id) => vocabulary[id]?.[0] ?? ""),
  };
}
