import { describe, expect, it } from "vitest";
import type { JobRow } from "../jobs/store/list-jobs.ts";
import { type Preferences, preferencesSchema } from "../profile/preferences.ts";
import { companyTypeFit, freshness, locationFit, salaryFit, seniorityFit } from "./job-fit.ts";

const NOW = new Date("2026-11-15T12:00:00Z");
const DAY = 86_400_000;

function job(overrides: Partial<JobRow> = {}): JobRow {
  return {
    id: 1,
    title: "Data Engineer",
    company: "Acme",
    url: "https://example.com/jobs/1",
    description: "",
    location: null,
    country: null,
    remote: "unknown",
    salaryMin: null,
    salaryMax: null,
    currency: null,
    salaryPeriod: null,
    salaryMinAnnual: null,
    salaryMaxAnnual: null,
    seniority: null,
    employmentType: null,
    tags: [],
    postedAt: null,
    companyKey: "acme",
    titleKey: "data engineer",
    contentHash: "hash",
    skills: null,
    skillsKey: null,
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    expiredAt: null,
    createdAt: NOW,
    updatedAt: NOW,
    ...overrides,
  };
}

/** Preferences through the real schema, so defaults and folding are the real ones. */
function prefs(input: Record<string, unknown> = {}): Preferences {
  return preferencesSchema.parse(input);
}

function paid(min: number | null, max: number | null, currency: string | null): JobRow {
  return job({ salaryMinAnnual: min, salaryMaxAnnual: max, currency });
}

describe("salaryFit", () => {
  const usd100k = prefs({ minSalary: 100_000, currency: "USD" });

  it("gives 1 when the whole range is at or above the minimum", () => {
    const fit = salaryFit(paid(100_000, 130_000, "USD"), usd100k);
    expect(fit.value).toBe(1);
    expect(fit.verdict).toBe("pays USD 100,000–130,000 a year, at or above your minimum");
  });

  it("gives 0.5 when the minimum falls within the range", () => {
    const fit = salaryFit(paid(90_000, 110_000, "USD"), usd100k);
    expect(fit.value).toBe(0.5);
    expect(fit.verdict).toBe("pays USD 90,000–110,000 a year; your minimum is within the range");
  });

  it("is negative below the minimum, reaching -1 at half of it", () => {
    expect(salaryFit(paid(60_000, 75_000, "USD"), usd100k).value).toBeCloseTo(-0.5);
    expect(salaryFit(paid(40_000, 50_000, "USD"), usd100k).value).toBe(-1);
    expect(salaryFit(paid(20_000, 30_000, "USD"), usd100k).value).toBe(-1);
    expect(salaryFit(paid(60_000, 75_000, "USD"), usd100k).verdict).toBe(
      "pays USD 60,000–75,000 a year, below your minimum of USD 100,000",
    );
  });

  it("gets worse the further below the minimum the top of the range is", () => {
    const near = salaryFit(paid(90_000, 95_000, "USD"), usd100k).value;
    const far = salaryFit(paid(60_000, 70_000, "USD"), usd100k).value;
    expect(near).toBeLessThan(0);
    expect(far).toBeLessThan(near);
  });

  it("uses a single bound as both ends and shows one amount", () => {
    const onlyMin = salaryFit(paid(120_000, null, "USD"), usd100k);
    expect(onlyMin).toEqual({
      value: 1,
      verdict: "pays USD 120,000 a year, at or above your minimum",
    });
    const onlyMax = salaryFit(paid(null, 80_000, "USD"), usd100k);
    expect(onlyMax.value).toBeCloseTo(-0.4);
    expect(onlyMax.verdict).toBe("pays USD 80,000 a year, below your minimum of USD 100,000");
  });

  it("converts a EUR job into the person's USD before comparing", () => {
    // EUR 95,000 is about USD 102,600: above a USD 100,000 minimum though the number is lower.
    const above = salaryFit(paid(95_000, 95_000, "EUR"), usd100k);
    expect(above.value).toBe(1);
    expect(above.verdict).toMatch(/^pays USD 102,600 a year/);

    // EUR 90,000–110,000 is about USD 97,200–118,800: the minimum is within.
    const within = salaryFit(paid(90_000, 110_000, "EUR"), usd100k);
    expect(within.value).toBe(0.5);
    expect(within.verdict).toContain("USD 97,200–118,800");

    // EUR 60,000–70,000 is about USD 64,800–75,600: below.
    const below = salaryFit(paid(60_000, 70_000, "EUR"), usd100k);
    expect(below.value).toBeCloseTo(-(100_000 - 75_600) / 50_000);
    expect(below.verdict).toContain("below your minimum of USD 100,000");
  });

  it("converts a USD job into a EUR minimum", () => {
    const eur100k = prefs({ minSalary: 100_000, currency: "eur" });
    // USD 100,000 is about EUR 92,600: below a EUR 100,000 minimum.
    const fit = salaryFit(paid(100_000, 100_000, "USD"), eur100k);
    expect(fit.value).toBeLessThan(0);
    expect(fit.verdict).toMatch(/^pays EUR 92,593 a year, below your minimum of EUR 100,000$/);
  });

  it("reads the job's currency code regardless of case", () => {
    expect(salaryFit(paid(95_000, 95_000, "eur"), usd100k).value).toBe(1);
  });

  it("is neutral when no salary is stated", () => {
    expect(salaryFit(paid(null, null, "USD"), usd100k)).toEqual({
      value: 0,
      verdict: "salary not stated",
    });
  });

  it("is neutral when the salary has no currency", () => {
    expect(salaryFit(paid(50_000, 60_000, null), usd100k)).toEqual({
      value: 0,
      verdict: "salary stated without a currency",
    });
  });

  it("is neutral when the job's currency has no known rate", () => {
    expect(salaryFit(paid(50_000, 60_000, "XYZ"), usd100k)).toEqual({
      value: 0,
      verdict: "salary in XYZ, not comparable",
    });
  });

  it("is neutral when the person's currency has no known rate", () => {
    const fit = salaryFit(paid(50_000, 60_000, "USD"), prefs({ minSalary: 1, currency: "XYZ" }));
    expect(fit).toEqual({ value: 0, verdict: "salary in USD, not comparable" });
  });

  it("without a minimum is neutral but still states the pay", () => {
    expect(salaryFit(paid(90_000, 110_000, "USD"), prefs())).toEqual({
      value: 0,
      verdict: "pays USD 90,000–110,000 a year",
    });
    expect(salaryFit(paid(90_000, 110_000, "EUR"), prefs({ minSalary: 0 }))).toEqual({
      value: 0,
      verdict: "pays USD 97,200–118,800 a year",
    });
  });
});

