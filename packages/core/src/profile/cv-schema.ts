// The CV as the API shows it: the text AURA read and the sections it found.
import { z } from "../shared/contract-zod.ts";
import { type CvSectionKind, cvSections } from "./cv-sections.ts";

const cvSectionKinds = [
  "summary",
  "experience",
  "education",
  "skills",
  "projects",
  "certifications",
  "languages",
  "other",
] as const satisfies readonly CvSectionKind[];

export const cvViewSchema = z
  .object({
    fileName: z.string().nullable(),
    text: z.string(),
    sections: z.array(
      z.object({
        kind: z.enum(cvSectionKinds),
        heading: z.string().meta({ description: "As written (empty before any heading)" }),
        text: z.string(),
      }),
    ),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: "Cv" });
export type CvView = z.infer<typeof cvViewSchema>;

/** The CV part of a profile as the API shows it (empty until one is uploaded). */
export function toCvView(
  profile: { cvText: string; cvFileName: string | null; updatedAt: Date } | null,
): CvView {
  const text = profile?.cvText ?? "";
  return {
    fileName: profile?.cvFileName ?? null,
    text,
    // A kind the reader gives but the schema lacks fails to compile here.
    sections: cvSections(text),
    updatedAt: text && profile ? profile.updatedAt.toISOString() : null,
  };
}
