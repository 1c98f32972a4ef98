/** Every ISO 4217 code the runtime knows (ICU ships with Node, so this works offline). */
const ISO_CODES = new Set(Intl.supportedValuesOf("currency"));

/**
 * Currency signs, longest first so "CA$" wins over "$". A bare "$" means US dollars:
 * boards that pay in other dollars say so ("CA$", "A$", "MX$", or the ISO code).
 */
export const CURRENCY_SIGNS: readonly (readonly [string, string])[] = [
  ["US$", "USD"],
  ["CA$", "CAD"],
  ["CAN$", "CAD"],
  ["AU$", "AUD"],
  ["AUD$", "AUD"],
  ["NZ$", "NZD"],
  ["HK$", "HKD"],
  ["SG$", "SGD"],
  ["MX$", "MXN"],
  ["NT$", "TWD"],
  ["C$", "CAD"],
  ["A$", "AUD"],
  ["S$", "SGD"],
  ["R$", "BRL"],
  ["$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
  ["₹", "INR"],
  ["¥", "JPY"],
  ["￥", "JPY"],
  ["₩", "KRW"],
  ["₽", "RUB"],
  ["₺", "TRY"],
  ["₪", "ILS"],
  ["₱", "PHP"],
  ["₦", "NGN"],
  ["₴", "UAH"],
  ["₫", "VND"],
  ["฿", "THB"],
  ["zł", "PLN"],
  ["Kč", "CZK"],
  ["Rs.", "INR"],
  ["Rs", "INR"],
  ["Fr.", "CHF"],
  ["RM", "MYR"],
];

/** Currency names in English, German, Spanish and Portuguese, lower-case. */
const CURRENCY_NAMES: Record<string, string> = {
  dollar: "USD",
  dollars: "USD",
  "us dollar": "USD",
  "us dollars": "USD",
  "u.s. dollars": "USD",
  dólar: "USD",
  dólares: "USD",
  "canadian dollars": "CAD",
  "australian dollars": "AUD",
  euro: "EUR",
  euros: "EUR",
  pound: "GBP",
  pounds: "GBP",
  sterling: "GBP",
  "pounds sterling": "GBP",
  "british pounds": "GBP",
  rupee: "INR",
  rupees: "INR",
  "indian rupees": "INR",
  real: "BRL",
  reais: "BRL",
  yen: "JPY",
  "swiss francs": "CHF",
  franken: "CHF",
  zloty: "PLN",
  złoty: "PLN",
  zlotys: "PLN",
  rmb: "CNY",
  yuan: "CNY",
};

/**
 * ISO 4217 code for a currency as boards and people write it: a code ("usd"),
 * a sign ("$", "€", "R$", "CA$") or a name ("dollars", "euro"). Null when unknown.
 */
export function normalizeCurrency(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (trimmed === "") return null;
  const upper = trimmed.toUpperCase();
  if (ISO_CODES.has(upper)) return upper;
  // "USD$", "$USD", "USD $": a code with a sign stuck to it.
  const code = upper.replace(/[\s$.]/g, "");
  if (code.length === 3 && ISO_CODES.has(code)) return code;
  for (const [sign, iso] of CURRENCY_SIGNS) {
    if (trimmed === sign || upper === sign.toUpperCase()) return iso;
  }
  return CURRENCY_NAMES[trimmed.toLowerCase().replace(/\s+/g, " ")] ?? null;
}

/** True for a three-letter ISO 4217 code in upper case. */
export function isCurrencyCode(value: string): boolean {
  return value.length === 3 && ISO_CODES.has(value);
}
