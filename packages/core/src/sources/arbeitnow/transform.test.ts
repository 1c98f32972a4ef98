import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasText, postingOf, skipReasonOf } from "../../testing/transform-results.ts";
import { recordedDir } from "../replay-server.ts";
import { transformArbeitnow } from "./transform.ts";

type Raw = Record<string, unknown>;
const jobs = (
  JSON.parse(readFileSync(`${recordedDir}arbeitnow-page1.json`, "utf8")) as { data: Raw[] }
).data;

const mapped = (raw: unknown) => postingOf(transformArbeitnow, raw);

const skipped = (raw: unknown) => skipReasonOf(transformArbeitnow, raw);

function bySlug(slug: string): Raw {
  const job = jobs.find((item) => item.slug === slug);
  if (!job) throw new Error(`no job ${slug} in the recording`);
  return job;
}

describe("transformArbeitnow on the recorded page", () => {
  it("maps every real job that has a title, a company and a URL", () => {
    const complete = jobs.filter(
      (job) => hasText(job.title) && hasText(job.company_name) && hasText(job.url),
    );
    const results = jobs.map((job) => transformArbeitnow(job));
    expect(jobs).toHaveLength(100);
    expect(complete).toHaveLength(100);
    expect(results.filter((result) => result.ok)).toHaveLength(complete.length);
  });

  it("keeps the real values of an on-site job", () => {
    const posting = mapped(bySlug("qa-automation-engineer-ui-and-api-hamburg-328438"));
    expect(posting).toMatchObject({
      externalId: "qa-automation-engineer-ui-and-api-hamburg-328438",
      url: "https://www.arbeitnow.com/jobs/companies/adjoe-gmbh/qa-automation-engineer-ui-and-api-hamburg-328438",
      title: "QA Automation Engineer (UI and API) (m/f/d)",
      company: "adjoe GmbH",
      location: "Hamburg",
      remote: null,
      postedAt: 1776961835,
      employmentType: null,
      tags: ["IT"],
    });
    expect(posting.description).toContain("adjoe is redefining the future of mobile ads.");
  });

  it("keeps the real values of a remote internship", () => {
    const posting = mapped(
      bySlug("intern-praktikant-startup-scout-dealflow-manager-lietzow-94839"),
    );
    expect(posting).toMatchObject({
      title: "Intern/Praktikant - Startup Scout & Dealflow Manager (w/m/d)",
      company: "Founders Bay",
      location: "Lietzow",
      remote: "remote",
      postedAt: 1776958251,
      employmentType: "Internship, berufseinstieg",
      tags: ["Remote", "Business Analyst"],
    });
  });

  it("marks exactly the jobs the board calls remote", () => {
    const remote = jobs.map(mapped).filter((posting) => posting.remote === "remote");
    expect(remote).toHaveLength(jobs.filter((job) => job.remote === true).length);
    expect(remote).toHaveLength(14);
  });
});

describe("transformArbeitnow on bad items", () => {
  const base = bySlug("qa-automation-engineer-ui-and-api-hamburg-328438");

  it("skips a job without a title, naming the field", () => {
    const { title: _title, ...rest } = base;
    expect(skipped(rest)).toMatch(/^title: /);
  });

  it("skips a job whose title is a number", () => {
    expect(skipped({ ...base, title: 7 })).toMatch(/^title: /);
  });

  it("skips a job with an empty company or no URL", () => {
    expect(skipped({ ...base, company_name: "" })).toMatch(/^company_name: /);
    expect(skipped({ ...base, url: 3 })).toMatch(/^url: /);
  });

  it("drops optional fields of the wrong type instead of skipping", () => {
    const posting = mapped({
      ...base,
      remote: "maybe",
      created_at: "not a date",
      location: 12,
      tags: { IT: true },
      job_types: null,
      description: ["<p>x</p>"],
    });
    expect(posting).toMatchObject({
      remote: null,
      postedAt: null,
      location: null,
      tags: [],
      employmentType: null,
      description: null,
      title: "QA Automation Engineer (UI and API) (m/f/d)",
    });
  });

  it("reads numbers and booleans sent as strings, and falls back to the URL as id", () => {
    const posting = mapped({ ...base, slug: null, created_at: "1776961835", remote: "true" });
    expect(posting.postedAt).toBe(1776961835);
    expect(posting.remote).toBe("remote");
    expect(posting.externalId).toBe(base.url);
  });
});
