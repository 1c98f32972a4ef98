import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { auraIn } from "./run-aura.ts";

/** `aura simulate`, `train`, `metrics` and `skills` as a person runs them, in their own folder. */
const dir = mkdtempSync(join(tmpdir(), "aura-learn-"));
const aura = auraIn(dir, 170_000);

describe("aura simulate, train and metrics", () => {
  beforeAll(async () => {
    const empty = await aura("simulate", "--users", "1", "--cycles", "1");
    // With no jobs yet: a clear message, no stack trace.
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/needs at least 50 jobs with vectors; there are 0/);
    expect(empty.stderr).not.toMatch(/\n\s+at /);
    const ingest = await aura("ingest", "--offline", "-s", "remoteok", "remotive", "jobicy");
    expect(ingest.code, ingest.stderr).toBe(0);
    const embed = await aura("embed");
    expect(embed.code, embed.stderr).toBe(0);
  }, 240_000);

  it("simulate --json reports every policy per cycle in the documented shape", async () => {
    const run = await aura("simulate", "--users", "2", "--cycles", "3", "--seed", "7", "--json");
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.policies.map((p: { name: string }) => p.name)).toEqual([
      "random",
      "ranker",
      "bandit",
      "dqn",
    ]);
    for (const policy of result.policies) {
      expect(policy.perCycle).toHaveLength(3);
      for (const cycle of policy.perCycle) {
        expect(Object.keys(cycle)).toEqual(
          expect.arrayContaining([
            "cycle",
            "meanStars",
            "shareAtLeast4",
            "cumulativeReward",
            "regret",
          ]),
        );
      }
    }
    // The same seed, the same run; a table for people without --json.
    const again = await aura(
      "simulate",
      "--users",
      "2",
      "--cycles",
      "3",
      "--seed",
      "7",
      "--policy",
      "ranker",
      "--json",
    );
    const ranker = JSON.parse(again.stdout).policies;
    expect(ranker).toHaveLength(1);
    expect(ranker[0].perCycle).toEqual(result.policies[1].perCycle);
    const table = await aura(
      "simulate",
      "--users",
      "1",
      "--cycles",
      "2",
      "--policy",
      "ranker",
      "bandit",
    );
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/1 simulated people × 2 batches of 5/);
    expect(table.stdout).toMatch(/bandit\s+reward/);
  }, 240_000);

  it("refuses an unknown policy, naming the known ones", async () => {
    const run = await aura("simulate", "--policy", "oracle");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown policy "oracle" \(known: random, ranker, bandit, dqn\)/);
  });

  it("train and metrics say plainly there is nothing yet, and metrics writes metrics.json", async () => {
    const train = await aura("train");
    expect(train.code, train.stderr).toBe(0);
    expect(train.stdout).toMatch(/Nobody has rated a job yet/);
    expect(JSON.parse((await aura("train", "--json")).stdout)).toEqual([]);

    const metrics = await aura("metrics", "--json");
    expect(metrics.code, metrics.stderr).toBe(0);
    expect(JSON.parse(metrics.stdout)).toMatchObject({ ratings: { count: 0 }, weeks: [] });
    const file = join(dir, "data", "metrics.json");
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8")).users).toEqual([]);
    expect((await aura("metrics")).stdout).toMatch(/No batches or ratings yet/);

    // No CV and no rating: the plan says what it needs.
    expect((await aura("skills")).stdout).toMatch(/No liked jobs and no CV to match yet/);
    expect(JSON.parse((await aura("skills", "--json")).stdout)).toMatchObject({
      likedJobs: 0,
      plan: [],
    });
  }, 120_000);

  it("skills reads the jobs closest to the CV before any rating", async () => {
    const cv = join(dir, "cv.txt");
    writeFileSync(
      cv,
      "Data Scientist\n\nPython, SQL, statistics, machine learning models in production.",
    );
    expect((await aura("profile", "set", "--cv", cv)).code).toBe(0);
    const run = await aura("skills", "--json");
    expect(run.code, run.stderr).toBe(0);
    const gap = JSON.parse(run.stdout);
    expect(gap.basis).toBe("matches");
    expect(gap.likedJobs).toBe(20);
    expect(gap.plan.length).toBeGreaterThan(0);
    for (const item of gap.plan) {
      expect(gap.cvSkills).not.toContain(item.skill);
      expect(item.why).toMatch(/of the 20 jobs closest to your profile/);
      expect(item.unlocks.length).toBeGreaterThan(0);
    }
  }, 120_000);

  it("apply writes a CV and letter in each format, from the CV only, and says so", async () => {
    const [top] = JSON.parse((await aura("rank", "--top", "1", "--json")).stdout);
    const jobId = String(top.id);
    const out = join(dir, "out");
    const run = await aura("apply", jobId, "--format", "all", "--out", out, "--template", "modern");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/guard every fact is in your CV/);
    const files = run.stdout.match(/wrote (.+)$/gm)?.map((line) => line.slice(6)) ?? [];
    expect(files.map((f) => f.slice(f.lastIndexOf("."))).sort()).toEqual([
      ".docx",
      ".docx",
      ".md",
      ".md",
      ".pdf",
      ".pdf",
    ]);
    for (const file of files) expect(existsSync(file), file).toBe(true);
    const pdf = files.find((f) => f.endsWith(".pdf")) ?? "";
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const letter = readFileSync(files.find((f) => /Cover letter.*\.md$/.test(f)) ?? "", "utf8");
    expect(letter).toContain(top.company);

    const json = JSON.parse(
      (await aura("apply", jobId, "--format", "md", "--out", out, "--json")).stdout,
    );
    expect(json[0]).toMatchObject({ jobId: Number(jobId), status: "draft" });
    expect(json[0].generation.flags).toEqual([]);
    const bad = await aura("apply", "12x");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"12x" is not a job id/);
    const missing = await aura("apply", "99999999");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no job 99999999/);
  }, 120_000);
});
