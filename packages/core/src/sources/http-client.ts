import { AppError, errorMessage } from "../errors.ts";

export interface HttpClientOptions {
  /** Per-request timeout. */
  timeoutMs: number;
  /** Retries after the first attempt, on 429, 5xx, network errors and timeouts. */
  retries: number;
  /** First backoff delay; doubles each retry (with jitter). */
  backoffMs: number;
  /** Least time between two requests to the same host: a polite pace. */
  paceMs: number;
  userAgent?: string;
  fetch?: typeof fetch;
  /** Called before each retry, for logs and progress. */
  onRetry?: (info: { url: string; attempt: number; reason: string; delayMs: number }) => void;
}

export interface HttpClient {
  getText(url: string, init?: { headers?: Record<string, string> }): Promise<string>;
  getJson(url: string, init?: { headers?: Record<string, string> }): Promise<unknown>;
}

const MAX_RETRY_AFTER_MS = 60_000;

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const doFetch = options.fetch ?? fetch;
  const nextSlotByHost = new Map<string, number>();

  async function waitForPace(url: string): Promise<void> {
    if (options.paceMs <= 0) return;
    const host = new URL(url).host;
    const now = Date.now();
    const slot = Math.max(now, nextSlotByHost.get(host) ?? 0);
    nextSlotByHost.set(host, slot + options.paceMs);
    if (slot > now) await sleep(slot - now);
  }

  async function getText(url: string, init?: { headers?: Record<string, string> }) {
    let lastReason = "";
    for (let attempt = 0; attempt <= options.retries; attempt++) {
      await waitForPace(url);
      let retryAfterMs: number | null = null;
      try {
        const response = await doFetch(url, {
          headers: {
            "user-agent": options.userAgent ?? "AURA job-search agent (+https://github.com/aura)",
            accept: "application/json, application/rss+xml, text/xml, text/html;q=0.8, */*;q=0.5",
            ...init?.headers,
          },
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        if (response.ok) {
          // The body can hang too: the timeout signal covers it.
          return await response.text();
        }
        await response.body?.cancel().catch(() => undefined);
        if (response.status !== 429 && response.status < 500) {
          throw new AppError("upstream", `${url} answered HTTP ${response.status}`);
        }
        lastReason = `HTTP ${response.status}`;
        retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      } catch (error) {
        if (error instanceof AppError) throw error;
        lastReason = describeFetchError(error, options.timeoutMs);
      }
      if (attempt < options.retries) {
        const backoff = options.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
        const delayMs = Math.min(retryAfterMs ?? backoff, MAX_RETRY_AFTER_MS);
        options.onRetry?.({ url, attempt: attempt + 1, reason: lastReason, delayMs });
        await sleep(delayMs);
      }
    }
    throw new AppError(
      "upstream",
      `${url} failed after ${options.retries + 1} attempts: ${lastReason}`,
    );
  }

  return {
    getText,
    async getJson(url, init) {
      const text = await getText(url, {
        ...init,
        headers: { accept: "application/json", ...init?.headers },
      });
      try {
        return JSON.parse(text);
      } catch (cause) {
        throw new AppError("upstream", `${url} sent invalid JSON: ${errorMessage(cause)}`, {
          cause,
        });
      }
    },
  };
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = (error as { cause?: { code?: string } })?.cause;
  return cause?.code ? `network error ${cause.code}` : errorMessage(error);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
