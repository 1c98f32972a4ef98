import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configSchema, type RankConfig } from "../config/config.ts";
import { type DatabaseHandle, resultRows } from "../db/client.ts";
import { jobs } from "../db/schema.ts";
import { embedJobs } from "../embed/embed-jobs.ts";
import type { Embedder } from "../embed/embedder.ts";
import { createUseLiteEmbedder } from "../embed/use-lite.ts";
import { embedAndIndex } from "../pipeline/embed-and-index.ts";
import { importPostings } from "../pipeline/import-postings.ts";
import { preferencesSchema } from "../profile/preferences.ts";
import { LOCAL_USER_ID, type Profile, saveProfile } from "../profile/profile-store.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { searchJobs } from "./lexical-search.ts";
import { rankJobs } from "./rank-jobs.ts";
import { dataScienceCv, rankTestPostingsJsonl, salesCv } from "./rank-test-postings.ts";

let handle: DatabaseHandle;
let embedder: Embedder;
const rankConfig: RankConfig = configSchema.parse({}).rank;
const now = new Date("2026-11-25T12:00:00Z");

function profileOf(cvText: string, prefs: unknown = {}): Profile {
  return {
    userId: LOCAL_USER_ID,
    cvText,
    cvFileName: "cv.txt",
    preferences: preferencesSchema.parse(prefs),
    updatedAt: now,
  };
}

async function rank(profile: Profile, config: RankConfig = rankConfig) {
  return rankJobs(handle.db, embedder, profile, { config, top: 10, now });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  embedder = await createUseLiteEmbedder();
  const imported = await importPostings(handle.db, {
    content: rankTestPostingsJsonl,
    fileName: "jobs.jsonl",
    now,
  });
  expect(imported.totals.new).toBe(10);
  await saveProfile(handle.db, LOCAL_USER_ID, {});
  const summary = await embedAndIndex(handle.db, embedder);
  expect(summary.embedded).toBe(10);
});

afterAll(async () => {
  await handle?.close();
});

