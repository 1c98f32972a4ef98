import { parse as parseCsv } from "csv-parse/sync";
import type { SourcePosting } from "../types.ts";

export type ImportFormat = "jsonl" | "csv";

export interface ImportedPosting {
  /** 1-based line of the file where the posting starts. */
  line: number;
  posting: SourcePosting;
  /** The `source` the line names (the board it came from), if any. */
  source: string | null;
}

export interface ImportError {
  line: number;
  /** Names the field: "url: not an http(s) URL". */
  reason: string;
}

export interface ParsedImport {
  postings: ImportedPosting[];
  errors: ImportError[];
}

/** Field names as written in files, lower-cased without `_`, `-` or spaces ("posted_at"). */
const FIELDS = {
  title: "title",
  company: "company",
  url: "url",
  description: "description",
  location: "location",
  postedat: "postedAt",
  salarymin: "salaryMin",
  salarymax: "salaryMax",
  currency: "currency",
  salaryperiod: "salaryPeriod",
  salarytext: "salaryText",
  employmenttype: "employmentType",
  seniority: "seniority",
  remote: "remote",
  country: "country",
  source: "source",
  tags: "tags",
} as const;
type Field = (typeof FIELDS)[keyof typeof FIELDS];
const REQUIRED = ["title", "company", "url"] as const;

/**
 * Postings from a file a person (or another tool) already has: JSON Lines, one object
 * a line, or CSV with a header row, both with the same field names. `title`, `company`
 * and `url` are required; `description`, `location`, `postedAt`, `salaryMin`,
 * `salaryMax`, `currency`, `employmentType`, `source` and `tags` are optional (so are
 * `salaryPeriod`, `salaryText`, `seniority`, `remote` and `country`); other fields are
 * ignored. Names match case-insensitively, with or without `_`/`-` ("posted_at").
 * A bad line is reported with its line number and a reason naming the field; good lines
 * are kept. Postings of any age are accepted: the file's dates are not checked.
 */
export function parseImportFile(content: string, format: ImportFormat): ParsedImport {
  const text = content.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return format === "csv" ? parseCsvFile(text) : parseJsonLines(text);
}

/** JSON Lines for `.jsonl`/`.ndjson`/`.json`, CSV for `.csv`; otherwise by the first line. */
export function detectImportFormat(fileName: string, content: string): ImportFormat {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === "jsonl" || ext === "ndjson" || ext === "json") return "jsonl";
  if (ext === "csv") return "csv";
  const first = content
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .find((line) => line.trim() !== "");
  return first?.trim().startsWith("{") ? "jsonl" : "csv";
}

function parseJsonLines(text: string): ParsedImport {
  // Many tools write one JSON array instead of JSON Lines: take it whole.
  if (text.trimStart().startsWith("[")) return parseJsonArray(text);
  const result: ParsedImport = { postings: [], errors: [] };
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const detail = error instanceof Error ? `: ${error.message}` : "";
      result.errors.push({ line, reason: `not valid JSON${detail}` });
      return;
    }
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      const what = Array.isArray(value) ? "an array" : value === null ? "null" : typeof value;
      result.errors.push({ line, reason: `not a JSON object (got ${what})` });
      return;
    }
    add(result, line, value as Record<string, unknown>);
  });
  return result;
}

/** A JSON array of postings; an element's "line" is the line it starts on. */
function parseJsonArray(text: string): ParsedImport {
  const result: ParsedImport = { postings: [], errors: [] };
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : "";
    result.errors.push({
      line: 1,
      reason: `not valid JSON${detail} (give one JSON array, or one object a line)`,
    });
    return result;
  }
  const starts = elementStartLines(text);
  (items as unknown[]).forEach((value, index) => {
    const line = starts[index] ?? 1;
    if (!value || typeof value !== "object" || Array.isArray(value)) {
      result.errors.push({ line, reason: `not a JSON object (item ${index + 1})` });
      return;
    }
    add(result, line, value as Record<string, unknown>);
  });
  return result;
}

