import { describe, expect, it } from "vitest";
import {
  accountMailRequestSchema,
  passwordResetMessage,
  passwordResetSchema,
  signInLinkMessage,
} from "./account-mail.ts";

const link = "https://aura.example.org/en/sign-in/link?token=abcDEF";
const base = { language: "en" as const, personName: "Ana", url: link, minutes: 15 };

describe("signInLinkMessage", () => {
  it("says what the link does, how long it works, and what to do if it was not you", () => {
    const message = signInLinkMessage(base);
    expect(message.subject).toBe("Your AURA sign-in link");
    expect(message.text).toBe(
      [
        "Hi Ana,",
        "",
        "Open this link to sign in to AURA:",
        "",
        link,
        "",
        "The link works once, within 15 minutes. If you did not ask for it, you can ignore this e-mail: nobody can sign in without it.",
        "",
        "-- ",
        "You get this e-mail because someone asked AURA for a sign-in link for this address.",
        "",
      ].join("\n"),
    );
    expect(message.html).toContain('<html lang="en">');
    expect(message.html).toContain(`href="${link}"`);
    expect(message.html).toContain(">Sign in to AURA</a>");
    expect(message.headers).toEqual({ "Auto-Submitted": "auto-generated" });
  });

  it("speaks Spanish and Portuguese, with or without a name", () => {
    const es = signInLinkMessage({ ...base, language: "es", personName: null });
    expect(es.subject).toBe("Tu enlace para iniciar sesión en AURA");
    expect(es.text).toMatch(/^Hola:\n\nAbre este enlace para iniciar sesión en AURA:\n/);
    expect(es.text).toContain("El enlace sirve una sola vez y caduca en 15 minutos.");
    expect(es.html).toContain('<html lang="es">');
    const pt = signInLinkMessage({ ...base, language: "pt", minutes: 1 });
    expect(pt.subject).toBe("Seu link para entrar na AURA");
    expect(pt.text).toMatch(/^Olá, Ana!\n/);
    expect(pt.text).toContain("O link funciona uma única vez e expira em 1 minuto.");
  });

  it("escapes the name and the link in the HTML", () => {
    const message = signInLinkMessage({
      ...base,
      personName: "<b>Eve</b> O'Neil",
      url: "https://aura.example.org/en/sign-in/link?token=a&x='b'",
    });
    expect(message.html).toContain("Hi &lt;b&gt;Eve&lt;/b&gt; O&#39;Neil,");
    expect(message.html).toContain(
      'href="https://aura.example.org/en/sign-in/link?token=a&amp;x=&#39;b&#39;"',
    );
    expect(message.html).not.toContain("<b>Eve");
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => signInLinkMessage({ ...base, url: "javascript:alert(1)" })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "url" }),
    );
    expect(() => signInLinkMessage({ ...base, minutes: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_input", field: "minutes" }),
    );
  });
});

describe("passwordResetMessage", () => {
  it("says hours in each language", () => {
    const url = "https://aura.example.org/es/reset-password?token=xyz";
    const en = passwordResetMessage({ ...base, url, minutes: 60 });
    expect(en.subject).toBe("Reset your AURA password");
    expect(en.text).toContain(`Open this link to choose a new password:\n\n${url}`);
    expect(en.text).toContain(
      "The link works once, within 1 hour. If you did not ask for it, ignore this e-mail: your password stays as it is.",
    );
    const es = passwordResetMessage({ ...base, language: "es", url, minutes: 120 });
    expect(es.subject).toBe("Restablece tu contraseña de AURA");
    expect(es.text).toContain("caduca en 2 horas.");
    const pt = passwordResetMessage({ ...base, language: "pt", url, minutes: 60 });
    expect(pt.subject).toBe("Redefina sua senha da AURA");
    expect(pt.text).toContain("expira em 1 hora.");
    expect(pt.html).toContain(">Escolher uma nova senha</a>");
  });
});

describe("the requests", () => {
  it("take an address and a known language, nothing else", () => {
    expect(accountMailRequestSchema.parse({ email: "ana@example.org", language: "pt" })).toEqual({
      email: "ana@example.org",
      language: "pt",
    });
    expect(accountMailRequestSchema.safeParse({ email: "ana" }).success).toBe(false);
    expect(accountMailRequestSchema.safeParse({ email: "a@b.org", language: "fr" }).success).toBe(
      false,
    );
    expect(accountMailRequestSchema.safeParse({ email: "a@b.org", admin: true }).success).toBe(
      false,
    );
    expect(passwordResetSchema.safeParse({ token: "t", newPassword: "short" }).success).toBe(false);
    expect(passwordResetSchema.safeParse({ token: "t", newPassword: "long enough" }).success).toBe(
      true,
    );
  });
});
