import { decodeHTML } from "entities";

/** What one top-level comment of an "Ask HN: Who is hiring?" thread says in its header. */
export interface HiringComment {
  company: string;
  /**
   * The role named in the first line. Two roles are joined as "A / B"; more as
   * "A / B (+N more)". "Multiple roles" when the comment says it hires for several
   * roles without naming them.
   */
  title: string;
  location: string | null;
  remote: "remote" | "hybrid" | "onsite" | null;
  /** The salary segment as written ("$160k–$180k + Equity"); normalize reads the numbers. */
  salaryText: string | null;
  /** "Full-time", "Part-time", "Contract", "Internship", "Freelance", "Temporary" or "Permanent". */
  employmentType: string | null;
  /** The first http(s) link of the comment (an `<a href>` or a bare URL), usually where to apply. */
  applyUrl: string | null;
}

export type HiringCommentResult =
  | { ok: true; comment: HiringComment }
  | { ok: false; reason: string };

/*
 * HN hiring comments follow a loose convention: a first line (up to the first <p> or
 * newline) of segments, "Company | Role | Location | Remote | Full-time | $salary",
 * sometimes separated by spaced dashes ("Company - Role - Location") or bullets, and
 * sometimes prose ("Acme is hiring a backend engineer"). The first segment is the
 * company; the others are told apart by what they contain.
 */

const ROLE_WORD =
  "(?:engineer(?:s|ing)?|developers?|devs?|designers?|managers?|scientists?|leads?|head of|directors?|sres?|devops|analysts?|architects?|co-?founders?|founding|advocates?|specialists?|recruiters?|marketers?|programmers?|consultants?|administrators?|technicians?|researchers?|interns?|internships?|operators?|cto|ceo|coo|cfo|cpo|vp|writers?|editors?|account executives?|representatives?|coordinators?|strategists?|officers?|pms?|hackers?|experts?|generalists?|testers?|qa|product owners?|mathematicians?|physicists?|economists?|accountants?|counsel|attorneys?|associates?|sales|partners?)";
/** A role word not introduced by "for"/"by"/... ("tools for engineers" is not a role). */
const ROLE = new RegExp(
  String.raw`(?<!\b(?:for|by|with|to|from|of)\s+(?:[\w-]+\s+)?)\b${ROLE_WORD}\b`,
  "i",
);
const MULTIPLE_ROLES =
  /\b(?:multiple|several|various|many|numerous|lots of|\d+)\s+(?:open\s+)?(?:[\w-]+\s+)?(?:roles|positions|openings|jobs|opportunities)\b/i;
const SALARY =
  /[$€£¥₹]|\b\d{2,3}(?:[.,]\d+)?\s?[kK]\+?(?!\w)|\b(?:salary|compensation|comp|usd|eur|gbp|cad|chf|aud|equity|ote|per hour|\/hr|\/yr)\b/i;
const URL_SEGMENT =
  /https?:\/\/|\bwww\.|^[\w-]+(?:\.[\w-]+)*\.(?:com|io|ai|co|dev|org|net|app|xyz|tech|so|sh|me|us|uk|de|fr|eu|health|inc)(?:\/\S*)?$/i;
const REMOTE_WORD =
  /\b(?:remote|onsite|on-site|on site|in[- ]office|in[- ]person|hybrid|wfh|distributed|anywhere|worldwide|relocation)\b/i;
