import { describe, expect, it } from "vitest";
import { type HimalayasJob, type MuseJob, recorded } from "../jobs/normalize/test-samples.ts";
import { detectCountry, isPlacePhrase, placeKey } from "./location.ts";

describe("detectCountry from a location", () => {
  it.each([
    ["Remote, Italy", "IT"],
    ["Berlin, Germany", "DE"],
    ["Leipzig, Saxony, Germany", "DE"],
    ["Deutschland", "DE"],
    ["España", "ES"],
    ["Brasil", "BR"],
    ["México", "MX"],
    ["Österreich", "AT"],
    ["Schweiz", "CH"],
    ["Suisse", "CH"],
    ["Alemania", "DE"],
    ["Estados Unidos", "US"],
    ["USA", "US"],
    ["US", "US"],
    ["U.S.", "US"],
    ["Remote - US", "US"],
    ["US-based", "US"],
    ["United States", "US"],
    ["Remote within United States", "US"],
    ["UK", "GB"],
    ["United Kingdom", "GB"],
    ["England", "GB"],
    ["London", "GB"],
    ["Austin, TX", "US"],
    ["San Francisco, CA", "US"],
    ["New York, New York", "US"],
    ["Washington, DC", "US"],
    ["Atlanta (Remote Friendly)", "US"],
    ["New York City / San Francisco / Los Angeles / Remote", "US"],
    ["Glastonbury, CT or Remote", "US"],
    ["Toronto, Ontario", "CA"],
    ["Vancouver, BC", "CA"],
    ["Berlin", "DE"],
    ["Munich", "DE"],
    ["München", "DE"],
    ["Paris", "FR"],
    ["Madrid", "ES"],
    ["Barcelona", "ES"],
    ["Lisbon", "PT"],
    ["São Paulo", "BR"],
    ["Sao Paulo, SP", "BR"],
    ["Amsterdam", "NL"],
    ["Dublin", "IE"],
    ["Sydney", "AU"],
    ["Bangalore", "IN"],
    ["Singapore", "SG"],
    ["Tokyo", "JP"],
    ["Manilla, Philippines", "PH"],
    ["India Remote", "IN"],
    ["Hong Kong SAR China", "HK"],
    ["Korea, Republic of", "KR"],
    ["Virgin Islands, British", "VG"],
    ["Bosnia & Herzegovina", "BA"],
    ["St. Lucia", "LC"],
    ["Côte d’Ivoire", "CI"],
    ["Türkiye", "TR"],
    ["Turkey", "TR"],
    ["Czech Republic", "CZ"],
    ["DEU", "DE"],
    ["GBR", "GB"],
    ["Ontario, CAN - Remote", "CA"],
    ["New Mexico", "US"],
    ["Mexico City", "MX"],
    ["Papua New Guinea", "PG"],
    ["Guinea", "GN"],
    ["Jersey", "JE"],
    ["New Jersey", "US"],
    ["Sydney, NSW", "AU"],
    ["Lagos, Portugal", "PT"],
  ])("%s → %s", (location, expected) => {
    expect(detectCountry({ location })).toBe(expected);
  });

  it.each([
    // Two-letter codes after a comma: states first, unless the city says otherwise.
    ["Berlin, DE", "DE"],
    ["Wilmington, DE", "US"],
    ["Toronto, CA", "CA"],
    ["London, ON", "CA"],
    ["Paris, TX", "US"],
    ["Vancouver, WA", "US"],
    ["Cambridge, MA", "US"],
    // A country's name before a state is part of a town's name.
    ["Jersey City, NJ", "US"],
    ["Lebanon, PA", "US"],
    ["Panama City, Florida", "US"],
    // Georgia: the country alone, the state after a comma, unless the rest says otherwise.
    ["Georgia", "GE"],
    ["Atlanta, Georgia", "US"],
    ["Tbilisi, Georgia", "GE"],
  ])("ambiguous %s → %s", (location, expected) => {
    expect(detectCountry({ location })).toBe(expected);
  });

  it.each([
    "Anywhere in the World",
    "Worldwide",
    "Anywhere (Open Globally)",
    "Remote (EMEA)",
    "Europe",
    "Americas, Europe, Israel",
    "LATAM, Asia",
    "Remote, North America",
    "Brazil, Colombia, Philippines",
    "USA, Canada, USA timezones",
    "Berlin or New York",
    "San Francisco, CA;New York, NY;Toronto, Ontario, CAN - Remote",
    "Remote",
    "1 Remote",
    "Join us",
    "",
    "Somewhere Unknown",
  ])("null for %s", (location) => {
    expect(detectCountry({ location })).toBeNull();
  });
});

describe("detectCountry from the board's country", () => {
  it.each([
    ["de", "DE"],
    ["GB", "GB"],
    ["UK", "GB"],
    ["DEU", "DE"],
    ["usa", "US"],
    ["Germany", "DE"],
    ["United States", "US"],
    ["Virgin Islands, British", "VG"],
    ["Georgia", "GE"],
  ])("%s → %s", (country, expected) => {
    expect(detectCountry({ country })).toBe(expected);
  });

  it("trusts the country over the location", () => {
    expect(detectCountry({ country: "United States", location: "Toronto" })).toBe("US");
  });

  it("falls back to the location when the country is unreadable or missing", () => {
    expect(detectCountry({ country: "xx", location: "Paris" })).toBe("FR");
    expect(detectCountry({ country: null, location: "Paris" })).toBe("FR");
    expect(detectCountry({})).toBeNull();
  });
});

describe("country names", () => {
  it("knows every ISO country by its English name", () => {
    const names = new Intl.DisplayNames(["en"], { type: "region" });
    for (const code of ["AF", "BT", "CV", "KN", "MM", "SZ", "TL", "VA", "ZW", "PS", "AX"]) {
      expect(detectCountry({ location: names.of(code) ?? "" })).toBe(code);
    }
  });

  it("normalizes names for lookup", () => {
    expect(placeKey("St. Kitts & Nevis")).toBe("saint kitts and nevis");
    expect(placeKey("Côte d’Ivoire")).toBe("cote divoire");
  });

  it("reads Himalayas' one-country restrictions", () => {
    const jobs = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs;
    const single = jobs.filter((j) => j.locationRestrictions.length === 1);
    expect(single.length).toBeGreaterThan(400);
    for (const job of single) {
      expect(detectCountry({ country: job.locationRestrictions[0] })).not.toBeNull();
    }
    const several = jobs.filter((j) => j.locationRestrictions.length > 1);
    for (const job of several) {
      expect(detectCountry({ location: job.locationRestrictions.join(", ") })).toBeNull();
    }
  });

  it("reads The Muse's US cities with state codes", () => {
    const jobs = recorded<{ results: MuseJob[] }>("themuse-page0.json").results;
    for (const job of jobs) {
      const names = job.locations.map((l) => l.name);
      if (names.every((n) => /, [A-Z]{2}$/.test(n))) {
        expect(detectCountry({ location: names.join("; ") })).toBe("US");
      }
    }
  });
});

describe("isPlacePhrase", () => {
  it.each([
    ["(Remote, US)", true],
    ["Remote", true],
    ["- Italy", true],
    ["(Based in Bangalore)", true],
    ["Remote (EMEA)", true],
    ["New York", true],
    ["UTC+3", true],
    ["(Grower)", false],
    ["Cox Automotive Fleet", false],
    ["(UI and API)", false],
    ["(Contract)", false],
    ["(m/f/d)", false],
    ["", false],
  ])("%s → %s", (phrase, expected) => {
    expect(isPlacePhrase(phrase)).toBe(expected);
  });
});
