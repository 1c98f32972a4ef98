import { foldAccents } from "../../shared/fold.ts";
import type { RemoteMode } from "../job.ts";

export interface RemoteInput {
  /** What the board says ("remote", "Hybrid", "On-site", "in_office"...), when it says anything. */
  hint?: string | null;
  location?: string | null;
  title?: string | null;
  /** Clean text; only its beginning is read. */
  description?: string | null;
}

/** How much of a description is read: the terms of work are stated early, boilerplate comes late. */
const DESCRIPTION_HEAD = 1500;

/** "Not remote" and the like: an explicit no. */
const NOT_REMOTE =
  /\b(?:not|no|non|isn'?t|is not|cannot be|can't be|nicht|sin|sem|no es|nao e)[\s-]+(?:a\s+|an?\s+)?(?:fully\s+|100%\s+)?(?:remote|remoto|teletrabajo|home\s*office)\b/;
const HYBRID =
  /\b(?:hybrid|hybride?|hibrido|semi[\s-]?remote|partially remote|partly remote|teilweise remote|\d(?:\s*-\s*\d)?\s+days?\s+(?:a|per|each)\s+week\s+(?:in|at)\s+(?:the\s+|our\s+)?office|\d(?:\s*-\s*\d)?\s+days?\s+(?:in|at)\s+(?:the\s+|our\s+)?office|(?:in|at)\s+(?:the\s+|our\s+)?office\s+\d(?:\s*-\s*\d)?\s+days?)\b/;
const REMOTE_STRONG =
  /\b(?:remote|remotely|work(?:ing)? from home|wfh|work from anywhere|anywhere|worldwide|distributed|remoto|remota|teletrabajo|teletrabalho|home\s*office|mobiles arbeiten|fernarbeit|telearbeit|telework|teletravail)\b/;
const ONSITE_STRONG =
  /\b(?:on[\s-]?site|in[\s-]office|office[\s-]based|in[\s-]person|presencial|vor ort|en sitio|sur site)\b/;
/**
 * In a description, words that mean remote work only in these phrases:
 * "distributed systems" and "anywhere" are everywhere in job ads.
 */
const REMOTE_IN_TEXT =
  /\b(?:fully remote|100% remote|remote[\s-](?:first|only|friendly|role|position|job|opportunity|work|team|company|based)|(?:this|the) (?:role|position|job) is remote|work(?:ing)? remotely|work(?:ing)? from home|work from anywhere|wfh|distributed (?:team|company)|fully distributed|remote\s*\(|remote,|remote\b(?=\s*[-–:|/]))|\bremoto\b|\bremota\b|\bteletrabajo\b|\bteletrabalho\b|\b(?:100 ?%|full|fully|komplett|vollstandig|ausschliesslich)[\s-]+(?:im\s+)?(?:home\s*office|mobiles arbeiten)/;
/**
 * German ads offer "Homeoffice" or "mobiles Arbeiten" as an option next to an
 * office: in a description that means hybrid unless it says 100% or fully.
 */
const HYBRID_IN_TEXT = new RegExp(
  `${HYBRID.source}|(?<!(?:100 ?%|full|fully|komplett|vollstandig|ausschliesslich)[\\s-]+(?:im\\s+)?)\\b(?:home\\s*office|mobiles? arbeiten)\\b`,
);
const ONSITE_IN_TEXT =
  /\b(?:this (?:is an? )?(?:role|position|job) is (?:fully )?(?:on[\s-]?site|in[\s-]office|in[\s-]person)|(?:on[\s-]?site|in[\s-]office|in[\s-]person|office[\s-]based) (?:role|position|job)|(?:work|working|based) (?:on[\s-]?site|in[\s-]office|from (?:our|the) office)|100% (?:on[\s-]?site|presencial)|presencial|vor ort)\b/;
/** "Remote" in senses that say nothing about where one works. */
const NOT_ABOUT_WORK =
  /\bremote(?:ly)?[\s-](?:sensing|control(?:led)?|controls|monitoring|access|desktop|patient|device|devices|piloted|operated|operations center|support tools|server|servers|procedure|procedures|learning|tutoring|consultation)\b/g;

/**
 * Remote, hybrid or on-site. The board's hint wins when given. Otherwise the
 * title and location are read first (where a plain "Remote" is decisive), then
 * the first 1,500 characters of the description, where only unambiguous phrases
 * count. In each, an explicit "not remote" means on-site, then hybrid wins over
 * remote (a hybrid job is also "remote" some days), and remote over on-site. In a
 * description, "Homeoffice" or "mobiles Arbeiten" offered as an option (German
 * ads) reads as hybrid unless it says 100% or fully.
 */
export function detectRemote(input: RemoteInput): RemoteMode {
  const hinted = normalizeRemoteHint(input.hint);
  if (hinted) return hinted;
  const head = prepare([input.title, input.location].filter(Boolean).join(" | "));
  const fromHead = classify(head, HYBRID, REMOTE_STRONG, ONSITE_STRONG);
  if (fromHead) return fromHead;
  const body = prepare((input.description ?? "").slice(0, DESCRIPTION_HEAD));
  return classify(body, HYBRID_IN_TEXT, REMOTE_IN_TEXT, ONSITE_IN_TEXT) ?? "unknown";
}

/** A board's own value ("Remote", "hybrid", "On-site", "in_office", "onsite", "remote_ok") as a mode. */
export function normalizeRemoteHint(hint: string | null | undefined): RemoteMode | null {
  if (typeof hint !== "string" || hint.trim() === "") return null;
  const text = prepare(hint.replace(/[_]/g, " "));
  return (
    classify(text, HYBRID, REMOTE_STRONG, ONSITE_STRONG) ??
    (/\boffice\b/.test(text) ? "onsite" : null)
  );
}

function classify(text: string, hybrid: RegExp, remote: RegExp, onsite: RegExp): RemoteMode | null {
  if (text === "") return null;
  if (NOT_REMOTE.test(text)) return "onsite";
  if (hybrid.test(text)) return "hybrid";
  if (remote.test(text)) return "remote";
  if (onsite.test(text)) return "onsite";
  return null;
}

function prepare(text: string): string {
  return foldAccents(text.toLowerCase()).replace(/\s+/g, " ").replace(NOT_ABOUT_WORK, " ");
}
