import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postingOf } from "../../testing/transform-results.ts";
import { recordedDir } from "../replay-server.ts";
import { transformGreenhouse } from "./transform.ts";

function recorded(file: string, board: string): Record<string, unknown>[] {
  const body = JSON.parse(readFileSync(`${recordedDir}${file}`, "utf8")) as { jobs: object[] };
  // As the client yields them: each job tagged with its board token.
  return body.jobs.map((job) => ({ ...job, _board: board }));
}

const gitlab = recorded("greenhouse-gitlab.json", "gitlab");
const stripe = recorded("greenhouse-stripe.json", "stripe");
const first = gitlab[0] as Record<string, unknown>;

const posting = (raw: unknown) => postingOf(transformGreenhouse, raw);

describe("transformGreenhouse", () => {
  it("maps every recorded job", () => {
    const results = [...gitlab, ...stripe].map(transformGreenhouse);
    expect(results).toHaveLength(5);
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });

  it("keeps the id, URL, title, company, location, dates and departments", () => {
    expect(posting(first)).toMatchObject({
      externalId: "8503792002",
      url: "https://job-boards.greenhouse.io/gitlab/jobs/8503792002",
      title: "Account Executive - Italy",
      company: "GitLab",
      location: "Remote, Italy",
      remote: "remote",
      postedAt: "2026-04-17T05:58:03-04:00",
      tags: ["EMEA - Commercial"],
    });
    const sydney = posting(stripe[1]);
    expect(sydney).toMatchObject({
      externalId: "8029128",
      url: "https://stripe.com/jobs/search?gh_jid=8029128",
      company: "Stripe",
      location: "Sydney",
      remote: null,
    });
  });

  it("passes the twice-escaped content on as is", () => {
    const description = posting(stripe[0]).description;
    expect(description).toMatch(/^&lt;h2&gt;Who we are&lt;\/h2&gt;/);
    expect(description).toContain("Stripe is a financial infrastructure platform");
  });

  it("names the company by the board token when company_name is missing or empty", () => {
    expect(posting({ ...stripe[0], company_name: undefined }).company).toBe("stripe");
    expect(posting({ ...stripe[0], company_name: "  " }).company).toBe("stripe");
    // Without the client's tag, a Greenhouse-hosted URL still names the board.
    expect(posting({ ...first, company_name: null, _board: undefined }).company).toBe("gitlab");
  });

  it("skips a job whose company cannot be named, or without a title, naming the field", () => {
    const noCompany = transformGreenhouse({ ...stripe[0], company_name: "", _board: undefined });
    expect(noCompany).toMatchObject({ ok: false, reason: expect.stringContaining("company_name") });
    const noTitle = transformGreenhouse({ ...first, title: undefined });
    expect(noTitle).toMatchObject({ ok: false, reason: expect.stringContaining("title") });
    const numberTitle = transformGreenhouse({ ...first, title: 42 });
    expect(numberTitle).toMatchObject({ ok: false, reason: expect.stringContaining("title") });
    const noId = transformGreenhouse({ ...first, id: null });
    expect(noId).toMatchObject({ ok: false, reason: expect.stringContaining("id") });
    expect(transformGreenhouse(null)).toMatchObject({ ok: false });
    expect(transformGreenhouse("job")).toMatchObject({ ok: false });
  });

  it("builds the job's board URL when absolute_url is missing", () => {
    expect(posting({ ...first, absolute_url: null }).url).toBe(
      "https://job-boards.greenhouse.io/gitlab/jobs/8503792002",
    );
  });

  it("drops optional fields of the wrong type instead of the job", () => {
    const result = posting({
      ...first,
      location: "Rome",
      content: 12,
      metadata: "none",
      departments: [{ id: 1 }, { name: "Sales" }, 3],
      offices: null,
      first_published: 5,
    });
    expect(result.location).toBeNull();
    expect(result.description).toBeNull();
    expect(result.tags).toEqual(["Sales"]);
    expect(result.postedAt).toBe("2026-08-10T16:52:46-04:00");
  });

  it("falls back on the offices for the location", () => {
    expect(posting({ ...first, location: null }).location).toBe("Italy");
  });

  it("reads employment type, salary and level from metadata", () => {
    const result = posting({
      ...first,
      metadata: [
        { id: 1, name: "Quota Coverage Type", value: "n/a", value_type: "single_select" },
        { id: 2, name: "Employment Type", value: "Full-time", value_type: "single_select" },
        {
          id: 3,
          name: "Salary Range",
          value: { min_value: "120000.0", max_value: "150000.0", unit: "USD" },
          value_type: "currency_range",
        },
        { id: 4, name: "Job Level", value: ["Senior"], value_type: "multi_select" },
        { id: 5, name: "Compensation", value: "$120k – $150k + equity", value_type: "short_text" },
        null,
        { name: 7 },
      ],
    });
    expect(result).toMatchObject({
      employmentType: "Full-time",
      salaryMin: 120000,
      salaryMax: 150000,
      currency: "USD",
      seniority: "Senior",
      salaryText: "$120k – $150k + equity",
    });
  });

  it("reads separate minimum and maximum salary fields", () => {
    const result = posting({
      ...first,
      metadata: [
        { name: "Hourly Pay Min", value: { amount: "40", unit: "CAD" }, value_type: "currency" },
        { name: "Hourly Pay Max", value: { amount: "55.5", unit: "CAD" }, value_type: "currency" },
      ],
    });
    expect(result).toMatchObject({
      salaryMin: 40,
      salaryMax: 55.5,
      currency: "CAD",
      salaryPeriod: "hour",
    });
  });
});
