import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Messages = { [key: string]: string | Messages };

function load(locale: string): Messages {
  return JSON.parse(
    readFileSync(new URL(`../../messages/${locale}.json`, import.meta.url), "utf8"),
  );
}

/** Every message by its dotted key. */
function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments a message uses: `{name}` and the first word of `{count, plural, …}`. */
function argumentsOf(message: string): string[] {
  return [
    ...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1] ?? "")),
  ].sort();
}

describe("the message catalogues", () => {
  const english = flatten(load("en"));

  for (const locale of ["es", "pt"]) {
    it(`${locale} has every English key, no other, and the same arguments in each`, () => {
      const other = flatten(load(locale));
      expect([...other.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, message] of english) {
        expect(argumentsOf(other.get(key) ?? ""), `${locale} ${key}`).toEqual(argumentsOf(message));
        expect(other.get(key)?.trim(), `${locale} ${key} is empty`).not.toBe("");
      }
    });
  }
});
