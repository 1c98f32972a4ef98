import type { SourcePosting, TransformResult } from "../sources/types.ts";

type Transform = (raw: unknown) => TransformResult;

/** The posting a transform makes of `raw`; fails the test with the skip reason otherwise. */
export function postingOf(transform: Transform, raw: unknown): SourcePosting {
  const result = transform(raw);
  if (!result.ok) throw new Error(`expected a posting, got: ${result.reason}`);
  return result.posting;
}

/** Why a transform skips `raw`; fails the test when it maps it instead. */
export function skipReasonOf(transform: Transform, raw: unknown): string {
  const result = transform(raw);
  if (result.ok) throw new Error("expected the posting to be skipped");
  return result.reason;
}

/** A non-blank string: what a required text field of a real posting must be. */
export const hasText = (value: unknown): boolean =>
  typeof value === "string" && value.trim() !== "";
