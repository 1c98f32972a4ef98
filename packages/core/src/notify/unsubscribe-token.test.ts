import { describe, expect, it } from "vitest";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token.ts";

const SECRET = "server-secret-server-secret-server-secret";

describe("unsubscribe tokens", () => {
  it("round-trip the user id and channel, URL-safe as they are", () => {
    for (const claim of [
      { userId: "local", channel: "email" as const },
      { userId: "0b7f8c1e-1d2a-4f7e-9a51-6f0f3c2d9e11", channel: "webhook" as const },
      { userId: "ñandú/+?&=", channel: "email" as const },
    ]) {
      const token = signUnsubscribeToken(SECRET, claim);
      expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
      expect(encodeURIComponent(token)).toBe(token);
      expect(verifyUnsubscribeToken(SECRET, token)).toEqual(claim);
    }
  });

  it("reject a token with any one character changed", () => {
    const token = signUnsubscribeToken(SECRET, { userId: "user-42", channel: "email" });
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
    for (let i = 0; i < token.length; i++) {
      for (const replacement of [alphabet[(alphabet.indexOf(token[i] as string) + 1) % 65], "A"]) {
        if (replacement === token[i]) continue;
        const changed = token.slice(0, i) + replacement + token.slice(i + 1);
        expect(verifyUnsubscribeToken(SECRET, changed), `position ${i}`).toBeNull();
      }
    }
  });

  it("reject another secret's token, a swapped channel, and garbage", () => {
    const token = signUnsubscribeToken(SECRET, { userId: "user-42", channel: "email" });
    expect(verifyUnsubscribeToken(`${SECRET}x`, token)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.replace(".email.", ".webhook."))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.slice(0, -1))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}A`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, "")).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, "u1...")).toBeNull();
  });

  it("need a long secret", () => {
    expect(() => signUnsubscribeToken("short", { userId: "u", channel: "email" })).toThrow(
      expect.objectContaining({ code: "invalid_config" }),
    );
  });
});
