import { describe, expect, it } from "vitest";
import { parsePostedDate } from "./posted-date.ts";
import { type ArbeitnowJob, type HimalayasJob, type MuseJob, recorded } from "./test-samples.ts";

const now = new Date("2026-08-01T12:00:00Z");
const iso = (value: Parameters<typeof parsePostedDate>[0]) =>
  parsePostedDate(value, now)?.toISOString() ?? null;

describe("parsePostedDate", () => {
  it.each([
    ["epoch seconds", 1776961835, "2026-04-23T16:30:35.000Z"],
    ["epoch milliseconds", 1776961835000, "2026-04-23T16:30:35.000Z"],
    ["epoch microseconds", 1776961835000000, "2026-04-23T16:30:35.000Z"],
    ["numeric string (seconds)", "1776961835", "2026-04-23T16:30:35.000Z"],
    ["numeric string (ms)", "1711403416463", "2024-03-25T21:50:16.463Z"],
    ["ISO date", "2026-07-20", "2026-07-20T00:00:00.000Z"],
    ["ISO without zone is UTC", "2026-04-21T12:46:23", "2026-04-21T12:46:23.000Z"],
    ["ISO with space, no zone", "2026-04-21 12:46:23", "2026-04-21T12:46:23.000Z"],
    ["ISO with Z", "2026-07-20T23:48:16Z", "2026-07-20T23:48:16.000Z"],
    ["ISO with offset", "2026-06-02T08:58:57-04:00", "2026-06-02T12:58:57.000Z"],
    ["ISO with +0000", "2026-07-20 12:00:00 +0000", "2026-07-20T12:00:00.000Z"],
    ["ISO with fractions", "2026-04-02T21:00:55.755+00:00", "2026-04-02T21:00:55.755Z"],
    ["ISO with microseconds", "2026-07-20T23:48:16.123456Z", "2026-07-20T23:48:16.123Z"],
    ["RFC 2822", "Wed, 22 Jul 2026 07:00:51 +0000", "2026-07-22T07:00:51.000Z"],
    ["RFC 2822 GMT", "Mon, 20 Jul 2026 10:00:00 GMT", "2026-07-20T10:00:00.000Z"],
    ["English date without zone is UTC", "July 20, 2026", "2026-07-20T00:00:00.000Z"],
    ["German date", "20.07.2026", "2026-07-20T00:00:00.000Z"],
    ["day first when unambiguous", "25/07/2026", "2026-07-25T00:00:00.000Z"],
    ["month first when unambiguous", "07/25/2026", "2026-07-25T00:00:00.000Z"],
    ["compact date", "20260720", "2026-07-20T00:00:00.000Z"],
    ["a Date", new Date("2026-07-01T00:00:00Z"), "2026-07-01T00:00:00.000Z"],
  ])("%s", (_name, value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each([
    ["3 days ago", "2026-07-29T12:00:00.000Z"],
    ["Posted 3 days ago", "2026-07-29T12:00:00.000Z"],
    ["an hour ago", "2026-08-01T11:00:00.000Z"],
    ["2h ago", "2026-08-01T10:00:00.000Z"],
    ["15 minutes ago", "2026-08-01T11:45:00.000Z"],
    ["today", "2026-08-01T12:00:00.000Z"],
    ["just now", "2026-08-01T12:00:00.000Z"],
    ["yesterday", "2026-07-31T12:00:00.000Z"],
    ["2 weeks ago", "2026-07-18T12:00:00.000Z"],
    ["1 month ago", "2026-07-02T12:00:00.000Z"],
    ["30+ days ago", "2026-07-02T12:00:00.000Z"],
    ["a year ago", "2025-08-01T12:00:00.000Z"],
    ["hace 3 días", "2026-07-29T12:00:00.000Z"],
    ["hace un mes", "2026-07-02T12:00:00.000Z"],
    ["há 2 dias", "2026-07-30T12:00:00.000Z"],
    ["2 dias atrás", "2026-07-30T12:00:00.000Z"],
    ["vor 3 Tagen", "2026-07-29T12:00:00.000Z"],
    ["vor einer Woche", "2026-07-25T12:00:00.000Z"],
    ["heute", "2026-08-01T12:00:00.000Z"],
    ["ayer", "2026-07-31T12:00:00.000Z"],
  ])("relative: %s", (value, expected) => {
    expect(iso(value)).toBe(expected);
  });

  it.each([
    ["garbage", "garbage"],
    ["empty", ""],
    ["null", null],
    ["undefined", undefined],
    ["zero", 0],
    ["negative", -5],
    ["impossible date", "2026-13-45"],
    ["invalid Date", new Date("nope")],
    ["ambiguous day and month", "05/07/2026"],
    ["before the web", "1970-01-02"],
    ["NaN", Number.NaN],
  ])("null for %s", (_name, value) => {
    expect(iso(value as Parameters<typeof parsePostedDate>[0])).toBeNull();
  });

  it("accepts up to two days in the future and rejects more", () => {
    expect(iso("2026-08-03T11:00:00Z")).toBe("2026-08-03T11:00:00.000Z");
    expect(iso("2026-08-03T13:00:00Z")).toBeNull();
    expect(iso("2027-01-01")).toBeNull();
  });

  it("reads the recorded boards' dates", () => {
    const later = new Date("2030-01-01T00:00:00Z");
    const himalayas = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs;
    const muse = recorded<{ results: MuseJob[] }>("themuse-page0.json").results;
    const arbeitnow = recorded<{ data: ArbeitnowJob[] }>("arbeitnow-page1.json").data;
    for (const value of [
      ...himalayas.map((j) => j.pubDate),
      ...muse.map((j) => j.publication_date),
      ...arbeitnow.map((j) => j.created_at),
    ]) {
      const year = parsePostedDate(value, later)?.getUTCFullYear();
      expect(year).toBeGreaterThanOrEqual(2021); // The Muse keeps some old postings
      expect(year).toBeLessThanOrEqual(2026);
    }
  });
});
