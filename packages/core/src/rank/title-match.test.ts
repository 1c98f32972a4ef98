import { describe, expect, it } from "vitest";
import { cvWordCounts, titleMatch, titleWords } from "./title-match.ts";

const noCv = new Map<string, number>();

describe("titleWords", () => {
  it("lower-cases and drops level, mode and stop words", () => {
    expect(titleWords("Senior Data Engineer (m/w/d) - Remote")).toEqual(["data", "engineer"]);
    expect(titleWords("Head of Marketing and Sales")).toEqual(["marketing", "sale"]);
    expect(titleWords("Software Engineer II")).toEqual(["software", "engineer"]);
  });

  it("folds plurals", () => {
    expect(titleWords("Engineers")).toEqual(["engineer"]);
    expect(titleWords("Data Analytics Companies")).toEqual(["data", "analytic", "company"]);
  });

  it("leaves words that only look plural", () => {
    expect(titleWords("Business Status Bus")).toEqual(["business", "status", "bus"]);
  });

  it("keeps technology names whole and drops a trailing dot", () => {
    expect(titleWords("C++ and C# developer")).toEqual(["c++", "c#", "developer"]);
    const words = titleWords("Node.js engineer.");
    expect(words).toHaveLength(2);
    expect(words[1]).toBe("engineer");
    expect(words[0]).toMatch(/^node\.js?$/);
    expect(titleMatch("Node.js Developer", ["NODE.JS developers"], noCv).value).toBe(1);
  });
});

describe("titleMatch with roles", () => {
  it("is 1 for the same title, level words aside", () => {
    expect(titleMatch("Senior Data Engineer", ["Data Engineer"], noCv)).toEqual({
      value: 1,
      verdict: 'title is "Data Engineer"',
    });
    expect(titleMatch("Data Engineer", ["Lead Data Engineer"], noCv).value).toBe(1);
  });

  it("folds plurals and case", () => {
    expect(titleMatch("DATA ENGINEERS", ["data engineer"], noCv).value).toBe(1);
  });

  it("scores partial overlap with the Dice coefficient", () => {
    // {data, engineer} vs {data, scientist}: 2 * 1 / (2 + 2)
    expect(titleMatch("Data Engineer", ["Data Scientist"], noCv)).toEqual({
      value: 0.5,
      verdict: 'title is close to "Data Scientist"',
    });
    // {machine, learning, engineer} vs {data, engineer}: 2 * 1 / (3 + 2)
    expect(titleMatch("Machine Learning Engineer", ["Data Engineer"], noCv).value).toBeCloseTo(0.4);
  });

  it("counts a repeated word once", () => {
    // {data} vs {data, engineer}: 2 * 1 / (1 + 2)
    expect(titleMatch("Data Data", ["Data Engineer"], noCv).value).toBeCloseTo(2 / 3);
  });

  it("takes the best of several roles and names it", () => {
    const match = titleMatch(
      "Backend Engineer",
      ["Product Manager", "Backend Developer", "Backend Engineer"],
      noCv,
    );
    expect(match).toEqual({ value: 1, verdict: 'title is "Backend Engineer"' });
  });

  it("is 0 when no role shares a word", () => {
    expect(titleMatch("Nurse", ["Data Engineer", "Analyst"], noCv)).toEqual({
      value: 0,
      verdict: "title matches none of your roles",
    });
  });

  it("does not count a shared level word as overlap", () => {
    expect(titleMatch("Senior Nurse", ["Senior Engineer"], noCv).value).toBe(0);
  });

  it("ignores the CV when roles are given", () => {
    const cv = cvWordCounts("nurse nurse nurse");
    expect(titleMatch("Nurse", ["Data Engineer"], cv).value).toBe(0);
  });

  it("says little for a title of level words only", () => {
    expect(titleMatch("Senior (m/w/d)", ["Data Engineer"], noCv)).toEqual({
      value: 0,
      verdict: "title says little",
    });
  });
});

describe("titleMatch without roles", () => {
  it("counts a title word said twice in the CV fully and once as half", () => {
    const cv = cvWordCounts("Data engineer. Built data pipelines; data engineering lead.");
    // data: 3 times (1), engineer: once (0.5) → (1 + 0.5) / 2
    const match = titleMatch("Senior Data Engineer", [], cv);
    expect(match.value).toBeCloseTo(0.75);
    expect(match.verdict).toBe("title words in your CV: data, engineer");
  });

  it("folds plurals between the title and the CV", () => {
    const cv = cvWordCounts("Led two engineers. Engineer of the year.");
    expect(titleMatch("Engineer", [], cv).value).toBe(1);
  });

  it("is 0 when the CV has none of the title's words", () => {
    const cv = cvWordCounts("Registered nurse with ten years in intensive care.");
    expect(titleMatch("Data Engineer", [], cv)).toEqual({
      value: 0,
      verdict: "title words not in your CV",
    });
  });

  it("is 0 with an empty CV", () => {
    expect(titleMatch("Data Engineer", [], noCv).value).toBe(0);
  });
});

describe("cvWordCounts", () => {
  it("counts content words after folding", () => {
    const counts = cvWordCounts("Senior Python developer. Python, Pythons and the developers.");
    expect(counts.get("python")).toBe(3);
    expect(counts.get("developer")).toBe(2);
    expect(counts.has("senior")).toBe(false);
    expect(counts.has("the")).toBe(false);
  });
});
