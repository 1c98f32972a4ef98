// npm run bench -- learn [--users N] [--ratings N] [--seed S] [--whims W]: the preference
// model (LSTM) on simulated people's rating histories over the bundled real postings: held-out
// RMSE against baselines and against what the hidden taste allows, the embedding adapter's
// MRR change, and training time per person (on the older 80%, and on all ratings).
import { parseArgs } from "node:util";
import { evaluateAdapter } from "../packages/core/src/learn/embedding-adapter.ts";
import { evaluateOnHeldOut, rmse } from "../packages/core/src/learn/evaluate-preferences.ts";
import { trainPreferenceModel } from "../packages/core/src/learn/preference-lstm.ts";
import { runUser, starsByQuantile } from "../packages/core/src/learn/simulate.ts";
import { simulatedWorld } from "../packages/core/src/learn/simulated-users.ts";
import { profileQueryVector } from "../packages/core/src/rank/rank-jobs.ts";
import { conditions, embeddedSample, printTable } from "./shared.ts";

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    users: { type: "string", default: "20" },
    ratings: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
    whims: { type: "string", default: "1" },
  },
});
const users = Number(values.users);
const ratingsPerUser = Number(values.ratings);
const seed = Number(values.seed);
const whims = Number(values.whims);

const { config, handle, embedder } = await embeddedSample();
const world = await simulatedWorld(handle.db, embedder, config.rank, {
  users,
  seed,
  whims,
});
console.log(`learn bench: ${conditions()}`);
console.log(
  `${users} simulated people (whims ×${whims}), ${ratingsPerUser} ratings each (the bandit's batches of 5), last 20% held out, over ${world.jobs.length} real jobs`,
);
console.log(
  "floor: the hidden stars without their per-company and per-job whims, what a model reading the postings' facts could at best learn; hidden: the hidden stars themselves (only rating slips left)",
);

const rows: (string | number)[][] = [
  [
    "person",
    "LSTM",
    "user mean",
    "linear on similarity",
    "taste model",
    "floor",
    "hidden",
    "training s",
  ],
];
const totals = { lstm: 0, mean: 0, linear: 0, taste: 0, floor: 0, hidden: 0 };
const times: number[] = [];
const fullTimes: number[] = [];
const rmseOf = (predicted: readonly number[], actual: readonly number[]) =>
  rmse(predicted.map((p, i) => p - (actual[i] ?? 0)));
const reciprocal = { before: [] as number[], after: [] as number[] };
for (const user of world.users) {
  const run = await runUser({
    user,
    jobs: world.jobs,
    policy: "bandit",
    cycles: Math.ceil(ratingsPerUser / 5),
    batchSize: 5,
    seed,
  });
  const steps = run.ratings.slice(0, ratingsPerUser).map((r) => ({
    stars: r.stars,
    aspects: [],
    traits: r.traits,
    rankerMatch: r.rankerMatch,
  }));
  const heldOut = steps.slice(Math.round(steps.length * 0.8));
  const actual = heldOut.map((s) => s.stars);
  const floorStars = starsByQuantile(user.utilityWithoutWhims ?? user.utility);
  const hiddenStars = starsByQuantile(user.utility);
  const floor = rmseOf(
    heldOut.map((s) => floorStars.get(s.traits.jobId) ?? 3),
    actual,
  );
  const hidden = rmseOf(
    heldOut.map((s) => hiddenStars.get(s.traits.jobId) ?? 3),
    actual,
  );
  const profile = world.profiles.find((p) => p.id === user.id)?.profile;
  const query = profile ? await profileQueryVector(handle.db, embedder, profile) : null;
  const adapter = query ? await evaluateAdapter(query, steps) : null;
  if (adapter) {
    reciprocal.before.push(adapter.before);
    reciprocal.after.push(adapter.after);
  }
  const result = await evaluateOnHeldOut(steps);
  result.model.model.dispose();
  totals.lstm += result.lstm;
  totals.mean += result.userMean;
  totals.linear += result.linearOnSimilarity;
  totals.taste += result.tasteModel;
  totals.floor += floor;
  totals.hidden += hidden;
  times.push(result.trainingMs / 1000);
  const full = await trainPreferenceModel(steps);
  full.model.dispose();
  fullTimes.push(full.trainingMs / 1000);
  rows.push([
    user.id,
    result.lstm.toFixed(3),
    result.userMean.toFixed(3),
    result.linearOnSimilarity.toFixed(3),
    result.tasteModel.toFixed(3),
    floor.toFixed(3),
    hidden.toFixed(3),
    (result.trainingMs / 1000).toFixed(2),
  ]);
}
const n = world.users.length;
rows.push([
  "mean",
  (totals.lstm / n).toFixed(3),
  (totals.mean / n).toFixed(3),
  (totals.linear / n).toFixed(3),
  (totals.taste / n).toFixed(3),
  (totals.floor / n).toFixed(3),
  (totals.hidden / n).toFixed(3),
  (times.reduce((a, b) => a + b, 0) / n).toFixed(2),
]);
printTable(rows);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const changed = (sign: number) =>
  reciprocal.after.filter((after, i) => Math.sign(after - (reciprocal.before[i] ?? 0)) === sign)
    .length;
console.log(
  `embedding adapter, held-out MRR of the first liked job by the profile's cosine (${reciprocal.before.length} people with a liked job held out): ${mean(reciprocal.before).toFixed(3)} before, ${mean(reciprocal.after).toFixed(3)} after (better for ${changed(1)}, worse for ${changed(-1)}; ranking uses a person's adapter only where it was not worse)`,
);
console.log(
  `training time per person: ${Math.round(ratingsPerUser * 0.8)} ratings max ${Math.max(...times).toFixed(2)} s; all ${ratingsPerUser} ratings mean ${mean(fullTimes).toFixed(2)} s, max ${Math.max(...fullTimes).toFixed(2)} s`,
);
await (embedder as { close?: () => Promise<void> }).close?.();
await handle.close();
