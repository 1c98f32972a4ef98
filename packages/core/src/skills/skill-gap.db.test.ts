import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateJob } from "../batch/ratings.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { jobs } from "../db/schema.ts";
import { userMetrics } from "../metrics/user-metrics.ts";
import { importPostings } from "../pipeline/import-postings.ts";
import { saveProfile } from "../profile/profile-store.ts";
import { dataScienceCv, rankTestPostingsJsonl } from "../rank/rank-test-postings.ts";
import { createTestDatabase } from "../testing/test-database.ts";
import { recordOutcome } from "../track/outcomes.ts";
import { refreshJobSkills } from "./job-skills.ts";
import { skillGap } from "./skill-gap.ts";

let handle: DatabaseHandle;
const idOf = new Map<string, number>();

beforeAll(async () => {
  handle = await createTestDatabase();
  await importPostings(handle.db, { content: rankTestPostingsJsonl, fileName: "jobs.jsonl" });
  // The pipeline stores each job's skills (demand is counted from them).
  await refreshJobSkills(handle.db);
  for (const row of await handle.db.select({ id: jobs.id, title: jobs.title }).from(jobs)) {
    idOf.set(row.title, row.id);
  }
  await saveProfile(handle.db, "dana", { cv: { text: dataScienceCv, fileName: "cv.txt" } });
});

afterAll(async () => {
  await handle?.close();
});

const id = (title: string) => {
  const value = idOf.get(title);
  if (!value) throw new Error(`no job ${title}`);
  return value;
};

describe("skillGap", () => {
  it("is empty, with an index of 0, before any liked job", async () => {
    const gap = await skillGap(handle.db, "dana");
    expect(gap).toMatchObject({ likedJobs: 0, index: 0, weeks: [], plan: [] });
    expect(gap.cvSkills).toEqual(expect.arrayContaining(["Python", "SQL", "PyTorch"]));
  });

  it("plans the skills of liked and interviewing jobs the CV lacks, not those of disliked ones", async () => {
    const db = handle.db;
    // Liked: the ML engineer job (an interview too) and the data analyst job. Disliked: the Go
    // backend job, whose Kubernetes must not be planned.
    await rateJob(db, "dana", { jobId: id("Machine Learning Engineer"), stars: 5 });
    await rateJob(db, "dana", { jobId: id("Data Analyst"), stars: 4 });
    await rateJob(db, "dana", { jobId: id("Backend Engineer (Go)"), stars: 1 });
    await recordOutcome(db, "dana", {
      jobId: id("Machine Learning Engineer"),
      stage: "interview1",
    });

    const gap = await skillGap(db, "dana");
    expect(gap.likedJobs).toBe(2);
    const planned = gap.plan.map((item) => item.skill);
    // ML engineer: Deep Learning, Apache Spark, Apache Airflow, AWS missing; analyst: Tableau.
    expect(planned.length).toBe(5);
    expect(planned).toEqual(
      expect.arrayContaining(["Deep Learning", "Apache Spark", "AWS", "Tableau"]),
    );
    for (const skill of ["Python", "SQL", "PyTorch", "Kubernetes", "Go"])
      expect(planned).not.toContain(skill);
    // The interview lifts the ML engineer's skills above the analyst's.
    expect(planned.indexOf("Tableau")).toBeGreaterThan(planned.indexOf("Deep Learning"));
    const deep = gap.plan.find((item) => item.skill === "Deep Learning");
    expect(deep).toMatchObject({ likedJobs: 1, interviewJobs: 1, dislikedJobs: 0 });
    expect(deep?.unlocks).toEqual([
      {
        jobId: id("Machine Learning Engineer"),
        title: "Machine Learning Engineer",
        company: expect.any(String),
      },
    ]);
    expect(deep?.why).toMatch(/1 of the 2 jobs you liked \(1 reached an interview\)/);
    expect(deep?.demand).toBeCloseTo(0.1, 6); // 1 of the 10 live jobs

    // Index: of the liked jobs' 10 skill mentions, 5 are missing from the CV.
    expect(gap.index).toBe(0.5);
    expect(gap.weeks).toHaveLength(1);
    expect(gap.weeks[0]?.index).toBe(0.5);
    // The weekly metrics carry the same index.
    const metrics = await userMetrics(db, "dana");
    expect(metrics.weeks.at(-1)?.skillGapIndex).toBe(0.5);
  });
});
