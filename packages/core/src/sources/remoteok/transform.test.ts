import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { recordedDir } from "../replay-server.ts";
import { transformRemoteOk } from "./transform.ts";

const recorded = JSON.parse(readFileSync(`${recordedDir}remoteok.json`, "utf8")) as unknown[];
const jobs = recorded.slice(1) as Record<string, unknown>[];

describe("transformRemoteOk", () => {
  it("maps every recorded job but the one that has no position or company", () => {
    const results = jobs.map(transformRemoteOk);
    expect(jobs).toHaveLength(97);
    expect(results.filter((r) => r.ok)).toHaveLength(96);
    const rejected = results.findIndex((r) => !r.ok);
    expect(jobs[rejected]).toMatchObject({ id: "1093760", position: "" });
  });

  it("keeps the board's id, URL, title, company, tags and yearly USD salary", () => {
    const result = transformRemoteOk(jobs[0]);
    if (!result.ok) throw new Error(result.reason);
    expect(result.posting).toMatchObject({
      externalId: "1097929",
      url: "https://remoteOK.com/remote-jobs/remote-engineering-lead-aragon-1097929",
      title: "Engineering Lead",
      company: "Aragon",
      remote: "remote",
      salaryMin: 60000,
      salaryMax: 140000,
      currency: "USD",
      salaryPeriod: "year",
      postedAt: 1756382403,
    });
    expect(result.posting.tags).toContain("web3");
  });

  it("treats a zero salary as not given", () => {
    const result = transformRemoteOk({ ...jobs[0], salary_min: 0, salary_max: 0 });
    expect(result.ok && result.posting.salaryMin).toBeNull();
    expect(result.ok && result.posting.currency).toBeNull();
  });

  it("skips a job without a position, or with one of the wrong type, naming the field", () => {
    const missing = transformRemoteOk({ ...jobs[0], position: undefined });
    const wrongType = transformRemoteOk({ ...jobs[0], position: 42 });
    const empty = transformRemoteOk({ ...jobs[0], company: "  " });
    expect(missing).toMatchObject({ ok: false, reason: expect.stringContaining("position") });
    expect(wrongType).toMatchObject({ ok: false, reason: expect.stringContaining("position") });
    expect(empty).toMatchObject({ ok: false, reason: expect.stringContaining("company") });
  });

  it("drops optional fields of the wrong type instead of the job", () => {
    const result = transformRemoteOk({
      ...jobs[0],
      location: { city: "x" },
      salary_min: "lots",
      tags: "go",
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.posting.location).toBeNull();
    expect(result.posting.salaryMin).toBeNull();
    expect(result.posting.tags).toEqual(["go"]);
  });
});
