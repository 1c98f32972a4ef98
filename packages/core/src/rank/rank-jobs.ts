import type { RankConfig, RankWeights } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { jobs as jobsTable } from "../db/schema.ts";
import { embedLong } from "../embed/chunk.ts";
import type { Embedder } from "../embed/embedder.ts";
import { jobVectors, openVectorSearch, type VectorSearch } from "../embed/vector-search.ts";
import { AppError } from "../errors.ts";
import {
  idIn,
  type JobRow,
  jobSummaryColumns,
  linksOf,
  type StoredJob,
} from "../jobs/store/list-jobs.ts";
import type { Profile } from "../profile/profile-store.ts";
import { cacheCvVector, cvVectorFor, getCachedCvVector } from "../profile/profile-store.ts";
import { dot } from "../shared/vectors.ts";
import { extractSkills, normalizeSkill } from "../skills/extract-skills.ts";
import { jobSkillText, skillsOfJob, textIfSkillsStale } from "../skills/job-skills.ts";
import {
  companyTypeFit,
  type Fit,
  freshness,
  locationFit,
  salaryFit,
  seniorityFit,
} from "./job-fit.ts";
import { currentLexicalIndex } from "./lexical-index.ts";
import {
  bm25Search,
  ensureTermStats,
  queryTermCounts,
  weighQueryTerms,
  weightedQueryTerms,
} from "./lexical-search.ts";
import type { FeatureScore, Why } from "./ranked-job-schema.ts";
import { cvWordCounts, titleMatch } from "./title-match.ts";

export type FeatureName = keyof RankWeights;

/**
 * Vectors re-projected into one person's space, unit length: their embedding adapter
 * (learn/embedding-adapter.ts), which the caller loads.
 */
export type EmbeddingProjection = (vectors: readonly Float32Array[]) => Float32Array[];

export type { FeatureScore, PickWhy } from "./ranked-job-schema.ts";

export interface RankedJob {
  /** The job's row; `description` is empty unless scoring had to read it (use getJob). */
  job: StoredJob;
  score: number;
  features: Record<FeatureName, FeatureScore>;
  /** The reasons; `pick` is set for jobs in batches (learn/choose-batch.ts). */
  why: Why;
}

export interface RankResult {
  jobs: RankedJob[];
  /** Live jobs considered by retrieval. */
  candidates: number;
  vectorSearch: VectorSearch["kind"];
  model: string;
}

export interface RankOptions {
  config: RankConfig;
  /** How many ranked jobs to return. */
  top: number;
  now?: Date;
  /** Reuse an open vector search (the API keeps one per process). */
  vectorSearch?: VectorSearch;
  /**
   * The data folder, where the pipeline saves its in-process indexes: BM25's (used while it
   * matches the database, else BM25 runs in SQL) and, without pgvector, the vectors'.
   */
  cacheDir?: string;
  /** Jobs left out (those the person has already rated); retrieval reaches further to make up. */
  excludeJobIds?: ReadonlySet<number>;
  /** Jobs to score as candidates too, and return beyond `top` (the batch policy's extra picks). */
  alsoScore?: readonly number[];
  /** The person's embedding adapter: the meaning feature is then read in its space. */
  adapter?: EmbeddingProjection;
}

/**
 * CV text read for ranking: about 15 pages. A bigger upload (a thesis, a dump) would make
 * every ranking embed and count it all, holding the server for minutes.
 */
const MAX_PROFILE_CHARS = 30_000;

/** The text the person is ranked by: the roles sought, then the CV. */
function profileQueryText(profile: Profile): string {
  return [profile.preferences.roles.join(". "), profile.cvText.slice(0, MAX_PROFILE_CHARS)]
    .filter(Boolean)
    .join("\n\n");
}

