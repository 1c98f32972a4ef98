import { describe, expect, it } from "vitest";
import { normalizeEmploymentType } from "./employment-type.ts";
import { type HimalayasJob, type RemotiveJob, recorded } from "./test-samples.ts";

describe("normalizeEmploymentType", () => {
  it.each([
    ["Full Time", "full_time"],
    ["full_time", "full_time"],
    ["FullTime", "full_time"],
    ["Full-Time", "full_time"],
    ["full-time", "full_time"],
    ["Permanent", "full_time"],
    ["Permanent (Full-time)", "full_time"],
    ["Festanstellung", "full_time"],
    ["Vollzeit", "full_time"],
    ["tiempo completo", "full_time"],
    ["CLT", "full_time"],
    ["Part Time", "part_time"],
    ["part_time", "part_time"],
    ["Teilzeit", "part_time"],
    ["medio tiempo", "part_time"],
    ["Working student", "part_time"],
    ["contract", "contract"],
    ["Contractor", "contract"],
    ["C2C", "contract"],
    ["PJ", "contract"],
    ["Full-time contract", "contract"],
    ["Intern", "internship"],
    ["Internship", "internship"],
    ["Praktikum", "internship"],
    ["Temporary", "temporary"],
    ["temp", "temporary"],
    ["Seasonal", "temporary"],
    ["befristet", "temporary"],
    ["unbefristet", "full_time"],
    ["freelance", "freelance"],
    ["Freelancer", "freelance"],
  ])("%s → %s", (value, expected) => {
    expect(normalizeEmploymentType(value)).toBe(expected);
  });

  it.each(["Other", "Volunteer", "berufserfahren", "professional / experienced", ""])(
    "%s is not a type on its own",
    (value) => {
      expect(normalizeEmploymentType(value)).toBeNull();
    },
  );

  it("takes the first value of a list that names a type", () => {
    expect(normalizeEmploymentType(["berufserfahren", "Freelance"])).toBe("freelance");
    expect(normalizeEmploymentType("Working student, hilfstätigkeit / student")).toBe("part_time");
    expect(normalizeEmploymentType(["Full-Time"])).toBe("full_time");
  });

  it.each([
    ["Data Engineer (Contract)", "contract"],
    ["Engineer - Contract", "contract"],
    ["Developer [Contract to Hire]", "contract"],
    ["Part-time Barista", "part_time"],
    ["Marketing Internship", "internship"],
    ["Freelance Writer", "freelance"],
    ["Seasonal Associate", "temporary"],
    ["Werkstudent Marketing (m/w/d)", "part_time"],
    ["Contract Manager", null],
    ["Contracts Administrator", null],
    ["Internal Auditor", null],
    ["Senior Engineer", null],
  ])("falls back to the title: %s → %s", (title, expected) => {
    expect(normalizeEmploymentType(null, title)).toBe(expected);
  });

  it("the board's value wins over the title", () => {
    expect(normalizeEmploymentType("Full Time", "Engineer (Contract)")).toBe("full_time");
    expect(normalizeEmploymentType("Other", "Engineer (Contract)")).toBe("contract");
  });

  it("maps the recorded boards' values", () => {
    const himalayas = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs;
    const expected: Record<string, string | null> = {
      "Full Time": "full_time",
      Contractor: "contract",
      "Part Time": "part_time",
      Intern: "internship",
      Temporary: "temporary",
      Other: null,
      Volunteer: null,
    };
    for (const job of himalayas)
      expect(normalizeEmploymentType(job.employmentType)).toBe(expected[job.employmentType]);
    const remotive = recorded<{ jobs: RemotiveJob[] }>("remotive.json").jobs;
    for (const job of remotive) expect(normalizeEmploymentType(job.job_type)).toBe(job.job_type);
  });
});
