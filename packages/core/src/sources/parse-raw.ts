import { z } from "zod";
import type { SourcePosting, TransformResult } from "./types.ts";

/**
 * Building blocks for the raw upstream schemas in each source's `types.ts`.
 * Required fields are strict (a posting without them is skipped and counted);
 * optional fields are lenient: a value of the wrong type is dropped, not fatal.
 */
export const requiredText = z.string().trim().min(1);

export const optionalText = z
  .string()
  .nullish()
  .catch(undefined)
  .transform((v) => (v?.trim() ? v.trim() : null));

/** A number, or a numeric string ("60000", "1.5e5"); anything else becomes null. */
export const optionalNumber = z
  .unknown()
  .optional()
  .transform((v) => {
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (typeof v === "string" && v.trim() !== "") {
      const n = Number(v.replace(/,/g, ""));
      return Number.isFinite(n) ? n : null;
    }
    return null;
  });

/** Strings (or objects with a `name`) in an array; other entries are dropped. */
export const textList = z
  .unknown()
  .optional()
  .transform((v): string[] => {
    if (!Array.isArray(v)) return typeof v === "string" && v.trim() ? [v.trim()] : [];
    return v
      .map((item) =>
        typeof item === "string"
          ? item
          : item &&
              typeof item === "object" &&
              typeof (item as { name?: unknown }).name === "string"
            ? (item as { name: string }).name
            : "",
      )
      .map((s) => s.trim())
      .filter(Boolean);
  });

/** An id that may come as a number or a string. */
export const idText = z.union([z.string().trim().min(1), z.number().transform(String)]);

/** Runs a raw schema and a mapping; schema failures become a skip reason naming the field. */
export function transformWith<Raw>(
  schema: z.ZodType<Raw>,
  map: (raw: Raw) => SourcePosting,
): (raw: unknown) => TransformResult {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.join(".") || "(posting)";
      return { ok: false, reason: `${path}: ${issue?.message ?? "invalid"}` };
    }
    try {
      return { ok: true, posting: map(parsed.data) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };
}
