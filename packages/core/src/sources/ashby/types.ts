import { z } from "zod";
import { idText, optionalNumber, optionalText, requiredText } from "../parse-raw.ts";

const postalAddress = z
  .object({
    postalAddress: z
      .object({
        addressLocality: optionalText,
        addressRegion: optionalText,
        addressCountry: optionalText,
      })
      .nullish()
      .catch(null),
  })
  .nullish()
  .catch(null)
  .transform((v) => v?.postalAddress ?? null);

const secondaryLocations = z
  .unknown()
  .optional()
  .transform((v): string[] =>
    Array.isArray(v)
      ? v.flatMap((item) =>
          typeof item === "string"
            ? [item.trim()]
            : item && typeof item === "object" && typeof item.location === "string"
              ? [item.location.trim()]
              : [],
        )
      : [],
  );

const compensationComponent = z.object({
  compensationType: optionalText,
  interval: optionalText,
  currencyCode: optionalText,
  minValue: optionalNumber.default(null),
  maxValue: optionalNumber.default(null),
});

const compensation = z
  .object({
    compensationTierSummary: optionalText,
    scrapeableCompensationSalarySummary: optionalText,
    summaryComponents: z
      .unknown()
      .optional()
      .transform((v) =>
        Array.isArray(v)
          ? v.flatMap((item) => {
              const parsed = compensationComponent.safeParse(item);
              return parsed.success ? [parsed.data] : [];
            })
          : [],
      ),
  })
  .nullish()
  .catch(null);

/**
 * One job of Ashby's `GET /posting-api/job-board/{name}?includeCompensation=true`.
 * `_board` (and `_company`, when configured) are added by the client: the jobs do not
 * name their company.
 */
export const ashbyJob = z.object({
  id: idText,
  title: requiredText,
  department: optionalText,
  team: optionalText,
  employmentType: optionalText,
  location: optionalText,
  secondaryLocations,
  publishedAt: optionalText,
  isListed: z.boolean().nullish().catch(null),
  isRemote: z.boolean().nullish().catch(null),
  workplaceType: optionalText,
  address: postalAddress,
  jobUrl: optionalText,
  applyUrl: optionalText,
  descriptionHtml: optionalText,
  descriptionPlain: optionalText,
  compensation,
  _board: optionalText,
  _company: optionalText,
});
export type AshbyJob = z.infer<typeof ashbyJob>;

export interface AshbyOptions {
  /** Ashby job-board names, as in `jobs.ashbyhq.com/{name}`. */
  boards: string[];
  /** Company names by board, where the board name title-cased is not the company's. */
  companyNames?: Record<string, string>;
}
