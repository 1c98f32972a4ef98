import {
  SKILLS,
  type SkillCategory,
  TECH_CATEGORIES,
  WEAK_ALIAS_CONTEXT,
} from "./skill-vocabulary.ts";

/**
 * Finds vocabulary skills in free text with one token trie built at module load: text is cut
 * into word tokens (letters and digits) and single punctuation tokens, so "Java" never matches
 * inside "JavaScript" and "C++", "CI/CD" or ".NET" are plain token sequences.
 */

/** Tokens around which a `~` alias is not the skill: "C-suite", "R&D", "Go-getter", "C’est". */
const WEAK_NEIGHBOURS = new Set(["-", "&", "'", "’", "|", "@"]);

/** Words before a `~` alias that make it a label, not a skill: "Series C", "Plan B". */
const WEAK_BLOCKERS = new Set([
  "series",
  "type",
  "class",
  "grade",
  "level",
  "vitamin",
  "hepatitis",
  "plan",
  "tier",
  "phase",
  "round",
  "option",
  "part",
  "section",
  "schedule",
  "shift",
  "american",
]);

/** How many tokens either side a `~` alias looks for a confirming skill. */
const WEAK_WINDOW = 16;

interface Terminal {
  readonly skill: number;
  /** The alias tokens as written, when it is case-sensitive. */
  readonly exact: readonly string[] | undefined;
  readonly weak: boolean;
}

interface TrieNode {
  attached: Map<string, TrieNode> | undefined;
  spaced: Map<string, TrieNode> | undefined;
  terminals: Terminal[] | undefined;
}

interface Tokens {
  count: number;
  start: number[];
  end: number[];
  lower: string[];
  /** No whitespace before the token (always true next to "/" and "&", so "CI / CD" = "CI/CD"). */
  attached: boolean[];
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

// Takes the code only: passing `text.charAt(i)` along made V8's optimized loop ~50x slower.
function isWordCode(code: number): boolean {
  if (code < 0x80) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  return WORD_CHAR.test(String.fromCharCode(code));
}

function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x202f;
}

function isWordToken(token: string): boolean {
  return isWordCode(token.charCodeAt(0));
}

function isUrlStart(text: string, i: number): boolean {
  return (
    text.startsWith("http://", i) || text.startsWith("https://", i) || text.startsWith("www.", i)
  );
}

function tokenize(text: string): Tokens {
  // toLocaleLowerCase, not toLowerCase: after V8's toLowerCase of a two-byte (non-Latin-1)
  // string, this loop's charCodeAt ran ~200x slower (Node 20). "en" lowercases as the default.
  const lowerText = text.toLocaleLowerCase("en");
  // Lowercasing can change the length of rare characters; then lowercase token by token.
  const sameLength = lowerText.length === text.length;
  const tokens: Tokens = { count: 0, start: [], end: [], lower: [], attached: [] };
  let sawSpace = true;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      sawSpace = true;
      i++;
      continue;
    }
    if ((code === 104 || code === 119) && isUrlStart(lowerText, i)) {
      // Links name companies and tools without asking for them.
      while (i < text.length && !isSpaceCode(text.charCodeAt(i))) i++;
      sawSpace = true;
      continue;
    }
    const start = i;
    if (isWordCode(code)) {
      i++;
      while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
    } else {
      i++;
    }
    const lower = sameLength
      ? lowerText.slice(start, i)
      : text.slice(start, i).toLocaleLowerCase("en");
    const n = tokens.count;
    const previous = n > 0 ? tokens.lower[n - 1] : undefined;
    const glue = lower === "/" || lower === "&" || previous === "/" || previous === "&";
    tokens.start.push(start);
    tokens.end.push(i);
    tokens.lower.push(lower);
    tokens.attached.push(n > 0 && (!sawSpace || glue));
    tokens.count = n + 1;
    sawSpace = false;
  }
  return tokens;
}

interface AliasForm {
  readonly tokens: readonly string[];
  readonly attached: readonly boolean[];
}

