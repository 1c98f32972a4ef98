// A person's webhook: AURA POSTs JSON to a URL they chose, signed so their receiver can tell
// it came from AURA, unchanged and recently:
//
//   POST <url>   Content-Type: application/json
//   X-Aura-Event: batch.ready
//   X-Aura-Delivery: <id, the same on every attempt: receivers can drop repeats>
//   X-Aura-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
//   {"id":"…","event":"batch.ready","sentAt":"2026-12-07T09:00:00.000Z","data":{…}}
//
// Network errors, 429 and 5xx are retried with exponential backoff (Retry-After honoured up
// to a limit); other answers are final. Redirects are not followed.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { lookup as dnsLookupAll } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError } from "../errors.ts";
import { type Logger, silentLogger } from "../log/logger.ts";

export const WEBHOOK_EVENTS = ["batch.ready", "webhook.test"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookOptions {
  url: string;
  /** The person's webhook secret (newWebhookSecret()). */
  secret: string;
  event: WebhookEvent;
  /** The body's `data`. */
  payload: unknown;
  /** Attempts after the first one, on network errors, 429 and 5xx. */
  retries: number;
  /** The wait before the first retry; each next one doubles (with ±20% jitter). */
  backoffMs: number;
  /** Most milliseconds one attempt may take, answer included (default 10 s). */
  timeoutMs?: number;
  /** A longer Retry-After than this ends the delivery, reporting it (default 60 s). */
  maxRetryAfterMs?: number;
  /**
   * Allows URLs on loopback, private, link-local and other non-public addresses. Off by
   * default because the URL is chosen by a person while the request leaves from AURA's server:
   * without this check anyone could make the server POST to its own network (server-side
   * request forgery), e.g. 127.0.0.1:5432, the LAN, or a cloud's metadata address
   * 169.254.169.254. Tests, and one-person installs that post to their own machine, set it.
   */
  allowPrivate?: boolean;
  /**
   * Sends with this fetch instead of node:http(s). The address is then checked once before
   * sending, not at connect time as node:http's lookup hook does.
   */
  fetch?: typeof fetch;
  log?: Logger;
}

export type WebhookDelivery =
  | { ok: true; id: string; attempts: number; status: number }
  | {
      ok: false;
      id: string;
      attempts: number;
      /** The last answer's HTTP status, when there was an answer. */
      status?: number;
      /** Why it failed, for the person (no secret in it). */
      reason: string;
      /** Set when the receiver asked to wait longer than maxRetryAfterMs. */
      retryAfterSeconds?: number;
    };

interface Answer {
  status: number;
  retryAfter: string | null;
}

/**
 * Delivers one event, retrying as the header comment says. Returns how it went; throws
 * AppError("invalid_input") when the URL is not acceptable at all (not http(s), or a private
 * address without allowPrivate): that is the person's setting to fix, not a failure to retry.
 */
export async function deliverWebhook(options: WebhookOptions): Promise<WebhookDelivery> {
  const log = options.log ?? silentLogger;
  const allowPrivate = options.allowPrivate === true;
  const url = parseWebhookUrl(options.url);
  if (!allowPrivate) await checkPublicHost(url, options.fetch !== undefined);
  if (!options.secret) throw new AppError("invalid_input", "The webhook has no secret.");
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const retries = Math.max(0, Math.floor(options.retries));
  const id = randomUUID();
  const body = JSON.stringify({
    id,
    event: options.event,
    sentAt: new Date().toISOString(),
    data: options.payload ?? null,
  });

  let last: Answer | undefined;
  let lastReason = "";
  for (let attempt = 1; ; attempt++) {
    // Signed anew on each attempt, so a late retry still falls in the receiver's tolerance.
    const headers = {
      "Content-Type": "application/json",
      "User-Agent": "AURA-Webhook/1",
      "X-Aura-Event": options.event,
      "X-Aura-Delivery": id,
      "X-Aura-Signature": signWebhook(options.secret, body),
    };
    let retryAfterMs: number | null = null;
    try {
      last = options.fetch
        ? await postWithFetch(options.fetch, url, headers, body, timeoutMs)
        : await postWithNode(url, headers, body, timeoutMs, allowPrivate);
      if (last.status >= 200 && last.status < 300) {
        log.info(
          { event: options.event, deliveryId: id, attempts: attempt, status: last.status },
          "webhook delivered",
        );
        return { ok: true, id, attempts: attempt, status: last.status };
      }
      lastReason = `the receiver answered HTTP ${last.status}`;
      const retryable = last.status === 429 || (last.status >= 500 && last.status <= 599);
      if (!retryable) return failed(log, options.event, id, attempt, last.status, lastReason);
      retryAfterMs = parseRetryAfter(last.retryAfter);
    } catch (error) {
      if (error instanceof AppError) throw error;
      last = undefined;
      lastReason = describeNetworkError(error, timeoutMs);
    }
    if (attempt > retries) {
      return failed(log, options.event, id, attempt, last?.status, lastReason);
    }
    if (retryAfterMs !== null && retryAfterMs > maxRetryAfterMs) {
      const retryAfterSeconds = Math.ceil(retryAfterMs / 1000);
      return {
        ...failed(log, options.event, id, attempt, last?.status, lastReason),
        retryAfterSeconds,
      };
    }
    const backoff = Math.min(options.backoffMs * 2 ** (attempt - 1), 300_000);
    const wait = Math.max(backoff * (0.8 + Math.random() * 0.4), retryAfterMs ?? 0);
    log.debug(
      { event: options.event, deliveryId: id, attempt, status: last?.status, waitMs: wait },
      "webhook retry",
    );
    await sleep(wait);
  }
}

function failed(
  log: Logger,
  event: WebhookEvent,
  id: string,
  attempts: number,
  status: number | undefined,
  reason: string,
): WebhookDelivery & { ok: false } {
  log.warn({ event, deliveryId: id, attempts, status }, "webhook not delivered");
  return { ok: false, id, attempts, ...(status === undefined ? {} : { status }), reason };
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, as X-Aura-Signature carries it. */
export function signWebhook(secret: string, body: string, nowMs: number = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${hmacHex(secret, `${t}.${body}`)}`;
}

/**
 * Whether an X-Aura-Signature header signs this raw body with this secret, no more than
 * `toleranceSeconds` from now (either way). Read the body as bytes, before any JSON parsing:
 * re-serialized JSON does not verify. Several v1= values (a secret being rotated) may appear.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  body: string | Uint8Array,
  toleranceSeconds = 300,
  nowMs: number = Date.now(),
): boolean {
  if (!secret || !header) return false;
  let t: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t" && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (t === null || signatures.length === 0) return false;
  if (Math.abs(nowMs / 1000 - t) > toleranceSeconds) return false;
  const text = typeof body === "string" ? body : Buffer.from(body).toString("utf8");
  const expected = Buffer.from(hmacHex(secret, `${t}.${text}`), "utf8");
  return signatures.some((signature) => {
    const given = Buffer.from(signature, "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

/** A new webhook secret: 32 random bytes, base64url, with a prefix that says what it is. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** What the settings' "send a test" button sends. */
export function webhookTestPayload(): { event: WebhookEvent; payload: unknown } {
  return {
    event: "webhook.test",
    payload: {
      test: true,
      message: "This is a test from AURA: your webhook works. Check X-Aura-Signature.",
    },
  };
}

/** The event of a batch that is ready: its top jobs and where to open it. */
export function batchReadyWebhookPayload(input: {
  batchId: string;
  /** The person's own batch number, as the app shows it. */
  batchNumber?: number;
  jobs: {
    title: string;
    company?: string | null;
    match: number;
    board: string;
    url?: string | null;
  }[];
  dashboardUrl: string;
}): { event: WebhookEvent; payload: unknown } {
  return {
    event: "batch.ready",
    payload: {
      batch: { id: input.batchId, number: input.batchNumber ?? null },
      jobs: input.jobs.map((job) => ({
        title: job.title,
        company: job.company ?? null,
        match: job.match,
        matchPercent: Math.round(job.match * 100),
        board: job.board,
        url: job.url ?? null,
      })),
      dashboardUrl: input.dashboardUrl,
    },
  };
}

/**
 * Checks a webhook URL as the settings save it: http(s), and (without allowPrivate) a host
 * that resolves to public addresses only. Throws AppError("invalid_input").
 */
export async function checkWebhookUrl(
  value: string,
  options: { allowPrivate?: boolean } = {},
): Promise<URL> {
  const url = parseWebhookUrl(value);
  if (!options.allowPrivate) await checkPublicHost(url, true);
  return url;
}

// ---------------------------------------------------------------------------------------------
// Addresses a webhook may not reach without allowPrivate.

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this" network
  ["10.0.0.0", 8], // private
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8], // loopback
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12], // private
  ["192.0.0.0", 24], // protocol assignments
  ["192.0.2.0", 24], // documentation
  ["192.88.99.0", 24], // 6to4 relay
  ["192.168.0.0", 16], // private
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128], // unspecified
  ["::1", 128], // loopback
  ["64:ff9b::", 96], // NAT64 (reaches IPv4 through a gateway)
  ["64:ff9b:1::", 48], // local NAT64
  ["100::", 64], // discard
  ["2001::", 23], // protocol assignments
  ["2001:db8::", 32], // documentation
  ["2002::", 16], // 6to4 (embeds IPv4)
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is loopback, private, link-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 0) return true;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address it maps to.
  return BLOCKED.check(bare, family === 4 ? "ipv4" : "ipv6");
}

function parseWebhookUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError("invalid_input", "The webhook URL is not a valid URL.", { field: "url" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("invalid_input", "The webhook URL must start with http:// or https://.", {
      field: "url",
    });
  }
  return url;
}

function privateRefusal(): AppError {
  return new AppError(
    "invalid_input",
    "The webhook URL points at a private or local address, which AURA does not post to.",
    { field: "url" },
  );
}

/**
 * Refuses a URL whose host is a private IP literal; with `resolve`, also one whose name
 * resolves to any private address (the fetch path and the settings' check; the node:http path
 * checks the addresses it actually connects to, in its lookup hook).
 */
async function checkPublicHost(url: URL, resolve: boolean): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) !== 0) {
    if (isPrivateAddress(host)) throw privateRefusal();
    return;
  }
  if (!resolve) return;
  let addresses: LookupAddress[];
  try {
    addresses = await dnsLookupAll(host, { all: true, verbatim: true });
  } catch {
    throw new AppError("invalid_input", "The webhook URL's host name does not resolve.", {
      field: "url",
    });
  }
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
    throw privateRefusal();
  }
}

/** A DNS lookup that fails on any private address, so the connection never reaches one. */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    const done = callback as (...args: unknown[]) => void;
    if (error) return done(error);
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some((a) => isPrivateAddress(a.address))) {
      return done(privateRefusal());
    }
    if (options.all) return done(null, list);
    const first = list[0] as LookupAddress;
    return done(null, first.address, first.family);
  });
};

function postWithNode(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  allowPrivate: boolean,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(url, {
      method: "POST",
      headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      // A fresh connection per attempt: no pooled socket outlives the delivery.
      agent: false,
      ...(allowPrivate ? {} : { lookup: publicLookup }),
    });
    const timer = setTimeout(() => {
      request.destroy(Object.assign(new Error("timed out"), { code: "AURA_TIMEOUT" }));
    }, timeoutMs);
    request.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.on("response", (response) => {
      const answer: Answer = {
        status: response.statusCode ?? 0,
        retryAfter: headerValue(response.headers["retry-after"]),
      };
      response.on("error", () => {});
      // The body is read and dropped (it says nothing AURA keeps), within the same timeout.
      response.resume();
      response.on("end", () => {
        clearTimeout(timer);
        resolve(answer);
      });
      response.on("close", () => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
    request.end(body);
  });
}

async function postWithFetch(
  fetchImpl: typeof fetch,
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Answer> {
  const response = await fetchImpl(url, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel();
  return { status: response.status, retryAfter: response.headers.get("retry-after") };
}

function headerValue(value: string | string[] | undefined): string | null {
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** Retry-After in milliseconds (delay-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | null, nowMs: number = Date.now()): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  // fetch wraps the socket's error as "fetch failed" with the error itself as the cause.
  const inner = error instanceof TypeError && error.cause ? error.cause : error;
  const code = (inner as { code?: unknown })?.code;
  const name = (inner as { name?: unknown })?.name;
  if (code === "AURA_TIMEOUT" || name === "TimeoutError" || name === "AbortError") {
    const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`;
    return `the receiver did not answer within ${limit}`;
  }
  if (code === "ECONNREFUSED") return "the receiver refused the connection";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "the host name does not resolve";
  if (typeof code === "string" && /CERT|SSL|TLS/.test(code)) {
    return "the receiver's TLS certificate is not valid";
  }
  return typeof code === "string" ? `network error (${code})` : "network error";
}

function hmacHex(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text).digest("hex");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
