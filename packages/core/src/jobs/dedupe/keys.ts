import { decodeHTML } from "entities";
import { foldAccents } from "../../shared/fold.ts";
import { isPlacePhrase } from "../../shared/location.ts";

/** Legal forms that trail company names: "Gusto, Inc.", "adjoe GmbH", "Foo GmbH & Co. KG". */
const LEGAL_SUFFIXES = new Set(
  (
    "inc incorporated llc llp lp ltd limited gmbh ag sa sas sarl bv nv plc corp corporation co company " +
    "se oy oyj ab asa as aps pty pte pvt private srl sl cv ltda kg kgaa mbh ug spa sro sp oo kk bhd sdn " +
    "holdings holding group"
  ).split(" "),
);
/** Words inside some suffixes that are not suffixes alone: "& Co. KG", "S.A. de C.V.", "Sp. z o.o.". */
const SUFFIX_GLUE = new Set(["and", "&", "de", "z"]);

/**
 * The company part of the cross-board duplicate key: entities decoded, lower-case,
 * accents stripped, legal suffixes dropped from the end (Inc, LLC, Ltd, GmbH, AG,
 * S.A., B.V., PLC, Corp, Co, SE, Oy, AB, Pty, S.r.l., SL, Ltda, GmbH & Co. KG, and
 * "Holdings"/"Group"), every other non-alphanumeric removed, spaces collapsed.
 * A name that is nothing but a suffix is kept as it is.
 */
export function companyKey(company: string): string {
  const words = foldAccents(decodeHTML(String(company ?? "")).toLowerCase())
    .replace(/\./g, "") // "S.A." → "sa", "Inc." → "inc"
    .replace(/&/g, " & ")
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
  let end = words.length;
  while (end > 1) {
    const last = words[end - 1] as string;
    if (LEGAL_SUFFIXES.has(last) || (SUFFIX_GLUE.has(last) && end < words.length)) end--;
    else break;
  }
  const kept = words.slice(0, end).filter((w) => w !== "&");
  return (kept.length > 0 ? kept : words.filter((w) => w !== "&")).join(" ");
}

/** "(m/f/d)", "(m/w/d)", "(f/m/x)", "(h/f)", "m/w/d", "(w/m/div)": German and French gender notes. */
const GENDER_LETTER = "(?:m|w|f|d|x|h|n|i|div|divers|diverse|inter)";
const GENDER_IN_PARENS = new RegExp(
  `[([]\\s*${GENDER_LETTER}\\s*(?:[/|,]\\s*${GENDER_LETTER}\\s*){1,3}\\*?[)\\]]`,
  "gi",
);
const GENDER_BARE = new RegExp(
  `(?<![\\p{L}/])${GENDER_LETTER}\\s*(?:/\\s*${GENDER_LETTER}\\s*){2,3}(?![\\p{L}/])`,
  "giu",
);
const GENDER_WORDS =
  /[([]\s*(?:all genders?(?: welcome)?|gn|genderneutral|gender neutral|alle geschlechter|any gender)\s*[)\]]/gi;

/**
 * The title part of the cross-board duplicate key: lower-case, accents stripped,
 * gender notes removed, trailing remote/location qualifiers removed ("(Remote)",
 * "- Remote", "(Remote, US)", "- Italy", "| Berlin"), "sr"/"sr." → "senior",
 * "jr"/"jr." → "junior", punctuation → space (keeping "+" and "#" for "C++",
 * "C#"), spaces collapsed.
 */
export function titleKey(title: string): string {
  let text = decodeHTML(String(title ?? ""))
    .replace(GENDER_IN_PARENS, " ")
    .replace(GENDER_WORDS, " ")
    .replace(GENDER_BARE, " ")
    .replace(/\s+/g, " ")
    .trim();
  text = stripPlaceTails(text);
  return foldAccents(text.toLowerCase())
    .replace(/\bsr\b\.?/g, "senior")
    .replace(/\bjr\b\.?/g, "junior")
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * A trailing "(...)" or " - ...", " | ..." part that only names places or remote
 * work. A comma is not a separator here: "Representative, New York" and
 * "Representative, San Francisco" stay two jobs.
 */
const TRAILING_PARENS = /\s*[([]([^()[\]]*)[)\]]\s*$/;
const TRAILING_PART = /\s+[-–—|]\s*([^\-–—|]+)$/;

function stripPlaceTails(title: string): string {
  let text = title;
  for (let i = 0; i < 4; i++) {
    const parens = TRAILING_PARENS.exec(text);
    const part = parens ?? TRAILING_PART.exec(text);
    if (!part || !isPlacePhrase(part[1] as string)) break;
    const rest = text.slice(0, part.index).trim();
    if (rest === "") break; // the whole title is a place: keep it
    text = rest;
  }
  return text;
}
