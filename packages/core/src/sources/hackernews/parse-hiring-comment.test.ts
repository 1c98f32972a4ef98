import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { recordedDir } from "../replay-server.ts";
import { type HiringComment, parseHiringComment } from "./parse-hiring-comment.ts";

const item = JSON.parse(readFileSync(`${recordedDir}hn-algolia-item.json`, "utf8")) as {
  children: { id: number; text: string }[];
};
const hits = (
  JSON.parse(readFileSync(`${recordedDir}hn-algolia-comments.json`, "utf8")) as {
    hits: { objectID: string; comment_text: string }[];
  }
).hits;

function real(id: number | string): string {
  const child = item.children.find((c) => String(c.id) === String(id));
  const hit = hits.find((h) => h.objectID === String(id));
  const text = child?.text ?? hit?.comment_text;
  if (!text) throw new Error(`no recorded comment ${id}`);
  return text;
}

function parsed(html: string): HiringComment {
  const result = parseHiringComment(html);
  if (!result.ok) throw new Error(result.reason);
  return result.comment;
}

describe("parseHiringComment on real comments", () => {
  it("reads prose: 'CaseLight is looking for a U.S.-based developer'", () => {
    expect(parsed(real(48747987))).toEqual({
      company: "CaseLight",
      title: "Developer",
      location: "U.S.",
      remote: null,
      salaryText: null,
      employmentType: null,
      applyUrl: null,
    });
  });

  it("reads pipes with a decoded ampersand, a remote location and a contract", () => {
    expect(parsed(real(48747990))).toMatchObject({
      company: "We The Flywheel",
      title: "AI-Native Engineers & Operators",
      location: "REMOTE (worldwide)",
      remote: "remote",
      employmentType: "Contract",
    });
  });

  it("reads a salary segment, 'Multiple roles' and the link as the apply URL", () => {
    expect(parsed(real(48748003))).toEqual({
      company: "SmarterDx",
      title: "Multiple roles",
      location: "Remote (US only)",
      remote: "remote",
      salaryText: "150-250k+ + equity + benefits",
      employmentType: null,
      applyUrl: "https://smarterdx.com/careers",
    });
  });

  it("reads em-dash segments and a location in the company's parentheses", () => {
    expect(parsed(real(48748007))).toMatchObject({
      company: "PrairieLearn",
      title: "Full-Stack Software Engineer",
      location: "Remote US",
      remote: "remote",
      applyUrl: "https://www.prairielearn.com",
    });
  });

  it("joins two roles with a slash", () => {
    expect(parsed(real(48860201))).toMatchObject({
      company: "Qase",
      title: "Developer Advocate / Technical Customer Support Specialist",
      location: "REMOTE",
      remote: "remote",
      employmentType: "Full-time",
    });
  });

  it("prefers full-time over 'Permanent' and keeps the salary as written", () => {
    expect(parsed(real(48843116))).toMatchObject({
      company: "Wave",
      title: "On-Premises SRE",
      location: "Remote (EMEA)",
      salaryText: "Salary up to $185,500 + equity",
      employmentType: "Full-time",
    });
  });

  it("reads 'Full time' without a hyphen and a time-zone location", () => {
    expect(parsed(real(48842567))).toMatchObject({
      company: "Zeitlabs",
      title: "Senior Frontend Engineer",
      location: "Remote (UTC+3)",
      employmentType: "Full-time",
    });
    expect(parsed(real(48837669))).toMatchObject({
      company: "Trinsic",
      title: "Senior Product Engineer",
      location: "REMOTE (Europe)",
    });
  });

  it("keeps a role with a comma whole, and tells the city from the onsite hint", () => {
    expect(parsed(real(48868436))).toEqual({
      company: "ResortPass",
      title: "Senior Software Engineer, Frontend",
      location: "New York, NY",
      remote: "onsite",
      salaryText: "$160k–$180k ($210k for senior band) + Equity",
      employmentType: "Full-time",
      applyUrl: null,
    });
  });

  it("finds the roles on the line after a company-only first line", () => {
    expect(parsed(real(48804695))).toMatchObject({
      company: "This Dot Labs",
      title: "Engineering Leads / Senior Engineers",
      remote: "remote",
    });
  });

  it("skips a question asked in reply", () => {
    expect(parseHiringComment(real(48859053))).toMatchObject({ ok: false });
  });
});