const PLACE = new RegExp(
  [
    String.raw`\b(?:UTC|GMT|CET|CEST|EST|EDT|PST|PDT|CST|IST)\b`,
    String.raw`\b(?:U\.?S\.?A?|UK|U\.K\.|EU|EMEA|APAC|LATAM|NA|NYC|SF|SFBA|LA|DC|ANZ)\b`,
    String.raw`\b(?:United States|United Kingdom|North America|South America|Latin America|Americas|Europe|European|Asia|Africa|Canada|Mexico|Brazil|Argentina|Colombia|Chile|India|China|Japan|Korea|Singapore|Australia|New Zealand|Germany|France|Spain|Portugal|Italy|Netherlands|Belgium|Ireland|Switzerland|Austria|Sweden|Norway|Denmark|Finland|Poland|Estonia|Czechia|Romania|Ukraine|Israel|Turkey|UAE|Dubai|Nigeria|Kenya|Egypt|South Africa|Philippines|Vietnam|Indonesia|Taiwan|Hong Kong)\b`,
    String.raw`\b(?:New York|San Francisco|Bay Area|Silicon Valley|Los Angeles|Seattle|Boston|Austin|Chicago|Denver|Boulder|Atlanta|Miami|Portland|San Diego|San Jose|Palo Alto|Mountain View|Menlo Park|Oakland|Berkeley|Washington|Philadelphia|Pittsburgh|Toronto|Vancouver|Montreal|Ottawa|Waterloo|London|Cambridge|Oxford|Manchester|Edinburgh|Berlin|Munich|Hamburg|Paris|Amsterdam|Rotterdam|Dublin|Zurich|Geneva|Stockholm|Copenhagen|Oslo|Helsinki|Barcelona|Madrid|Lisbon|Porto|Milan|Rome|Vienna|Prague|Warsaw|Krakow|Tallinn|Tel Aviv|Bangalore|Bengaluru|Mumbai|Delhi|Hyderabad|Pune|Tokyo|Seoul|Sydney|Melbourne|Auckland|Sao Paulo|São Paulo|Mexico City|Buenos Aires|Lagos|Nairobi|Cape Town)\b`,
    // "City, ST" and "City, Country"
    String.raw`\b[A-Z][a-zA-Z.'-]+(?:\s[A-Z][a-zA-Z.'-]+)*,\s?(?:[A-Z]{2}\b|[A-Z][a-z]{3,})`,
  ].join("|"),
);
const EMPLOYMENT: [RegExp, string][] = [
  [/\bfull[- ]?time\b|\bFTE\b/i, "Full-time"],
  [/\bpart[- ]?time\b/i, "Part-time"],
  [/\bcontract(?:or|ors|ing|-to-hire)?\b/i, "Contract"],
  [/\bfreelance(?:rs?)?\b/i, "Freelance"],
  [/\bintern(?:ship)?s?\b/i, "Internship"],
  [/\b(?:temporary|temp|fixed[- ]term)\b/i, "Temporary"],
];
const YC = /[([]\s*(?:YC|Y Combinator|Y-Combinator)\b[^)\]]*[)\]]|\bYC\s?[SWFX]\d{2,4}\b/gi;
const HIRING_VERB = String.raw`(?:is|are)\s+(?:now\s+|currently\s+|actively\s+)?(?:hiring|looking|seeking|searching|recruiting|growing|expanding)`;
const LABEL =
  /^(location|locations|where|office|salary|compensation|comp|pay|role|roles|position|positions|title|type|employment|remote|visa|url|apply|website|web|link|stack|tech)\s*:\s*(.*)$/i;

interface Segment {
  text: string;
  label: string | null;
}

