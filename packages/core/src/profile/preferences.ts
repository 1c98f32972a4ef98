import { z } from "../shared/contract-zod.ts";

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

// The same wishes over HTTP: canonical values only (no aliases, no single words), the same
// bounds, so the OpenAPI document states the real limits.
const roleList = z.array(z.string().trim().min(1).max(120)).max(20);
const skillNames = z.array(z.string().trim().min(1).max(80)).max(100);
const companyTypeList = z.array(z.string().trim().min(1).max(40)).max(10);
const modeList = z.array(z.enum(locationModes)).max(locationModes.length);
const currencyCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{3}$/, "must be a 3-letter currency code such as EUR")
  .toUpperCase();
const batchSize = z.number().int().min(1).max(5).meta({ description: "Jobs per batch to rate" });
const searchFrequencyDays = z
  .number()
  .int()
  .min(1)
  .max(90)
  .meta({ description: "Days between two searches" });

/** The preferences as stored and shown (GET /api/preferences). */
export const preferencesViewSchema = z
  .object({
    roles: roleList.meta({ description: 'Titles sought, e.g. "Data Engineer"' }),
    experienceLevel: z.enum(experienceLevels).optional(),
    locationModes: modeList.meta({ description: "Acceptable modes; empty means any" }),
    city: z.string().max(120).optional(),
    includeSkills: skillNames,
    excludeSkills: skillNames,
    companyTypes: companyTypeList,
    minSalary: z.number().min(0).optional(),
    currency: z.string().length(3).meta({ description: "ISO 4217 code of minSalary" }),
    batchSize,
    searchFrequencyDays,
  })
  .meta({ id: "Preferences" });

/** PUT /api/preferences: every key optional (left out: its default); unknown keys refused. */
export const preferencesInputSchema = z
  .strictObject({
    roles: roleList.optional(),
    experienceLevel: z.enum(experienceLevels).optional(),
    locationModes: modeList.optional(),
    city: z.string().trim().min(1).max(120).optional(),
    includeSkills: skillNames.optional(),
    excludeSkills: skillNames.optional(),
    companyTypes: companyTypeList.optional(),
    minSalary: z.number().min(0).optional(),
    currency: currencyCode.optional(),
    batchSize: batchSize.optional(),
    searchFrequencyDays: searchFrequencyDays.optional(),
  })
  .meta({ id: "PreferencesInput" });
