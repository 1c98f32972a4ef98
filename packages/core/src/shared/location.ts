import { foldAccents } from "./fold.ts";
import {
  CA_PROVINCES,
  CITIES,
  COUNTRY_ALIASES,
  ISO_CODES,
  MULTI_COUNTRY,
  REGIONS,
  US_STATES,
} from "./location-data.ts";

export interface CountryInput {
  /** Country as the board gives it: a name or an ISO code. */
  country?: string | null;
  location?: string | null;
}

/** How directly a place names its country: a country name beats a state, a state beats a city. */
const COUNTRY = 0;
const STATE = 1;
const CITY = 2;
type Level = typeof COUNTRY | typeof STATE | typeof CITY;

interface Option {
  country: string;
  level: Level;
}
/** One place found in a location: usually one option, two for "Georgia" or "Berlin, DE". */
type Hit = Option[] | "multi";

const ALPHA2 = new Set(ISO_CODES.map((pair) => pair.slice(0, 2)));
const ALPHA3 = new Map(ISO_CODES.map((pair) => [pair.slice(2), pair.slice(0, 2)]));
/** Country names in the languages job boards write in, from ICU (bundled with Node, offline). */
const NAME_LOCALES = ["en", "de", "es", "pt", "fr", "it", "nl"];
const MAX_WORDS = 6;