describe("locationFit", () => {
  it("gives -1 for an on-site job when only remote is wanted", () => {
    const fit = locationFit(
      job({ remote: "onsite", location: "Munich, Germany", country: "DE" }),
      prefs({ locationModes: ["remote"], city: "Berlin, Germany" }),
    );
    expect(fit).toEqual({ value: -1, verdict: "on-site (Munich, Germany); you want remote" });
  });

  it("softens a mode miss in the person's own city", () => {
    const fit = locationFit(
      job({ remote: "hybrid", location: "Berlin, Germany", country: "DE" }),
      prefs({ locationModes: ["remote"], city: "Berlin" }),
    );
    expect(fit.value).toBe(-0.25);
    expect(fit.verdict).toBe("hybrid (Berlin, Germany); you want remote");
  });

  it("gives 1 for a wanted hybrid or on-site job in the person's city", () => {
    const fit = locationFit(
      job({ remote: "hybrid", location: "Berlin, Germany", country: "DE" }),
      prefs({ locationModes: ["hybrid", "onsite"], city: "Berlin, Germany" }),
    );
    expect(fit).toEqual({ value: 1, verdict: "hybrid in your city (Berlin, Germany)" });
  });

  it("matches the city without accents or case", () => {
    const fit = locationFit(
      job({ remote: "onsite", location: "MÜNCHEN, Bayern", country: "DE" }),
      prefs({ city: "Munchen" }),
    );
    expect(fit.value).toBe(1);
  });

  it("gives a little for another city in the person's country", () => {
    const fit = locationFit(
      job({ remote: "onsite", location: "Munich, Germany", country: "DE" }),
      prefs({ city: "Berlin, Germany" }),
    );
    expect(fit).toEqual({ value: 0.25, verdict: "on-site in your country (Munich, Germany)" });
  });

  it("is negative for on-site work in another country", () => {
    const fit = locationFit(
      job({ remote: "onsite", location: "Paris, France", country: "FR" }),
      prefs({ city: "Berlin, Germany" }),
    );
    expect(fit).toEqual({ value: -0.75, verdict: "on-site in another country (Paris, France)" });
  });

  it("gives 1 for a remote job when remote is wanted", () => {
    const fit = locationFit(
      job({ remote: "remote", location: "Remote", country: null }),
      prefs({ locationModes: "remote", city: "Berlin, Germany" }),
    );
    expect(fit).toEqual({ value: 1, verdict: "remote (Remote)" });
  });

  it("halves a wanted remote job that may be limited to another country", () => {
    const fit = locationFit(
      job({ remote: "remote", location: "Remote - France", country: "FR" }),
      prefs({ locationModes: ["remote"], city: "Berlin, Germany" }),
    );
    expect(fit).toEqual({
      value: 0.5,
      verdict: "remote (Remote - France); may be limited to FR",
    });
  });

  it("does not rank a remote job limited to another country above one at home", () => {
    // With no mode asked for, a remote job in the person's country is neutral (0); one that may
    // be limited to another country must not score higher than that.
    const berlin = prefs({ city: "Berlin, Germany" });
    const home = locationFit(job({ remote: "remote", location: "Germany", country: "DE" }), berlin);
    const abroad = locationFit(
      job({ remote: "remote", location: "France", country: "FR" }),
      berlin,
    );
    expect(home.value).toBe(0);
    expect(abroad.value).toBeLessThanOrEqual(home.value);
  });

  it("is neutral for a remote job when no mode is asked for and no country is known", () => {
    expect(locationFit(job({ remote: "remote" }), prefs()).value).toBe(0);
  });

  it("is neutral when the work mode is unknown", () => {
    const fit = locationFit(
      job({ remote: "unknown", location: "Paris, France", country: "FR" }),
      prefs({ locationModes: ["remote"], city: "Berlin, Germany" }),
    );
    expect(fit).toEqual({ value: 0, verdict: "work mode not stated (Paris, France)" });
    expect(locationFit(job(), prefs()).verdict).toBe("work mode not stated");
  });

  it("gives 0.5 for an unknown mode in the person's city", () => {
    const fit = locationFit(
      job({ remote: "unknown", location: "Berlin", country: "DE" }),
      prefs({ city: "Berlin, Germany" }),
    );
    expect(fit).toEqual({
      value: 0.5,
      verdict: "in Berlin, Germany; remote or not is not stated",
    });
  });

  it("is neutral for hybrid or on-site work when the person gives no city", () => {
    const fit = locationFit(job({ remote: "hybrid", location: "Paris", country: "FR" }), prefs());
    expect(fit).toEqual({ value: 0, verdict: "hybrid (Paris)" });
  });

  it("does not take a city whose name is part of another's for the same city", () => {
    // "York" is inside "New York", "Nice" inside "Venice": different cities, other countries.
    const york = locationFit(
      job({ remote: "hybrid", location: "New York, NY", country: "US" }),
      prefs({ city: "York, UK" }),
    );
    expect(york.value).toBe(-0.75);
    const nice = locationFit(
      job({ remote: "onsite", location: "Venice, Italy", country: "IT" }),
      prefs({ city: "Nice, France" }),
    );
    expect(nice.value).toBe(-0.75);
  });
});

