import { describe, expect, it } from "vitest";
import { fitLinearModel, predictMean, predictSpread, sampleWeights } from "./linear-model.ts";
import { fitTasteModel, type PoolJob, selectBatch } from "./policy.ts";
import { seededRandom } from "./random.ts";
import { jobReward, STAGE_REWARD, starReward } from "./reward.ts";
import { runSimulation, type SimulatedUser } from "./simulate.ts";
import { type JobTraits, type RatedJob, TASTE_FEATURES, TasteEvidence } from "./taste.ts";

function unit(values: number[]): Float32Array {
  const norm = Math.sqrt(values.reduce((a, b) => a + b * b, 0)) || 1;
  return Float32Array.from(values, (v) => v / norm);
}

/** A small world of jobs in 4 fields (directions), with skills, modes and pay. */
function world(count: number, seed = 1): JobTraits[] {
  const random = seededRandom(seed);
  const skills = ["go", "rust", "sql", "react", "figma", "excel", "sales", "python"];
  const modes = ["remote", "hybrid", "onsite", "unknown"] as const;
  return Array.from({ length: count }, (_, i) => {
    const field = i % 4;
    const v = Array.from({ length: 16 }, (_, d) => (d === field ? 1 : 0) + 0.35 * random.normal());
    return {
      jobId: i + 1,
      vector: unit(v),
      skills: [skills[(field * 2) % 8] as string, skills[random.below(8)] as string],
      companyKey: `company-${random.below(30)}`,
      remote: modes[random.below(4)] ?? "unknown",
      seniority: random.next() < 0.5 ? "senior" : "mid",
      salaryUsd: random.next() < 0.5 ? 50_000 + random.below(100_000) : null,
    };
  });
}

const rated = (traits: JobTraits, reward: number, rankerMatch = 0.5): RatedJob => ({
  traits,
  reward,
  rankerMatch,
});

describe("reward scale", () => {
  it("puts an interview above any rating and an offer above all", () => {
    expect(starReward(1)).toBe(0);
    expect(starReward(5)).toBe(1);
    expect(STAGE_REWARD.interview1).toBeGreaterThan(starReward(5));
    const stages = Object.values(STAGE_REWARD);
    expect(Math.max(...stages)).toBe(STAGE_REWARD.offer);
    // The furthest stage counts, not the sum of the steps to it.
    expect(jobReward(4, ["applied", "interview1", "interview2", "rejected"])).toBe(
      starReward(4) + STAGE_REWARD.interview2,
    );
  });
});

describe("Bayesian linear model", () => {
  it("is its prior without data and recovers the weights behind noisy data", () => {
    const prior = fitLinearModel([], [], { priorMean: [0.5, 1], priorPrecision: [1, 1] });
    expect(predictMean(prior, [1, 2])).toBeCloseTo(2.5, 6);

    const random = seededRandom(3);
    const rows: number[][] = [];
    const targets: number[] = [];
    for (let i = 0; i < 400; i++) {
      const x = [1, random.normal(), random.normal()];
      rows.push(x);
      targets.push(0.3 + 2 * (x[1] ?? 0) - 1 * (x[2] ?? 0) + 0.1 * random.normal());
    }
    const model = fitLinearModel(rows, targets, {
      priorMean: [0, 0, 0],
      priorPrecision: [1, 1, 1],
    });
    expect(model.mean[0]).toBeCloseTo(0.3, 1);
    expect(model.mean[1]).toBeCloseTo(2, 1);
    expect(model.mean[2]).toBeCloseTo(-1, 1);
    expect(model.noiseVariance).toBeLessThan(0.05);
    // More data, less doubt; samples scatter around the mean.
    expect(predictSpread(model, [1, 1, 1])).toBeLessThan(predictSpread(prior, [1, 1]));
    const draws = Array.from({ length: 200 }, () => sampleWeights(model, random)[1] ?? 0);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeCloseTo(2, 1);
    expect(new Set(draws).size).toBeGreaterThan(100);
  });
});

describe("taste evidence", () => {
  it("reads a liked skill and company, and leaves a job's own rating out of its features", () => {
    const jobs = world(40);
    const history = jobs.slice(0, 20).map((job) => rated(job, job.skills.includes("go") ? 1 : 0));
    const evidence = new TasteEvidence(history);
    const skills = TASTE_FEATURES.indexOf("skills");
    const withGo = jobs.slice(20).find((job) => job.skills.includes("go"));
    const without = jobs.slice(20).find((job) => !job.skills.includes("go"));
    if (!withGo || !without) throw new Error("world lacks a field");
    expect(evidence.features(withGo, 0.5)[skills]).toBeGreaterThan(0);
    expect(evidence.features(withGo, 0.5)[skills]).toBeGreaterThan(
      evidence.features(without, 0.5)[skills] ?? 0,
    );

    // One rated job alone: with its own rating left out there is no evidence about it.
    const single = new TasteEvidence([rated(withGo, 1)]);
    const own = single.features(withGo, 0.5, 0);
    for (const name of ["nearRated", "skills", "company", "workMode", "level"] as const) {
      expect(own[TASTE_FEATURES.indexOf(name)]).toBe(0);
    }
  });
});

