import { describe, expect, it } from "vitest";
import type { SourcePosting } from "../../sources/types.ts";
import { employmentTypes, remoteModes, salaryPeriods, seniorityLevels } from "../job.ts";
import { normalizePosting } from "./normalize-posting.ts";
import {
  type ArbeitnowJob,
  corpus,
  type GreenhouseJob,
  type HimalayasJob,
  type JobicyJob,
  type MuseJob,
  type RemoteOkJob,
  type RemotiveJob,
  recorded,
} from "./test-samples.ts";

const now = new Date("2026-08-15T00:00:00Z");

// Plain mappings of the recorded boards' items, independent of the source adapters.
const himalayas = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs.map(
  (j): SourcePosting => ({
    externalId: j.guid,
    url: j.applicationLink,
    title: j.title,
    company: j.companyName,
    description: j.description,
    location: j.locationRestrictions.join(", ") || null,
    country: j.locationRestrictions.length === 1 ? j.locationRestrictions[0] : null,
    remote: "remote",
    salaryMin: j.minSalary,
    salaryMax: j.maxSalary,
    currency: j.currency,
    salaryPeriod: j.salaryPeriod,
    postedAt: j.pubDate,
    employmentType: j.employmentType,
    seniority: j.seniority.join(", "),
    tags: [...j.categories, ...j.parentCategories],
  }),
);
const jobicy = recorded<{ jobs: JobicyJob[] }>("jobicy.json").jobs.map(
  (j): SourcePosting => ({
    externalId: String(j.id),
    url: j.url,
    title: j.jobTitle,
    company: j.companyName,
    description: j.jobDescription,
    location: j.jobGeo,
    remote: "remote",
    postedAt: j.pubDate,
    employmentType: j.jobType.join(", "),
    seniority: j.jobLevel,
    tags: j.jobIndustry,
  }),
);
const greenhouse = recorded<{ jobs: GreenhouseJob[] }>("greenhouse-gitlab.json").jobs.map(
  (j): SourcePosting => ({
    externalId: String(j.id),
    url: j.absolute_url,
    title: j.title,
    company: j.company_name,
    description: j.content,
    location: j.location.name,
    postedAt: j.first_published,
  }),
);
const remotive = recorded<{ jobs: RemotiveJob[] }>("remotive.json").jobs.map(
  (j): SourcePosting => ({
    externalId: String(j.id),
    url: j.url,
    title: j.title,
    company: j.company_name,
    description: j.description,
    location: j.candidate_required_location,
    remote: "remote",
    salaryText: j.salary,
    postedAt: j.publication_date,
    employmentType: j.job_type,
    tags: j.tags,
  }),
);
const remoteOk = recorded<RemoteOkJob[]>("remoteok.json")
  .slice(1)
  .map(
    (j): SourcePosting => ({
      externalId: j.id,
      url: j.url,
      title: j.position,
      company: j.company,
      description: j.description,
      location: j.location,
      remote: "remote",
      salaryMin: j.salary_min || null,
      salaryMax: j.salary_max || null,
      currency: j.salary_min ? "USD" : null,
      salaryPeriod: j.salary_min ? "year" : null,
      postedAt: j.epoch,
      tags: j.tags,
    }),
  );
const muse = recorded<{ results: MuseJob[] }>("themuse-page0.json").results.map(
  (j): SourcePosting => ({
    externalId: String(j.id),
    url: j.refs.landing_page,
    title: j.name,
    company: j.company.name,
    description: j.contents,
    location: j.locations.map((l) => l.name).join("; "),
    postedAt: j.publication_date,
    seniority: j.levels.map((l) => l.name).join(", "),
  }),
);
const arbeitnow = recorded<{ data: ArbeitnowJob[] }>("arbeitnow-page1.json").data.map(
  (j): SourcePosting => ({
    externalId: j.slug,
    url: j.url,
    title: j.title,
    company: j.company_name,
    description: j.description,
    location: j.location,
    remote: j.remote ? "remote" : null,
    postedAt: j.created_at,
    employmentType: j.job_types.join(", ") || null,
    tags: j.tags,
  }),
);
const weWorkRemotely = corpus<{
  id: string;
  url: string;
  title: string;
  company: string;
  description: string;
  location: string;
  postedAt: string;
  tags: string[];
}>("weworkremotely-410.jsonl").map(
  (j): SourcePosting => ({
    externalId: j.id,
    url: j.url,
    title: j.title,
    company: j.company,
    description: j.description,
    location: j.location,
    remote: "remote",
    postedAt: j.postedAt,
    tags: j.tags,
  }),
);
// Sources reject items without a title or company (one Remote OK item has neither).
const everything = [
  ...himalayas,
  ...jobicy,
  ...greenhouse,
  ...remotive,
  ...remoteOk,
  ...muse,
  ...arbeitnow,
  ...weWorkRemotely,
].filter((p) => p.title.trim() !== "" && p.company.trim() !== "");

