import { describe, expect, it } from "vitest";
import { extractSkills, normalizeSkill, skillCategory, skillNames } from "./extract-skills.ts";

describe("extractSkills", () => {
  it("keeps Java and JavaScript apart", () => {
    expect(extractSkills("Experience with JavaScript and TypeScript.")).toEqual([
      "JavaScript",
      "TypeScript",
    ]);
    expect(extractSkills("Java 17, then JavaScript")).toEqual(["Java", "JavaScript"]);
  });

  it("reads skills written with punctuation", () => {
    expect(extractSkills("C++ and C# on .NET, Node.js services")).toEqual([
      "C++",
      "C#",
      ".NET",
      "Node.js",
    ]);
    expect(extractSkills("CI / CD pipelines and A/B testing")).toEqual(["CI/CD", "A/B Testing"]);
  });

  it("does not read a skill inside an e-mail address, a file name or a link", () => {
    expect(extractSkills("Write to jobs@python.org or open config.java")).toEqual([]);
    expect(extractSkills("See https://kubernetes.io/docs for more")).toEqual([]);
  });

  it("matches short case-sensitive names only as written, and only with a confirming skill", () => {
    expect(extractSkills("Let's go to the office. Go-getter wanted.")).toEqual([]);
    expect(extractSkills("We write Go and deploy on Kubernetes.")).toEqual(["Go", "Kubernetes"]);
    expect(extractSkills("Series C startup, plan B, C-suite and R&D")).toEqual([]);
    expect(extractSkills("Statistics in R and Python")).toEqual(["Statistics", "R", "Python"]);
    expect(extractSkills("r and python")).toEqual(["Python"]);
  });

  it("names each skill once, canonically, in order of first appearance", () => {
    expect(extractSkills("postgres, Docker, PostgreSQL, docker, k8s and Kubernetes")).toEqual([
      "PostgreSQL",
      "Docker",
      "Kubernetes",
    ]);
    expect(extractSkills("ReactJS and React.js and react")).toEqual(["React"]);
  });

  it("finds multi-word skills written with a hyphen or in the plural", () => {
    expect(extractSkills("machine-learning")).toEqual(extractSkills("machine learning"));
    expect(extractSkills("machine learning").length).toBe(1);
  });

  it("reads text in other scripts and languages without error", () => {
    expect(extractSkills("Développeur React à São Paulo — équipe Python")).toEqual([
      "React",
      "Python",
    ]);
    expect(extractSkills("")).toEqual([]);
    expect(extractSkills("日本語のテキスト")).toEqual([]);
  });
});

describe("normalizeSkill", () => {
  it("maps common spellings to the canonical name", () => {
    expect(normalizeSkill("postgres")).toBe("PostgreSQL");
    expect(normalizeSkill("golang")).toBe("Go");
    expect(normalizeSkill("Node")).toBe("Node.js");
    expect(normalizeSkill("react.js")).toBe("React");
    expect(normalizeSkill("c++")).toBe("C++");
    expect(normalizeSkill("  TypeScript, ")).toBe("TypeScript");
  });

  it("tells apart skills that differ only by case and rejects unknown names", () => {
    expect(normalizeSkill("dbt")).toBe("dbt");
    expect(normalizeSkill("DBT")).not.toBe("dbt");
    expect(normalizeSkill("underwater basket weaving")).toBeUndefined();
    expect(normalizeSkill("")).toBeUndefined();
  });

  it("gives every canonical name back unchanged, with a category", () => {
    const names = skillNames();
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(normalizeSkill(name)).toBe(name);
      expect(skillCategory(name)).toBeDefined();
    }
    expect(skillCategory("k8s")).toBe(skillCategory("Kubernetes"));
  });
});
