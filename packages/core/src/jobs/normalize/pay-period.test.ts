import { describe, expect, it } from "vitest";
import { annualize, inferPeriod, normalizePeriod, periodOfWord } from "./pay-period.ts";

describe("normalizePeriod", () => {
  it.each([
    ["annual", "year"],
    ["Annual", "year"],
    ["yearly", "year"],
    ["year", "year"],
    ["per_year", "year"],
    ["per-year-salary", "year"],
    ["per annum", "year"],
    ["p.a.", "year"],
    ["pro Jahr", "year"],
    ["monthly", "month"],
    ["per month", "month"],
    ["mensal", "month"],
    ["Monat", "month"],
    ["weekly", "week"],
    ["per-week-salary", "week"],
    ["daily", "day"],
    ["per-day-wage", "day"],
    ["hourly", "hour"],
    ["HOUR", "hour"],
    ["per-hour-wage", "hour"],
    ["por hora", "hour"],
  ])("%s → %s", (input, expected) => {
    expect(normalizePeriod(input)).toBe(expected);
  });

  it.each(["", "full time", "salary", "per", "every two weeks", "unknown"])(
    "%s names no period",
    (input) => {
      expect(normalizePeriod(input)).toBeNull();
    },
  );

  it("ignores non-strings", () => {
    expect(normalizePeriod(null)).toBeNull();
    expect(normalizePeriod(undefined)).toBeNull();
  });
});

describe("periodOfWord", () => {
  it.each([
    ["mês", "month"],
    ["año", "year"],
    ["stündlich", "hour"],
    ["yr", "year"],
    ["LPA", "year"],
    ["fortnight", null],
  ])("%s → %s", (word, expected) => {
    expect(periodOfWord(word)).toBe(expected);
  });
});

describe("annualize", () => {
  it.each([
    [50, "hour", 104_000],
    [400, "day", 104_000],
    [2000, "week", 104_000],
    [5000, "month", 60_000],
    [120_000, "year", 120_000],
  ] as const)("%d per %s is %d a year", (amount, period, yearly) => {
    expect(annualize(amount, period)).toBe(yearly);
  });
});

describe("inferPeriod", () => {
  it.each([
    [14, "hour"],
    [299.99, "hour"],
    [300, "month"],
    [5000, "month"],
    [19_999, "month"],
    [20_000, "year"],
    [120_000, "year"],
  ] as const)("%d is most likely per %s", (amount, period) => {
    expect(inferPeriod(amount)).toBe(period);
  });
});
