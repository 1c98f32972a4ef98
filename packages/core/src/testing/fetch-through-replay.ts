import { createHttpClient } from "../sources/http-client.ts";
import { type ReplayRoute, startReplayServer } from "../sources/replay-server.ts";
import type { AnyJobSource } from "../sources/types.ts";

/** A fast client for replayed responses: no retries, no pacing, a short timeout. */
const http = createHttpClient({ timeoutMs: 2000, retries: 0, backoffMs: 1, paceMs: 0 });

export interface ReplayFetchResult {
  /** The pages the source yielded, in order, up to any failure. */
  pages: unknown[][];
  /** What the fetch threw, or null when it ended cleanly. */
  error: unknown;
  /** Requests the replay server received, as path + query. */
  requests: string[];
}

/**
 * Runs a source's real client against a replay server serving `routes`, collecting every
 * page it yields. A thrown error is captured in the result rather than rethrown, and the
 * server is always closed.
 */
export async function fetchThroughReplay(
  source: AnyJobSource,
  routes: ReplayRoute[],
  options: unknown,
  since: Date | null = null,
): Promise<ReplayFetchResult> {
  const server = await startReplayServer(routes);
  const pages: unknown[][] = [];
  let error: unknown = null;
  try {
    const context = {
      http,
      baseUrl: server.url,
      options: source.optionsSchema.parse(options),
      since,
    };
    for await (const page of source.fetch(context)) pages.push(page);
  } catch (caught) {
    error = caught;
  } finally {
    await server.close();
  }
  return { pages, error, requests: server.requests };
}
