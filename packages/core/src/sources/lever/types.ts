import { z } from "zod";
import { idText, optionalNumber, optionalText, requiredText, textList } from "../parse-raw.ts";

const leverCategories = z
  .object({
    commitment: optionalText,
    location: optionalText,
    team: optionalText,
    department: optionalText,
    allLocations: textList.default(() => []),
  })
  .nullish()
  .catch(null);

const leverList = z
  .unknown()
  .optional()
  .transform((v): { text: string | null; content: string | null }[] =>
    Array.isArray(v)
      ? v.flatMap((item) => {
          if (!item || typeof item !== "object") return [];
          const text = typeof item.text === "string" && item.text.trim() ? item.text.trim() : null;
          const content =
            typeof item.content === "string" && item.content.trim() ? item.content.trim() : null;
          return text || content ? [{ text, content }] : [];
        })
      : [],
  );

const leverSalaryRange = z
  .object({
    min: optionalNumber.default(null),
    max: optionalNumber.default(null),
    currency: optionalText,
    interval: optionalText,
  })
  .nullish()
  .catch(null);

/**
 * One posting of Lever's `GET /v0/postings/{site}?mode=json`. `_site` and `_company`
 * are added by the client: the postings do not name their company.
 */
export const leverPosting = z.object({
  id: idText,
  text: requiredText,
  hostedUrl: optionalText,
  applyUrl: optionalText,
  categories: leverCategories,
  country: optionalText,
  workplaceType: optionalText,
  createdAt: optionalNumber.default(null),
  description: optionalText,
  descriptionPlain: optionalText,
  lists: leverList,
  additional: optionalText,
  additionalPlain: optionalText,
  salaryRange: leverSalaryRange,
  salaryDescription: optionalText,
  salaryDescriptionPlain: optionalText,
  _site: optionalText,
  _company: optionalText,
});
export type LeverPosting = z.infer<typeof leverPosting>;

export interface LeverOptions {
  /** Lever sites, as in `jobs.lever.co/{site}`. */
  sites: string[];
  /** Company names by site, where the site name title-cased is not the company's. */
  companyNames?: Record<string, string>;
}
