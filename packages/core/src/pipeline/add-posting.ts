import type { Database } from "../db/client.ts";
import { AppError } from "../errors.ts";
import { canonicalUrl } from "../jobs/dedupe/canonical-url.ts";
import { normalizePosting } from "../jobs/normalize/normalize-posting.ts";
import { DedupeIndex } from "../jobs/store/dedupe-index.ts";
import { getJob, type StoredJob } from "../jobs/store/list-jobs.ts";
import { storePostings } from "../jobs/store/store-postings.ts";
import { parsePostingPage } from "../sources/add/parse-posting-page.ts";
import { parsePostingText } from "../sources/add/parse-posting-text.ts";
import type { HttpClient } from "../sources/http-client.ts";
import type { SourcePosting } from "../sources/types.ts";

export interface AddResult {
  status: "new" | "updated" | "duplicate";
  job: StoredJob;
}

/** Source name of postings a person pasted as text. */
export const PASTED_SOURCE = "pasted";

/**
 * `aura add URL`: one posting a person found (on LinkedIn, Indeed, a company site...).
 * The page is read once, as a person's browser would; its schema.org JobPosting is
 * preferred. Boards that forbid scraping are reached only this way, one page at a time.
 */
export async function addPostingFromUrl(
  db: Database,
  http: HttpClient,
  url: string,
  now = new Date(),
): Promise<AddResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("invalid_input", `"${url}" is not a URL`, { field: "url" });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new AppError(
      "invalid_input",
      `Only http and https URLs can be added, got ${parsed.protocol}`,
      {
        field: "url",
      },
    );
  }
  const html = await http.getText(url, { headers: { accept: "text/html,*/*;q=0.8" } });
  const posting = parsePostingPage(html, url);
  if (!posting) {
    throw new AppError(
      "invalid_input",
      `No job posting found at ${url}. Copy its text to a file and run: aura add --text FILE --company NAME`,
      { field: "url" },
    );
  }
  return storeOne(db, posting, parsed.hostname.replace(/^www\./, ""), now);
}

/** `aura add --text FILE`: a posting pasted as plain text. */
export async function addPostingFromText(
  db: Database,
  text: string,
  hints: { title?: string; company?: string; url?: string },
  now = new Date(),
): Promise<AddResult> {
  const result = parsePostingText(text, hints);
  if (!result.ok) throw new AppError("invalid_input", result.reason, { field: "text" });
  return storeOne(db, result.posting, PASTED_SOURCE, now);
}

async function storeOne(
  db: Database,
  posting: SourcePosting,
  source: string,
  now: Date,
): Promise<AddResult> {
  const normalized = normalizePosting(posting, now);
  const index = await DedupeIndex.load(db);
  const counts = await storePostings(db, index, [normalized], { source, live: false, now });
  const jobId =
    index.link(source, normalized.externalId)?.jobId ?? index.jobByUrl(canonicalUrl(posting.url));
  const job = jobId === undefined ? null : await getJob(db, jobId);
  if (!job) throw new AppError("internal", "The posting was stored but cannot be read back");
  const status = counts.new ? "new" : counts.updated ? "updated" : "duplicate";
  return { status, job };
}