export function parseHiringComment(html: string): HiringCommentResult {
  const header = firstLine(html);
  if (!header) return { ok: false, reason: "text: empty comment" };
  const body = htmlToText(html);
  const applyUrl = firstUrl(html);
  const segments = splitHeader(header);

  let company: string | null = null;
  let roleTexts: string[] = [];
  let multiple = false;
  const locations: string[] = [];
  const hints: string[] = [];
  let salaryText: string | null = null;
  let employmentType: string | null = null;

  if (segments.length >= 2) {
    const [first, ...rest] = segments as [Segment, ...Segment[]];
    const at = roleAtCompany(first.text);
    company = at ? at.company : cleanCompany(first.text, locations, hints);
    if (at) roleTexts.push(at.role);
    for (const segment of rest) {
      const { text, label } = segment;
      const kind = label ? labelKind(label) : null;
      if (kind === "skip") continue;
      hints.push(text);
      if (kind === "url" || (!kind && URL_SEGMENT.test(text) && !ROLE.test(text))) continue;
      if (kind === "salary" || (!kind && isSalary(text) && !ROLE.test(text))) {
        salaryText ??= text;
        continue;
      }
      employmentType ??= employment(text);
      if (MULTIPLE_ROLES.test(text)) {
        multiple = true;
      } else if (kind === "role" || (!kind && ROLE.test(text) && text.length <= 100)) {
        const { role, location } = splitRoleLocation(text);
        roleTexts.push(...splitRoles(role));
        if (location) locations.push(location);
      } else if (kind === "location" || PLACE.test(text) || REMOTE_WORD.test(text)) {
        locations.push(text);
      }
    }
  } else {
    const at = roleAtCompany(header.replace(/^(?:now\s+)?hiring\s*:\s*/i, ""));
    if (at) roleTexts.push(at.role);
    const prose = at?.company ?? proseCompany(header);
    company = prose ?? cleanCompany(header, locations, hints);
    const notAName =
      header.split(/\s+/).length > 8 ||
      /[.!?]$/.test(header) ||
      ROLE.test(header) ||
      /^(?:hiring|we|i|looking|seeking|join|anyone|does|is|are)\b/i.test(header);
    if (!prose && notAName) {
      return {
        ok: false,
        reason: "text: the first line names no company ('Company | Role | ...')",
      };
    }
    hints.push(header);
    for (const parenthetical of header.match(/\(([^)]*)\)/g) ?? []) {
      const inner = parenthetical.slice(1, -1);
      if (PLACE.test(inner) || REMOTE_WORD.test(inner)) locations.push(inner.trim());
    }
    const based = header.match(/\b([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)-based\b/);
    if (based?.[1]) locations.push(based[1]);
    employmentType = employment(header);
  }

  if (!company) return { ok: false, reason: "text: the first line names no company" };
  if (company.length > 80 || company.split(/\s+/).length > 10) {
    return { ok: false, reason: "text: the first segment is too long to be a company name" };
  }

  const headerAt = body.indexOf(header);
  const afterHeader = headerAt >= 0 ? body.slice(headerAt + header.length) : body;
  if (roleTexts.length === 0 && !multiple) {
    roleTexts = rolesFromBody(segments.length >= 2 ? afterHeader : body);
    if (roleTexts.length === 0 && /\b(?:roles|positions|openings)\b/i.test(body)) multiple = true;
  }
  const title = joinRoles(roleTexts) ?? (multiple ? "Multiple roles" : null);
  if (!title) return { ok: false, reason: "text: no role found in the comment" };

  // Labelled lines in the body ("Location: Berlin", "Salary: ...") fill what the header lacks.
  const labelled = labelledLines(afterHeader);
  if (locations.length === 0 && labelled.location) locations.push(labelled.location);
  salaryText ??= labelled.salary ?? null;
  // In the text, only unambiguous words: "contract" may be a smart contract there.
  employmentType ??= /\bfull[- ]time\b/i.test(afterHeader.slice(0, 400))
    ? "Full-time"
    : /\bpart[- ]time\b/i.test(afterHeader.slice(0, 400))
      ? "Part-time"
      : null;

  const location = pickLocation(locations);
  const remote =
    remoteHint([...hints, ...locations].join(" | ")) ?? remoteHint(afterHeader.slice(0, 600), true);
  return {
    ok: true,
    comment: { company, title, location, remote, salaryText, employmentType, applyUrl },
  };
}

/** The comment's first line as text: up to the first <p> or newline. */
function firstLine(html: string): string {
  for (const piece of html.split(/<p\b[^>]*>|<br\s*\/?>|\n/i)) {
    const text = htmlToText(piece).trim();
    if (text) return text;
  }
  return "";
}

/** HN comment HTML as text: paragraphs and line breaks as newlines, entities decoded. */
function htmlToText(html: string): string {
  return decodeHTML(
    html
      .replace(/<p\b[^>]*>/gi, "\n\n")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<[^>]+>/g, ""),
  )
    .replace(/[ \t\u00a0]+/g, " ")
    .trim();
}

function isSalary(text: string): boolean {
  return (
    SALARY.test(text) &&
    !/\b(?:raised|funded|funding|series [a-e]|arr|revenue|valuation)\b/i.test(text)
  );
}

