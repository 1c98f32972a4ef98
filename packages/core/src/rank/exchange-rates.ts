/**
 * Rough US dollars per unit of each currency (mid-market, November 2026, rounded). AURA uses them
 * only to compare a job's pay with a person's minimum across currencies, never to show money;
 * a 5-10% drift changes no verdict that matters. Unknown currencies compare as unknown.
 */
const USD_PER_UNIT: Record<string, number> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CHF: 1.13,
  CAD: 0.72,
  AUD: 0.65,
  NZD: 0.6,
  JPY: 0.0066,
  CNY: 0.14,
  INR: 0.012,
  SGD: 0.74,
  HKD: 0.128,
  SEK: 0.093,
  NOK: 0.091,
  DKK: 0.145,
  PLN: 0.25,
  CZK: 0.043,
  HUF: 0.0027,
  RON: 0.22,
  BRL: 0.18,
  MXN: 0.055,
  ARS: 0.001,
  CLP: 0.00105,
  COP: 0.00024,
  ZAR: 0.055,
  ILS: 0.27,
  AED: 0.272,
  TRY: 0.029,
  KRW: 0.00072,
  PHP: 0.017,
  IDR: 0.000062,
  MYR: 0.22,
  THB: 0.029,
  VND: 0.00004,
  NGN: 0.00065,
  KES: 0.0077,
  EGP: 0.02,
  PKR: 0.0036,
  UAH: 0.024,
};

/** `amount` in `from` converted to `to`, or null when either rate is unknown. */
export function convertCurrency(amount: number, from: string, to: string): number | null {
  if (from === to) return amount;
  const fromRate = USD_PER_UNIT[from.toUpperCase()];
  const toRate = USD_PER_UNIT[to.toUpperCase()];
  if (fromRate === undefined || toRate === undefined) return null;
  return (amount * fromRate) / toRate;
}
