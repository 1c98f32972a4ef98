import { describe, expect, it } from "vitest";
import { porterStem, tokenize } from "./tokenize.ts";

describe("porterStem", () => {
  // Examples from Porter's paper and his published vocabulary/output pairs.
  const cases: [string, string][] = [
    ["caresses", "caress"],
    ["ponies", "poni"],
    ["ties", "ti"],
    ["caress", "caress"],
    ["cats", "cat"],
    ["feed", "feed"],
    ["agreed", "agre"],
    ["plastered", "plaster"],
    ["bled", "bled"],
    ["motoring", "motor"],
    ["sing", "sing"],
    ["conflated", "conflat"],
    ["troubled", "troubl"],
    ["sized", "size"],
    ["hopping", "hop"],
    ["tanned", "tan"],
    ["falling", "fall"],
    ["hissing", "hiss"],
    ["fizzed", "fizz"],
    ["failing", "fail"],
    ["filing", "file"],
    ["happy", "happi"],
    ["sky", "sky"],
    ["relational", "relat"],
    ["conditional", "condit"],
    ["rational", "ration"],
    ["valenci", "valenc"],
    ["digitizer", "digit"],
    ["vietnamization", "vietnam"],
    ["operator", "oper"],
    ["feudalism", "feudal"],
    ["decisiveness", "decis"],
    ["hopefulness", "hope"],
    ["formaliti", "formal"],
    ["sensibiliti", "sensibl"],
    ["triplicate", "triplic"],
    ["formative", "form"],
    ["formalize", "formal"],
    ["electrical", "electr"],
    ["goodness", "good"],
    ["revival", "reviv"],
    ["allowance", "allow"],
    ["inference", "infer"],
    ["airliner", "airlin"],
    ["adjustable", "adjust"],
    ["defensible", "defens"],
    ["irritant", "irrit"],
    ["replacement", "replac"],
    ["adjustment", "adjust"],
    ["dependent", "depend"],
    ["adoption", "adopt"],
    ["homologou", "homolog"],
    ["communism", "commun"],
    ["activate", "activ"],
    ["angulariti", "angular"],
    ["homologous", "homolog"],
    ["effective", "effect"],
    ["bowdlerize", "bowdler"],
    ["probate", "probat"],
    ["rate", "rate"],
    ["cease", "ceas"],
    ["controll", "control"],
    ["roll", "roll"],
    ["generalizations", "gener"],
    ["engineering", "engin"],
    ["engineer", "engin"],
    ["management", "manag"],
    ["developer", "develop"],
    ["development", "develop"],
    ["marketing", "market"],
    ["analytics", "analyt"],
  ];
  it.each(cases)("%s -> %s", (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it("keeps words of one or two letters", () => {
    expect(porterStem("is")).toBe("is");
    expect(porterStem("r")).toBe("r");
  });
});

describe("tokenize", () => {
  it("lower-cases, splits, drops stopwords and numbers, stems", () => {
    expect(tokenize("The Engineers are BUILDING 3 new APIs, and testing them.")).toEqual([
      "engin",
      "build",
      "new",
      "api",
      "test",
    ]);
  });

  it("keeps programming-language names the split would break", () => {
    expect(tokenize("C++, C#, F# and .NET; Node.js / Next.js; R and C")).toEqual([
      "cplusplu",
      "csharp",
      "fsharp",
      "dotnet",
      "nodej",
      "nextj",
      "r",
      "c",
    ]);
  });

  it("keeps tokens with digits unstemmed, folds accents and drops possessives", () => {
    expect(tokenize("AWS S3 and EC2 at São Paulo's office")).toEqual([
      "aw",
      "s3",
      "ec2",
      "sao",
      "paulo",
      "offic",
    ]);
  });

  it("drops one-letter tokens other than c and r", () => {
    expect(tokenize("a b x y z")).toEqual([]);
  });
});