describe("seniorityFit", () => {
  it("gives 1 for the person's own level", () => {
    expect(seniorityFit(job({ seniority: "senior" }), "senior")).toEqual({
      value: 1,
      verdict: "senior level, as you want",
    });
    expect(seniorityFit(job({ seniority: "intern" }), "student").value).toBe(1);
  });

  it("gives 0.25 one step above or below", () => {
    expect(seniorityFit(job({ seniority: "lead" }), "senior")).toEqual({
      value: 0.25,
      verdict: "lead level, one step above yours",
    });
    expect(seniorityFit(job({ seniority: "mid" }), "senior")).toEqual({
      value: 0.25,
      verdict: "mid level, one step below yours",
    });
  });

  it("treats principal as lead and executive as one step above lead", () => {
    expect(seniorityFit(job({ seniority: "principal" }), "lead").value).toBe(1);
    expect(seniorityFit(job({ seniority: "executive" }), "lead").value).toBe(0.25);
  });

  it("gives -1 two or more steps away", () => {
    expect(seniorityFit(job({ seniority: "principal" }), "mid")).toEqual({
      value: -1,
      verdict: "principal level, well above yours (mid)",
    });
    expect(seniorityFit(job({ seniority: "junior" }), "senior")).toEqual({
      value: -1,
      verdict: "junior level, well below yours (senior)",
    });
  });

  it("is neutral when either level is unknown", () => {
    expect(seniorityFit(job({ seniority: null }), "senior")).toEqual({
      value: 0,
      verdict: "level not stated",
    });
    expect(seniorityFit(job({ seniority: "senior" }), undefined)).toEqual({
      value: 0,
      verdict: "senior level",
    });
  });
});