/** The line each top-level element of a JSON array starts on. */
function elementStartLines(text: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  let line = 1;
  let inString = false;
  let escaped = false;
  let expectElement = false;
  for (const ch of text) {
    if (ch === "\n") line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (expectElement && !/\s/.test(ch) && ch !== "]") {
      starts.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 1) expectElement = true;
  }
  return starts;
}

interface CsvRow {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * CSV whose broken quote would swallow the rest of the file: the record with the open
 * quote is reported, and reading resumes on the next line under the same header.
 */
function parseCsvFile(text: string): ParsedImport {
  const parsed = parseCsvOnce(text);
  const quote = parsed.errors.find((e) => e.reason.includes("quoted field is not closed"));
  const lines = text.split("\n");
  const header = lines.find((line) => line.trim() !== "");
  if (!quote || !header || quote.line >= lines.length || lines[quote.line - 1] === header) {
    return parsed;
  }
  const rest = parseCsvFile([header, ...lines.slice(quote.line)].join("\n"));
  const shift = (line: number) => line + quote.line - 1;
  return {
    postings: [...parsed.postings, ...rest.postings.map((p) => ({ ...p, line: shift(p.line) }))],
    errors: [...parsed.errors, ...rest.errors.map((e) => ({ ...e, line: shift(e.line) }))].sort(
      (a, b) => a.line - b.line,
    ),
  };
}

function parseCsvOnce(text: string): ParsedImport {
  const result: ParsedImport = { postings: [], errors: [] };
  const skipped: ImportError[] = [];
  const rows = parseCsv(text, {
    info: true,
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      if (!error) return undefined;
      const quote = error.code === "CSV_QUOTE_NOT_CLOSED";
      skipped.push({
        line: startLine(typeof error.lines === "number" ? error.lines : 1, raw ?? ""),
        reason: quote
          ? "not valid CSV: a quoted field is not closed"
          : `not valid CSV: ${error.message}`,
      });
      return undefined;
    },
  }) as unknown as CsvRow[];

  const [header, ...records] = rows;
  if (!header) return { postings: [], errors: skipped };
  const columns = header.record.map((name) => name.trim());
  const known = new Set(columns.map(fieldOf));
  const missing = REQUIRED.filter((field) => !known.has(field));
  if (missing.length) {
    const line = startLine(header.info.lines, header.raw);
    return {
      postings: [],
      errors: [{ line, reason: `header: missing column ${missing.join(", ")}` }, ...skipped],
    };
  }
  for (const row of records) {
    if (row.record.every((cell) => cell.trim() === "")) continue;
    const object: Record<string, unknown> = {};
    columns.forEach((name, i) => {
      const cell = row.record[i];
      // An empty cell is a missing value; the first non-empty column of a name wins.
      if (cell !== undefined && cell.trim() !== "" && object[name] === undefined)
        object[name] = cell;
    });
    add(result, startLine(row.info.lines, row.raw), object);
  }
  result.errors.push(...skipped);
  result.errors.sort((a, b) => a.line - b.line);
  return result;
}