function firstUrl(html: string): string | null {
  const href = html.match(/<a\b[^>]*\bhref\s*=\s*"([^"]+)"/i)?.[1];
  if (href) {
    const decoded = decodeHTML(href).trim();
    if (/^https?:\/\//i.test(decoded)) return decoded;
  }
  const bare = htmlToText(html).match(/https?:\/\/[^\s<>"')\]]+/i)?.[0];
  return bare ? bare.replace(/[.,;:!?]+$/, "") : null;
}

function splitHeader(header: string): Segment[] {
  let parts: string[];
  if (header.includes("|")) parts = header.split("|");
  else if (/\s[-–—•·]\s/.test(header)) parts = header.split(/\s[-–—•·]\s/);
  else parts = [header];
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((text, index) => {
      const labelled = index > 0 ? text.match(LABEL) : null;
      return labelled?.[1] && labelled[2]?.trim()
        ? { text: labelled[2].trim(), label: labelled[1].toLowerCase() }
        : { text, label: null };
    });
}

function labelKind(label: string): "location" | "salary" | "role" | "url" | "skip" | null {
  if (/^(location|locations|where|office|remote)$/.test(label)) return "location";
  if (/^(salary|compensation|comp|pay)$/.test(label)) return "salary";
  if (/^(role|roles|position|positions|title)$/.test(label)) return "role";
  if (/^(url|apply|website|web|link)$/.test(label)) return "url";
  if (/^(visa|stack|tech)$/.test(label)) return "skip";
  return null;
}

/** "Senior Engineer at Acme" → role and company. */
function roleAtCompany(text: string): { role: string; company: string } | null {
  const match = text.match(/^(.+?)\s+(?:at|@)\s+([A-Z0-9][^,;()]{0,60}?)\s*(?:\(|,|;|$)/);
  const role = match?.[1];
  if (!role || !match[2] || !ROLE.test(role)) return null;
  if (role.split(/\s+/).length > 8 || /\b(?:is|are|we|i|hiring|looking|seeking)\b/i.test(role)) {
    return null;
  }
  const company = cleanCompany(match[2], [], []);
  return company ? { role: role.trim(), company } : null;
}

/** "Acme is hiring ...", "At Acme, we're hiring ...", "We're Acme and ..." → "Acme". */
function proseCompany(header: string): string | null {
  const leading = header.match(new RegExp(String.raw`^(.{1,80}?)\s+${HIRING_VERB}\b`, "i"))?.[1];
  if (leading && /^[A-Z0-9]/.test(leading) && !/^(?:we|i|our|my|hi|hey|hello)\b/i.test(leading)) {
    return cleanCompany(leading, [], []);
  }
  const at = header.match(/^At\s+([A-Z0-9][^,]{0,60}),/)?.[1];
  if (at) return cleanCompany(at, [], []);
  if (/\b(?:hiring|looking for|seeking)\b/i.test(header)) {
    const atCompany = header.match(
      /\bat\s+([A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3})/,
    )?.[1];
    if (atCompany) return cleanCompany(atCompany, [], []);
  }
  const weAre = header.match(
    /\bwe(?:'re|’re| are)\s+([A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3})/,
  )?.[1];
  return weAre ? cleanCompany(weAre, [], []) : null;
}

/**
 * The company segment without YC batches, URLs and parentheticals (a parenthetical
 * naming a place, "PrairieLearn (Remote US)", is kept as a location).
 */
function cleanCompany(text: string, locations: string[], hints: string[]): string | null {
  let company = text.replace(YC, " ");
  company = company.replace(/\(([^)]*)\)|\[([^\]]*)\]/g, (_, round: string, square: string) => {
    const inner = (round ?? square ?? "").trim();
    if (!URL_SEGMENT.test(inner) && (PLACE.test(inner) || REMOTE_WORD.test(inner))) {
      locations.push(inner);
      hints.push(inner);
    }
    return " ";
  });
  const urlOnly = company
    .trim()
    .match(/^(?:https?:\/\/)?(?:www\.)?([\w.-]+\.[a-z]{2,})(?:\/\S*)?$/i);
  if (urlOnly?.[1]) return urlOnly[1];
  company = company
    .replace(/https?:\/\/\S+|\bwww\.\S+/gi, " ")
    .replace(new RegExp(String.raw`\s+(?:${HIRING_VERB}|hiring)\b.*$`, "i"), "")
    .replace(/^(?:hiring|company)\s*:\s*/i, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s,:;–—-]+|[\s,:;–—-]+$/g, "")
    .trim();
  return company || null;
}

/** "Senior Engineer (Remote, EU)" → the role, and the parenthetical as a location. */
function splitRoleLocation(text: string): { role: string; location: string | null } {
  const match = text.match(/^(.*?)\s*\(([^)]*)\)\s*$/);
  if (match?.[1] && match[2] && (PLACE.test(match[2]) || REMOTE_WORD.test(match[2]))) {
    return { role: match[1], location: match[2].trim() };
  }
  return { role: text, location: null };
}