function aliasForm(alias: string): AliasForm {
  const t = tokenize(alias);
  return { tokens: t.start.map((s, k) => alias.slice(s, t.end[k])), attached: t.attached };
}

/** "machine learning" also as "machine-learning" (and back), multi-word aliases also plural. */
function variants(form: AliasForm, caseSensitive: boolean): AliasForm[] {
  const out: AliasForm[] = [];
  const { tokens, attached } = form;
  const words = (k: number) => isWordToken(tokens[k] ?? "-");
  let spacedPairs = false;
  let hyphenPairs = false;
  for (let k = 1; k < tokens.length; k++) {
    if (!attached[k] && words(k - 1) && words(k)) spacedPairs = true;
    if (tokens[k] === "-" && attached[k] && attached[k + 1] && words(k - 1) && words(k + 1)) {
      hyphenPairs = true;
    }
  }
  if (spacedPairs) {
    const t: string[] = [];
    const a: boolean[] = [];
    tokens.forEach((token, k) => {
      if (k > 0 && !attached[k] && words(k - 1) && words(k)) {
        t.push("-");
        a.push(true);
        a.push(true);
      } else {
        a.push(attached[k] ?? false);
      }
      t.push(token);
    });
    out.push({ tokens: t, attached: a });
  }
  if (hyphenPairs) {
    const t: string[] = [];
    const a: boolean[] = [];
    for (let k = 0; k < tokens.length; k++) {
      const token = tokens[k] ?? "";
      if (token === "-" && attached[k] && attached[k + 1] && words(k - 1) && words(k + 1)) {
        t.push(tokens[k + 1] ?? "");
        a.push(false);
        k++;
      } else {
        t.push(token);
        a.push(attached[k] ?? false);
      }
    }
    out.push({ tokens: t, attached: a });
  }
  if (!caseSensitive && tokens.length > 1) {
    for (const f of [form, ...out]) {
      const last = f.tokens[f.tokens.length - 1] ?? "";
      if (/^[a-z]{3,}$/i.test(last) && !/s$/i.test(last)) {
        out.push({ tokens: [...f.tokens.slice(0, -1), `${last}s`], attached: f.attached });
      }
    }
  }
  return out;
}

function formKey(form: AliasForm, lower: boolean): string {
  let key = "";
  form.tokens.forEach((token, k) => {
    key += (k > 0 && !form.attached[k] ? " " : "") + (lower ? token.toLowerCase() : token);
  });
  return key;
}

function parseAlias(alias: string): { mark: string; text: string } {
  const mark = alias.charAt(0);
  return "=~?".includes(mark) ? { mark, text: alias.slice(1) } : { mark: "", text: alias };
}

function newNode(): TrieNode {
  return { attached: undefined, spaced: undefined, terminals: undefined };
}

const root = new Map<string, TrieNode>();
const skillIndex = new Map<string, number>();
/** normalizeSkill lookups: exact spelling first, then lowercase. */
const exactLookup = new Map<string, number>();
const lowerLookup = new Map<string, number>();
const weakContext: ReadonlySet<SkillCategory>[] = [];

function insert(form: AliasForm, terminal: Terminal): void {
  let map = root;
  let node: TrieNode | undefined;
  form.tokens.forEach((token, k) => {
    const lower = token.toLowerCase();
    if (k > 0 && node) {
      if (form.attached[k]) map = node.attached ??= new Map();
      else map = node.spaced ??= new Map();
    }
    node = map.get(lower);
    if (!node) {
      node = newNode();
      map.set(lower, node);
    }
  });
  if (!node) return;
  node.terminals ??= [];
  node.terminals.push(terminal);
  // Case-sensitive forms are tried first, so "DBT" and "dbt" can name different skills.
  node.terminals.sort((a, b) => Number(b.exact !== undefined) - Number(a.exact !== undefined));
}