describe("parseHiringComment on tricky first lines", () => {
  it("strips a YC batch and finds a bare URL", () => {
    expect(
      parsed(
        "Acme (YC S21) | Senior Backend Engineer | San Francisco, CA or Remote (US) | Full-time | $150k - $200k + equity | https:&#x2F;&#x2F;acme.com&#x2F;jobs<p>We build things.",
      ),
    ).toEqual({
      company: "Acme",
      title: "Senior Backend Engineer",
      location: "San Francisco, CA or Remote (US)",
      remote: "remote",
      salaryText: "$150k - $200k + equity",
      employmentType: "Full-time",
      applyUrl: "https://acme.com/jobs",
    });
  });

  it("strips a bracketed batch", () => {
    expect(parsed("Acme [YC W2023] | Founding Engineer | NYC | Onsite")).toMatchObject({
      company: "Acme",
      title: "Founding Engineer",
      location: "NYC",
      remote: "onsite",
    });
  });

  it("splits on spaced dashes", () => {
    expect(parsed("Globex - Staff Data Engineer - London, UK - Hybrid<p>About us")).toMatchObject({
      company: "Globex",
      title: "Staff Data Engineer",
      location: "London, UK",
      remote: "hybrid",
    });
  });

  it("names the first two of several roles and counts the rest", () => {
    expect(
      parsed("Initech | Backend Engineer, Frontend Engineer, DevOps Engineer | Remote (EU)"),
    ).toMatchObject({
      title: "Backend Engineer / Frontend Engineer (+1 more)",
      location: "Remote (EU)",
    });
  });

  it("reads 'Role at Company'", () => {
    expect(parsed("Senior ML Engineer at Hooli | Palo Alto, CA | Onsite")).toMatchObject({
      company: "Hooli",
      title: "Senior ML Engineer",
      location: "Palo Alto, CA",
      remote: "onsite",
    });
    expect(parsed("Hiring: Platform Engineer at Contoso (Remote, Europe)")).toMatchObject({
      company: "Contoso",
      title: "Platform Engineer",
      location: "Remote, Europe",
      remote: "remote",
    });
  });

  it("reads prose with the role and location in the sentence", () => {
    expect(
      parsed("Umbrella Corp is hiring a Staff Platform Engineer (remote, US time zones)<p>More."),
    ).toMatchObject({
      company: "Umbrella Corp",
      title: "Staff Platform Engineer",
      location: "remote, US time zones",
      remote: "remote",
    });
  });

  it("takes the domain when the company is given as a URL", () => {
    expect(parsed("https://www.piedpiper.com | Compression Engineer | Remote")).toMatchObject({
      company: "piedpiper.com",
      title: "Compression Engineer",
      applyUrl: "https://www.piedpiper.com",
    });
  });

  it("reads labelled segments", () => {
    expect(
      parsed("Vandelay Industries | Location: Chicago, IL | Role: Importer/Exporter | Salary: 90k"),
    ).toMatchObject({
      company: "Vandelay Industries",
      title: "Importer/Exporter",
      location: "Chicago, IL",
      salaryText: "90k",
    });
  });

  it("decodes entities and strips tags in the first line", () => {
    expect(
      parsed("<b>Foo &amp; Bar</b> | <i>Site Reliability Engineer (SRE)</i> | Berlin, Germany"),
    ).toMatchObject({
      company: "Foo & Bar",
      title: "Site Reliability Engineer (SRE)",
      location: "Berlin, Germany",
    });
  });

  it("takes the first employment type named and 'no remote' as onsite", () => {
    expect(parsed("Acme | Part-time contract | Rust Developer | Remote")).toMatchObject({
      title: "Rust Developer",
      employmentType: "Part-time",
    });
    expect(parsed("Acme | Engineer | Boston, MA | No remote")).toMatchObject({ remote: "onsite" });
  });

  it("says 'Multiple roles' for several unnamed roles", () => {
    expect(parsed("Acme | Remote | Several engineering roles")).toMatchObject({
      title: "Multiple roles",
      location: "Remote",
    });
  });

  it("stops the first line at a newline and takes a URL from the text", () => {
    expect(
      parsed("Acme | Data Scientist | Remote\nApply at https://acme.com/careers."),
    ).toMatchObject({
      company: "Acme",
      title: "Data Scientist",
      applyUrl: "https://acme.com/careers",
    });
  });

  it("reads roles from bulleted lines or a 'hiring a ...' sentence when the header has none", () => {
    expect(
      parsed(
        "Acme Robotics | Boston, MA | Onsite | Full-time<p>Open positions:<p>- Controls Engineer — build things<p>- Mechanical Engineer — more things",
      ),
    ).toMatchObject({ title: "Controls Engineer / Mechanical Engineer", location: "Boston, MA" });
    expect(
      parsed(
        "Modal Labs (modal.com) | NYC, SF, Stockholm | In-person | Full-time<p>We&#x27;re hiring a senior infra engineer to scale our GPU fleet.",
      ),
    ).toMatchObject({
      company: "Modal Labs",
      title: "Senior infra engineer",
      location: "NYC, SF, Stockholm",
      remote: "onsite",
    });
  });

  it("reads several places in one segment and several roles in another", () => {
    expect(
      parsed(
        "Anthropic | San Francisco, NYC, Seattle | ONSITE | Research Engineer, Software Engineer, Security Engineer",
      ),
    ).toMatchObject({
      title: "Research Engineer / Software Engineer (+1 more)",
      location: "San Francisco, NYC, Seattle",
      remote: "onsite",
    });
  });

  it("skips comments that are not postings, with a reason", () => {
    expect(parseHiringComment("")).toEqual({ ok: false, reason: "text: empty comment" });
    expect(parseHiringComment("[deleted]")).toMatchObject({ ok: false });
    expect(
      parseHiringComment("We&#x27;re looking for a senior Rust developer to join our team."),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("company") });
    expect(parseHiringComment("Stark Industries | Tools for engineers | Remote")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("role"),
    });
    expect(parseHiringComment("Hiring senior engineers<p>DM me")).toMatchObject({ ok: false });
    expect(
      parsed("Acme | Remote<p>We write smart contracts.<p>Hiring a Solidity developer."),
    ).toMatchObject({ title: "Solidity developer", employmentType: null });
    expect(
      parseHiringComment(
        "This thread is great, I found my last job here and I would recommend it to anyone looking.",
      ),
    ).toMatchObject({ ok: false });
  });
});
