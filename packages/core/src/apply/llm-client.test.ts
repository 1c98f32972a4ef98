import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { type ChatMessage, streamChat } from "./llm-client.ts";

// A real local server speaking the OpenAI streaming protocol, so the client is tested
// through Node's own fetch: chunked bodies, aborts and closed sockets included.

interface Seen {
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

interface TestServer {
  url: string;
  seen: Seen[];
  /** Resolves once the server saw the client close the response early. */
  clientClosed: Promise<void>;
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(
  handler: (res: ServerResponse, req: IncomingMessage) => void | Promise<void>,
): Promise<TestServer> {
  const seen: Seen[] = [];
  let onClientClosed = () => {};
  const clientClosed = new Promise<void>((resolve) => {
    onClientClosed = resolve;
  });
  const server = createServer(async (req, res) => {
    let body = "";
    for await (const part of req) body += part;
    seen.push({ path: req.url ?? "", headers: req.headers, body: JSON.parse(body || "null") });
    res.on("close", () => {
      if (!res.writableFinished) onClientClosed();
    });
    await handler(res, req);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1`, seen, clientClosed };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function startSse(res: ServerResponse): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.flushHeaders();
}

function delta(content: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    model: "llama3.1:8b",
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
    ...extra,
  });
}

/** Writes text in small pieces with pauses, so lines (and CRLFs) arrive split across reads. */
async function writeSplit(res: ServerResponse, text: string, size = 7): Promise<void> {
  const pieces: string[] = [];
  let rest = text;
  while (rest) {
    // Cut right after each CR too, so a CRLF straddles two writes.
    const cr = rest.indexOf("\r");
    const cutAt = cr >= 0 && cr < size ? cr + 1 : size;
    pieces.push(rest.slice(0, cutAt));
    rest = rest.slice(cutAt);
  }
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    await sleep(2);
  }
}

const endpoint = (url: string, apiKey?: string) => ({ baseUrl: url, model: "llama3.1", apiKey });
const budget = { maxTokens: 100, timeoutMs: 3_000 };
const messages: ChatMessage[] = [
  { role: "system", content: "You write CVs." },
  { role: "user", content: "Write one line." },
];

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => expect.unreachable("expected streamChat to fail"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("streamChat", () => {
  it("streams a reply split mid-line, with comments and CRLF, calling onDelta in order", async () => {
    const server = await serve(async (res) => {
      startSse(res);
      const stream = [
        ": keep-alive",
        "",
        `data: ${delta("Hello")}`,
        "",
        `data: ${delta(", ")}`,
        "",
        ": another comment",
        `data: ${delta("world")}`,
        "",
        `data: ${delta("!")}`,
        "",
        `data: ${JSON.stringify({
          model: "llama3.1:8b",
          choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
          usage: { prompt_tokens: 20, completion_tokens: 7, total_tokens: 27 },
        })}`,
        "",
        "data: [DONE]",
        "",
        "",
      ].join("\r\n");
      await writeSplit(res, stream);
      res.end();
    });
    const deltas: string[] = [];
    const result = await streamChat(endpoint(`${server.url}/`), messages, budget, {
      onDelta: (text) => deltas.push(text),
    });

    expect(result.text).toBe("Hello, world!");
    expect(deltas).toEqual(["Hello", ", ", "world", "!"]);
    // The server's usage wins over the one-per-delta estimate (4).
    expect(result.tokens).toBe(7);
    expect(result.finishReason).toBe("stop");
    expect(result.model).toBe("llama3.1:8b");
    expect(result.ms).toBeGreaterThanOrEqual(0);
    // A trailing slash on baseUrl must not give a double slash.
    expect(server.seen[0]?.path).toBe("/v1/chat/completions");
    expect(server.seen[0]?.body).toEqual({
      model: "llama3.1",
      messages,
      stream: true,
      max_tokens: 100,
      temperature: 0.2,
    });
  });

  it("counts one token per delta without usage, and reports finish_reason length", async () => {
    const server = await serve(async (res) => {
      startSse(res);
      await writeSplit(
        res,
        `data: ${delta("a")}\n\ndata: ${delta("b")}\n\ndata: ${delta("c", {
          choices: [{ index: 0, delta: { content: "c" }, finish_reason: "length" }],
        })}\n\ndata: [DONE]\n\n`,
        11,
      );
      res.end();
    });
    const result = await streamChat(endpoint(server.url), messages, budget);
    expect(result).toMatchObject({ text: "abc", tokens: 3, finishReason: "length" });
  });

  it("sends Authorization only when an API key is set", async () => {
    const server = await serve(async (res) => {
      startSse(res);
      res.end(`data: ${delta("ok")}\n\ndata: [DONE]\n\n`);
    });
    await streamChat(endpoint(server.url, "sk-test-123"), messages, budget);
    await streamChat(endpoint(server.url), messages, budget);
    expect(server.seen[0]?.headers.authorization).toBe("Bearer sk-test-123");
    expect(server.seen[1]?.headers.authorization).toBeUndefined();
  });

  it("stops a reply that runs past the token budget and closes the request", async () => {
    const server = await serve(async (res) => {
      startSse(res);
      // A server that ignores max_tokens and never stops.
      for (let i = 0; !res.destroyed && i < 10_000; i++) {
        res.write(`data: ${delta(`w${i} `)}\n\n`);
        await sleep(2);
      }
      res.end();
    });
    const deltas: string[] = [];
    const result = await streamChat(
      endpoint(server.url),
      messages,
      { maxTokens: 5, timeoutMs: 3_000 },
      { onDelta: (text) => deltas.push(text) },
    );
    expect(result.finishReason).toBe("budget");
    expect(result.text).toBe("w0 w1 w2 w3 w4 ");
    expect(result.tokens).toBe(5);
    expect(deltas).toHaveLength(5);
    // The server must see the connection go away, so it stops generating.
    await expect(
      Promise.race([server.clientClosed.then(() => "closed"), sleep(1_000).then(() => "open")]),
    ).resolves.toBe("closed");
  });

  it("returns the partial text with finishReason timeout when the server stalls", async () => {
    const server = await serve(async (res) => {
      startSse(res);
      await writeSplit(res, `data: ${delta("Partial ")}\n\ndata: ${delta("text")}\n\n`);
      // …and then nothing, with the connection left open.
    });
    const started = Date.now();
    const result = await streamChat(endpoint(server.url), messages, {
      maxTokens: 100,
      timeoutMs: 300,
    });
    expect(result.finishReason).toBe("timeout");
    expect(result.text).toBe("Partial text");
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("throws a clear error on a timeout before any text", async () => {
    const server = await serve(async (res) => {
      startSse(res);
      res.write(": loading model\n\n");
    });
    const error = await rejection(
      streamChat(endpoint(server.url), messages, { maxTokens: 100, timeoutMs: 200 }),
    );
    expect(error.code).toBe("upstream");
    expect(error.message).toContain(server.url);
    expect(error.message).toContain("200 ms");
  });

  it("accepts a non-streamed JSON reply from a server that ignores stream:true", async () => {
    const server = await serve(async (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "chatcmpl-2",
          object: "chat.completion",
          model: "qwen2.5",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: "Plain reply" },
              finish_reason: "stop",
            },
          ],
          usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
        }),
      );
    });
    const deltas: string[] = [];
    const result = await streamChat(endpoint(server.url), messages, budget, {
      onDelta: (text) => deltas.push(text),
    });
    expect(result).toMatchObject({
      text: "Plain reply",
      tokens: 3,
      finishReason: "stop",
      model: "qwen2.5",
    });
    expect(deltas).toEqual(["Plain reply"]);
  });

  it("on 401 points at AURA_LLM_API_KEY and never shows the key", async () => {
    const key = "sk-secret-987654";
    const server = await serve((res) => {
      res.writeHead(401, { "content-type": "application/json" });
      // Some servers echo the key back: it must not reach the message.
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${key}` } }));
    });
    const error = await rejection(streamChat(endpoint(server.url, key), messages, budget));
    expect(error.message).toContain("AURA_LLM_API_KEY");
    expect(error.message).toContain("401");
    expect(error.message).not.toContain(key);
  });

  it("on 404 names the model", async () => {
    const server = await serve((res) => {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("404 page not found");
    });
    const error = await rejection(streamChat(endpoint(server.url), messages, budget));
    expect(error.message).toContain('"llama3.1"');
    expect(error.message).toContain("404");
  });

  it("on 500 surfaces the server's JSON error message", async () => {
    const server = await serve((res) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "CUDA out of memory", type: "server_error" } }));
    });
    const error = await rejection(streamChat(endpoint(server.url), messages, budget));
    expect(error.code).toBe("upstream");
    expect(error.message).toContain("HTTP 500");
    expect(error.message).toContain("CUDA out of memory");
  });

  it("rejects a body that is neither an event stream nor JSON", async () => {
    const server = await serve((res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html><body>Welcome to nginx!</body></html>\n");
    });
    const error = await rejection(streamChat(endpoint(server.url), messages, budget));
    expect(error.message).toContain("neither an event stream nor JSON");
    expect(error.message).toContain("Welcome to nginx!");
  });

  it("names the URL when nothing listens there", async () => {
    // Take a free port, then close it: connecting to it is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://127.0.0.1:${port}/v1`;

    const error = await rejection(streamChat(endpoint(url), messages, budget));
    expect(error.message).toContain(`Cannot reach the LLM at ${url}`);
    expect(error.message).toContain("connection refused");
    expect(error.message).toContain("apply.writer: offline");
  });
});
