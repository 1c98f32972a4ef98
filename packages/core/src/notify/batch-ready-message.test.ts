import { describe, expect, it } from "vitest";
import { batchReadyMessage } from "./batch-ready-message.ts";
import { escapeHtml, mailLanguage } from "./mail-frame.ts";

const base = {
  language: "en" as const,
  personName: null,
  jobs: [{ title: "Backend Engineer", company: "Initech", match: 0.994, board: "Remotive" }],
  dashboardUrl: "https://aura.example.org/dashboard",
  unsubscribeUrl: "https://aura.example.org/unsubscribe?token=abc",
};

describe("batchReadyMessage", () => {
  it("greets without a name, counts one job in the singular, rounds the match", () => {
    const en = batchReadyMessage(base);
    expect(
      en.text.startsWith("Hi,\n\nYour new batch is ready. AURA picked 1 job for you to rate:"),
    ).toBe(true);
    expect(en.text).toContain("99% match · via Remotive");
    expect(batchReadyMessage({ ...base, language: "es" }).text).toContain(
      "AURA eligió 1 empleo para que lo valores:",
    );
    expect(batchReadyMessage({ ...base, language: "pt" }).text).toMatch(/^Olá!\n/);
    expect(batchReadyMessage({ ...base, language: "pt" }).text).toContain(
      "A AURA escolheu 1 vaga para você avaliar:",
    );
  });

  it("escapes a person's name and a company like a title", () => {
    const message = batchReadyMessage({
      ...base,
      personName: "<b>Eve</b> O'Neil",
      jobs: [{ title: "A & B", company: "<img src=x onerror=alert(1)>", match: 0.5, board: "X" }],
    });
    expect(message.html).toContain("&lt;b&gt;Eve&lt;/b&gt; O&#39;Neil");
    expect(message.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(message.html).not.toContain("<img");
    expect(message.html).not.toContain("<b>Eve");
  });

  it("refuses links that are not http(s) and a batch without jobs", () => {
    expect(() => batchReadyMessage({ ...base, dashboardUrl: "javascript:alert(1)" })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "dashboardUrl" }),
    );
    expect(() =>
      batchReadyMessage({
        ...base,
        jobs: [{ title: "T", match: 0.5, board: "B", url: "data:text/html,hi" }],
      }),
    ).toThrow(expect.objectContaining({ code: "invalid_input", field: "jobs.0.url" }));
    expect(() => batchReadyMessage({ ...base, jobs: [] })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "jobs" }),
    );
  });

  it("offers one-click unsubscribe headers and says it is automatic", () => {
    expect(batchReadyMessage(base).headers).toEqual({
      "List-Unsubscribe": "<https://aura.example.org/unsubscribe?token=abc>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    });
  });
});

describe("mailLanguage and escapeHtml", () => {
  it("reads a language tag, English otherwise", () => {
    expect(mailLanguage("pt-BR")).toBe("pt");
    expect(mailLanguage("es_ES")).toBe("es");
    expect(mailLanguage("fr")).toBe("en");
    expect(mailLanguage(null)).toBe("en");
  });

  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });
});