describe("selectBatch", () => {
  const jobs = world(60);
  const pool: PoolJob[] = jobs.map((traits, i) => ({ traits, rankerMatch: 1 - i / 100 }));

  it("ranks as the ranker until the person has rated a few jobs", () => {
    const picks = selectBatch({
      pool,
      rated: [],
      size: 5,
      policy: "bandit",
      random: seededRandom(1),
    });
    expect(picks.map((p) => p.jobId)).toEqual([1, 2, 3, 4, 5]);
    expect(picks.every((p) => !p.stretch)).toBe(true);
  });

  it("learns a field the ranker does not favour, with at most one explained stretch pick", () => {
    // The person loves field 2 (jobs 3, 7, 11...) and dislikes the rest.
    const history = jobs.slice(40).map((job) => rated(job, (job.jobId - 1) % 4 === 2 ? 1 : 0));
    const candidates = pool.slice(0, 40);
    const picks = selectBatch({
      pool: candidates,
      rated: history,
      size: 5,
      policy: "bandit",
      random: seededRandom(2),
    });
    const best = picks.filter((p) => !p.stretch);
    expect(best.length).toBeGreaterThanOrEqual(4);
    expect(best.every((p) => (p.jobId - 1) % 4 === 2)).toBe(true);
    expect(picks.filter((p) => p.stretch).length).toBeLessThanOrEqual(1);
    for (const p of picks.filter((p) => p.stretch)) expect(p.reason).toMatch(/^Stretch pick/);
    const { model } = fitTasteModel(history);
    expect(model.examples).toBe(history.length);
  });
});

describe("runSimulation", () => {
  const jobs = world(400, 5);
  const avoided = ["rust", "react", "excel", "python"];
  const users: SimulatedUser[] = [1, 2, 3, 4, 5, 6].map((id) => {
    const field = id % 4;
    const other = (id + 1) % 4;
    const random = seededRandom(100 + id);
    return {
      id,
      // Hidden taste: the user's field, a second field the CV does not show, a skill they
      // avoid, remote work, noise.
      utility: new Map(
        jobs.map((job) => [
          job.jobId,
          (job.vector?.[field] ?? 0) +
            0.8 * (job.vector?.[other] ?? 0) -
            (job.skills.includes(avoided[id % avoided.length] ?? "") ? 0.5 : 0) +
            (job.remote === "remote" ? 0.3 : 0) +
            0.1 * random.normal(),
        ]),
      ),
      // The ranker sees only the field.
      rankerMatch: new Map(jobs.map((job) => [job.jobId, job.vector?.[field] ?? 0])),
    };
  });
  const options = { users, jobs, cycles: 10, batchSize: 5, seed: 9 } as const;

  it("reports every policy per cycle in the documented shape, the same for the same seed", async () => {
    const result = await runSimulation({ ...options, policies: ["random", "ranker", "bandit"] });
    expect(result.policies.map((p) => p.name)).toEqual(["random", "ranker", "bandit"]);
    for (const policy of result.policies) {
      expect(policy.perCycle.map((c) => c.cycle)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const c of policy.perCycle) {
        expect(Object.keys(c).sort()).toEqual(
          ["cumulativeReward", "cycle", "meanStars", "regret", "shareAtLeast4"].sort(),
        );
        expect(c.meanStars).toBeGreaterThanOrEqual(1);
        expect(c.meanStars).toBeLessThanOrEqual(5);
        // Regret is against the best unseen jobs: never below zero.
        expect(c.regret).toBeGreaterThanOrEqual(-1e-9);
      }
      const cumulative = policy.perCycle.map((c) => c.cumulativeReward);
      expect([...cumulative].sort((a, b) => a - b)).toEqual(cumulative);
    }
    expect(await runSimulation({ ...options, policies: ["random", "ranker", "bandit"] })).toEqual(
      result,
    );
  });

  it("the bandit ends ahead of ranker-only, and ranker-only ahead of random", async () => {
    const result = await runSimulation({ ...options, policies: ["random", "ranker", "bandit"] });
    const final = (name: string) =>
      result.policies.find((p) => p.name === name)?.finalReward.mean ?? 0;
    expect(final("ranker")).toBeGreaterThan(final("random"));
    expect(final("bandit")).toBeGreaterThan(final("ranker"));
    const bandit = result.policies.find((p) => p.name === "bandit");
    expect(bandit?.gainOverRanker).toBeGreaterThan(0);
    expect(bandit?.leadLate?.mean).toBeGreaterThan(0);
  });

  it("runs the DQN policy beside the others: it learns past random, regret never negative", async () => {
    const result = await runSimulation({ ...options, policies: ["random", "dqn"] });
    const [random, dqn] = result.policies;
    expect(dqn?.name).toBe("dqn");
    for (const c of dqn?.perCycle ?? []) expect(c.regret).toBeGreaterThanOrEqual(-1e-9);
    expect(dqn?.finalReward.mean).toBeGreaterThan(random?.finalReward.mean ?? 0);
  }, 60_000);
});
