import { describe, expect, it } from "vitest";
import { type HimalayasJob, recorded } from "../normalize/test-samples.ts";
import { companyKey, titleKey } from "./keys.ts";

describe("companyKey", () => {
  it.each([
    ["Gusto, Inc.", "gusto"],
    ["Stripe, Inc", "stripe"],
    ["adjoe GmbH", "adjoe"],
    ["Foo GmbH & Co. KG", "foo"],
    ["Acme Corp.", "acme"],
    ["Acme Corporation", "acme"],
    ["Acme LLC", "acme"],
    ["Acme Ltd", "acme"],
    ["Acme Limited", "acme"],
    ["Siemens AG", "siemens"],
    ["Nestlé S.A.", "nestle"],
    ["Booking.com B.V.", "bookingcom"],
    ["Unilever PLC", "unilever"],
    ["Supercell Oy", "supercell"],
    ["Spotify AB", "spotify"],
    ["Atlassian Pty Ltd", "atlassian"],
    ["Tech S.r.l.", "tech"],
    ["Empresa Ltda", "empresa"],
    ["Grupo Bimbo S.A. de C.V.", "grupo bimbo"],
    ["Allegro Sp. z o.o.", "allegro"],
    ["Société Générale SE", "societe generale"],
    ["The Walt Disney Company", "the walt disney"],
    ["Procter & Gamble", "procter gamble"],
    ["AT&T", "at t"],
    ["Johnson & Johnson", "johnson johnson"],
    ["  Cox   Enterprises ", "cox enterprises"],
    ["Poppy &amp; Peonies", "poppy peonies"],
  ])("%s → %s", (company, expected) => {
    expect(companyKey(company)).toBe(expected);
  });

  it("keeps a name that is only a suffix", () => {
    expect(companyKey("Company")).toBe("company");
    expect(companyKey("AG")).toBe("ag");
  });

  it("gives one key to one company written two ways", () => {
    expect(companyKey("Gusto, Inc.")).toBe(companyKey("GUSTO"));
    expect(companyKey("Café Bar GmbH")).toBe(companyKey("Cafe Bar"));
  });
});

describe("titleKey", () => {
  it.each([
    ["QA Automation Engineer (UI and API) (m/f/d)", "qa automation engineer ui and api"],
    ["Data Scientist (m/w/d)", "data scientist"],
    ["Entwickler (w/m/d)", "entwickler"],
    ["Designer (f/m/x)", "designer"],
    ["Designer (all genders)", "designer"],
    ["Ingénieur (H/F)", "ingenieur"],
    ["Berater m/w/d SAP", "berater sap"],
    ["Engineer (m/w/divers)", "engineer"],
    ["Senior Engineer (Remote)", "senior engineer"],
    ["Senior Engineer - Remote", "senior engineer"],
    ["Senior Engineer (Remote, US)", "senior engineer"],
    ["Senior Engineer – Remote (EMEA)", "senior engineer"],
    ["Account Executive - Italy", "account executive"],
    ["Partner Engineer (Based in Bangalore)", "partner engineer"],
    ["Engineer | Berlin", "engineer"],
    ["Sr. Data Engineer", "senior data engineer"],
    ["Sr Data Engineer", "senior data engineer"],
    ["Jr. Developer", "junior developer"],
    ["C++ Developer", "c++ developer"],
    ["C# / .NET Engineer", "c# net engineer"],
    ["Engenheiro de Dados Sênior", "engenheiro de dados senior"],
    [
      "Senior Manager, Change Enablement - Cox Automotive Fleet",
      "senior manager change enablement cox automotive fleet",
    ],
    ["Account Executive, AI Sales (Grower)", "account executive ai sales grower"],
    ["Data Engineer (Contract)", "data engineer contract"],
  ])("%s → %s", (title, expected) => {
    expect(titleKey(title)).toBe(expected);
  });

  it("keeps a comma-separated city: two cities are two jobs", () => {
    expect(titleKey("Business Development Representative, New York")).not.toBe(
      titleKey("Business Development Representative, San Francisco"),
    );
  });

  it("keeps a title that is only a place", () => {
    expect(titleKey("Remote")).toBe("remote");
  });

  it("matches one job's title across boards", () => {
    expect(titleKey("Sr. Backend Engineer (Remote - US)")).toBe(
      titleKey("Senior Backend Engineer"),
    );
    expect(titleKey("Senior Backend Engineer (m/w/d)")).toBe(
      titleKey("Senior Backend Engineer - Remote"),
    );
  });

  it("gives every recorded Himalayas title a non-empty key", () => {
    for (const job of recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs) {
      const key = titleKey(job.title);
      expect(key.length).toBeGreaterThan(0);
      expect(key).toBe(key.toLowerCase());
      expect(key).not.toMatch(/[()]/);
    }
  });
});