/** The line a record starts on, from the line it ends on and its raw text. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, "").replace(/\n$/, "");
  return endLine - (body.match(/\n/g)?.length ?? 0);
}

function fieldOf(name: string): Field | undefined {
  return (FIELDS as Record<string, Field>)[name.toLowerCase().replace(/[\s_-]/g, "")];
}

function add(result: ParsedImport, line: number, object: Record<string, unknown>) {
  const values: Partial<Record<Field, unknown>> = {};
  for (const [name, value] of Object.entries(object)) {
    const field = fieldOf(name);
    if (field && values[field] === undefined) values[field] = value;
  }
  try {
    const { posting, source } = toPosting(values);
    result.postings.push({ line, posting, source });
  } catch (error) {
    result.errors.push({ line, reason: error instanceof Error ? error.message : String(error) });
  }
}

function toPosting(values: Partial<Record<Field, unknown>>): {
  posting: SourcePosting;
  source: string | null;
} {
  const title = requiredText(values, "title");
  const company = requiredText(values, "company");
  const url = requiredText(values, "url");
  let parsedUrl: URL | null = null;
  try {
    parsedUrl = new URL(url);
  } catch {
    parsedUrl = null;
  }
  if (!parsedUrl || (parsedUrl.protocol !== "http:" && parsedUrl.protocol !== "https:")) {
    throw new Error(`url: not an http(s) URL ("${url.slice(0, 80)}")`);
  }
  const posting: SourcePosting = {
    externalId: url,
    url,
    title,
    company,
    description: optionalText(values, "description"),
    location: optionalText(values, "location"),
    remote: remote(values.remote),
    country: optionalText(values, "country"),
    salaryMin: optionalNumber(values, "salaryMin"),
    salaryMax: optionalNumber(values, "salaryMax"),
    currency: optionalText(values, "currency"),
    salaryPeriod: optionalText(values, "salaryPeriod"),
    salaryText: optionalText(values, "salaryText"),
    postedAt: postedAt(values.postedAt),
    employmentType: optionalText(values, "employmentType"),
    seniority: optionalText(values, "seniority"),
    tags: tags(values.tags),
  };
  return { posting, source: optionalText(values, "source") };
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function requiredText(values: Partial<Record<Field, unknown>>, field: Field): string {
  const value = values[field];
  if (value === undefined || value === null) throw new Error(`${field}: missing`);
  if (typeof value !== "string") {
    throw new Error(`${field}: expected text, got ${describeType(value)}`);
  }
  const text = value.trim();
  if (!text) throw new Error(`${field}: empty`);
  return text;
}

function optionalText(values: Partial<Record<Field, unknown>>, field: Field): string | null {
  const value = values[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    throw new Error(`${field}: expected text, got ${describeType(value)}`);
  }
  return value.trim() || null;
}

/** A number, or a numeric string ("120000", "120,000"). */
function optionalNumber(values: Partial<Record<Field, unknown>>, field: Field): number | null {
  const value = values[field];
  if (value === undefined || value === null) return null;
  if (typeof value === "string" && value.trim() === "") return null;
  const n = typeof value === "string" ? Number(value.trim().replace(/,/g, "")) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) {
    throw new Error(`${field}: expected a number, got ${JSON.stringify(value).slice(0, 40)}`);
  }
  return n;
}

/** An ISO or RFC 2822 date, or epoch seconds/milliseconds (as a number or digits). */
function postedAt(value: unknown): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("postedAt: not a finite number");
    return value;
  }
  if (typeof value !== "string") {
    throw new Error(`postedAt: expected a date, got ${describeType(value)}`);
  }
  const text = value.trim();
  if (!text) return null;
  return /^\d{9,13}$/.test(text) ? Number(text) : text;
}

function remote(value: unknown): SourcePosting["remote"] {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return value ? "remote" : null;
  if (typeof value === "string") {
    const key = value
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, "");
    if (key === "") return null;
    if (key === "remote" || key === "true" || key === "yes") return "remote";
    if (key === "hybrid") return "hybrid";
    if (key === "onsite" || key === "office" || key === "inoffice") return "onsite";
    if (key === "false" || key === "no") return null;
  }
  throw new Error(`remote: expected remote, hybrid or onsite, got ${JSON.stringify(value)}`);
}

/** A JSON array of strings, or a string separated by commas or semicolons. */
function tags(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  let list: unknown = value;
  if (typeof value === "string") {
    const text = value.trim();
    if (text.startsWith("[")) {
      try {
        list = JSON.parse(text);
      } catch {
        throw new Error("tags: not a valid JSON array");
      }
    } else {
      list = text.split(/[,;]/);
    }
  }
  if (!Array.isArray(list)) throw new Error(`tags: expected a list, got ${describeType(value)}`);
  if (list.some((tag) => typeof tag !== "string")) throw new Error("tags: expected text items");
  return [...new Set((list as string[]).map((tag) => tag.trim()).filter(Boolean))];
}