/** The person's query vector, as ranking reads it (cached per CV text). */
export async function profileQueryVector(
  db: Database,
  embedder: Embedder,
  profile: Profile,
): Promise<Float32Array> {
  const queryText = profileQueryText(profile);
  const lexicalText = [queryText, profile.preferences.includeSkills.join(", ")].join("\n");
  return profileVector(db, embedder, profile, queryText || lexicalText);
}

const MAX_MISSING_SKILLS = 8;

/** The score of a job with every feature at its best: 1 × its weight, the penalty at 0. */
export function bestPossibleScore(weights: RankWeights): number {
  return (Object.keys(weights) as FeatureName[])
    .filter((name) => name !== "excludedSkills")
    .reduce((sum, name) => sum + weights[name], 0);
}

/**
 * The person's query vector: the CV (chunked and pooled) with the roles sought, cached with the
 * profile (the one read with it, else the stored one).
 */
async function profileVector(
  db: Database,
  embedder: Embedder,
  profile: Profile,
  queryText: string,
): Promise<Float32Array> {
  const cached =
    profile.cvVector === undefined
      ? await getCachedCvVector(db, profile.userId, embedder.modelId, queryText)
      : cvVectorFor(profile.cvVector, embedder.modelId, queryText);
  if (cached) return cached;
  const [vector] = await embedLong(embedder, [queryText]);
  const result = vector ?? new Float32Array(embedder.dimension);
  await cacheCvVector(db, profile.userId, embedder.modelId, queryText, result);
  return result;
}

function minMax(values: Map<number, number>): (id: number) => number {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const value of values.values()) {
    low = Math.min(low, value);
    high = Math.max(high, value);
  }
  const span = high - low;
  return (id) => {
    const value = values.get(id);
    if (value === undefined) return 0;
    return span > 0 ? (value - low) / span : 1;
  };
}

/** Whole-word, case-insensitive test for a skill the vocabulary does not know. */
function mentions(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "iu").test(text);
}

/**
 * Ranks the live jobs for one person: candidates from BM25 over the CV's telling terms and from
 * the nearest vectors, blended, then scored by named, weighted, explained features.
 */
