import { z } from "zod";

export const experienceLevels = ["student", "junior", "mid", "senior", "lead"] as const;
export type ExperienceLevel = (typeof experienceLevels)[number];

export const locationModes = ["remote", "hybrid", "onsite"] as const;
export type LocationMode = (typeof locationModes)[number];

/** Words people write for a location mode, folded to AURA's three. */
const locationModeAliases: Record<string, LocationMode> = {
  remote: "remote",
  hybrid: "hybrid",
  onsite: "onsite",
  "on-site": "onsite",
  "on site": "onsite",
  office: "onsite",
  "in-office": "onsite",
};

const skillList = z
  .array(z.string().trim().min(1).max(80))
  .max(100)
  .default([])
  .transform((skills) => [...new Set(skills)]);

/**
 * A person's wishes, as `aura profile set --prefs FILE.yaml` or the API take them. Every field
 * is optional: a profile with a CV alone ranks by the CV.
 */
export const preferencesSchema = z
  .object({
    /** Titles sought, e.g. "Data Engineer"; matched against job titles. */
    roles: z.array(z.string().trim().min(1).max(120)).max(20).default([]),
    experienceLevel: z.enum(experienceLevels).optional(),
    /** Acceptable modes; empty means any. A single word is accepted too. */
    locationModes: z
      .union([z.string(), z.array(z.string())])
      .transform((value, ctx) => {
        const words = Array.isArray(value) ? value : [value];
        const modes: LocationMode[] = [];
        for (const word of words) {
          const mode = locationModeAliases[word.trim().toLowerCase()];
          if (!mode) {
            ctx.addIssue({
              code: "custom",
              message: `"${word}" is not a location mode (remote, hybrid or onsite)`,
            });
            return z.NEVER;
          }
          if (!modes.includes(mode)) modes.push(mode);
        }
        return modes;
      })
      .default([]),
    /** Where the person lives or wants to work, e.g. "Berlin" or "Berlin, Germany". */
    city: z.string().trim().min(1).max(120).optional(),
    includeSkills: skillList,
    excludeSkills: skillList,
    /** e.g. startup, scaleup, enterprise, agency, nonprofit, public sector. */
    companyTypes: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
    minSalary: z.number().nonnegative().optional(),
    /** ISO 4217 code of `minSalary`. */
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, "must be a 3-letter currency code such as EUR")
      .transform((code) => code.toUpperCase())
      .default("USD"),
    /** Jobs per batch to rate. */
    batchSize: z.number().int().min(1).max(5).default(5),
    /** Days between two searches. */
    searchFrequencyDays: z.number().int().min(1).max(90).default(7),
  })
  .strict();

export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences: Preferences = preferencesSchema.parse({});
