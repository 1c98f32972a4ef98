import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

/** Where recorded real responses live (see recorded/PROVENANCE.md). */
export const recordedDir = fileURLToPath(new URL("../../recorded/", import.meta.url));

export interface ReplayResponse {
  status?: number;
  /** A file under `recorded/` (or an absolute path) to send as the body. */
  file?: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Never answer: for timeout tests. */
  hang?: boolean;
}

export interface ReplayRoute {
  /** Path on the replay server, e.g. "/api" or "/v1/boards/gitlab/jobs". */
  path: string;
  /** Query parameters that must match (others are ignored). */
  query?: Record<string, string>;
  /** One response for every request, or a sequence (the last one repeats). */
  response: ReplayResponse | ReplayResponse[];
}

export interface ReplayServer {
  url: string;
  /** Requests received, in order, as path + query. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves recorded responses on 127.0.0.1 so the real HTTP clients of the sources can
 * be run offline: by `aura ingest --offline` and by the source tests (with faults).
 */
export async function startReplayServer(routes: ReplayRoute[]): Promise<ReplayServer> {
  const served = new Map<ReplayRoute, number>();
  const requests: string[] = [];
  const hanging = new Set<import("node:http").ServerResponse>();

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://replay");
    requests.push(url.pathname + url.search);
    const route = routes.find(
      (r) =>
        r.path === url.pathname &&
        Object.entries(r.query ?? {}).every(([k, v]) => url.searchParams.get(k) === v),
    );
    if (!route) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "no recorded response for this request" }));
      return;
    }
    const sequence = Array.isArray(route.response) ? route.response : [route.response];
    const count = served.get(route) ?? 0;
    served.set(route, count + 1);
    const response = sequence[Math.min(count, sequence.length - 1)] as ReplayResponse;
    if (response.hang) {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    void send(res, response);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function send(res: import("node:http").ServerResponse, response: ReplayResponse) {
  try {
    const body =
      response.body ??
      (response.file
        ? await readFile(
            response.file.startsWith("/") ? response.file : `${recordedDir}${response.file}`,
          )
        : "");
    res.writeHead(response.status ?? 200, {
      "content-type": response.contentType ?? guessType(response.file),
      ...response.headers,
    });
    res.end(body);
  } catch (error) {
    res.writeHead(500, { "content-type": "text/plain" });
    res.end(String(error));
  }
}

function guessType(file: string | undefined): string {
  if (file?.endsWith(".xml") || file?.endsWith(".rss")) return "application/rss+xml";
  return "application/json";
}
