import { z } from "zod";
import { optionalText, requiredText } from "../parse-raw.ts";

const httpUrl = (value: string | null) => (value && /^https?:\/\//i.test(value) ? value : null);

/** The posting's page: `link`, else `guid` (both are the posting's URL on the board). */
export function weWorkRemotelyUrl(item: { link: string | null; guid: string | null }) {
  return httpUrl(item.link) ?? httpUrl(item.guid);
}

/** "Company: Role", split at the first ": ". */
const companyAndRole = requiredText.transform((title, ctx) => {
  const at = title.indexOf(": ");
  const company = at < 0 ? "" : title.slice(0, at).trim();
  const role = at < 0 ? "" : title.slice(at + 2).trim();
  if (!company || !role) {
    ctx.addIssue({
      code: "custom",
      message: `expected "Company: Role", got "${title.slice(0, 80)}"`,
      input: title,
    });
    return z.NEVER;
  }
  return { company, role };
});

/** One `<item>` of a We Work Remotely RSS feed, as fast-xml-parser reads it. */
export const weWorkRemotelyItem = z
  .object({
    title: companyAndRole,
    /** Where the worker may live: "Anywhere in the World", "USA Only", ... */
    region: optionalText,
    country: optionalText,
    category: optionalText,
    /** "Full-Time", "Contract", ... */
    type: optionalText,
    /** Comma-separated, when the feed has them. */
    skills: optionalText,
    /** HTML. */
    description: optionalText,
    /** RFC 2822. */
    pubDate: optionalText,
    guid: optionalText,
    link: optionalText,
  })
  .refine((item) => weWorkRemotelyUrl(item) !== null, {
    message: "no posting URL (link or guid)",
    path: ["link"],
  });
export type WeWorkRemotelyItem = z.infer<typeof weWorkRemotelyItem>;

export const weWorkRemotelyOptions = z
  .object({
    /** Category feeds to read instead of the main one, e.g. "remote-programming-jobs". */
    categories: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "a category slug like remote-programming-jobs"),
      )
      .default([]),
  })
  .strict();
export type WeWorkRemotelyOptions = z.infer<typeof weWorkRemotelyOptions>;
