/**
 * Windows-1252 puts printable characters where Latin-1 has C1 controls (0x80-0x9F);
 * text decoded as either shows them. Maps those characters back to their byte.
 */
const CP1252_BYTES: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  ƒ: 0x83,
  "„": 0x84,
  "…": 0x85,
  "†": 0x86,
  "‡": 0x87,
  ˆ: 0x88,
  "‰": 0x89,
  Š: 0x8a,
  "‹": 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "˜": 0x98,
  "™": 0x99,
  š: 0x9a,
  "›": 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

const CONTINUATION = "[\\u0080-\\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]";
/** A UTF-8 lead byte read as Latin-1/Windows-1252, then the continuation bytes it needs. */
const SEQUENCE = new RegExp(
  `[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`,
  "g",
);
/**
 * Evidence of mis-decoding that ordinary text never shows: C1 control characters,
 * "â€" (the start of every mangled curly quote and dash), "Ã" or "Â" before a
 * continuation byte. Text without it is left as it is.
 */
const EVIDENCE = /[\u0080-\u009f]|â€|[ÃÂ][\u00a0-\u00bf]/;
const decoder = new TextDecoder("utf-8", { fatal: true });

/**
 * Repairs UTF-8 text that was decoded as Latin-1 or Windows-1252 on its way to us
 * ("youâ\u0080\u0099ll" and "youâ€™ll" become "you’ll"), as some boards serve it.
 * Only sequences that form valid UTF-8 are replaced, so ordinary accented text
 * ("não", "Größe", "café") is left alone.
 */
export function repairMojibake(text: string): string {
  if (!EVIDENCE.test(text)) return text;
  return text.replace(SEQUENCE, (sequence) => decodeSequence(sequence) ?? sequence);
}

function decodeSequence(sequence: string): string | null {
  const bytes = new Uint8Array(sequence.length);
  for (let i = 0; i < sequence.length; i++) {
    const ch = sequence[i] as string;
    const code = ch.charCodeAt(0);
    bytes[i] = code <= 0xff ? code : (CP1252_BYTES[ch] ?? 0);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}
