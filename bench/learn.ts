// npm run bench -- learn [--users N] [--ratings N]: the preference model (LSTM) on simulated
// people's rating histories over the bundled real postings: held-out RMSE against baselines,
// and training time per person.
import { parseArgs } from "node:util";
import { evaluateAdapter } from "../packages/core/src/learn/embedding-adapter.ts";
import { evaluateOnHeldOut } from "../packages/core/src/learn/evaluate-preferences.ts";
import { runUser } from "../packages/core/src/learn/simulate.ts";
import { simulatedWorld } from "../packages/core/src/learn/simulated-users.ts";
import { profileQueryVector } from "../packages/core/src/rank/rank-jobs.ts";
import { conditions, embeddedSample, printTable } from "./shared.ts";

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    users: { type: "string", default: "20" },
    ratings: { type: "string", default: "200" },
    seed: { type: "string", default: "1" },
  },
});
const users = Number(values.users);
const ratingsPerUser = Number(values.ratings);
const seed = Number(values.seed);

const { config, handle, embedder } = await embeddedSample();
const world = await simulatedWorld(handle.db, embedder, config.rank, { users, seed });
console.log(`learn bench: ${conditions()}`);
console.log(
  `${users} simulated people, ${ratingsPerUser} ratings each (the bandit's batches of 5), last 20% held out, over ${world.jobs.length} real jobs`,
);

const rows: (string | number)[][] = [
  ["person", "LSTM", "user mean", "linear on similarity", "taste model", "training s"],
];
const totals = { lstm: 0, mean: 0, linear: 0, taste: 0 };
const times: number[] = [];
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
    vector: r.traits.vector ?? new Float32Array(embedder.dimension),
    stars: r.stars,
    aspects: [],
    traits: r.traits,
    rankerMatch: r.rankerMatch,
  }));
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
  times.push(result.trainingMs / 1000);
  rows.push([
    user.id,
    result.lstm.toFixed(3),
    result.userMean.toFixed(3),
    result.linearOnSimilarity.toFixed(3),
    result.tasteModel.toFixed(3),
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
  (times.reduce((a, b) => a + b, 0) / n).toFixed(2),
]);
printTable(rows);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
console.log(
  `embedding adapter, held-out MRR of the first liked job by the profile's cosine (${reciprocal.before.length} people with a liked job held out): ${mean(reciprocal.before).toFixed(3)} before, ${mean(reciprocal.after).toFixed(3)} after`,
);
console.log(
  `training time per person (${Math.round(ratingsPerUser * 0.8)} ratings): max ${Math.max(...times).toFixed(2)} s`,
);
await (embedder as { close?: () => Promise<void> }).close?.();
await handle.close();
