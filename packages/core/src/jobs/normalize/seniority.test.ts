import { describe, expect, it } from "vitest";
import { detectSeniority } from "./seniority.ts";
import { type HimalayasJob, recorded } from "./test-samples.ts";

describe("detectSeniority from the title", () => {
  it.each([
    ["Software Engineering Intern", "intern"],
    ["Summer Internship - Data", "intern"],
    ["Trainee Developer", "intern"],
    ["Werkstudent Marketing (m/w/d)", "intern"],
    ["Praktikum im Vertrieb", "intern"],
    ["Estagiário de Desenvolvimento", "intern"],
    ["Becario de Marketing", "intern"],
    ["Junior Frontend Developer", "junior"],
    ["Jr. Data Analyst", "junior"],
    ["Jr Developer", "junior"],
    ["Desenvolvedor Júnior", "junior"],
    ["Entry-Level Support Specialist", "junior"],
    ["Graduate Software Engineer", "junior"],
    ["New Grad Engineer", "junior"],
    ["Associate Software Engineer", "junior"],
    ["Associate Product Manager", "junior"],
    ["Software Engineer I", "junior"],
    ["Mid-Level QA Automation Engineer", "mid"],
    ["Intermediate Developer", "mid"],
    ["Desenvolvedor Pleno", "mid"],
    ["Software Engineer II", "mid"],
    ["Senior Backend Engineer", "senior"],
    ["Sr. Data Engineer", "senior"],
    ["Sr Digital Customer Success Manager", "senior"],
    ["Desenvolvedora Sênior", "senior"],
    ["Software Engineer III", "senior"],
    ["Solutions Architect", "senior"],
    ["Lead Designer", "lead"],
    ["Tech Lead, Payments", "lead"],
    ["Team Lead Customer Support", "lead"],
    ["Staff Software Engineer", "lead"],
    ["Senior Staff Engineer", "lead"],
    ["Principal Engineer", "principal"],
    ["Principal Architect", "principal"],
    ["Distinguished Engineer", "principal"],
    ["Head of Growth", "executive"],
    ["Director of Engineering", "executive"],
    ["Senior Director, Product", "executive"],
    ["Associate Director, Analytics", "executive"],
    ["VP Engineering", "executive"],
    ["Vice President, Sales", "executive"],
    ["Chief Technology Officer", "executive"],
    ["CTO", "executive"],
  ])("%s → %s", (title, expected) => {
    expect(detectSeniority({ title })).toBe(expected);
  });

  it.each([
    "Software Engineer",
    "Staff Accountant",
    "Sales Associate",
    "Lead Generation Specialist",
    "Mid-Market Account Executive",
    "Internal Auditor",
    "International Sales Manager",
    "Data Entry Clerk",
    "Product Manager",
    "I/O Engineer",
    "CRO Specialist",
  ])("%s says nothing", (title) => {
    expect(detectSeniority({ title })).toBeNull();
  });
});

describe("detectSeniority from the board's hint", () => {
  it.each([
    ["Mid-level", "mid"],
    ["Mid Level", "mid"],
    ["Midweight", "mid"],
    ["mid", "mid"],
    ["Senior", "senior"],
    ["Senior Level", "senior"],
    ["Entry level", "junior"],
    ["Entry-level", "junior"],
    ["Junior", "junior"],
    ["Internship", "intern"],
    ["Executive", "executive"],
    ["Director", "executive"],
    ["Lead", "lead"],
  ])("%s → %s", (hint, expected) => {
    expect(detectSeniority({ hint, title: "Engineer" })).toBe(expected);
  });

  it("the hint wins over the title", () => {
    expect(detectSeniority({ hint: "Senior", title: "Junior Engineer" })).toBe("senior");
  });

  it("Manager alone says nothing; the title decides", () => {
    expect(detectSeniority({ hint: "Manager", title: "Product Manager" })).toBeNull();
    expect(detectSeniority({ hint: "Manager", title: "Senior Product Manager" })).toBe("senior");
    expect(detectSeniority({ hint: "Manager, Senior", title: "Product Manager" })).toBe("senior");
  });

  it("several levels: the title picks one of them, else the first", () => {
    expect(detectSeniority({ hint: "Entry-level, Mid-level", title: "Mid-level Analyst" })).toBe(
      "mid",
    );
    expect(detectSeniority({ hint: "Entry-level, Mid-level", title: "Analyst" })).toBe("junior");
    expect(detectSeniority({ hint: ["Director", "Executive"], title: "x" })).toBe("executive");
  });

  it("an unknown hint falls back to the title", () => {
    expect(detectSeniority({ hint: "Other", title: "Senior Engineer" })).toBe("senior");
    expect(detectSeniority({ hint: null, title: "Senior Engineer" })).toBe("senior");
  });

  it("maps every Himalayas level except Manager", () => {
    const jobs = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs;
    for (const job of jobs) {
      const level = detectSeniority({ hint: job.seniority.join(", "), title: "Role" });
      if (job.seniority.some((s) => s !== "Manager")) expect(level).not.toBeNull();
      else expect(level).toBeNull();
    }
  });
});
