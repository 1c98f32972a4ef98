// npm run bench -- apply [--cvs DIR] [--jobs N]: offline generation time per application (a
// tailored CV and cover letter, each in Markdown, PDF and DOCX) for real CVs against the
// bundled real postings, each CV's closest jobs. Target: ≤ 2 s per application.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateApplications } from "../packages/core/src/apply/applications.ts";
import {
  DOCUMENT_FORMATS,
  renderApplicationDocument,
} from "../packages/core/src/apply/documents.ts";
import { ensureUser, getProfile, saveProfile } from "../packages/core/src/profile/profile-store.ts";
import { rankJobs } from "../packages/core/src/rank/rank-jobs.ts";
import { conditions, embeddedSample, percentile, printTable } from "./shared.ts";

const { values } = parseArgs({
  args: process.argv.slice(3),
  options: {
    cvs: { type: "string" },
    jobs: { type: "string", default: "5" },
    limit: { type: "string", default: "12" },
  },
});
const sharedCvs = join(import.meta.dirname, "../../shared/data/cvs/text");
const cvDir =
  values.cvs ?? (existsSync(sharedCvs) ? sharedCvs : join(import.meta.dirname, "../eval/personas"));
const cvFiles = readdirSync(cvDir)
  .filter((f) => /\.(txt|md)$/.test(f) && f !== "README.md")
  .sort()
  .slice(0, Number(values.limit));

const { config, handle, embedder } = await embeddedSample();
console.log(`apply bench: ${conditions()}`);
console.log(
  `${cvFiles.length} CVs from ${cvDir}, ${values.jobs} closest jobs each; per application: CV + letter, md + pdf + docx`,
);

const first: number[] = [];
const warm: number[] = [];
const generateOnly: number[] = [];
let flags = 0;
let applications = 0;
for (const file of cvFiles) {
  const userId = file.replace(/\W+/g, "-");
  await ensureUser(handle.db, userId, `Person ${userId}`);
  await saveProfile(handle.db, userId, {
    cv: { text: readFileSync(join(cvDir, file), "utf8"), fileName: file },
  });
  const profile = await getProfile(handle.db, userId);
  if (!profile) continue;
  const ranked = await rankJobs(handle.db, embedder, profile, {
    config: config.rank,
    top: Number(values.jobs),
  });
  let index = 0;
  for (const { job } of ranked.jobs) {
    const started = performance.now();
    const [application] = await generateApplications(
      handle.db,
      embedder,
      userId,
      { jobIds: [job.id] },
      { config: config.apply },
    );
    if (!application) continue;
    generateOnly.push(application.generation.ms);
    for (const kind of ["cv", "letter"] as const) {
      for (const format of DOCUMENT_FORMATS) {
        await renderApplicationDocument(application, kind, format, {
          template: "classic",
          pageSize: "a4",
        });
      }
    }
    const ms = performance.now() - started;
    (index === 0 ? first : warm).push(ms);
    flags += application.generation.flags.length;
    applications++;
    index++;
  }
}

const row = (label: string, list: number[]) => [
  label,
  list.length,
  percentile(list, 50).toFixed(0),
  percentile(list, 95).toFixed(0),
  Math.max(...list).toFixed(0),
];
printTable([
  ["ms per application", "n", "median", "p95", "max"],
  row("first for a CV (embeds its lines)", first),
  row("next ones", warm),
  row("writing + guard only (all)", generateOnly),
]);
console.log(
  `${applications} applications, ${flags} guard flags (the offline writer states only CV facts: expect 0)`,
);
await handle.close();
