import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { configSchema, type DatabaseHandle, type Embedder } from "@aura/core";
import { createTestDatabase } from "@aura/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./serve.ts";

// GitHub and Google sign-in cannot be completed here (no network to them), but everything on
// AURA's side can: with keys set, signing in sends the browser to the provider's page with
// AURA's client id and callback; without keys, the provider is refused.

let handle: DatabaseHandle;
let dataDir: string;
let server: { url: string; close: () => Promise<void> };

const noEmbedder = async (): Promise<Embedder> => {
  throw new Error("not needed");
};

beforeAll(async () => {
  handle = await createTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), "aura-oauth-test-"));
  server = await startServer({
    db: handle.db,
    databaseKind: handle.kind,
    config: configSchema.parse({ dataDir }),
    env: {
      GITHUB_CLIENT_ID: "gh-client-id",
      GITHUB_CLIENT_SECRET: "gh-secret",
      AURA_BASE_URL: "http://localhost:3000",
    },
    embedder: noEmbedder,
    port: 0,
  });
});

afterAll(async () => {
  await server?.close();
  await handle?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function socialSignIn(provider: string) {
  return fetch(`${server.url}/api/auth/sign-in/social`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://localhost:3000" },
    body: JSON.stringify({ provider, callbackURL: "/en/dashboard" }),
  });
}

describe("social sign-in", () => {
  it("sends the browser to GitHub with AURA's client id and callback when keys are set", async () => {
    const response = await socialSignIn("github");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { url: string; redirect: boolean };
    const url = new URL(body.url);
    expect(url.origin + url.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(url.searchParams.get("client_id")).toBe("gh-client-id");
    expect(url.searchParams.get("redirect_uri")).toBe(
      "http://localhost:3000/api/auth/callback/github",
    );
    expect(url.searchParams.get("state")).toBeTruthy();
  });

  it("refuses a provider without keys", async () => {
    const response = await socialSignIn("google");
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });
});
