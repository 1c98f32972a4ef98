import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postingOf } from "../../testing/transform-results.ts";
import { recordedDir } from "../replay-server.ts";
import { transformAshby } from "./transform.ts";

function recorded(file: string, board: string): Record<string, unknown>[] {
  const body = JSON.parse(readFileSync(`${recordedDir}${file}`, "utf8")) as { jobs: object[] };
  return body.jobs.map((job) => ({ ...job, _board: board }));
}

const notion = recorded("ashby-notion.json", "notion");
const openai = recorded("ashby-openai.json", "openai");
const designer = notion[2] as Record<string, unknown>;

const posting = (raw: unknown) => postingOf(transformAshby, raw);

const compensation = {
  compensationTierSummary: "$150K – $210K • Offers Equity",
  scrapeableCompensationSalarySummary: "$150K - $210K",
  summaryComponents: [
    { compensationType: "EquityPercentage", interval: "NONE", minValue: 0.1, maxValue: 0.5 },
    {
      compensationType: "Salary",
      interval: "1 YEAR",
      currencyCode: "USD",
      minValue: 150000,
      maxValue: 210000,
    },
  ],
};

describe("transformAshby", () => {
  it("maps every recorded job", () => {
    const results = [...notion, ...openai].map(transformAshby);
    expect(results).toHaveLength(5);
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });

  it("keeps the id, URL, title, company, locations, workplace, country and date", () => {
    expect(posting(designer)).toMatchObject({
      externalId: "d177d052-ef57-4900-acf2-d58e9eded620",
      url: "https://jobs.ashbyhq.com/notion/d177d052-ef57-4900-acf2-d58e9eded620",
      title: "Product Designer",
      company: "Notion",
      location: "San Francisco, California; New York, New York",
      // workplaceType says Hybrid though isRemote is true: the workplace type wins.
      remote: "hybrid",
      country: "United States",
      postedAt: "2026-07-02T17:18:41.823+00:00",
      employmentType: "Full-time",
      tags: ["Product Design"],
    });
    expect(posting(designer).description).toMatch(/^<h1>Who We Are<\/h1>/);
    expect(posting(openai[0])).toMatchObject({
      title: "Technical Program Manager, Compute Infrastructure",
      company: "OpenAI",
      location: "San Francisco",
      remote: null,
    });
  });

  it("reads the compensation summary as text and the salary component as numbers", () => {
    expect(posting({ ...designer, compensation })).toMatchObject({
      salaryText: "$150K – $210K • Offers Equity",
      salaryMin: 150000,
      salaryMax: 210000,
      currency: "USD",
      salaryPeriod: "year",
    });
    const textOnly = posting({
      ...designer,
      compensation: { compensationTierSummary: "€60K – €80K", summaryComponents: null },
    });
    expect(textOnly.salaryText).toBe("€60K – €80K");
    expect(textOnly.salaryMin).toBeUndefined();
  });

  it("skips unlisted jobs with a reason", () => {
    expect(transformAshby({ ...designer, isListed: false })).toEqual({
      ok: false,
      reason: "isListed: the posting is unlisted",
    });
  });

  it("uses isRemote when there is no workplace type", () => {
    expect(posting({ ...designer, workplaceType: null, isRemote: true }).remote).toBe("remote");
    expect(posting({ ...designer, workplaceType: "OnSite" }).remote).toBe("onsite");
    expect(posting({ ...designer, workplaceType: "Remote" }).remote).toBe("remote");
  });

  it("skips a job without a title, with a wrong-typed one, or without a company", () => {
    expect(transformAshby({ ...designer, title: "" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("title"),
    });
    expect(transformAshby({ ...designer, title: 7 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("title"),
    });
    expect(
      transformAshby({
        ...designer,
        _board: "",
        jobUrl: "https://notion.so/jobs/1",
        applyUrl: null,
      }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("company") });
  });

  it("names the company from the job URL when the client did not tag the board", () => {
    expect(posting({ ...designer, _board: undefined }).company).toBe("Notion");
    expect(posting({ ...designer, _company: "Notion Labs" }).company).toBe("Notion Labs");
  });

  it("drops optional fields of the wrong type instead of the job", () => {
    const result = posting({
      ...designer,
      secondaryLocations: "NYC",
      address: "SF",
      compensation: "lots",
      isRemote: "yes",
      employmentType: 3,
      department: ["x"],
      publishedAt: 12,
    });
    expect(result).toMatchObject({
      location: "San Francisco, California",
      country: null,
      employmentType: null,
      postedAt: null,
      tags: ["Product Design"],
    });
    expect(result.salaryText).toBeUndefined();
  });
});
