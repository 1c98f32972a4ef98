import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasText, postingOf, skipReasonOf } from "../../testing/transform-results.ts";
import { recordedDir } from "../replay-server.ts";
import { transformJobicy } from "./transform.ts";

type Raw = Record<string, unknown>;
const jobs = (JSON.parse(readFileSync(`${recordedDir}jobicy.json`, "utf8")) as { jobs: Raw[] })
  .jobs;

const mapped = (raw: unknown) => postingOf(transformJobicy, raw);

const skipped = (raw: unknown) => skipReasonOf(transformJobicy, raw);

function byId(id: number): Raw {
  const job = jobs.find((item) => item.id === id);
  if (!job) throw new Error(`no job ${id} in the recording`);
  return job;
}

describe("transformJobicy on the recorded response", () => {
  it("maps every real job that has a title, a company and a URL", () => {
    const complete = jobs.filter(
      (job) => hasText(job.jobTitle) && hasText(job.companyName) && hasText(job.url),
    );
    const results = jobs.map((job) => transformJobicy(job));
    expect(jobs).toHaveLength(5);
    expect(complete).toHaveLength(5);
    expect(results.filter((result) => result.ok)).toHaveLength(complete.length);
  });

  it("keeps the real values of a job", () => {
    const posting = mapped(byId(150172));
    expect(posting).toMatchObject({
      externalId: "150172",
      url: "https://jobicy.com/jobs/150172-senior-manager-change-enablement-cox-automotive-fleet",
      title: "Senior Manager, Change Enablement - Cox Automotive Fleet",
      company: "Cox Enterprises",
      location: "USA",
      remote: "remote",
      salaryMin: 122600,
      salaryMax: 204400,
      currency: "USD",
      salaryPeriod: "yearly",
      postedAt: "2026-08-03T18:45:05+00:00",
      employmentType: "Full-Time",
      seniority: "Senior",
      // As Jobicy sends it; the normalize stage decodes text.
      tags: ["Project &amp; Program Management"],
    });
    expect(posting.description).toMatch(/^<p><b>Company<\/b><\/p>/);
  });

  it("keeps the pay and level of each job apart", () => {
    expect(mapped(byId(150169))).toMatchObject({
      title: "Care Manager",
      company: "Centene Corporation",
      salaryMin: 56200,
      salaryMax: 101000,
      seniority: "Midweight",
    });
    expect(mapped(byId(150170))).toMatchObject({ salaryMin: 188900, seniority: "Director" });
  });
});

describe("transformJobicy on bad items", () => {
  const base = byId(150172);

  it("skips a job without a title, naming the field", () => {
    const { jobTitle: _title, ...rest } = base;
    expect(skipped(rest)).toMatch(/^jobTitle: /);
  });

  it("skips a job whose title is a number", () => {
    expect(skipped({ ...base, jobTitle: 150172 })).toMatch(/^jobTitle: /);
  });

  it("skips a job with an empty company or no URL", () => {
    expect(skipped({ ...base, companyName: "" })).toMatch(/^companyName: /);
    expect(skipped({ ...base, url: undefined })).toMatch(/^url: /);
  });

  it("drops optional fields of the wrong type instead of skipping", () => {
    const posting = mapped({
      ...base,
      salaryMin: null,
      salaryMax: "n/a",
      salaryCurrency: 1,
      jobType: "Contract",
      jobIndustry: [null, "Engineering"],
      jobGeo: ["USA"],
      jobLevel: null,
      pubDate: 1785798080,
    });
    expect(posting).toMatchObject({
      salaryMin: null,
      salaryMax: null,
      currency: null,
      employmentType: "Contract",
      tags: ["Engineering"],
      location: null,
      seniority: null,
      postedAt: null,
    });
  });

  it("reads pay sent as strings, joins job types, and falls back to the URL as id", () => {
    const posting = mapped({
      ...base,
      id: undefined,
      salaryMin: "90,000",
      salaryMax: "120000",
      jobType: ["Contract", "Part-Time"],
    });
    expect(posting).toMatchObject({
      externalId: base.url,
      salaryMin: 90000,
      salaryMax: 120000,
      employmentType: "Contract, Part-Time",
    });
  });
});
