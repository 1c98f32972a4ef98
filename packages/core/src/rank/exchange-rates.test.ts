import { describe, expect, it } from "vitest";
import { convertCurrency } from "./exchange-rates.ts";

describe("convertCurrency", () => {
  it("returns the amount unchanged within one currency", () => {
    expect(convertCurrency(123_456, "EUR", "EUR")).toBe(123_456);
    expect(convertCurrency(123_456, "XYZ", "XYZ")).toBe(123_456);
  });

  it("converts through US dollars", () => {
    expect(convertCurrency(100_000, "EUR", "USD")).toBeCloseTo(108_000);
    expect(convertCurrency(108_000, "USD", "EUR")).toBeCloseTo(100_000);
    expect(convertCurrency(100_000, "GBP", "EUR")).toBeCloseTo((100_000 * 1.27) / 1.08);
  });

  it("goes there and back to the same amount", () => {
    const there = convertCurrency(75_000, "CHF", "JPY") as number;
    expect(convertCurrency(there, "JPY", "CHF")).toBeCloseTo(75_000);
  });

  it("keeps the rates roughly where they are (a strong currency is worth more than a weak one)", () => {
    expect(convertCurrency(1, "GBP", "USD") as number).toBeGreaterThan(1);
    expect(convertCurrency(1, "EUR", "USD") as number).toBeGreaterThan(1);
    expect(convertCurrency(1, "INR", "USD") as number).toBeLessThan(0.05);
    expect(convertCurrency(1_000_000, "JPY", "EUR") as number).toBeGreaterThan(4_000);
    expect(convertCurrency(1_000_000, "JPY", "EUR") as number).toBeLessThan(9_000);
  });

  it("reads codes regardless of case", () => {
    expect(convertCurrency(100, "eur", "USD")).toBeCloseTo(108);
    expect(convertCurrency(108, "USD", "eur")).toBeCloseTo(100);
    expect(convertCurrency(100, "eur", "EUR")).toBeCloseTo(100);
  });

  it("returns null when either currency is unknown", () => {
    expect(convertCurrency(100, "XYZ", "USD")).toBeNull();
    expect(convertCurrency(100, "USD", "XYZ")).toBeNull();
    expect(convertCurrency(100, "", "USD")).toBeNull();
  });

  it("does not read inherited object keys as currencies", () => {
    expect(convertCurrency(100, "constructor", "USD")).toBeNull();
    expect(convertCurrency(100, "toString", "USD")).toBeNull();
  });
});
