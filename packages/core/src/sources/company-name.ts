/** Board names whose company is not spelled as the name title-cased. */
const KNOWN: Record<string, string> = {
  openai: "OpenAI",
  github: "GitHub",
  gitlab: "GitLab",
  linkedin: "LinkedIn",
  hubspot: "HubSpot",
  doordash: "DoorDash",
  youtube: "YouTube",
  paypal: "PayPal",
  mongodb: "MongoDB",
  clickhouse: "ClickHouse",
  huggingface: "Hugging Face",
  elevenlabs: "ElevenLabs",
  deepmind: "DeepMind",
  posthog: "PostHog",
  launchdarkly: "LaunchDarkly",
  cockroachlabs: "Cockroach Labs",
  planetscale: "PlanetScale",
  dbtlabs: "dbt Labs",
  ycombinator: "Y Combinator",
  jpmorgan: "JPMorgan",
};

/**
 * A company name from the board name in an ATS URL (`jobs.lever.co/{site}`,
 * `jobs.ashbyhq.com/{name}`): known names as the company spells them, others split
 * on `-`, `_` and `.` and capitalised ("palantir" → "Palantir", "acme-labs" → "Acme Labs").
 */
export function companyFromBoardName(board: string): string {
  const key = board.trim().toLowerCase();
  const known = KNOWN[key] ?? KNOWN[key.replace(/[-_.\s]/g, "")];
  if (known) return known;
  return key
    .split(/[-_.\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

/** The first path segment of a URL on the given host (`jobs.lever.co/palantir/...` → "palantir"). */
export function boardFromUrl(url: string | null | undefined, host: RegExp): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (!host.test(parsed.hostname)) return null;
    const first = parsed.pathname.split("/").filter(Boolean)[0];
    return first ? decodeURIComponent(first) : null;
  } catch {
    return null;
  }
}
