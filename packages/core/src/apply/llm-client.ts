import { AppError, errorMessage } from "../errors.ts";

/**
 * One client for every OpenAI-compatible chat endpoint (OpenAI, Ollama's /v1, a llama.cpp
 * server, vLLM): the optional LLM writers of `apply` go through it and nothing else.
 * It streams so a budget can stop a runaway model, and it turns every failure into an
 * AppError a person can act on, without ever showing the API key.
 */

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface LlmEndpoint {
  baseUrl: string;
  model: string;
  apiKey?: string;
}

export interface LlmBudget {
  maxTokens: number;
  timeoutMs: number;
}

export interface ChatResult {
  text: string;
  /** The server's `usage.completion_tokens` when it sends one, else an estimate. */
  tokens: number;
  /** "budget" and "timeout" mean AURA cut the reply short; "length" means the server did. */
  finishReason: "stop" | "length" | "budget" | "timeout";
  ms: number;
  /** The model the server says answered, else the one asked for. */
  model: string;
}

export interface StreamChatOptions {
  /** Called with each piece of text as it arrives, in order. */
  onDelta?: (text: string) => void;
  /** Cancels the request; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

const TEMPERATURE = 0.2;
const SNIPPET_CHARS = 300;

export async function streamChat(
  endpoint: LlmEndpoint,
  messages: ChatMessage[],
  budget: LlmBudget,
  options: StreamChatOptions = {},
): Promise<ChatResult> {
  options.signal?.throwIfAborted();
  const started = performance.now();
  const shown = displayUrl(endpoint.baseUrl);
  const redact = redactor(endpoint.apiKey);
  const doFetch = options.fetch ?? fetch;

  // One controller for the whole exchange, so the timeout, the token budget and the
  // caller can each close the connection (the server then stops generating).
  const controller = new AbortController();
  let cut: "timeout" | "budget" | null = null;
  const timer = setTimeout(() => {
    cut = "timeout";
    controller.abort();
  }, budget.timeoutMs);
  const onCallerAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });

  const state: StreamState = { text: "", approx: 0, model: endpoint.model };
  const timedOut = (): ChatResult => {
    if (state.text === "") {
      throw new AppError(
        "upstream",
        `The LLM at ${shown} sent no text within ${budget.timeoutMs} ms (model "${endpoint.model}"). ` +
          "A local model may still be loading: try again, or raise apply.llm.timeoutMs.",
        { field: "apply.llm.timeoutMs" },
      );
    }
    return result(state, "timeout", started);
  };

  try {
    let response: Response;
    try {
      response = await doFetch(chatCompletionsUrl(endpoint.baseUrl), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "text/event-stream, application/json",
          ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: endpoint.model,
          messages,
          stream: true,
          max_tokens: budget.maxTokens,
          temperature: TEMPERATURE,
        }),
        signal: controller.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (cut === "timeout") return timedOut();
      throw new AppError(
        "upstream",
        `Cannot reach the LLM at ${shown}: ${redact(describeNetworkError(error))}. ` +
          "Start the server or set apply.writer: offline.",
        { field: "apply.llm.baseUrl", cause: error },
      );
    }

    if (!response.ok) {
      const detail = redact(await readErrorDetail(response));
      throw httpError(response.status, detail, shown, endpoint);
    }

    const body = response.body;
    if (!body) throw notSseNorJson(shown, "an empty body");
    const reader = body.getReader();
    // Some fetch implementations do not fail a pending read on abort: race it ourselves.
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(controller.signal.reason);
      if (controller.signal.aborted) fail();
      else controller.signal.addEventListener("abort", fail, { once: true });
    });
    aborted.catch(() => undefined);

    const decoder = new TextDecoder();
    const sse = new SseParser((line) => notSseNorJson(shown, redact(snippet(line))));
    let mode: "sniff" | "sse" | "json" = "sniff";
    let raw = "";
    try {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await Promise.race([reader.read(), aborted]);
        } catch (error) {
          if (options.signal?.aborted) throw options.signal.reason;
          if (cut === "timeout") return timedOut();
          throw new AppError(
            "upstream",
            `The LLM at ${shown} broke off its reply: ${redact(describeNetworkError(error))}`,
            { cause: error },
          );
        }
        const piece = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });

        let events: string[] = [];
        if (mode === "sniff") {
          raw += piece;
          const first = raw.trimStart()[0];
          // Servers that ignore stream:true answer one JSON object; SSE opens with a field.
          if (first === "{") mode = "json";
          else if (first !== undefined) {
            mode = "sse";
            events = sse.push(raw);
            raw = "";
          } else if (chunk.done) throw notSseNorJson(shown, "an empty body");
        } else if (mode === "sse") {
          events = sse.push(piece);
        } else {
          raw += piece;
        }
        if (chunk.done && mode === "sse") events.push(...sse.end());

        const outcome = handleEvents(events, state, budget, options, shown, redact);
        if (state.overBudget) {
          cut = "budget";
          controller.abort();
          break;
        }
        if (outcome === "end" || chunk.done) break;
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }

    if (cut === "budget") return result(state, "budget", started);
    if (mode === "json") {
      handleJsonReply(raw, state, options, shown, redact);
    }
    return result(state, state.finish === "length" ? "length" : "stop", started);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onCallerAbort);
    // Closes the connection if anything is still open (a no-op after a complete reply).
    controller.abort();
  }
}

interface StreamState {
  text: string;
  /** One per delta that carried text: the estimate the budget is held to. */
  approx: number;
  usage?: number;
  finish?: string;
  model: string;
  overBudget?: boolean;
}

