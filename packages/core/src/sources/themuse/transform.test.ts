import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hasText, postingOf, skipReasonOf } from "../../testing/transform-results.ts";
import { recordedDir } from "../replay-server.ts";
import { transformTheMuse } from "./transform.ts";

type Raw = Record<string, unknown>;
const jobs = (
  JSON.parse(readFileSync(`${recordedDir}themuse-page0.json`, "utf8")) as { results: Raw[] }
).results;

const mapped = (raw: unknown) => postingOf(transformTheMuse, raw);

const skipped = (raw: unknown) => skipReasonOf(transformTheMuse, raw);

function byId(id: number): Raw {
  const job = jobs.find((item) => item.id === id);
  if (!job) throw new Error(`no job ${id} in the recording`);
  return job;
}

describe("transformTheMuse on the recorded page", () => {
  it("maps every real job that has a title, a company and a URL", () => {
    const complete = jobs.filter(
      (job) =>
        hasText(job.name) &&
        hasText((job.company as Raw | undefined)?.name) &&
        hasText((job.refs as Raw | undefined)?.landing_page),
    );
    const results = jobs.map((job) => transformTheMuse(job));
    expect(jobs).toHaveLength(236);
    expect(complete).toHaveLength(236);
    expect(results.filter((result) => result.ok)).toHaveLength(complete.length);
  });

  it("keeps the real values of an on-site job", () => {
    const posting = mapped(byId(21653602));
    expect(posting).toMatchObject({
      externalId: "21653602",
      url: "https://www.themuse.com/jobs/spacex/environmental-health-safety-professional",
      title: "Environmental Health & Safety Professional",
      company: "SpaceX",
      location: "Brownsville, TX",
      remote: null,
      postedAt: "2026-07-20T23:48:16Z",
      seniority: "Mid Level",
      tags: ["Software Engineering"],
    });
    expect(posting.description).toMatch(/^<div><p>SpaceX was founded/);
    // `type` is "external" or "native" (how to apply), not an employment type.
    expect(posting.employmentType).toBeUndefined();
  });

  it("marks jobs located at Flexible / Remote as remote", () => {
    const posting = mapped(byId(21820572));
    expect(posting).toMatchObject({
      title: "Staff Software Engineer, Backend",
      company: "GlossGenius",
      location: "Flexible / Remote; New York, NY",
      remote: "remote",
      seniority: "Senior Level",
      url: "https://www.themuse.com/jobs/glossgenius/staff-software-engineer-backend-7d1ec3",
    });
    const remote = jobs.map(mapped).filter((p) => p.remote === "remote");
    expect(remote).toHaveLength(6);
  });

  it("joins several levels", () => {
    const twoLevels = jobs.find((job) => (job.levels as unknown[]).length === 2);
    expect(mapped(twoLevels).seniority).toBe("Mid Level, management");
  });
});

describe("transformTheMuse on bad items", () => {
  const base = byId(21653602);

  it("skips a job without a title, naming the field", () => {
    const { name: _name, ...rest } = base;
    expect(skipped(rest)).toMatch(/^name: /);
  });

  it("skips a job whose title is a number", () => {
    expect(skipped({ ...base, name: 3 })).toMatch(/^name: /);
  });

  it("skips a job with an empty or missing company", () => {
    expect(skipped({ ...base, company: { name: "" } })).toMatch(/^company\.name: /);
    expect(skipped({ ...base, company: null })).toMatch(/^company: /);
  });

  it("skips a job with no URL, and builds the board's URL when only refs are missing", () => {
    expect(skipped({ ...base, refs: {}, short_name: null })).toMatch(/^refs\.landing_page: /);
    expect(mapped({ ...base, refs: null }).url).toBe(
      "https://www.themuse.com/jobs/spacex/environmental-health-safety-professional",
    );
  });

  it("drops optional fields of the wrong type instead of skipping", () => {
    const posting = mapped({
      ...base,
      contents: 5,
      publication_date: null,
      locations: "Flexible / Remote",
      categories: [{ title: "x" }, { name: "Data Science" }],
      levels: null,
      id: { value: 1 },
    });
    expect(posting).toMatchObject({
      description: null,
      postedAt: null,
      location: "Flexible / Remote",
      remote: "remote",
      tags: ["Data Science"],
      seniority: null,
      externalId: "https://www.themuse.com/jobs/spacex/environmental-health-safety-professional",
    });
  });
});