describe("normalizePosting", () => {
  it("normalizes a Jobicy posting field by field", () => {
    const job = normalizePosting(jobicy[0] as SourcePosting, now);
    expect(job).toMatchObject({
      externalId: "150172",
      url: "https://jobicy.com/jobs/150172-senior-manager-change-enablement-cox-automotive-fleet",
      canonicalUrl:
        "https://jobicy.com/jobs/150172-senior-manager-change-enablement-cox-automotive-fleet",
      title: "Senior Manager, Change Enablement - Cox Automotive Fleet",
      company: "Cox Enterprises",
      location: "USA",
      country: "US",
      remote: "remote",
      salary: {
        min: 122600,
        max: 204400,
        currency: "USD",
        period: "year",
        minAnnual: 122600,
        maxAnnual: 204400,
      },
      seniority: "senior",
      employmentType: "full_time",
      postedAt: new Date("2026-08-03T18:45:05Z"),
      tags: ["project & program management"],
      companyKey: "cox enterprises",
      titleKey: "senior manager change enablement cox automotive fleet",
    });
    expect(job.description.startsWith("Company\n\nCox Automotive - USA")).toBe(true);
    expect(job.contentHash).toMatch(/^[0-9a-f]{40}$/);
  });

  it("unescapes Greenhouse content and reads remote and country from the location", () => {
    const job = normalizePosting(greenhouse[0] as SourcePosting, now);
    expect(job.description).not.toContain("&lt;");
    expect(job.description).not.toContain("<p>");
    expect(job).toMatchObject({ location: "Remote, Italy", country: "IT", remote: "remote" });
    expect(job.titleKey).toBe("account executive");
  });

  it("parses Remotive's salary text", () => {
    const job = normalizePosting(remotive[0] as SourcePosting, now);
    expect(job.salary).toMatchObject({
      min: 14,
      max: 14,
      currency: "USD",
      period: "hour",
      minAnnual: 29120,
    });
    expect(job.employmentType).toBe("part_time");
    expect(job.country).toBe("US");
  });

  it("repairs Remote OK's mangled text and reads its epoch", () => {
    const job = normalizePosting(remoteOk[0] as SourcePosting, now);
    expect(job.description).toContain("Aragon’s Platform Team, you’ll code");
    expect(job.postedAt?.toISOString()).toBe("2025-08-28T12:00:03.000Z");
    expect(job.salary).toMatchObject({ min: 60000, max: 140000, period: "year" });
  });

  it("cleans titles and companies: entities, tags and spaces", () => {
    const job = normalizePosting(
      {
        externalId: " 7 ",
        url: "https://www.example.com/jobs/7?utm_source=x",
        title: "  Senior <b>Engineer</b> &amp; Architect\n (Remote) ",
        company: "Poppy &amp; Peonies,   Inc.",
        description: "<p>Build things.</p>",
      },
      now,
    );
    expect(job).toMatchObject({
      externalId: "7",
      title: "Senior Engineer & Architect (Remote)",
      company: "Poppy & Peonies, Inc.",
      canonicalUrl: "https://example.com/jobs/7",
      remote: "remote",
      companyKey: "poppy peonies",
      titleKey: "senior engineer architect",
      description: "Build things.",
      location: null,
      country: null,
      postedAt: null,
      tags: [],
    });
  });

  it("never throws on odd input and always fills every field", () => {
    const odd = [
      { externalId: "", url: "", title: "", company: "" },
      {
        externalId: "x",
        url: "not a url",
        title: "T",
        company: "C",
        description: null,
        tags: undefined,
      },
      {
        externalId: 5,
        url: 42,
        title: 3,
        company: {},
        description: 7,
        location: [],
        remote: "sideways",
        country: 12,
        salaryMin: "abc",
        salaryMax: {},
        currency: 5,
        salaryPeriod: [],
        salaryText: 9,
        postedAt: { when: "now" },
        employmentType: ["Full Time"],
        seniority: ["Senior"],
        tags: "not a list",
      },
    ] as unknown as SourcePosting[];
    for (const posting of odd) {
      const job = normalizePosting(posting, now);
      expect(remoteModes).toContain(job.remote);
      expect(typeof job.description).toBe("string");
      expect(job.contentHash).toMatch(/^[0-9a-f]{40}$/);
      expect(Array.isArray(job.tags)).toBe(true);
    }
    const listy = normalizePosting(odd[2] as SourcePosting, now);
    expect(listy.employmentType).toBe("full_time");
    expect(listy.seniority).toBe("senior");
  });

  it("hashes what a person sees: stable, and changed by any shown field", () => {
    const posting = jobicy[0] as SourcePosting;
    const hash = normalizePosting(posting, now).contentHash;
    expect(normalizePosting({ ...posting }, new Date("2027-01-01T00:00:00Z")).contentHash).toBe(
      hash,
    );
    // Tracking parameters and the board's id are not shown.
    expect(
      normalizePosting({ ...posting, url: `${posting.url}?utm_source=x` }, now).contentHash,
    ).toBe(hash);
    expect(normalizePosting({ ...posting, externalId: "other" }, now).contentHash).toBe(hash);
    for (const change of [
      { title: "Other title" },
      { company: "Other Co" },
      { description: "<p>Other text</p>" },
      { location: "Canada" },
      { remote: "hybrid" as const },
      { salaryMin: 1000, salaryMax: 2000, currency: "EUR", salaryPeriod: "month" },
      { employmentType: "Contract" },
      { seniority: "Junior" },
      { postedAt: "2026-08-01" },
      { tags: ["other"] },
    ]) {
      expect(normalizePosting({ ...posting, ...change }, now).contentHash).not.toBe(hash);
    }
  });
});

