import type { z } from "zod";
import type { HttpClient } from "./http-client.ts";
import type { ReplayRoute } from "./replay-server.ts";

/**
 * A posting as one board gives it, mapped onto AURA's field names but not yet
 * normalized: `description` may be HTML, salary may be free text, dates may be epochs.
 * `jobs/normalize` turns it into a clean job.
 */
export interface SourcePosting {
  /** The board's own id for the posting (its URL when it has none). */
  externalId: string;
  /** The posting's page on the board (or the employer's page); credit links point here. */
  url: string;
  title: string;
  company: string;
  /** HTML or plain text. */
  description?: string | null;
  location?: string | null;
  /** What the board says about remote work, when it says anything. */
  remote?: "remote" | "hybrid" | "onsite" | null;
  /** Country as the board gives it (a name or ISO code). */
  country?: string | null;
  salaryMin?: number | null;
  salaryMax?: number | null;
  currency?: string | null;
  /** "year", "annual", "monthly", "hour", ... as the board says it. */
  salaryPeriod?: string | null;
  /** Free-text pay ("$120k–150k", "45/hour") when the board has no numbers. */
  salaryText?: string | null;
  /** Epoch seconds or milliseconds, ISO or RFC 2822 date, or "3 days ago". */
  postedAt?: string | number | Date | null;
  employmentType?: string | null;
  seniority?: string | null;
  tags?: string[];
}

export type TransformResult = { ok: true; posting: SourcePosting } | { ok: false; reason: string };

export interface FetchContext<Options> {
  http: HttpClient;
  /** The board's API root: its public URL, or a local replay server's. */
  baseUrl: string;
  options: Options;
  /** Postings older than this are not wanted; adapters may stop paginating past it. */
  since: Date | null;
}

/** One job board behind one interface. A source is a folder: client, transform, types. */
export interface JobSource<Options = Record<string, never>> {
  /** Registry name used in config and on the command line, e.g. "remoteok". */
  name: string;
  /** The board's name as people know it, for credit: "via Remote OK". */
  label: string;
  homepage: string;
  /** What the board's terms ask of anyone showing its jobs. */
  terms: string;
  defaultBaseUrl: string;
  /** Board-specific options from config (board tokens, page limits, ...). */
  optionsSchema: z.ZodType<Options>;
  /** Yields pages of raw upstream items, one array per request. */
  fetch(context: FetchContext<Options>): AsyncIterable<unknown[]>;
  /** Maps one raw item to a posting, or says why it cannot. Never throws. */
  transform(raw: unknown): TransformResult;
  /** Recorded real responses for offline replay, served by the replay server. */
  recorded: { routes: ReplayRoute[]; options: Options };
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds sources of any option type
export type AnyJobSource = JobSource<any>;