/** Lower-case, accent-free words joined by one space: the form every table is keyed by. */
export function placeKey(text: string): string {
  return foldAccents(text.toLowerCase())
    .replace(/&/g, " and ")
    .replace(/['’.]/g, "")
    .replace(/\([^)]*\)/g, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .map((word) => (word === "st" || word === "ste" ? "saint" : word))
    .join(" ");
}

const PLACES = buildPlaceTable();

function buildPlaceTable(): Map<string, Hit> {
  const table = new Map<string, Hit>();
  const add = (name: string, option: Option) => {
    const key = placeKey(name);
    if (key === "") return;
    const existing = table.get(key);
    if (existing === "multi") return;
    if (!existing) table.set(key, [option]);
    else if (!existing.some((o) => o.country === option.country && o.level === option.level)) {
      existing.push(option);
    }
  };
  for (const locale of NAME_LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    for (const code of ALPHA2) {
      const name = names.of(code);
      if (name) add(name, { country: code, level: COUNTRY });
    }
  }
  // French "Saint-Martin" names both halves of the island: keep the French one.
  table.set(placeKey("Saint-Martin"), [{ country: "MF", level: COUNTRY }]);
  for (const [name, code] of Object.entries(COUNTRY_ALIASES))
    add(name, { country: code, level: COUNTRY });
  for (const name of Object.values(US_STATES)) add(name, { country: "US", level: STATE });
  for (const name of Object.values(CA_PROVINCES)) add(name, { country: "CA", level: STATE });
  for (const [name, code] of Object.entries(REGIONS)) add(name, { country: code, level: STATE });
  for (const [name, code] of Object.entries(CITIES)) add(name, { country: code, level: CITY });
  for (const name of MULTI_COUNTRY) table.set(placeKey(name), "multi");
  return table;
}

/**
 * The ISO 3166-1 alpha-2 code of the one country a posting is in, or null when
 * none or several can be told. The board's `country` (a name in one of several
 * languages, or an alpha-2/alpha-3 code) is trusted first; then the location is
 * read: country names, "USA"/"US"/"U.S."/"UK", US states, Canadian provinces, a
 * table of big cities, and two-letter state or country codes after a comma
 * ("Austin, TX", "Berlin, DE"). Within one place ("London, ON") the most direct
 * mention wins: country over state over city. Several countries, or words such
 * as "Worldwide", "EMEA" or "Europe", give null.
 */
export function detectCountry(input: CountryInput): string | null {
  const fromField = typeof input.country === "string" ? countryFromField(input.country) : null;
  if (fromField) return fromField;
  return typeof input.location === "string" ? countryFromLocation(input.location) : null;
}

function countryFromField(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const upper = trimmed.toUpperCase();
  if (upper === "UK") return "GB";
  if (upper.length === 2 && ALPHA2.has(upper)) return upper;
  if (upper.length === 3 && ALPHA3.has(upper)) return ALPHA3.get(upper) ?? null;
  const whole = PLACES.get(placeKey(trimmed));
  if (Array.isArray(whole)) {
    const country = whole.find((o) => o.level === COUNTRY) ?? whole[0];
    if (country) return country.country;
  }
  return countryFromLocation(trimmed);
}

/**
 * Splits a location into places (";", "/", "|", " - ", " or ", parentheses) and
 * each place into parts (","), resolves each place to one country, and returns
 * the country when all places agree.
 */
function countryFromLocation(location: string): string | null {
  const whole = PLACES.get(placeKey(location));
  if (whole === "multi") return null;
  // A name with a comma in it, as ISO writes some: "Virgin Islands, British".
  if (whole && location.includes(",")) return preferByPosition(whole, 0)[0]?.country ?? null;
  const text = markUnitedStates(location);
  const found = new Set<string>();
  for (const place of splitPlaces(text)) {
    const hits = hitsInPlace(place);
    if (hits.includes("multi")) return null;
    const country = resolvePlace(hits as Option[][]);
    if (country === "conflict") return null;
    if (country) found.add(country);
  }
  return found.size === 1 ? ([...found][0] as string) : null;
}

/** "US", "U.S.", "U.S.A." (upper case only: "us" is a word) become "USA". */
function markUnitedStates(text: string): string {
  return text.replace(/\bU\.S\.(?:A\.?)?|\bU\.S\.A\b|\bUSA?\b/g, " USA ");
}

function splitPlaces(text: string): string[] {
  return text
    .split(/[;/|•·()[\]{}\n]|\s[-–—]\s|\s+(?:or|oder|ou|o)\s+/i)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/**
 * The places named in one place string: names by longest match, then codes after
 * commas. Before a state ("Jersey City, NJ", "Lebanon, PA"), a country's name is
 * only part of a town's name, so it counts no more than a city.
 */
function hitsInPlace(place: string): Hit[] {
  const parts = place.split(",").map((p) => p.trim());
  const byPart = parts.map((part, index) => {
    const code = codeHit(part, index);
    return code ? [code] : nameHits(part, index);
  });
  const lastState = byPart.findLastIndex((hits) =>
    hits.some((h) => h !== "multi" && h.some((o) => o.level === STATE)),
  );
  return byPart.flatMap((hits, index) =>
    index < lastState ? hits.map((h) => (h === "multi" ? h : h.map(asTown))) : hits,
  );
}

function asTown(option: Option): Option {
  return option.level === COUNTRY ? { ...option, level: CITY } : option;
}

/**
 * A part that is only a code: alpha-2 or alpha-3 in upper case ("DE", "GBR"), or,
 * after a comma, a US state or Canadian province code ("TX", "ON"). "CA" after a
 * comma could be California or Canada: both are kept and the rest decides.
 */
function codeHit(part: string, index: number): Hit | null {
  if (/^[A-Z]{3}$/.test(part) && ALPHA3.has(part)) {
    return [{ country: ALPHA3.get(part) as string, level: COUNTRY }];
  }
  if (!/^[A-Z]{2}$/.test(part)) return null;
  if (part === "UK") return [{ country: "GB", level: COUNTRY }];
  if (part === "EU") return "multi";
  const options: Option[] = [];
  if (index > 0 && part in US_STATES) options.push({ country: "US", level: STATE });
  if (index > 0 && part in CA_PROVINCES) options.push({ country: "CA", level: STATE });
  if (ALPHA2.has(part)) options.push({ country: part, level: COUNTRY });
  return options.length > 0 ? options : null;
}

/** Known names in a part, longest first: "New Mexico" is a state, not Mexico. */
function nameHits(part: string, index: number): Hit[] {
  const words = placeKey(part).split(" ").filter(Boolean);
  const hits: Hit[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n > 0 && matched === 0; n--) {
      const hit = PLACES.get(words.slice(i, i + n).join(" "));
      if (hit) {
        hits.push(hit === "multi" ? hit : preferByPosition(hit, index));
        matched = n;
      }
    }
    i += matched || 1;
  }
  return hits;
}

/**
 * A name that is both a country and a US state ("Georgia") is the country when it
 * stands first, and the state after a comma ("Atlanta, Georgia"); other places in
 * the location can still overrule this in resolvePlace.
 */
function preferByPosition(options: Option[], index: number): Option[] {
  if (options.length < 2) return options;
  const first = index > 0 ? STATE : COUNTRY;
  return [...options].sort((a, b) => (a.level === first ? -1 : 0) - (b.level === first ? -1 : 0));
}

/**
 * One country for one place. Ambiguous hits take the option another hit agrees
 * with, else their first option; then the most direct level present decides, and
 * two countries at that level are a conflict.
 */
function resolvePlace(hits: Option[][]): string | null | "conflict" {
  if (hits.length === 0) return null;
  const certain = new Set(hits.filter((h) => h.length === 1).map((h) => (h[0] as Option).country));
  const chosen = hits.map(
    (options) => options.find((o) => certain.has(o.country)) ?? (options[0] as Option),
  );
  const level = Math.min(...chosen.map((o) => o.level));
  const countries = new Set(chosen.filter((o) => o.level === level).map((o) => o.country));
  if (countries.size > 1) return "conflict";
  return [...countries][0] ?? null;
}

/** Words that may stand next to places in a title or location without naming anything else. */
const PLACE_FILLER = new Set(
  "remote remotely hybrid onsite on site office offices based in from only or and the any anywhere within across first friendly flexible home work wfh timezone timezones tz time zone zones utc gmt est pst cet cest et pt ct mt hours overlap location locations multiple various city area region country countries open to".split(
    " ",
  ),
);

/** Filler that by itself says where the work is. */
const SAYS_WHERE = new Set(["remote", "hybrid", "onsite", "anywhere", "utc", "gmt"]);

/**
 * True when a phrase only names places and where work happens: "(Remote, US)",
 * "- Italy", "(Based in Bangalore)", "Remote (EMEA)". Used to strip such tails
 * from titles. Numbers (as in "UTC+3") are allowed.
 */
export function isPlacePhrase(phrase: string): boolean {
  const words = placeKey(markUnitedStates(phrase).replace(/[()[\]{}]/g, " "))
    .split(" ")
    .filter(Boolean);
  if (words.length === 0) return false;
  let named = false;
  let i = 0;
  while (i < words.length) {
    let matched = 0;
    for (let n = Math.min(MAX_WORDS, words.length - i); n > 0 && matched === 0; n--) {
      if (PLACES.has(words.slice(i, i + n).join(" "))) matched = n;
    }
    const word = words[i] as string;
    if (matched > 0) {
      named = true;
      i += matched;
    } else if (PLACE_FILLER.has(word) || /^\d+$/.test(word)) {
      if (SAYS_WHERE.has(word)) named = true;
      i += 1;
    } else {
      return false;
    }
  }
  return named;
}
