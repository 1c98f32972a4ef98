import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "../db/client.ts";
import { jobs } from "../db/schema.ts";
import { extractSkills } from "./extract-skills.ts";
import { SKILLS } from "./skill-vocabulary.ts";

/** Changes whenever the vocabulary does, so stored skills are read again. */
export const SKILLS_VERSION = createHash("sha256")
  .update(JSON.stringify(SKILLS))
  .digest("hex")
  .slice(0, 12);

const PAGE = 500;

/** The text a job's skills are read from. */
export function jobSkillText(job: { title: string; tags: string[]; description: string }): string {
  return `${job.title}\n${job.tags.join(", ")}\n${job.description}`;
}

export function jobSkillsKey(contentHash: string): string {
  return `${SKILLS_VERSION}:${contentHash}`;
}

/** Whether the job's stored skills were read from its current text by the current vocabulary. */
function hasCurrentSkills(job: {
  contentHash: string;
  skills: string[] | null;
  skillsKey: string | null;
}): boolean {
  return job.skills !== null && job.skillsKey === jobSkillsKey(job.contentHash);
}

/**
 * A job's text where its stored skills are not current (what `skillsOfJob` then reads), else
 * empty: texts are long, and most jobs' skills are stored.
 */
export const textIfSkillsStale = sql<string>`CASE
  WHEN ${jobs.skills} IS NOT NULL AND ${jobs.skillsKey} = (${SKILLS_VERSION} || ':' || ${jobs.contentHash})
  THEN '' ELSE ${jobs.description} END`;

/** The job's skills: stored ones while current, else read now. */
export function skillsOfJob(job: {
  title: string;
  tags: string[];
  description: string;
  contentHash: string;
  skills: string[] | null;
  skillsKey: string | null;
}): string[] {
  if (job.skills && hasCurrentSkills(job)) return job.skills;
  return extractSkills(jobSkillText(job));
}

/**
 * Stores the skills of every live job whose stored ones are missing or stale (new or changed
 * job, new vocabulary), a page at a time, so ranking does not read every candidate's text.
 */
export async function refreshJobSkills(db: Database): Promise<{ updated: number }> {
  let updated = 0;
  let after = 0;
  for (;;) {
    const rows = resultRows<{
      id: string | number;
      title: string;
      tags: string[];
      description: string;
      content_hash: string;
    }>(
      await db.execute(sql`
        SELECT id, title, tags, description, content_hash FROM jobs
        WHERE expired_at IS NULL AND id > ${after}
          AND skills_key IS DISTINCT FROM (${SKILLS_VERSION} || ':' || content_hash)
        ORDER BY id LIMIT ${PAGE}`),
    );
    if (rows.length === 0) break;
    const values = rows.map((row) => ({
      id: Number(row.id),
      skills: extractSkills(jobSkillText(row)),
      key: jobSkillsKey(row.content_hash),
    }));
    await db.execute(sql`
      UPDATE jobs SET skills = array(SELECT jsonb_array_elements_text(v.skills)), skills_key = v.key
      FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id bigint, skills jsonb, key text)
      WHERE jobs.id = v.id`);
    updated += rows.length;
    after = Number(rows[rows.length - 1]?.id);
    if (rows.length < PAGE) break;
  }
  return { updated };
}