describe("normalizePosting on every recorded posting", () => {
  const normalized = everything.map((posting) => normalizePosting(posting, now));

  it("has postings from every board", () => {
    expect(normalized.length).toBeGreaterThan(900);
  });

  it("keeps to the closed vocabularies", () => {
    for (const job of normalized) {
      expect(remoteModes).toContain(job.remote);
      if (job.seniority !== null) expect(seniorityLevels).toContain(job.seniority);
      if (job.employmentType !== null) expect(employmentTypes).toContain(job.employmentType);
      if (job.salary.period !== null) expect(salaryPeriods).toContain(job.salary.period);
      if (job.country !== null) expect(job.country).toMatch(/^[A-Z]{2}$/);
    }
  });

  it("leaves no markup, entities or mangled characters in text", () => {
    for (const job of normalized) {
      for (const text of [job.title, job.company, job.description, job.location ?? ""]) {
        expect(text).not.toMatch(
          /<\/?(?:p|div|li|ul|br|span|strong|b|a|h\d|script|style)\b[^>]*>/i,
        );
        expect(text).not.toMatch(/&(?:lt|gt|amp|nbsp|quot|#39|#x27|rsquo);/);
        expect(text).not.toMatch(/[\u0080-\u009f]|â€/);
      }
      expect(job.title).not.toMatch(/\s{2,}|\n/);
    }
  });

  it("keeps salaries consistent: min ≤ max, yearly figures match the period", () => {
    const factor = { year: 1, month: 12, week: 52, day: 260, hour: 2080 } as const;
    let withPay = 0;
    for (const { salary } of normalized) {
      if (salary.min === null && salary.max === null) {
        expect(salary).toMatchObject({ minAnnual: null, maxAnnual: null });
        continue;
      }
      withPay++;
      expect(salary.period).not.toBeNull();
      const f = factor[salary.period as keyof typeof factor];
      if (salary.min !== null && salary.max !== null)
        expect(salary.min).toBeLessThanOrEqual(salary.max);
      if (salary.min !== null) expect(salary.minAnnual).toBe(Math.round(salary.min * f));
      if (salary.max !== null) expect(salary.maxAnnual).toBe(Math.round(salary.max * f));
    }
    expect(withPay).toBeGreaterThan(450);
  });

  it("dates every posting that has a date, none in the future", () => {
    for (const job of normalized) {
      expect(job.postedAt).not.toBeNull();
      expect((job.postedAt as Date).getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it("gives every posting its keys", () => {
    for (const job of normalized) {
      expect(job.companyKey.length).toBeGreaterThan(0);
      expect(job.titleKey.length).toBeGreaterThan(0);
      expect(job.canonicalUrl).not.toMatch(/utm_|#/);
    }
  });
});

describe("normalizePosting with unstorable or moving input", () => {
  const base = {
    externalId: "x1",
    url: "https://example.com/x1",
    title: "Engineer",
    company: "Acme",
  };

  it("drops NUL, control characters and broken surrogate halves from every text", () => {
    const job = normalizePosting(
      {
        ...base,
        title: "Eng\u0000ineer \ud83d",
        description: "a\u0000b\u0007c 😀",
        tags: ["go\u0000lang"],
        externalId: "x\u00001",
      },
      new Date("2026-11-25T00:00:00Z"),
    );
    const all = JSON.stringify(job);
    expect(all).not.toMatch(/\\u0000|\\u0007|\\ud83d"/);
    expect(job.title).toBe("Engineer");
    expect(job.description).toContain("abc 😀");
    expect(job.tags).toEqual(["golang"]);
  });

  it("gives a relative posting date the same hash on later runs", () => {
    const posting = { ...base, postedAt: "3 days ago" };
    const first = normalizePosting(posting, new Date("2026-11-25T10:00:00Z"));
    const later = normalizePosting(posting, new Date("2026-11-25T10:05:00Z"));
    expect(first.postedAt?.toISOString()).not.toBe(later.postedAt?.toISOString());
    expect(first.contentHash).toBe(later.contentHash);
  });

  it("still sees a changed absolute posting date as a change", () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const a = normalizePosting({ ...base, postedAt: "2026-11-20" }, now);
    const b = normalizePosting({ ...base, postedAt: "2026-11-21" }, now);
    expect(a.contentHash).not.toBe(b.contentHash);
  });
});
