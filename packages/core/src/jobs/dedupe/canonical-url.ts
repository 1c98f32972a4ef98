/** Parameters that say where a visitor came from, never which job it is. */
const TRACKING_PARAMS = new Set([
  "gclid",
  "gclsrc",
  "dclid",
  "fbclid",
  "msclkid",
  "yclid",
  "igshid",
  "ttclid",
  "twclid",
  "li_fat_id",
  "ref",
  "ref_src",
  "ref_url",
  "refid",
  "referer",
  "referrer",
  "source",
  "src",
  "gh_src",
  "lever-source",
  "lever-origin",
  "lever-source[]",
  "mc_cid",
  "mc_eid",
  "_hsenc",
  "_hsmi",
  "hsctatracking",
  "trk",
  "trkinfo",
  "trackingid",
  "_ga",
  "_gl",
  "campaign",
  "campaignid",
  "adgroupid",
  "utm",
]);

/** `utm_source`, `utm_medium`, ... and similar families. */
const TRACKING_PREFIXES = ["utm_", "pk_", "mtm_", "hsa_"];

/**
 * The de-duplication form of a URL: scheme and host lower-case, "www." dropped,
 * default port and fragment dropped, tracking parameters dropped (utm_*, gclid,
 * fbclid, ref, source, src, gh_src, lever-source, trk, trackingId, ...; matched
 * without regard to case), the remaining parameters sorted, and a trailing slash
 * dropped from any path but "/". Parameters that name the job (gh_jid, id, ...)
 * stay. Anything that is not an http(s) URL is returned trimmed.
 */
export function canonicalUrl(url: string): string {
  const trimmed = typeof url === "string" ? url.trim() : "";
  if (!/^https?:\/\//i.test(trimmed)) return trimmed;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  const host = parsed.hostname.replace(/^www\./, "");
  const port = parsed.port ? `:${parsed.port}` : "";
  const path =
    parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, "") || "/" : parsed.pathname;
  const query = keptParams(parsed.searchParams);
  return `${parsed.protocol}//${host}${port}${path}${query ? `?${query}` : ""}`;
}

function keptParams(params: URLSearchParams): string {
  const kept = [...params].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return new URLSearchParams(kept).toString();
}

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}