export async function rankJobs(
  db: Database,
  embedder: Embedder,
  profile: Profile,
  options: RankOptions,
): Promise<RankResult> {
  const prefs = profile.preferences;
  const { config } = options;
  const weights = config.weights;
  const now = options.now ?? new Date();
  const roles = prefs.roles;
  const queryText = profileQueryText(profile);
  if (queryText.trim() === "" && prefs.includeSkills.length === 0) {
    throw new AppError(
      "invalid_input",
      "The profile has no CV and no roles to rank by: set a CV (aura profile set --cv FILE) " +
        "or roles in the preferences.",
      { field: "cv" },
    );
  }
  const lexicalText = [queryText, prefs.includeSkills.join(", ")].join("\n");

  const excluded = options.excludeJobIds ?? new Set<number>();
  const reach = config.candidates + excluded.size;
  // The two retrievers are independent: on a server their queries run side by side.
  const lexicalSide = async () => {
    const stats = await ensureTermStats(db);
    const index = options.cacheDir ? await currentLexicalIndex(db, options.cacheDir, stats) : null;
    // With the index current, its postings give the document frequencies.
    const terms = index
      ? weighQueryTerms(
          await queryTermCounts(db, lexicalText, roles),
          (term) => index.documentFrequency(term),
          index.docCount,
        )
      : await weightedQueryTerms(db, lexicalText, roles, stats);
    const hits = index ? index.search(terms, reach) : await bm25Search(db, terms, reach);
    return hits.filter((hit) => !excluded.has(hit.jobId));
  };
  const semanticSide = async () => {
    const search =
      options.vectorSearch ??
      (await openVectorSearch(db, embedder.modelId, embedder.dimension, {
        cacheDir: options.cacheDir,
      }));
    const query = await profileVector(db, embedder, profile, queryText || lexicalText);
    const hits = (await search.search(query, reach)).filter((hit) => !excluded.has(hit.jobId));
    return { search, query, hits };
  };
  const [lexical, { search, query, hits: semantic }] = await Promise.all([
    lexicalSide(),
    semanticSide(),
  ]);

  const lexicalRank = new Map(lexical.map((hit, i) => [hit.jobId, i + 1]));
  const semanticRank = new Map(semantic.map((hit, i) => [hit.jobId, i + 1]));
  const also = new Set((options.alsoScore ?? []).filter((id) => !excluded.has(id)));
  const ids = [
    ...new Set([...lexical.map((h) => h.jobId), ...semantic.map((h) => h.jobId), ...also]),
  ];

  // Every candidate's cosine, including those only BM25 found.
  const similarity = new Map(semantic.map((hit) => [hit.jobId, hit.similarity]));
  const missingVectors = ids.filter((id) => !similarity.has(id));
  if (missingVectors.length > 0) {
    for (const [id, value] of await search.similarities(query, missingVectors)) {
      similarity.set(id, value);
    }
  }
  if (options.adapter) {
    // The person's adapter reads meaning in its own space: query and candidates re-projected.
    const loaded =
      search.vectorsOf?.(ids) ?? (await jobVectors(db, embedder.modelId, embedder.dimension, ids));
    const [adaptedQuery] = options.adapter([query]);
    const rows = options.adapter(
      loaded.ids.map((_, i) =>
        loaded.matrix.subarray(i * embedder.dimension, (i + 1) * embedder.dimension),
      ),
    );
    for (const [i, id] of loaded.ids.entries()) {
      similarity.set(id, adaptedQuery ? dot(adaptedQuery, rows[i] as Float32Array) : 0);
    }
  }
  const semanticScaled = minMax(similarity);

  // Fusion is a blend of the two retrievers' scores, each scaled to 0..1 over the candidates:
  // the `keywords` and `semantic` features. On labelled postings this beat reciprocal-rank
  // fusion, which gives the weaker retriever (the encoder) as much say as BM25.
  const lexicalScaled = minMax(new Map(lexical.map((hit) => [hit.jobId, hit.score])));

  const jobs = await candidateJobs(
    db,
    ids,
    prefs.includeSkills.length + prefs.excludeSkills.length > 0,
  );
  const cvSkills = new Set(extractSkills(profile.cvText.slice(0, MAX_PROFILE_CHARS)));
  const include = prefs.includeSkills.map((raw) => ({ raw, name: normalizeSkill(raw) ?? raw }));
  const exclude = prefs.excludeSkills.map((raw) => ({ raw, name: normalizeSkill(raw) ?? raw }));
  const cvCounts = cvWordCounts(queryText);

  const bestScore = bestPossibleScore(weights);
  const ranked: (Omit<RankedJob, "job"> & { job: JobRow })[] = [];
  for (const job of jobs) {
    const text = jobSkillText(job);
    const jobSkills = skillsOfJob(job);
    const jobSkillSet = new Set(jobSkills);
    const has = (skill: { raw: string; name: string }) =>
      jobSkillSet.has(skill.name) || mentions(text, skill.raw);
    const excludedFound = exclude.filter(has).map((s) => s.name);
    if (excludedFound.length > 0 && config.excludedSkills === "filter") continue;

    const includedFound = include.filter(has).map((s) => s.name);
    const matchedSkills = [
      ...new Set([...includedFound, ...jobSkills.filter((skill) => cvSkills.has(skill))]),
    ];
    const missingSkills = jobSkills
      .filter((skill) => !cvSkills.has(skill) && !includedFound.includes(skill))
      .filter((skill) => !excludedFound.includes(skill))
      .slice(0, MAX_MISSING_SKILLS);
    const skillsValue =
      include.length > 0
        ? includedFound.length / include.length
        : jobSkills.length === 0
          ? 0
          : matchedSkills.length / Math.max(3, jobSkills.length);

    const title = titleMatch(job.title, roles, cvCounts);
    const salary = salaryFit(job, prefs);
    const location = locationFit(job, prefs);
    const seniority = seniorityFit(job, prefs.experienceLevel);
    const companyType = companyTypeFit(job, prefs.companyTypes);
    const fresh = freshness(job, now, config.freshnessHalfLifeDays);

    const values: Record<FeatureName, number> = {
      keywords: lexicalScaled(job.id),
      semantic: semanticScaled(job.id),
      title: title.value,
      skills: skillsValue,
      excludedSkills: excludedFound.length > 0 ? -1 : 0,
      salary: salary.value,
      location: location.value,
      seniority: seniority.value,
      companyType: companyType.value,
      freshness: fresh.value,
    };
    const features = {} as Record<FeatureName, FeatureScore>;
    let score = 0;
    for (const name of Object.keys(values) as FeatureName[]) {
      const value = round(values[name]);
      const weight = weights[name];
      const contribution = round(value * weight);
      features[name] = { value, weight, contribution };
      score += contribution;
    }
    const l = lexicalRank.get(job.id);
    const s = semanticRank.get(job.id);
    ranked.push({
      job,
      score: round(score),
      features,
      why: {
        summary: summarize(features, { matchedSkills, excludedFound, title, salary, location }),
        matchedSkills,
        missingSkills,
        excludedSkills: excludedFound,
        title: title.verdict,
        titleMatches: title.value >= 0.5,
        salary: salary.verdict,
        location: location.verdict,
        seniority: seniority.verdict,
        companyType: companyType.verdict,
        freshness: fresh.verdict,
        match: bestScore > 0 ? round(Math.min(1, Math.max(0, score / bestScore))) : 0,
        retrieval: [
          l ? `#${l} by keywords` : "not in the keyword matches",
          s
            ? `#${s} by meaning (cosine ${round(similarity.get(job.id) ?? 0)})`
            : "not among the nearest by meaning",
        ].join(", "),
      },
    });
  }
  ranked.sort((a, b) => b.score - a.score || a.job.id - b.job.id);
  const limit = Math.max(1, options.top);
  const top = ranked.filter((item, i) => i < limit || also.has(item.job.id));
  // The board links of the jobs returned only; their rows as lists show them (no description).
  const links = await linksOf(
    db,
    top.map((item) => item.job.id),
  );
  return {
    jobs: top.map((item) => ({
      ...item,
      job: { ...item.job, description: "", sources: links.get(item.job.id) ?? [] },
    })),
    candidates: ids.length,
    vectorSearch: search.kind,
    model: embedder.modelId,
  };
}