/** "Backend Engineer, Frontend Engineer" → two roles; "Senior Engineer, Frontend" → one. */
function splitRoles(text: string): string[] {
  const pieces = text
    .split(/\s*[,;/]\s*|\s+or\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
  const cleaned = (p: string) => p.replace(/^[\s•*-]+|[\s.:;,]+$/g, "").trim();
  if (pieces.length > 1 && pieces.every((p) => ROLE.test(p))) return pieces.map(cleaned);
  return [cleaned(text)];
}

function joinRoles(roles: string[]): string | null {
  const unique = [...new Set(roles.filter(Boolean))];
  if (unique.length === 0) return null;
  const shown = unique.slice(0, 2).join(" / ");
  return unique.length > 2 ? `${shown} (+${unique.length - 2} more)` : shown;
}

/**
 * Roles from the comment's text when the header names none: a list after "roles:" or
 * "positions:", short bulleted lines naming a role, or "hiring a <role>" phrasing.
 */
function rolesFromBody(text: string): string[] {
  const list = text.match(
    /\b(?:open\s+)?(?:roles|positions|openings|hiring for|we(?:'re| are) hiring)[ \t]*:[ \t]*([^\n]+)/i,
  )?.[1];
  if (list) {
    const items = list
      .split(/\s*[•·;,]\s*|\s+-\s+/)
      .map((item) => item.trim())
      .filter((item) => item && ROLE.test(item) && item.split(/\s+/).length <= 8);
    if (items.length) return items;
  }
  const bullets = text
    .split("\n")
    .slice(0, 40)
    .map((line) => line.match(/^\s*(?:[-•*]|\d+[.)])\s+(.+)$/)?.[1])
    .flatMap((item) => {
      const name = item?.split(/\s+[—–-]\s+|:|\(/)[0]?.trim();
      return name && ROLE.test(name) && name.split(/\s+/).length <= 8 ? [name] : [];
    });
  if (bullets.length) return bullets;
  const phrase = text
    .slice(0, 600)
    .match(
      new RegExp(
        String.raw`\b(?:hiring|looking for|seeking|searching for|recruiting|need|needs)\s+(?:an?\s+|our\s+(?:first\s+)?|two\s+|three\s+|several\s+|more\s+)?((?:[\w.+#/-]+\s+){0,4}?${ROLE_WORD})\b`,
        "i",
      ),
    )?.[1];
  if (!phrase) return [];
  const words = phrase
    .split(/\s+/)
    .filter(
      (w) =>
        !/-based$/i.test(w) &&
        !/^(?:remote|experienced|talented|great|strong|passionate|skilled|motivated|amazing|exceptional)$/i.test(
          w,
        ),
    );
  if (words.length === 0) return [];
  const role = words.join(" ");
  return [role.charAt(0).toUpperCase() + role.slice(1)];
}

function labelledLines(text: string): { location?: string; salary?: string } {
  const out: { location?: string; salary?: string } = {};
  for (const line of text.split("\n").slice(0, 60)) {
    const match = line.match(/^\s*(location|locations|salary|compensation|pay)\s*:\s*(.{2,120})$/i);
    if (!match?.[1] || !match[2]) continue;
    const key = /^loc/i.test(match[1]) ? "location" : "salary";
    out[key] ??= match[2].trim();
  }
  return out;
}

function employment(text: string): string | null {
  let best: { index: number; name: string } | null = null;
  for (const [pattern, name] of EMPLOYMENT) {
    const index = text.search(pattern);
    if (index >= 0 && (!best || index < best.index)) best = { index, name };
  }
  if (best) return best.name;
  return /\bpermanent\b/i.test(text) ? "Permanent" : null;
}

/** Places first ("New York, NY | Onsite" → "New York, NY"), else a remote word ("REMOTE"). */
function pickLocation(locations: string[]): string | null {
  const unique = [...new Set(locations.map((l) => l.trim()).filter(Boolean))];
  const places = unique.filter((l) => PLACE.test(l));
  if (places.length) return places.join("; ");
  return unique[0] ?? null;
}

/** What the header (or, loosely, the text) says about remote work. */
function remoteHint(text: string, fromBody = false): HiringComment["remote"] {
  if (fromBody) {
    if (/\bhybrid\b/i.test(text)) return "hybrid";
    if (
      /\b(?:fully remote|100% remote|remote[- ](?:first|only|friendly)|work from anywhere)\b/i.test(
        text,
      )
    ) {
      return "remote";
    }
    if (/\b(?:on-?site only|in[- ]office only|no remote)\b/i.test(text)) return "onsite";
    return null;
  }
  if (/\bhybrid\b/i.test(text)) return "hybrid";
  if (/\b(?:no|not)\s+remote\b/i.test(text)) return "onsite";
  if (/\b(?:remote|wfh|distributed|anywhere|worldwide)\b/i.test(text)) return "remote";
  if (/\b(?:onsite|on-site|on site|in[- ]office|in[- ]person)\b/i.test(text)) return "onsite";
  return null;
}
