import { describe, expect, it } from "vitest";
import { isCurrencyCode, normalizeCurrency } from "./currency.ts";

describe("normalizeCurrency", () => {
  it.each([
    ["USD", "USD"],
    ["usd", "USD"],
    [" eur ", "EUR"],
    ["US$", "USD"],
    ["USD$", "USD"],
    ["$", "USD"],
    ["CA$", "CAD"],
    ["C$", "CAD"],
    ["A$", "AUD"],
    ["AU$", "AUD"],
    ["R$", "BRL"],
    ["MX$", "MXN"],
    ["€", "EUR"],
    ["£", "GBP"],
    ["₹", "INR"],
    ["¥", "JPY"],
    ["dollars", "USD"],
    ["Euro", "EUR"],
    ["euros", "EUR"],
    ["pounds sterling", "GBP"],
    ["reais", "BRL"],
    ["zł", "PLN"],
    ["CHF", "CHF"],
    ["php", "PHP"],
    ["kes", "KES"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeCurrency(input)).toBe(expected);
  });

  it.each([
    ["", null],
    ["bitcoin", null],
    ["XYZ1", null],
    [null, null],
    [undefined, null],
    ["kr", null],
  ])("%s is not a currency", (input, expected) => {
    expect(normalizeCurrency(input)).toBe(expected);
  });
});

describe("isCurrencyCode", () => {
  it("knows ISO 4217 codes in upper case only", () => {
    expect(isCurrencyCode("USD")).toBe(true);
    expect(isCurrencyCode("BRL")).toBe(true);
    expect(isCurrencyCode("usd")).toBe(false);
    expect(isCurrencyCode("ABC")).toBe(false);
  });
});