function result(
  state: StreamState,
  finishReason: ChatResult["finishReason"],
  started: number,
): ChatResult {
  return {
    text: state.text,
    tokens: state.usage ?? state.approx,
    finishReason,
    ms: Math.round(performance.now() - started),
    model: state.model,
  };
}

/** Applies parsed SSE events to the state; "end" after `[DONE]` or past the budget. */
function handleEvents(
  events: string[],
  state: StreamState,
  budget: LlmBudget,
  options: StreamChatOptions,
  shown: string,
  redact: (text: string) => string,
): "end" | "more" {
  for (const data of events) {
    if (data.trim() === "[DONE]") return "end";
    let chunk: unknown;
    try {
      chunk = JSON.parse(data);
    } catch (cause) {
      throw new AppError(
        "upstream",
        `The LLM at ${shown} sent an event that is not JSON: ${redact(snippet(data))}`,
        { cause },
      );
    }
    const serverError = errorText(chunk);
    if (serverError) {
      throw new AppError(
        "upstream",
        `The LLM at ${shown} failed mid-reply: ${redact(serverError)}`,
      );
    }
    const record = asRecord(chunk);
    if (typeof record?.model === "string" && record.model) state.model = record.model;
    const usage = asRecord(record?.usage)?.completion_tokens;
    if (typeof usage === "number") state.usage = usage;
    const choice = firstChoice(record);
    const content = asRecord(choice?.delta)?.content;
    if (typeof content === "string" && content !== "") {
      // Past the budget: keep what fits and let the caller abort the request.
      if (state.approx + 1 > budget.maxTokens) {
        state.overBudget = true;
        return "end";
      }
      state.approx += 1;
      state.text += content;
      options.onDelta?.(content);
    }
    if (typeof choice?.finish_reason === "string") state.finish = choice.finish_reason;
  }
  return "more";
}

function handleJsonReply(
  raw: string,
  state: StreamState,
  options: StreamChatOptions,
  shown: string,
  redact: (text: string) => string,
): void {
  let reply: unknown;
  try {
    reply = JSON.parse(raw);
  } catch {
    throw notSseNorJson(shown, redact(snippet(raw)));
  }
  const serverError = errorText(reply);
  if (serverError)
    throw new AppError("upstream", `The LLM at ${shown} failed: ${redact(serverError)}`);
  const record = asRecord(reply);
  const choice = firstChoice(record);
  const content = asRecord(choice?.message)?.content;
  if (typeof content !== "string") {
    throw new AppError(
      "upstream",
      `The LLM at ${shown} answered JSON without choices[0].message.content: ${redact(snippet(raw))}`,
    );
  }
  if (typeof record?.model === "string" && record.model) state.model = record.model;
  const usage = asRecord(record?.usage)?.completion_tokens;
  if (typeof usage === "number") state.usage = usage;
  if (typeof choice?.finish_reason === "string") state.finish = choice.finish_reason;
  state.text = content;
  // No deltas to count: about four characters a token is the usual rule of thumb.
  state.approx = Math.ceil(content.length / 4);
  if (content !== "") options.onDelta?.(content);
}

/**
 * Server-sent events, fed chunk by chunk: lines may be split anywhere (even between the
 * CR and LF of a CRLF), `:` lines are comments, a blank line ends an event.
 */
