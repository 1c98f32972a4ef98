import { expect, it } from "vitest";
import { foldAccents } from "./fold.ts";

it.each([
  ["São Paulo", "Sao Paulo"],
  ["Zürich", "Zurich"],
  ["Sênior Desenvolvedor", "Senior Desenvolvedor"],
  ["ﬁnance", "finance"],
  ["Kraków", "Krakow"],
])("foldAccents(%s)", (input, expected) => {
  expect(foldAccents(input)).toBe(expected);
});
