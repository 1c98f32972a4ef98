import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { createHttpClient, type HttpClientOptions } from "./http-client.ts";
import { type ReplayRoute, type ReplayServer, startReplayServer } from "./replay-server.ts";

let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(routes: ReplayRoute[]) {
  server = await startReplayServer(routes);
  return server;
}

function client(overrides: Partial<HttpClientOptions> = {}) {
  const retries: string[] = [];
  const http = createHttpClient({
    timeoutMs: 1_000,
    retries: 2,
    backoffMs: 5,
    paceMs: 0,
    onRetry: (info) => retries.push(info.reason),
    ...overrides,
  });
  return { http, retries };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected a failure");
}

describe("createHttpClient", () => {
  it("retries a 429 and honours Retry-After, then succeeds", async () => {
    const s = await serve([
      {
        path: "/jobs",
        response: [{ status: 429, headers: { "retry-after": "0" } }, { body: '{"ok":true}' }],
      },
    ]);
    const { http, retries } = client();
    await expect(http.getJson(`${s.url}/jobs`)).resolves.toEqual({ ok: true });
    expect(retries).toEqual(["HTTP 429"]);
    expect(s.requests).toHaveLength(2);
  });

  it("retries 5xx with backoff and gives up after the last retry", async () => {
    const s = await serve([{ path: "/jobs", response: { status: 503 } }]);
    const { http, retries } = client({ retries: 2 });
    const error = await failure(http.getJson(`${s.url}/jobs`));
    expect(error.code).toBe("upstream");
    expect(error.message).toContain("failed after 3 attempts: HTTP 503");
    expect(retries).toHaveLength(2);
    expect(s.requests).toHaveLength(3);
  });

  it("does not retry a 404", async () => {
    const s = await serve([]);
    const { http, retries } = client();
    const error = await failure(http.getText(`${s.url}/missing`));
    expect(error.message).toContain("HTTP 404");
    expect(retries).toHaveLength(0);
    expect(s.requests).toHaveLength(1);
  });

  it("times out a request that hangs, retries, then reports it", async () => {
    const s = await serve([{ path: "/slow", response: { hang: true } }]);
    const { http, retries } = client({ timeoutMs: 150, retries: 1 });
    const error = await failure(http.getText(`${s.url}/slow`));
    expect(error.message).toContain("no answer within 150 ms");
    expect(retries).toEqual(["no answer within 150 ms"]);
  });

  it("reports truncated JSON as invalid, naming the URL", async () => {
    const s = await serve([{ path: "/jobs", response: { body: '{"jobs": [{"title": "Eng' } }]);
    const { http } = client();
    const error = await failure(http.getJson(`${s.url}/jobs`));
    expect(error.message).toMatch(/\/jobs sent invalid JSON/);
  });

  it("reports a refused connection as a network error after retrying", async () => {
    const s = await serve([]);
    const url = s.url;
    await s.close();
    server = undefined;
    const { http, retries } = client({ retries: 1 });
    const error = await failure(http.getText(`${url}/jobs`));
    expect(error.message).toMatch(/network error ECONNREFUSED/);
    expect(retries).toHaveLength(1);
  });

  it("keeps a polite pace between requests to one host", async () => {
    const s = await serve([{ path: "/a", response: { body: "1" } }]);
    const { http } = client({ paceMs: 120 });
    const started = Date.now();
    await Promise.all([
      http.getText(`${s.url}/a`),
      http.getText(`${s.url}/a`),
      http.getText(`${s.url}/a`),
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(230);
  });
});