class SseParser {
  private buffer = "";
  private data: string[] = [];
  private sawField = false;

  constructor(private readonly mismatch: (line: string) => Error) {}

  push(text: string): string[] {
    this.buffer += text;
    const events: string[] = [];
    // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
    const lineEnd = /\r\n|\n|\r(?!$)/g;
    let start = 0;
    for (let match = lineEnd.exec(this.buffer); match; match = lineEnd.exec(this.buffer)) {
      this.line(this.buffer.slice(start, match.index), events);
      start = match.index + match[0].length;
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  end(): string[] {
    const events: string[] = [];
    const rest = this.buffer.replace(/\r$/, "");
    this.buffer = "";
    if (rest !== "") this.line(rest, events);
    this.line("", events);
    return events;
  }

  private line(line: string, events: string[]): void {
    if (line === "") {
      if (this.data.length > 0) events.push(this.data.join("\n"));
      this.data = [];
      return;
    }
    if (line.startsWith(":")) {
      this.sawField = true;
      return;
    }
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    if (!["data", "event", "id", "retry"].includes(field)) {
      // Unknown fields are legal SSE, but a body that opens with one is something else
      // (an HTML error page, a proxy's banner).
      if (!this.sawField) throw this.mismatch(line);
      return;
    }
    this.sawField = true;
    if (field === "data") {
      const value = colon === -1 ? "" : line.slice(colon + 1);
      this.data.push(value.startsWith(" ") ? value.slice(1) : value);
    }
  }
}

function notSseNorJson(shown: string, what: string): AppError {
  return new AppError(
    "upstream",
    `The LLM at ${shown} answered neither an event stream nor JSON: ${what}. ` +
      "Check that apply.llm.baseUrl points at an OpenAI-compatible API (often ending in /v1).",
    { field: "apply.llm.baseUrl" },
  );
}

function httpError(status: number, detail: string, shown: string, endpoint: LlmEndpoint) {
  const said = detail ? `: ${detail}` : "";
  if (status === 401 || status === 403) {
    const hint = endpoint.apiKey
      ? "The API key was refused: set a valid one in AURA_LLM_API_KEY (or apply.llm.apiKey)."
      : "It needs an API key: set AURA_LLM_API_KEY (or apply.llm.apiKey).";
    return new AppError("upstream", `The LLM at ${shown} answered HTTP ${status}${said}. ${hint}`, {
      field: "apply.llm.apiKey",
    });
  }
  if (status === 404) {
    return new AppError(
      "upstream",
      `The LLM at ${shown} found no model "${endpoint.model}" or no /chat/completions path ` +
        `(HTTP 404${said}). Check apply.llm.model (pull the model first on Ollama) and that ` +
        "apply.llm.baseUrl ends where the OpenAI-compatible API lives (often /v1).",
      { field: "apply.llm.model" },
    );
  }
  if (status === 429) {
    return new AppError(
      "upstream",
      `The LLM at ${shown} is rate limiting requests (HTTP 429${said}). Try again later.`,
    );
  }
  return new AppError("upstream", `The LLM at ${shown} answered HTTP ${status}${said}`);
}

/** The server's own explanation: `{error:{message}}`, `{error:"…"}`, or the start of the body. */
async function readErrorDetail(response: Response): Promise<string> {
  const body = await response.text().catch(() => "");
  try {
    const parsed: unknown = JSON.parse(body);
    const text = errorText(parsed) ?? asRecord(parsed)?.message;
    if (typeof text === "string") return snippet(text);
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return snippet(body);
}

function errorText(value: unknown): string | undefined {
  const error = asRecord(value)?.error;
  if (typeof error === "string" && error) return error;
  const message = asRecord(error)?.message;
  if (typeof message === "string" && message) return message;
  return undefined;
}

function firstChoice(record: Record<string, unknown> | undefined) {
  const choices = record?.choices;
  return Array.isArray(choices) ? asRecord(choices[0]) : undefined;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "connection reset";
  if (code) return code;
  return cause instanceof Error ? cause.message : errorMessage(error);
}

/** `${baseUrl}/chat/completions` without a double slash. */
export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/chat/completions`;
}

/** The base URL as shown in messages: credentials in it are dropped. */
function displayUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = "";
    url.password = "";
    return url.toString().replace(/\/$/, "");
  } catch {
    return baseUrl;
  }
}

function redactor(apiKey: string | undefined): (text: string) => string {
  return apiKey ? (text) => text.split(apiKey).join("[API key]") : (text) => text;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat;
}
