import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasText, postingOf, skipReasonOf } from "../../testing/transform-results.ts";
import { recordedDir } from "../replay-server.ts";
import { transformHimalayas } from "./transform.ts";

type Raw = Record<string, unknown>;
const read = (file: string) =>
  (JSON.parse(readFileSync(`${recordedDir}${file}`, "utf8")) as { jobs: Raw[] }).jobs;
const corpus = read("himalayas-corpus.json");
const sample = read("himalayas.json");

const mapped = (raw: unknown) => postingOf(transformHimalayas, raw);

const skipped = (raw: unknown) => skipReasonOf(transformHimalayas, raw);

function byGuid(jobs: Raw[], slug: string): Raw {
  const job = jobs.find((item) => String(item.guid).endsWith(slug));
  if (!job) throw new Error(`no job ${slug} in the recording`);
  return job;
}

describe("transformHimalayas on the recorded corpus", () => {
  it("maps every real job that has a title, a company and a URL", () => {
    const complete = corpus.filter(
      (job) =>
        hasText(job.title) &&
        hasText(job.companyName) &&
        (hasText(job.guid) || hasText(job.applicationLink)),
    );
    const results = corpus.map((job) => transformHimalayas(job));
    expect(corpus).toHaveLength(500);
    expect(complete).toHaveLength(500);
    expect(results.filter((result) => result.ok)).toHaveLength(complete.length);
  });

  it("keeps the real values of a job with pay", () => {
    const posting = mapped(byGuid(corpus, "/generative-ai-analyst-simplified-chinese-9956919210"));
    expect(posting).toMatchObject({
      externalId:
        "https://himalayas.app/companies/welo-global/jobs/generative-ai-analyst-simplified-chinese-9956919210",
      url: "https://himalayas.app/companies/welo-global/jobs/generative-ai-analyst-simplified-chinese-9956919210",
      title: "Generative AI Analyst | Simplified Chinese",
      company: "Welo Global",
      location: "Indonesia, Malaysia, Singapore, Taiwan",
      country: null,
      remote: "remote",
      salaryMin: 15,
      salaryMax: 15,
      currency: "USD",
      salaryPeriod: "hourly",
      postedAt: 1785796075,
      employmentType: "Contractor",
      seniority: "Mid-level",
    });
    // Categories, then the parent categories the corpus stores.
    expect(posting.tags?.[0]).toBe("Data-Annotation");
    expect(posting.tags).toContain("Generative-AI-Analyst");
    expect(posting.tags?.at(-1)).toBe("Developer");
    expect(posting.tags).toHaveLength(10);
  });

  it("keeps the real values of a job without pay", () => {
    const posting = mapped(corpus[0]);
    expect(posting).toMatchObject({
      title: "Sr Digital Customer Success Manager",
      company: "Twilio",
      url: "https://himalayas.app/companies/twilio/jobs/sr-digital-customer-success-manager",
      location: "Singapore",
      country: "Singapore",
      salaryMin: null,
      salaryMax: null,
      currency: null,
      salaryPeriod: "annual",
      postedAt: 1785798080,
      seniority: "Senior",
    });
    expect(posting.tags).toContain("Customer Service");
    expect(posting.description).toMatch(/^<div class="content-intro">/);
  });

  it("leaves the location empty for jobs open everywhere", () => {
    const posting = mapped(
      byGuid(corpus, "/health-systems-insight/jobs/managing-director-programs"),
    );
    expect(posting.location).toBeNull();
    expect(posting.company).toBe("Health Systems Insight");
    const open = corpus.map(mapped).filter((p) => p.location === null);
    expect(open).toHaveLength(5);
  });

  it("keeps parent categories of every job in its tags", () => {
    for (const job of corpus) {
      const tags = mapped(job).tags ?? [];
      for (const parent of job.parentCategories as string[]) expect(tags).toContain(parent);
    }
  });
});

describe("transformHimalayas on the small recording", () => {
  it("maps all three, including the placeholder company name as it is", () => {
    const postings = sample.map(mapped);
    expect(postings).toHaveLength(3);
    expect(postings[0]).toMatchObject({
      title: "Inpatient Review Nurse (Remote | California RN/LVN License Required | Pacific Ti",
      company: "name",
      salaryMin: 77905,
      salaryMax: 116858,
      currency: "USD",
      salaryPeriod: "annual",
      postedAt: 1786813232,
      location: "United States",
    });
    expect(postings[1]?.tags).toContain("Marketing");
    expect(postings[2]).toMatchObject({ salaryMin: 14, salaryMax: 14, salaryPeriod: "hourly" });
  });
});

describe("transformHimalayas on bad items", () => {
  const base = corpus[0] as Raw;

  it("skips a job without a title, naming the field", () => {
    const { title: _title, ...rest } = base;
    expect(skipped(rest)).toMatch(/^title: /);
  });

  it("skips a job whose title is a number", () => {
    expect(skipped({ ...base, title: 1 })).toMatch(/^title: /);
  });

  it("skips a job with an empty company", () => {
    expect(skipped({ ...base, companyName: " " })).toMatch(/^companyName: /);
  });

  it("skips a job with no URL at all, and uses applicationLink when guid is not one", () => {
    expect(skipped({ ...base, guid: null, applicationLink: null })).toMatch(/^guid: /);
    const posting = mapped({ ...base, guid: "abc123", applicationLink: "https://x.test/apply" });
    expect(posting).toMatchObject({ externalId: "abc123", url: "https://x.test/apply" });
    expect(mapped({ ...base, guid: undefined }).url).toBe(base.applicationLink);
  });

  it("drops optional fields of the wrong type instead of skipping", () => {
    const posting = mapped({
      ...base,
      minSalary: "a lot",
      maxSalary: {},
      currency: 840,
      seniority: "Senior",
      locationRestrictions: [{ name: "Canada" }, 7, null],
      categories: null,
      parentCategories: [["x"]],
      pubDate: { at: 1 },
      description: null,
      excerpt: "Short text",
    });
    expect(posting).toMatchObject({
      salaryMin: null,
      salaryMax: null,
      currency: null,
      seniority: "Senior",
      location: "Canada",
      country: "Canada",
      tags: [],
      postedAt: null,
      description: "Short text",
    });
  });

  it("reads a pubDate sent as a string", () => {
    expect(mapped({ ...base, pubDate: "1785798080" }).postedAt).toBe(1785798080);
    expect(mapped({ ...base, pubDate: "2026-08-03T21:25:29Z" }).postedAt).toBe(
      "2026-08-03T21:25:29Z",
    );
    expect(mapped({ ...base, minSalary: "60000" }).salaryMin).toBe(60000);
  });
});
