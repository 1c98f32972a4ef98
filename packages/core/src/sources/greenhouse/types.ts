import { z } from "zod";
import { idText, optionalText, requiredText, textList } from "../parse-raw.ts";

/** One entry of a Greenhouse job's `metadata`: custom fields the employer defines. */
export const greenhouseMetadata = z
  .unknown()
  .optional()
  .transform((v): { name: string; value: unknown }[] =>
    Array.isArray(v)
      ? v.flatMap((entry) =>
          entry && typeof entry === "object" && typeof entry.name === "string"
            ? [{ name: entry.name.trim(), value: (entry as { value?: unknown }).value }]
            : [],
        )
      : [],
  );

/**
 * One job of Greenhouse's `GET /v1/boards/{token}/jobs?content=true`. `content` is
 * HTML escaped twice (`&lt;p&gt;`), passed on as is. `_board` is the board token, added
 * by the client: the API's items do not say which board they came from.
 */
export const greenhouseJob = z.object({
  id: idText,
  absolute_url: optionalText,
  title: requiredText,
  company_name: optionalText,
  _board: optionalText,
  location: z
    .object({ name: optionalText })
    .nullish()
    .catch(null)
    .transform((v) => v?.name ?? null),
  content: optionalText,
  updated_at: optionalText,
  first_published: optionalText,
  metadata: greenhouseMetadata,
  // `textList` alone rejects a missing key under zod 4.6: default it.
  departments: textList.default(() => []),
  offices: textList.default(() => []),
});
export type GreenhouseJob = z.infer<typeof greenhouseJob>;

export interface GreenhouseOptions {
  /** Board tokens, as in `boards.greenhouse.io/{token}`. */
  boards: string[];
}
