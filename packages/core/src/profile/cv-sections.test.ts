import { describe, expect, it } from "vitest";
import { cvSections, spacedLetters } from "./cv-sections.ts";

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

  it("reads headings written in spaced letters, in any language, as written", () => {
    const sections = cvSections(
      [
        "J A N E   D O E",
        "W O R K  E X P E R I E N C E",
        "Developer, Acme",
        "**S K I L L S:**",
        "Go, SQL",
        "## E D U C A T I O N",
        "BSc, TU Berlin",
        "E X P E R I E N C I A\tL A B O R A L",
        "Analista, Itaú",
        "F O R M A Ç Ã O",
        "Unicamp",
        "P R O F E S S I O N A L E X P E R I E N C E",
        "Consultant, Initech",
        "l a n g u a g e s",
        "English, Spanish",
      ].join("\n"),
    );
    expect(sections.map((s) => [s.kind, s.heading])).toEqual([
      ["summary", ""],
      ["experience", "W O R K  E X P E R I E N C E"],
      ["skills", "**S K I L L S:**"],
      ["education", "E D U C A T I O N"],
      ["experience", "E X P E R I E N C I A\tL A B O R A L"],
      ["education", "F O R M A Ç Ã O"],
      // One space everywhere: the words run together, and still read as a heading.
      ["experience", "P R O F E S S I O N A L E X P E R I E N C E"],
      ["languages", "l a n g u a g e s"],
    ]);
    expect(sections[0]?.text).toBe("J A N E   D O E");
    expect(sections[1]?.text).toBe("Developer, Acme");
  });

  it("leaves lines that are not wholly spaced letters, or spell no heading, alone", () => {
    const text = [
      "Experience",
      "A B testing of the checkout",
      "A B C D",
      "S K I L L S and more",
      "I T",
      "Skills matter: S K I L L S",
      "E D U",
    ].join("\n");
    expect(cvSections(text)).toEqual([
      { kind: "experience", heading: "Experience", text: text.split("\n").slice(1).join("\n") },
    ]);
  });
});

describe("spacedLetters", () => {
  it("reads spaced letters as the words they spell, wider gaps parting words", () => {
    expect(spacedLetters("W O R K  E X P E R I E N C E")).toBe("WORK EXPERIENCE");
    expect(spacedLetters("  S K I L L S :")).toBe("SKILLS");
    expect(spacedLetters("E D U C A T I O N & T R A I N I N G")).toBe("EDUCATION & TRAINING");
    expect(spacedLetters("J O S É\tG A R C Í A")).toBe("JOSÉ GARCÍA");
    // Accents written as a letter and a combining mark.
    expect(spacedLetters("E X P E R I E\u0302 N C I A")).toBe("EXPERIE\u0302NCIA");
    expect(spacedLetters("О П Ы Т")).toBe("ОПЫТ");
  });

  it("is null for any other line", () => {
    for (const line of [
      "A B testing",
      "A B C",
      "SKILLS",
      "Skills",
      "S K I L L S 2",
      "A-B C D",
      "",
    ]) {
      expect(spacedLetters(line)).toBeNull();
    }
  });
});