/**
 * The candidates' rows, read once: what scoring reads and what the ranked jobs show. Descriptions
 * are long, so they are read only where scoring needs them: for every job when skills the
 * vocabulary may not know are searched in the text, else for jobs whose stored skills are stale.
 */
function candidateJobs(db: Database, ids: number[], searchText: boolean): Promise<JobRow[]> {
  return db
    .select({
      ...jobSummaryColumns,
      description: searchText ? jobsTable.description : textIfSkillsStale,
    })
    .from(jobsTable)
    .where(idIn(jobsTable.id, ids));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function summarize(
  features: Record<FeatureName, FeatureScore>,
  facts: {
    matchedSkills: string[];
    excludedFound: string[];
    title: { verdict: string };
    salary: Fit;
    location: Fit;
  },
): string {
  const parts: string[] = [];
  if (features.title.value >= 0.5) parts.push(facts.title.verdict);
  if (facts.matchedSkills.length > 0) {
    parts.push(`skills you have: ${facts.matchedSkills.slice(0, 5).join(", ")}`);
  }
  if (facts.excludedFound.length > 0) parts.push(`asks for ${facts.excludedFound.join(", ")}`);
  if (facts.salary.value !== 0) parts.push(facts.salary.verdict);
  if (facts.location.value !== 0) parts.push(facts.location.verdict);
  if (parts.length === 0) parts.push("close to your CV in wording and meaning");
  return parts.join("; ");
}