function compile(): void {
  SKILLS.forEach((skill, index) => {
    if (skillIndex.has(skill.name)) throw new Error(`Skill "${skill.name}" is listed twice`);
    skillIndex.set(skill.name, index);
    const context = WEAK_ALIAS_CONTEXT[skill.name] ?? TECH_CATEGORIES;
    weakContext.push(new Set(context));
  });
  for (const name of Object.keys(WEAK_ALIAS_CONTEXT)) {
    if (!skillIndex.has(name)) throw new Error(`WEAK_ALIAS_CONTEXT names unknown skill "${name}"`);
  }

  // Matching keys already taken, each with its skill; generated variants never override.
  const claimed = new Map<string, number>();
  const pending: { form: AliasForm; terminal: Terminal }[] = [];
  const claim = (form: AliasForm, terminal: Terminal, generated: boolean) => {
    const key = terminal.exact ? `=${formKey(form, false)}` : formKey(form, true);
    const owner = claimed.get(key);
    if (owner !== undefined) {
      if (owner !== terminal.skill && !generated) {
        const names = `"${SKILLS[owner]?.name}" and "${SKILLS[terminal.skill]?.name}"`;
        throw new Error(`Skill alias "${key}" is claimed by both ${names}`);
      }
      return;
    }
    claimed.set(key, terminal.skill);
    insert(form, terminal);
  };

  SKILLS.forEach((skill, index) => {
    const aliases = skill.aliases.map(parseAlias);
    const restated = aliases.some((a) => a.mark !== "" && a.text === skill.name);
    // The name always normalizes; it matches case-insensitively unless an alias restates it.
    for (const { mark, text } of [{ mark: restated ? "?" : "", text: skill.name }, ...aliases]) {
      const form = aliasForm(text);
      if (form.tokens.length === 0) throw new Error(`Skill "${skill.name}" has an empty alias`);
      if (!exactLookup.has(formKey(form, false))) exactLookup.set(formKey(form, false), index);
      if (!lowerLookup.has(formKey(form, true))) lowerLookup.set(formKey(form, true), index);
      if (mark === "?") continue;
      const caseSensitive = mark === "=" || mark === "~";
      const terminal: Terminal = {
        skill: index,
        exact: caseSensitive ? form.tokens : undefined,
        weak: mark === "~",
      };
      claim(form, terminal, false);
      for (const variant of variants(form, caseSensitive)) {
        pending.push({
          form: variant,
          terminal: { ...terminal, exact: caseSensitive ? variant.tokens : undefined },
        });
      }
    }
  });
  for (const { form, terminal } of pending) {
    claim(form, terminal, true);
    const key = formKey(form, true);
    if (!lowerLookup.has(key)) lowerLookup.set(key, terminal.skill);
  }
}

compile();

const names: readonly string[] = Object.freeze(SKILLS.map((skill) => skill.name));

function matchesExactly(text: string, tokens: Tokens, from: number, exact: readonly string[]) {
  return exact.every((token, k) => {
    const start = tokens.start[from + k] ?? 0;
    return tokens.end[from + k] === start + token.length && text.startsWith(token, start);
  });
}

/** Boundary checks the trie cannot express; `last` is the index of the match's last token. */
function acceptable(text: string, tokens: Tokens, first: number, last: number, t: Terminal) {
  if (t.exact && !matchesExactly(text, tokens, first, t.exact)) return false;
  const { lower, attached } = tokens;
  const firstToken = lower[first] ?? "";
  if (first > 0 && attached[first] && isWordToken(firstToken)) {
    const before = lower[first - 1];
    // Inside an e-mail address or a dotted name ("jobs@hubspot.com", "config.java").
    if (before === "@") return false;
    if (
      before === "." &&
      first > 1 &&
      attached[first - 1] &&
      isWordToken(lower[first - 2] ?? "-")
    ) {
      return false;
    }
  }
  const after = last + 1 < tokens.count && attached[last + 1] ? lower[last + 1] : undefined;
  // "Embedded C" must not claim the start of "Embedded C++".
  if ((after === "+" || after === "#") && isWordToken(lower[last] ?? "-")) return false;
  if (!t.weak) return true;
  const before = first > 0 ? lower[first - 1] : undefined;
  if (before === "&" || lower[last + 1] === "&") return false;
  if (attached[first] && before !== undefined && WEAK_NEIGHBOURS.has(before)) return false;
  if (after !== undefined && WEAK_NEIGHBOURS.has(after)) return false;
  if (before !== undefined && WEAK_BLOCKERS.has(before)) return false;
  return true;
}

