import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasText, postingOf, skipReasonOf } from "../../testing/transform-results.ts";
import { recordedDir } from "../replay-server.ts";
import { transformRemotive } from "./transform.ts";

type Raw = Record<string, unknown>;
const jobs = (JSON.parse(readFileSync(`${recordedDir}remotive.json`, "utf8")) as { jobs: Raw[] })
  .jobs;

const mapped = (raw: unknown) => postingOf(transformRemotive, raw);

const skipped = (raw: unknown) => skipReasonOf(transformRemotive, raw);

function byId(id: number): Raw {
  const job = jobs.find((item) => item.id === id);
  if (!job) throw new Error(`no job ${id} in the recording`);
  return job;
}

describe("transformRemotive on the recorded response", () => {
  it("maps every real job that has a title, a company and a URL", () => {
    const complete = jobs.filter(
      (job) => hasText(job.title) && hasText(job.company_name) && hasText(job.url),
    );
    const results = jobs.map((job) => transformRemotive(job));
    expect(jobs).toHaveLength(22);
    expect(complete).toHaveLength(22);
    expect(results.filter((result) => result.ok)).toHaveLength(complete.length);
  });

  it("keeps the real values of a job", () => {
    const posting = mapped(byId(2069746));
    expect(posting).toMatchObject({
      externalId: "2069746",
      url: "https://remotive.com/remote-jobs/software-development/tech-lead-full-stack-rails-engineer-2069746",
      title: "Tech Lead Full-Stack Rails Engineer",
      company: "Mitre Media",
      location: "USA, Canada, USA timezones",
      remote: "remote",
      salaryText: "$170k - $200k",
      employmentType: "full_time",
      // Remotive's zone-less times are UTC.
      postedAt: "2026-04-14T21:01:45Z",
    });
    expect(posting.tags?.slice(0, 3)).toEqual(["Software Development", "api", "CSS"]);
    expect(posting.tags).toContain("ruby/rails");
    expect(posting.description).toMatch(/^<[a-z]/);
    expect(posting.salaryMin).toBeUndefined();
  });

  it("keeps free-text pay as text and no pay as null", () => {
    expect(mapped(byId(2089990)).salaryText).toBe("$14/hour");
    expect(mapped(byId(2088656)).salaryText).toBeNull();
    expect(mapped(byId(1680495)).salaryText).toBe("$31,2k- $52k");
  });

  it("gives every posting a distinct id and an https URL", () => {
    const postings = jobs.map(mapped);
    expect(new Set(postings.map((p) => p.externalId)).size).toBe(22);
    for (const posting of postings) expect(posting.url).toMatch(/^https:\/\/remotive\.com\//);
  });
});

describe("transformRemotive on bad items", () => {
  const base = byId(2069746);

  it("skips a job without a title, naming the field", () => {
    const { title: _title, ...rest } = base;
    expect(skipped(rest)).toMatch(/^title: /);
  });

  it("skips a job whose title is a number", () => {
    expect(skipped({ ...base, title: 42 })).toMatch(/^title: /);
  });

  it("skips a job with an empty company or no URL", () => {
    expect(skipped({ ...base, company_name: "   " })).toMatch(/^company_name: /);
    expect(skipped({ ...base, url: null })).toMatch(/^url: /);
  });

  it("skips what is not an object", () => {
    expect(skipped(null)).toMatch(/^\(posting\): /);
    expect(skipped("a job")).toMatch(/^\(posting\): /);
  });

  it("drops optional fields of the wrong type instead of skipping", () => {
    const posting = mapped({
      ...base,
      salary: 120000,
      publication_date: 1776961835,
      candidate_required_location: { name: "USA" },
      tags: "solo-tag",
      category: ["x"],
      job_type: false,
    });
    expect(posting.salaryText).toBeNull();
    expect(posting.postedAt).toBeNull();
    expect(posting.location).toBeNull();
    expect(posting.employmentType).toBeNull();
    expect(posting.tags).toEqual(["solo-tag"]);
    expect(posting.title).toBe("Tech Lead Full-Stack Rails Engineer");
  });

  it("falls back to the URL as id, and keeps zoned dates as given", () => {
    const posting = mapped({ ...base, id: null, publication_date: "2026-04-14T21:01:45+02:00" });
    expect(posting.externalId).toBe(base.url);
    expect(posting.postedAt).toBe("2026-04-14T21:01:45+02:00");
    expect(mapped({ ...base, id: "abc-1" }).externalId).toBe("abc-1");
    expect(mapped({ ...base, publication_date: "2026-04-14 21:01:45" }).postedAt).toBe(
      "2026-04-14T21:01:45Z",
    );
  });
});
