import { eq } from "drizzle-orm";
import type { ApplyConfig } from "../config/config.ts";
import type { Database } from "../db/client.ts";
import { jobs, users } from "../db/schema.ts";
import { cosine, type Embedder } from "../embed/embedder.ts";
import { jobEmbeddingText } from "../embed/job-text.ts";
import { jobVectors } from "../embed/vector-search.ts";
import { AppError } from "../errors.ts";
import { getProfile, textHash } from "../profile/profile-store.ts";
import { extractSkills } from "../skills/extract-skills.ts";
import { detectLanguage, type LetterLanguage } from "./language.ts";
import { writeWithLlm } from "./llm-writer.ts";
import {
  allowedPhrases,
  type Provenance,
  templateText,
  type WriterInput,
  writeOffline,
} from "./offline-writer.ts";
import { type ParsedCv, parseCv } from "./parse-cv.ts";
import { buildEvidence, type GuardFlag, guardMarkdown } from "./truth-guard.ts";

export type WriterName = ApplyConfig["writer"];

export interface DocumentFlag extends GuardFlag {
  document: "cv" | "letter";
}

export interface GeneratedDocuments {
  jobId: number;
  language: LetterLanguage;
  writer: WriterName;
  /** The documents after the guard: only supported facts. */
  cv: string;
  letter: string;
  /** What the guard left out, and why. */
  flags: DocumentFlag[];
  provenance: Provenance[];
  ms: number;
}

export interface GenerateOptions {
  config: ApplyConfig;
  /** Facts the person added beside their CV: evidence like the CV itself. */
  addedFacts?: string;
  writer?: WriterName;
  today?: Date;
  fetch?: typeof fetch;
}

/** Vectors of a CV's lines, per model and CV text: a person applying to ten jobs embeds once. */
const lineVectorCache = new Map<string, Float32Array[]>();

async function lineVectors(embedder: Embedder, cv: ParsedCv, cvText: string) {
  const key = `${embedder.modelId}:${textHash(cvText)}`;
  let vectors = lineVectorCache.get(key);
  if (!vectors) {
    vectors = await embedder.embed(cv.lines.map((line) => line.text));
    if (lineVectorCache.size >= 32) {
      const oldest = lineVectorCache.keys().next().value;
      if (oldest !== undefined) lineVectorCache.delete(oldest);
    }
    lineVectorCache.set(key, vectors);
  }
  return vectors;
}

/** How close each CV line is to the job: meaning (cosine) plus the job's skills it shows. */
async function lineRelevance(
  db: Database,
  embedder: Embedder,
  cv: ParsedCv,
  cvText: string,
  job: { id: number; title: string; tags: string[]; description: string; skills: string[] },
): Promise<Map<string, number>> {
  const stored = await jobVectors(db, embedder.modelId, embedder.dimension, [job.id]);
  const jobVector =
    stored.ids.length > 0
      ? stored.matrix.subarray(0, embedder.dimension)
      : ((await embedder.embed([jobEmbeddingText(job)]))[0] ?? new Float32Array());
  const vectors = await lineVectors(embedder, cv, cvText);
  const wanted = new Set(job.skills);
  const relevance = new Map<string, number>();
  cv.lines.forEach((line, i) => {
    const shared = extractSkills(line.text).filter((skill) => wanted.has(skill)).length;
    const vector = vectors[i];
    relevance.set(line.id, (vector ? cosine(vector, jobVector) : 0) + 0.1 * shared);
  });
  return relevance;
}

/**
 * A tailored CV and cover letter for one of the person's jobs, written by the configured
 * writer and passed through the truthfulness guard: what the CV (or the added facts) does not
 * support is left out and listed in `flags`.
 */
export async function generateDocuments(
  db: Database,
  embedder: Embedder,
  userId: string,
  jobId: number,
  options: GenerateOptions,
): Promise<GeneratedDocuments> {
  const started = performance.now();
  const profile = await getProfile(db, userId);
  if (!profile?.cvText.trim()) {
    throw new AppError(
      "conflict",
      "Add your CV before preparing applications: they are built from it.",
      {
        field: "cv",
      },
    );
  }
  const [job] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  if (!job) throw new AppError("not_found", `There is no job ${jobId}.`, { field: "jobIds" });
  const [user] = await db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  const cvText = profile.cvText;
  const addedFacts = options.addedFacts?.trim() ?? "";
  const cv = parseCv(cvText);
  // The CV's own name and contact first: the document is theirs; the account fills gaps.
  const person = {
    name: cv.name ?? (user && user.name !== userId ? user.name : ""),
    email: cv.contact.some((line) => line.includes("@")) ? null : (user?.email ?? null),
  };
  const language = detectLanguage(`${job.title}\n${job.description}`);
  const cvLanguage = detectLanguage(cvText);
  const jobSkills = job.skills ?? extractSkills(`${job.title}\n${job.description}`);
  const input: WriterInput = {
    person,
    cv,
    job: { title: job.title, company: job.company, description: job.description, language },
    relevance: await lineRelevance(db, embedder, cv, cvText, { ...job, skills: jobSkills }),
    today: options.today ?? new Date(),
    cvLanguage,
    addedFacts,
  };
  const writer = options.writer ?? options.config.writer;
  const written =
    writer === "llm"
      ? await writeWithLlm(
          input,
          addedFacts ? `${cvText}\n\nAdded by the person:\n${addedFacts}` : cvText,
          options.config.llm,
          { fetch: options.fetch },
        )
      : writeOffline(input);
  const evidence = buildEvidence(
    [cvText, addedFacts],
    allowedPhrases(input),
    `${templateText(language)} ${templateText(cvLanguage)}`,
  );
  const cvChecked = guardMarkdown(written.cv, evidence);
  const letterChecked = guardMarkdown(written.letter, evidence);
  return {
    jobId,
    language,
    writer,
    cv: cvChecked.markdown,
    letter: letterChecked.markdown,
    flags: [
      ...cvChecked.flags.map((flag) => ({ ...flag, document: "cv" as const })),
      ...letterChecked.flags.map((flag) => ({ ...flag, document: "letter" as const })),
    ],
    provenance: written.provenance,
    ms: Math.round(performance.now() - started),
  };
}