describe("companyTypeFit", () => {
  const startup = job({ description: "Join our seed-stage team of 8 and build from zero." });

  it("is neutral when no type is asked for", () => {
    expect(companyTypeFit(startup, [])).toEqual({ value: 0, verdict: "no company type asked for" });
  });

  it("gives 1 when a cue of the wanted type is in the text", () => {
    expect(companyTypeFit(startup, ["startup"])).toEqual({
      value: 1,
      verdict: "looks like a startup",
    });
    const bank = job({ description: "A Fortune 500 company listed on the NYSE." });
    expect(companyTypeFit(bank, ["Enterprise"]).value).toBe(1);
  });

  it("finds cues in the company name too", () => {
    const agency = job({ company: "Pixel Creative Agency", description: "Design work." });
    expect(companyTypeFit(agency, ["agency"])).toMatchObject({
      value: 1,
      verdict: expect.stringMatching(/agency$/),
    });
  });

  it("accepts wanted types written with dashes, underscores or plurals", () => {
    const ministry = job({ description: "The Ministry of Finance is hiring." });
    expect(companyTypeFit(ministry, ["public-sector"]).value).toBe(1);
    expect(companyTypeFit(ministry, ["Public_Sector"]).value).toBe(1);
    expect(companyTypeFit(startup, ["startups"]).value).toBe(1);
  });

  it("accepts the hyphenated spellings people write: start-up, scale-up, non-profit", () => {
    const charity = job({ description: "We are a non-profit helping refugees." });
    expect(companyTypeFit(charity, ["non-profit"]).value).toBe(1);
    expect(companyTypeFit(startup, ["start-up"]).value).toBe(1);
    const scaleup = job({ description: "A fast-growing scale-up after our Series C." });
    expect(companyTypeFit(scaleup, ["scale-up"]).value).toBe(1);
  });

  it("is a little negative when the text shows another type", () => {
    const bank = job({ description: "A multinational, publicly traded bank." });
    const fit = companyTypeFit(bank, ["startup"]);
    expect(fit.value).toBe(-0.25);
    expect(fit.verdict).toMatch(/enterprise$/);
  });

  it("is neutral when the text shows no type", () => {
    const plain = job({ description: "We build software." });
    expect(companyTypeFit(plain, ["startup"])).toEqual({
      value: 0,
      verdict: "company type unknown",
    });
  });
});

describe("freshness", () => {
  const posted = (daysAgo: number) => job({ postedAt: new Date(NOW.getTime() - daysAgo * DAY) });

  it("is 1 for a job posted now", () => {
    expect(freshness(posted(0), NOW, 14)).toEqual({ value: 1, verdict: "posted today" });
  });

  it("halves at the half-life and quarters at twice it", () => {
    expect(freshness(posted(14), NOW, 14).value).toBeCloseTo(0.5);
    expect(freshness(posted(28), NOW, 14).value).toBeCloseTo(0.25);
    expect(freshness(posted(7), NOW, 7).value).toBeCloseTo(0.5);
  });

  it("falls steadily with age", () => {
    const values = [0, 1, 5, 20, 60].map((days) => freshness(posted(days), NOW, 14).value);
    for (let i = 1; i < values.length; i++) {
      expect(values[i]).toBeLessThan(values[i - 1] as number);
    }
  });

  it("says how many days ago", () => {
    expect(freshness(posted(1), NOW, 14).verdict).toBe("posted 1 day ago");
    expect(freshness(posted(10), NOW, 14).verdict).toBe("posted 10 days ago");
  });

  it("counts a date in the future as today", () => {
    expect(freshness(posted(-3), NOW, 14)).toEqual({ value: 1, verdict: "posted today" });
  });

  it("falls back to when AURA first saw the job", () => {
    const seen = job({ postedAt: null, firstSeenAt: new Date(NOW.getTime() - 14 * DAY) });
    expect(freshness(seen, NOW, 14).value).toBeCloseTo(0.5);
  });

  it("prefers the posting date to the first-seen date", () => {
    const both = job({ postedAt: new Date(NOW.getTime() - 28 * DAY), firstSeenAt: NOW });
    expect(freshness(both, NOW, 14).value).toBeCloseTo(0.25);
  });

  it("gives 0.5 when no date is known", () => {
    const undated = job({ postedAt: null, firstSeenAt: null as unknown as Date });
    expect(freshness(undated, NOW, 14)).toEqual({ value: 0.5, verdict: "posting date unknown" });
  });
});
