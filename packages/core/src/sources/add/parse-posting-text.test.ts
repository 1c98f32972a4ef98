import { describe, expect, it } from "vitest";
import { parsePostingText } from "./parse-posting-text.ts";

function posting(text: string, hints = {}) {
  const result = parsePostingText(text, hints);
  if (!result.ok) throw new Error(result.reason);
  return result.posting;
}

const linkedInClassic = `Senior Software Engineer
Acme Robotics · Berlin, Germany (Hybrid) · 2 weeks ago · Over 100 applicants
Hybrid
Full-time · Mid-Senior level
Easy Apply
Save
About the job
Acme Robotics builds warehouse robots. You will own our fleet software.

Requirements:
- 5+ years of Go or Rust
Salary: €80,000 – €95,000 a year
https://acme-robotics.com/careers/123`;

const linkedInNew = `Globex
Share
Show more options
Staff Data Engineer
New York, NY · Reposted 3 days ago · Over 100 people clicked apply
Promoted by hirer · Responses managed off LinkedIn
On-site
Full-time
Apply
Save
About the job
Globex is a consumer fintech.`;

describe("parsePostingText", () => {
  it("reads a LinkedIn-style paste: title, company, location, mode, type, salary, URL", () => {
    expect(posting(linkedInClassic)).toEqual({
      externalId: "https://acme-robotics.com/careers/123",
      url: "https://acme-robotics.com/careers/123",
      title: "Senior Software Engineer",
      company: "Acme Robotics",
      description: linkedInClassic,
      location: "Berlin, Germany (Hybrid)",
      remote: "hybrid",
      salaryText: "€80,000 – €95,000 a year",
      employmentType: "Full-time",
      postedAt: "2 weeks ago",
    });
  });

  it("reads the newer LinkedIn layout, company above the title", () => {
    expect(posting(linkedInNew)).toMatchObject({
      title: "Staff Data Engineer",
      company: "Globex",
      location: "New York, NY",
      remote: "onsite",
      employmentType: "Full-time",
      postedAt: "3 days ago",
    });
  });

  it("reads 'Role at Company', 'Company: X', 'X is hiring' and 'About X'", () => {
    expect(
      posting("Backend Engineer at Initech (Remote, EU)\nWe build TPS reports."),
    ).toMatchObject({
      title: "Backend Engineer",
      company: "Initech",
      location: "Remote, EU",
      remote: "remote",
    });
    expect(posting("Platform Engineer\nCompany: Hooli\nLocation: Palo Alto, CA")).toMatchObject({
      title: "Platform Engineer",
      company: "Hooli",
      location: "Palo Alto, CA",
    });
    expect(posting("Umbrella Corp is hiring a Lab Technician!\nDetails below.")).toMatchObject({
      title: "Lab Technician",
      company: "Umbrella Corp",
    });
    expect(
      posting(
        "Office Manager\n\nAbout the role\nRun the office.\nAbout Vandelay Industries\nWe import.",
      ),
    ).toMatchObject({
      title: "Office Manager",
      company: "Vandelay Industries",
    });
  });

  it("prefers the hints", () => {
    expect(
      posting(linkedInClassic, {
        title: "SWE",
        company: "Acme GmbH",
        url: "https://jobs.example/1",
      }),
    ).toMatchObject({
      title: "SWE",
      company: "Acme GmbH",
      url: "https://jobs.example/1",
      externalId: "https://jobs.example/1",
    });
  });

  it("asks for --company when the text names none", () => {
    const result = parsePostingText("Senior Engineer\nGreat team, great pay.", {});
    expect(result).toEqual({
      ok: false,
      reason: 'company: not found in the text; give it with --company "Company name"',
    });
    expect(parsePostingText("Senior Engineer\nGreat team.", { company: "Acme" }).ok).toBe(true);
  });

  it("gives a text without a URL a stable id of its own and a non-web URL", () => {
    const a = posting("Barista at Central Perk\nMake coffee.");
    const b = posting("Barista at Central Perk\n\n  Make   coffee.  ");
    const c = posting("Barista at Central Perk\nMake tea.");
    expect(a.externalId).toMatch(/^text:[0-9a-f]{40}$/);
    expect(a.url).toBe(`urn:aura:pasted:${a.externalId.slice(5)}`);
    expect(b.externalId).toBe(a.externalId);
    expect(c.externalId).not.toBe(a.externalId);
  });

  it("rejects empty text, a bad URL hint and a first line too long for a title", () => {
    expect(parsePostingText("  \n ", {})).toEqual({ ok: false, reason: "text: empty" });
    expect(parsePostingText("Cook at Diner", { url: "ftp://x" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("url"),
    });
    expect(parsePostingText(`${"word ".repeat(60)}\nAcme`, { company: "Acme" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("title"),
    });
  });
});
