import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postingOf } from "../../testing/transform-results.ts";
import { companyFromBoardName } from "../company-name.ts";
import { recordedDir } from "../replay-server.ts";
import { transformLever } from "./transform.ts";

const postings = (
  JSON.parse(readFileSync(`${recordedDir}lever-palantir.json`, "utf8")) as object[]
).map((p) => ({ ...p, _site: "palantir" })) as Record<string, unknown>[];
const london = postings[0] as Record<string, unknown>;
const paloAlto = postings[1] as Record<string, unknown>;

const posting = (raw: unknown) => postingOf(transformLever, raw);

describe("transformLever", () => {
  it("maps every recorded posting", () => {
    const results = postings.map(transformLever);
    expect(results).toHaveLength(2);
    expect(results.filter((r) => r.ok)).toHaveLength(2);
  });

  it("keeps the id, hosted URL, title, company, categories, workplace and date", () => {
    expect(posting(london)).toMatchObject({
      externalId: "ac978161-6f46-4f6b-ad9e-a258e642751c",
      url: "https://jobs.lever.co/palantir/ac978161-6f46-4f6b-ad9e-a258e642751c",
      title: "Administrative Business Partner",
      company: "Palantir",
      location: "London, United Kingdom",
      remote: "hybrid",
      country: "GB",
      postedAt: 1711403416463,
      employmentType: "Full-time",
      tags: ["Administrative"],
      salaryText: null,
    });
  });

  it("appends the headed lists and the closing part to the description", () => {
    const description = posting(paloAlto).description ?? "";
    expect(description).toMatch(/^<div><strong><span style="font-size: 18px;">A World-Changing/);
    const heading = description.indexOf("<h3>Core Responsibilities</h3>\n<ul>");
    const item = description.indexOf("<li>Provide administrative and operational support");
    const closing = description.indexOf("The estimated salary range for this position");
    expect(heading).toBeGreaterThan(0);
    expect(item).toBeGreaterThan(heading);
    expect(description.indexOf("<h3>What We Require</h3>")).toBeGreaterThan(item);
    expect(closing).toBeGreaterThan(item);
  });

  it("reads salaryRange numbers, else the salary description as text", () => {
    const ranged = posting({
      ...paloAlto,
      salaryRange: { min: 60000, max: 97000, currency: "USD", interval: "per-year-salary" },
    });
    expect(ranged).toMatchObject({
      salaryMin: 60000,
      salaryMax: 97000,
      currency: "USD",
      salaryPeriod: "year",
    });
    const text = posting({ ...paloAlto, salaryDescriptionPlain: "$60,000 - $97,000/year" });
    expect(text).toMatchObject({ salaryText: "$60,000 - $97,000/year" });
    expect(text.salaryMin).toBeUndefined();
  });

  it("names the company from the hosted URL when the client did not tag the site", () => {
    expect(posting({ ...london, _site: undefined }).company).toBe("Palantir");
    expect(posting({ ...london, _company: "Palantir Technologies" }).company).toBe(
      "Palantir Technologies",
    );
  });

  it("joins every location and maps the workplace types", () => {
    const result = posting({
      ...london,
      workplaceType: "remote",
      categories: { location: "London", allLocations: ["London", "Paris"], team: "Ops" },
    });
    expect(result).toMatchObject({ location: "London; Paris", remote: "remote", tags: ["Ops"] });
    expect(posting({ ...london, workplaceType: "unspecified" }).remote).toBeNull();
    expect(posting({ ...london, workplaceType: "onsite" }).remote).toBe("onsite");
  });

  it("skips a posting without a title, with a wrong-typed one, or without a company", () => {
    expect(transformLever({ ...london, text: undefined })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("text"),
    });
    expect(transformLever({ ...london, text: ["x"] })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("text"),
    });
    expect(
      transformLever({
        ...london,
        _site: " ",
        hostedUrl: "https://example.com/job/1",
        applyUrl: null,
      }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("company") });
    expect(transformLever({ ...london, id: { x: 1 } })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("id"),
    });
  });

  it("drops optional fields of the wrong type instead of the posting", () => {
    const result = posting({
      ...london,
      categories: "Full-time",
      createdAt: "yesterday",
      lists: "none",
      description: 42,
      additional: null,
      salaryRange: [1, 2],
      country: 44,
    });
    expect(result.location).toBeNull();
    expect(result.postedAt).toBeNull();
    expect(result.country).toBeNull();
    expect(result.employmentType).toBeNull();
    // The plain description stands in for the HTML one.
    expect(result.description).toMatch(/^<p>A World-Changing Company/);
    expect(result.description).not.toContain("<h3>");
  });

  it("builds the posting URL when hostedUrl is missing", () => {
    expect(posting({ ...london, hostedUrl: null }).url).toBe(
      "https://jobs.lever.co/palantir/ac978161-6f46-4f6b-ad9e-a258e642751c",
    );
  });
});

describe("companyFromBoardName", () => {
  it("capitalises board names and knows a few spellings", () => {
    expect(companyFromBoardName("palantir")).toBe("Palantir");
    expect(companyFromBoardName("acme-labs")).toBe("Acme Labs");
    expect(companyFromBoardName("openai")).toBe("OpenAI");
    expect(companyFromBoardName("GitHub")).toBe("GitHub");
  });
});
