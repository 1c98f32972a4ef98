import { describe, expect, it } from "vitest";
import { cvSections } from "./cv-sections.ts";

describe("cvSections", () => {
  it("cuts a CV at its headings, whatever their markup", () => {
    const sections = cvSections(
      [
        "Ana Lima — Data Scientist",
        "São Paulo",
        "",
        "## Experience",
        "Nubank, 2021–2025: models in Python.",
        "SKILLS:",
        "Python, SQL, Spark",
        "Education",
        "BSc Statistics, USP",
      ].join("\n"),
    );
    expect(sections.map((s) => s.kind)).toEqual(["summary", "experience", "skills", "education"]);
    expect(sections[0]?.text).toBe("Ana Lima — Data Scientist\nSão Paulo");
    expect(sections[1]).toEqual({
      kind: "experience",
      heading: "Experience",
      text: "Nubank, 2021–2025: models in Python.",
    });
    expect(sections[2]?.heading).toBe("SKILLS");
  });

  it("knows Spanish and Portuguese headings and leaves sentences alone", () => {
    const sections = cvSections(
      "Experiência Profissional\nItaú\nFormação Acadêmica\nUnicamp\nExperiencia laboral\nExperience with Kafka and Go.",
    );
    expect(sections.map((s) => s.kind)).toEqual(["experience", "education", "experience"]);
    expect(sections[2]?.text).toBe("Experience with Kafka and Go.");
  });

  it("gives one summary section to a CV without headings, none to an empty one", () => {
    expect(cvSections("Just text.\nMore text.")).toEqual([
      { kind: "summary", heading: "", text: "Just text.\nMore text." },
    ]);
    expect(cvSections("  \n")).toEqual([]);
  });
});