describe("rankJobs", () => {
  it("puts the jobs of the CV's own field first", async () => {
    const data = await rank(profileOf(dataScienceCv));
    expect(data.jobs[0]?.job.title).toBe("Senior Data Scientist");
    const dataTop3 = data.jobs.slice(0, 3).map((r) => r.job.title);
    expect(dataTop3).toContain("Machine Learning Engineer");

    const sales = await rank(profileOf(salesCv));
    const salesTop2 = sales.jobs.slice(0, 2).map((r) => r.job.title);
    expect(salesTop2.sort()).toEqual(
      ["Account Executive, Mid-Market", "Sales Development Representative"].sort(),
    );
  });

  it("explains every score with weighted features that add up, and the skills behind it", async () => {
    const { jobs: ranked } = await rank(profileOf(dataScienceCv));
    const top = ranked[0];
    expect(top).toBeDefined();
    if (!top) return;
    const sum = Object.values(top.features).reduce((total, f) => total + f.contribution, 0);
    expect(top.score).toBeCloseTo(sum, 2);
    expect(top.features.keywords.weight).toBe(rankConfig.weights.keywords);
    expect(top.why.matchedSkills).toEqual(expect.arrayContaining(["Python", "SQL"]));
    expect(top.why.salary).toMatch(/USD 150,000/);
    expect(top.why.retrieval).toMatch(/#1 by keywords/);
    // Sorted best first.
    for (let i = 1; i < ranked.length; i++) {
      expect(ranked[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(ranked[i]?.score ?? 0);
    }
  });

  it("ranks old imported postings too: freshness is a feature, not a filter", async () => {
    const { jobs: ranked } = await rank(profileOf(dataScienceCv));
    const old = ranked.find((r) => r.job.title === "Data Analyst");
    expect(old).toBeDefined();
    expect(old?.features.freshness.value).toBeLessThan(0.01);
  });

  it("drops or penalizes jobs asking for an excluded skill, as configured", async () => {
    const prefs = { excludeSkills: ["PyTorch"] };
    const penalized = await rank(profileOf(dataScienceCv, prefs));
    const ml = penalized.jobs.find((r) => r.job.title === "Machine Learning Engineer");
    expect(ml?.why.excludedSkills).toEqual(["PyTorch"]);
    expect(ml?.features.excludedSkills.contribution).toBeLessThan(0);

    const filtered = await rank(profileOf(dataScienceCv, prefs), {
      ...rankConfig,
      excludedSkills: "filter",
    });
    expect(filtered.jobs.map((r) => r.job.title)).not.toContain("Machine Learning Engineer");
  });

  it("moves jobs by salary, location and level preferences", async () => {
    const base = await rank(profileOf(dataScienceCv));
    const prefs = {
      minSalary: 160000,
      currency: "USD",
      locationModes: ["remote"],
      experienceLevel: "senior",
    };
    const withPrefs = await rank(profileOf(dataScienceCv, prefs));
    const hybrid = withPrefs.jobs.find((r) => r.job.title === "Machine Learning Engineer");
    expect(hybrid?.features.location.value).toBe(-1);
    expect(hybrid?.why.location).toMatch(/you want remote/);
    const senior = withPrefs.jobs.find((r) => r.job.title === "Senior Data Scientist");
    expect(senior?.features.salary.value).toBe(0.5);
    expect(senior?.features.seniority.value).toBe(1);
    const position = (list: typeof base.jobs, title: string) =>
      list.findIndex((r) => r.job.title === title);
    expect(position(withPrefs.jobs, "Machine Learning Engineer")).toBeGreaterThan(
      position(base.jobs, "Machine Learning Engineer"),
    );
  });

  it("weighs roles sought in the title match", async () => {
    const result = await rank(profileOf("", { roles: ["Backend Engineer"] }));
    expect(result.jobs[0]?.job.title).toBe("Backend Engineer (Go)");
    expect(result.jobs[0]?.why.title).toMatch(/Backend Engineer/);
  });

  it("finds jobs imported after the last embed by their keywords", async () => {
    const late = JSON.stringify({
      title: "Head Brewer",
      company: "Zymurgy Works",
      url: "https://example.org/jobs/brewer",
      description: "Run fermentation and zymurgy trials; lager and sour programs.",
    });
    await importPostings(handle.db, { content: late, fileName: "late.jsonl", now });
    const result = await rank(profileOf("Brewer with ten years of zymurgy and fermentation."));
    expect(result.jobs[0]?.job.title).toBe("Head Brewer");
    expect(result.jobs[0]?.why.retrieval).toMatch(/#1 by keywords/);
    expect(result.jobs[0]?.features.semantic.value).toBe(0);
  });

  it("refuses a profile with nothing to rank by", async () => {
    await expect(rank(profileOf(""))).rejects.toThrow(/no CV and no roles/);
  });
});

describe("embedJobs", () => {
  it("embeds only new or changed jobs, and everything again for another model", async () => {
    // Catch up with jobs imported by the tests above, then nothing is left to do.
    await embedJobs(handle.db, embedder);
    expect((await embedJobs(handle.db, embedder)).embedded).toBe(0);
    await handle.db
      .update(jobs)
      .set({ contentHash: "changed" })
      .where(eq(jobs.title, "Senior Accountant"));
    expect((await embedJobs(handle.db, embedder)).embedded).toBe(1);

    const other: Embedder = { ...embedder, modelId: "another-model", embed: embedder.embed };
    const again = await embedJobs(handle.db, other);
    const [{ live } = { live: 0 }] = await handle.db
      .select({ live: sql<number>`count(*)::int` })
      .from(jobs);
    expect(again.embedded).toBe(live);
    const result = await handle.db.execute(
      sql`SELECT count(DISTINCT model)::int AS n FROM job_embeddings`,
    );
    const [row] = resultRows<{ n: number }>(result);
    expect(row?.n).toBe(2);
  });
});

describe("searchJobs", () => {
  it("reads web-search syntax: phrases, or, and exclusions", async () => {
    const titles = async (query: string) => {
      const hits = await searchJobs(handle.db, query, 10);
      const rows = await handle.db.select({ id: jobs.id, title: jobs.title }).from(jobs);
      const byId = new Map(rows.map((r) => [r.id, r.title]));
      return hits.map((hit) => byId.get(hit.jobId));
    };
    expect(await titles("salesforce")).toEqual(["Account Executive, Mid-Market"]);
    expect((await titles("python -pytorch")).sort()).toEqual(
      ["Data Analyst", "Senior Data Scientist"].sort(),
    );
    expect(await titles('"registered nurse"')).toEqual(["Registered Nurse, Telehealth"]);
    expect((await titles("zendesk or netsuite")).length).toBe(2);
  });
});
