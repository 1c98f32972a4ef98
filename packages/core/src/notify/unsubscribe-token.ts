// The token of an unsubscribe link, which works without signing in: it names a person and a
// channel, signed with HMAC-SHA256 under a server secret, and is URL-safe as it is.
//
//   u1.<user id, base64url>.<channel>.<HMAC-SHA256 of "aura-unsubscribe:u1.<id>.<channel>", base64url>
//
// It never expires, on purpose: an unsubscribe link must keep working in an e-mail read weeks
// later (RFC 8058 one-click, the large mailboxes' sender rules), and all a leaked token can do
// is turn one notification channel off for its owner, which they can turn back on. To void
// every token at once, change the secret. The purpose label in the signed text keeps these
// signatures apart from anything else signed with the same secret (e.g. the auth secret).
import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "../errors.ts";

export const UNSUBSCRIBE_CHANNELS = ["email", "webhook"] as const;
export type UnsubscribeChannel = (typeof UNSUBSCRIBE_CHANNELS)[number];

export interface UnsubscribeClaim {
  userId: string;
  channel: UnsubscribeChannel;
}

const VERSION = "u1";
const MIN_SECRET_LENGTH = 32;

export function signUnsubscribeToken(secret: string, claim: UnsubscribeClaim): string {
  checkSecret(secret);
  if (!claim.userId) throw new AppError("invalid_input", "An unsubscribe token needs a user id.");
  if (!UNSUBSCRIBE_CHANNELS.includes(claim.channel)) {
    throw new AppError("invalid_input", `Unknown notification channel "${claim.channel}".`);
  }
  const body = `${VERSION}.${Buffer.from(claim.userId, "utf8").toString("base64url")}.${claim.channel}`;
  return `${body}.${signature(secret, body)}`;
}

/**
 * The person and channel a token names, or null when it is not one of ours: malformed,
 * signed with another secret, or changed in any character. The signature is compared in
 * constant time, as its text (so no two spellings of one signature are both accepted).
 */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  checkSecret(secret);
  if (typeof token !== "string" || token.length > 1_000) return null;
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [version, encodedId, channel, given] = parts as [string, string, string, string];
  if (version !== VERSION || !/^[A-Za-z0-9_-]+$/.test(encodedId)) return null;
  if (!(UNSUBSCRIBE_CHANNELS as readonly string[]).includes(channel)) return null;
  const expected = signature(secret, `${version}.${encodedId}.${channel}`);
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  const userId = Buffer.from(encodedId, "base64url").toString("utf8");
  // Base64url decoding forgives stray bits; the id must spell back exactly as it was signed.
  if (Buffer.from(userId, "utf8").toString("base64url") !== encodedId) return null;
  return { userId, channel: channel as UnsubscribeChannel };
}

function signature(secret: string, body: string): string {
  return createHmac("sha256", secret).update(`aura-unsubscribe:${body}`).digest("base64url");
}

function checkSecret(secret: string): void {
  if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) {
    throw new AppError(
      "invalid_config",
      `The unsubscribe secret must be at least ${MIN_SECRET_LENGTH} characters long.`,
    );
  }
}