interface Found {
  readonly skill: number;
  readonly at: number;
  readonly weak: boolean;
  /** Character offsets of the match in the text. */
  readonly start: number;
  readonly end: number;
}

/** Terminals seen along the current trie walk, reused between calls. */
const walk: { node: TrieNode; last: number }[] = [];

function findAll(text: string): Found[] {
  const tokens = tokenize(text);
  const { lower, attached, count } = tokens;
  const found: Found[] = [];
  let i = 0;
  while (i < count) {
    let node = root.get(lower[i] ?? "");
    if (!node) {
      i++;
      continue;
    }
    walk.length = 0;
    let j = i;
    while (node) {
      if (node.terminals) walk.push({ node, last: j });
      j++;
      if (j >= count) break;
      const next: Map<string, TrieNode> | undefined = attached[j] ? node.attached : node.spaced;
      node = next?.get(lower[j] ?? "");
    }
    let matchedLast = -1;
    for (let w = walk.length - 1; w >= 0 && matchedLast < 0; w--) {
      const step = walk[w];
      if (!step) continue;
      for (const terminal of step.node.terminals ?? []) {
        if (acceptable(text, tokens, i, step.last, terminal)) {
          found.push({
            skill: terminal.skill,
            at: i,
            weak: terminal.weak,
            start: tokens.start[i] ?? 0,
            end: tokens.end[step.last] ?? 0,
          });
          matchedLast = step.last;
          break;
        }
      }
    }
    i = matchedLast >= 0 ? matchedLast + 1 : i + 1;
  }
  return found;
}

/** A `~` match counts only with a confirming (non-`~`) skill of its context nearby. */
function confirmed(found: readonly Found[], weak: Found): boolean {
  const context = weakContext[weak.skill];
  return found.some(
    (other) =>
      !other.weak &&
      other.skill !== weak.skill &&
      Math.abs(other.at - weak.at) <= WEAK_WINDOW &&
      context?.has(SKILLS[other.skill]?.category ?? "soft") === true,
  );
}

/** Canonical names of the skills in `text`, in order of first appearance, each once. */
export function extractSkills(text: string): string[] {
  const found = findAll(text);
  const seen = new Set<number>();
  const out: string[] = [];
  for (const item of found) {
    if (seen.has(item.skill)) continue;
    if (item.weak && !confirmed(found, item)) continue;
    seen.add(item.skill);
    out.push(names[item.skill] ?? "");
  }
  return out;
}

/** Each skill mention in `text` as written: canonical name and character offsets, in order. */
export function skillMentions(text: string): { skill: string; start: number; end: number }[] {
  const found = findAll(text);
  return found
    .filter((item) => !item.weak || confirmed(found, item))
    .map((item) => ({ skill: names[item.skill] ?? "", start: item.start, end: item.end }));
}

/** Every canonical skill name, in vocabulary order. */
export function skillNames(): readonly string[] {
  return names;
}

/** The category of a skill, by canonical name or any alias `normalizeSkill` accepts. */
export function skillCategory(name: string): SkillCategory | undefined {
  const index = skillIndex.get(name) ?? skillIndex.get(normalizeSkill(name) ?? "");
  return index === undefined ? undefined : SKILLS[index]?.category;
}

/**
 * The canonical name of a skill as a person wrote it ("postgres", "Node", "golang"), or
 * undefined when it is not in the vocabulary. The whole input must name one skill; case only
 * matters where two skills differ by it ("DBT" the therapy, "dbt" the data tool).
 */
export function normalizeSkill(name: string): string | undefined {
  const form = aliasForm(name.trim().replace(/[,;:]+$/u, ""));
  if (form.tokens.length === 0) return undefined;
  const index = exactLookup.get(formKey(form, false)) ?? lowerLookup.get(formKey(form, true));
  return index === undefined ? undefined : names[index];
}
