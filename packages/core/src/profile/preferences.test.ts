import { describe, expect, it } from "vitest";
import { defaultPreferences, preferencesSchema } from "./preferences.ts";

/** The messages of a failed parse, each prefixed with its path. */
function errors(input: unknown): string[] {
  const result = preferencesSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("preferencesSchema", () => {
  it("fills every default from an empty object", () => {
    expect(preferencesSchema.parse({})).toEqual({
      roles: [],
      locationModes: [],
      includeSkills: [],
      excludeSkills: [],
      companyTypes: [],
      currency: "USD",
      batchSize: 5,
      searchFrequencyDays: 7,
    });
    expect(defaultPreferences).toEqual(preferencesSchema.parse({}));
    expect(defaultPreferences.experienceLevel).toBeUndefined();
    expect(defaultPreferences.city).toBeUndefined();
    expect(defaultPreferences.minSalary).toBeUndefined();
  });

  it("keeps a full set of preferences", () => {
    const prefs = preferencesSchema.parse({
      roles: ["Data Engineer"],
      experienceLevel: "senior",
      locationModes: ["remote", "hybrid"],
      city: "Berlin, Germany",
      includeSkills: ["Python"],
      excludeSkills: ["PHP"],
      companyTypes: ["startup"],
      minSalary: 80_000,
      currency: "EUR",
      batchSize: 3,
      searchFrequencyDays: 14,
    });
    expect(prefs).toMatchObject({
      roles: ["Data Engineer"],
      experienceLevel: "senior",
      locationModes: ["remote", "hybrid"],
      city: "Berlin, Germany",
      minSalary: 80_000,
      currency: "EUR",
      batchSize: 3,
      searchFrequencyDays: 14,
    });
  });

  describe("locationModes", () => {
    it("folds the ways people write a mode", () => {
      expect(preferencesSchema.parse({ locationModes: ["on-site"] }).locationModes).toEqual([
        "onsite",
      ]);
      expect(
        preferencesSchema.parse({ locationModes: ["On Site", "office", "In-Office"] })
          .locationModes,
      ).toEqual(["onsite"]);
      expect(
        preferencesSchema.parse({ locationModes: [" Remote ", "HYBRID"] }).locationModes,
      ).toEqual(["remote", "hybrid"]);
    });

    it("accepts a single string", () => {
      expect(preferencesSchema.parse({ locationModes: "Remote" }).locationModes).toEqual([
        "remote",
      ]);
      expect(preferencesSchema.parse({ locationModes: "on-site" }).locationModes).toEqual([
        "onsite",
      ]);
    });

    it("drops repeats, keeping the first order", () => {
      expect(
        preferencesSchema.parse({ locationModes: ["hybrid", "remote", "Hybrid", "remote"] })
          .locationModes,
      ).toEqual(["hybrid", "remote"]);
    });

    it("names a word that is not a mode", () => {
      expect(errors({ locationModes: ["remote", "anywhere"] })).toEqual([
        'locationModes: "anywhere" is not a location mode (remote, hybrid or onsite)',
      ]);
      expect(errors({ locationModes: "onsit" })).toEqual([
        'locationModes: "onsit" is not a location mode (remote, hybrid or onsite)',
      ]);
    });

    it("rejects a value that is neither a string nor a list", () => {
      expect(preferencesSchema.safeParse({ locationModes: 3 }).success).toBe(false);
    });
  });

  describe("currency", () => {
    it("upper-cases and trims the code", () => {
      expect(preferencesSchema.parse({ currency: "eur" }).currency).toBe("EUR");
      expect(preferencesSchema.parse({ currency: " gbp " }).currency).toBe("GBP");
    });

    it("rejects what is not a 3-letter code", () => {
      for (const bad of ["EURO", "E1R", "€", "", "US"]) {
        expect(errors({ currency: bad })).toEqual([
          "currency: must be a 3-letter currency code such as EUR",
        ]);
      }
    });
  });

  describe("batchSize", () => {
    it("accepts 1 to 5", () => {
      for (const size of [1, 2, 3, 4, 5]) {
        expect(preferencesSchema.parse({ batchSize: size }).batchSize).toBe(size);
      }
    });

    it("rejects sizes outside 1..5 and fractions", () => {
      for (const bad of [0, 6, -1, 2.5]) {
        expect(preferencesSchema.safeParse({ batchSize: bad }).success).toBe(false);
      }
    });
  });

  it("bounds searchFrequencyDays to 1..90 whole days", () => {
    expect(preferencesSchema.parse({ searchFrequencyDays: 1 }).searchFrequencyDays).toBe(1);
    expect(preferencesSchema.parse({ searchFrequencyDays: 90 }).searchFrequencyDays).toBe(90);
    for (const bad of [0, 91, 1.5]) {
      expect(preferencesSchema.safeParse({ searchFrequencyDays: bad }).success).toBe(false);
    }
  });

  it("rejects a negative minimum salary but takes zero", () => {
    expect(preferencesSchema.safeParse({ minSalary: -1 }).success).toBe(false);
    expect(preferencesSchema.parse({ minSalary: 0 }).minSalary).toBe(0);
  });

  it("rejects an unknown experience level", () => {
    expect(preferencesSchema.safeParse({ experienceLevel: "guru" }).success).toBe(false);
    expect(preferencesSchema.parse({ experienceLevel: "student" }).experienceLevel).toBe("student");
  });

  it("trims skills and drops repeats", () => {
    const prefs = preferencesSchema.parse({
      includeSkills: ["Python", " Python ", "SQL"],
      excludeSkills: ["PHP", "PHP"],
    });
    expect(prefs.includeSkills).toEqual(["Python", "SQL"]);
    expect(prefs.excludeSkills).toEqual(["PHP"]);
  });

  it("rejects empty roles, skills and city", () => {
    expect(preferencesSchema.safeParse({ roles: ["  "] }).success).toBe(false);
    expect(preferencesSchema.safeParse({ includeSkills: [""] }).success).toBe(false);
    expect(preferencesSchema.safeParse({ city: " " }).success).toBe(false);
  });

  it("rejects unknown keys", () => {
    const result = preferencesSchema.safeParse({ roles: ["Data Engineer"], salary: 100_000 });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["salary"] }),
    ]);
  });

  it("rejects a misspelt key rather than ignoring it", () => {
    expect(preferencesSchema.safeParse({ locationMode: "remote" }).success).toBe(false);
  });
});
