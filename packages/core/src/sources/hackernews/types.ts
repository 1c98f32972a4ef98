import { z } from "zod";
import { idText, optionalNumber, optionalText } from "../parse-raw.ts";

/**
 * One comment of an "Ask HN: Who is hiring?" thread, in either shape the Algolia HN API
 * gives: a child of `GET /api/v1/items/{id}` (`id`, `text`, `created_at_i`) or a comment
 * hit of `search_by_date` (`objectID`, `comment_text`, `created_at`).
 */
export const hnComment = z.object({
  id: idText.nullish().catch(null),
  objectID: idText.nullish().catch(null),
  text: optionalText,
  comment_text: optionalText,
  created_at_i: optionalNumber.default(null),
  created_at: optionalText,
  parent_id: idText.nullish().catch(null),
  story_id: idText.nullish().catch(null),
  type: optionalText,
  deleted: z.boolean().nullish().catch(null),
  dead: z.boolean().nullish().catch(null),
});
export type HnComment = z.infer<typeof hnComment>;

export interface HackerNewsOptions {
  /** Top-level comments read from the thread, at most. */
  maxComments: number;
}
