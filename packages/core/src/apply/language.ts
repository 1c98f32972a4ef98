/** The languages AURA writes cover letters in; any other text gets English. */
export const LETTER_LANGUAGES = ["en", "es", "pt"] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

// Short function words that are frequent in one language and rare in the other two.
const MARKERS: Record<LetterLanguage, ReadonlySet<string>> = {
  en: new Set(
    "the and of to with for you we our will are is in on as be this that your have an or from at by".split(
      " ",
    ),
  ),
  es: new Set(
    "el la los las del y de que con para en por una un es somos nuestro nuestra experiencia trabajo equipo se al como más o tu sus".split(
      " ",
    ),
  ),
  pt: new Set(
    "os as do da dos das e de que com para em por uma um é somos nosso nossa experiência trabalho equipe você ao como mais ou seu sua não".split(
      " ",
    ),
  ),
};

// Words only one language spells this way: they settle es against pt, which share most markers.
const DISTINCT: Record<LetterLanguage, RegExp> = {
  en: /\b(the|and|with|you|will|our)\b/g,
  es: /\b(el|los|del|y|con|una|nuestro|experiencia|equipo|más|también|años|trabajar)\b/g,
  pt: /\b(os|do|da|dos|das|com|uma|nosso|experiência|equipe|você|também|anos|não|trabalhar)\b/g,
};

/**
 * The language of a posting, by counting marker words: "en", "es" or "pt", or "en" when the
 * text is none of them (or too short to tell).
 */
export function detectLanguage(text: string): LetterLanguage {
  const words = text.toLocaleLowerCase("en").match(/\p{L}+/gu) ?? [];
  if (words.length < 5) return "en";
  const sample = words.slice(0, 800);
  const joined = sample.join(" ");
  let best: LetterLanguage = "en";
  let bestScore = 0;
  for (const language of LETTER_LANGUAGES) {
    const markers = MARKERS[language];
    let score = 0;
    for (const word of sample) if (markers.has(word)) score++;
    score += 2 * (joined.match(DISTINCT[language])?.length ?? 0);
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  // A few marker hits in a long text are names or quotes, not the text's language.
  return bestScore >= Math.max(3, sample.length * 0.04) ? best : "en";
}
