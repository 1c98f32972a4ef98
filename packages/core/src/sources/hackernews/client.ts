import type { FetchContext } from "../types.ts";
import type { HackerNewsOptions } from "./types.ts";

/**
 * Finds the newest "Ask HN: Who is hiring?" story of the whoishiring account, then reads
 * it with its comments and yields the top-level ones (replies, deleted and empty comments
 * left out), at most `maxComments`.
 */
export async function* fetchHackerNews(context: FetchContext<HackerNewsOptions>) {
  const searchUrl = `${context.baseUrl}/api/v1/search?tags=story,author_whoishiring&hitsPerPage=10`;
  const search = await context.http.getJson(searchUrl);
  const hits = (search as { hits?: unknown } | null)?.hits;
  if (!Array.isArray(hits)) throw new Error(`${searchUrl} sent no "hits" array`);
  const story = newestHiringStory(hits);
  if (!story) throw new Error('Hacker News: no "Who is hiring?" story among the whoishiring posts');

  const itemUrl = `${context.baseUrl}/api/v1/items/${encodeURIComponent(story.id)}`;
  const item = await context.http.getJson(itemUrl);
  const children = (item as { children?: unknown } | null)?.children;
  if (!Array.isArray(children)) throw new Error(`${itemUrl} sent no "children" array`);
  const comments: unknown[] = [];
  for (const child of children) {
    if (comments.length >= context.options.maxComments) break;
    if (!child || typeof child !== "object") continue;
    const { children: _replies, ...comment } = child as Record<string, unknown>;
    if (comment.deleted || comment.dead) continue;
    if (typeof comment.text !== "string" || comment.text.trim() === "") continue;
    comments.push({
      ...comment,
      story_id: comment.story_id ?? story.id,
      parent_id: comment.parent_id ?? story.id,
    });
  }
  yield comments;
}

function newestHiringStory(hits: unknown[]): { id: string } | null {
  let best: { id: string; time: number } | null = null;
  for (const hit of hits) {
    if (!hit || typeof hit !== "object") continue;
    const { title, objectID, created_at_i, created_at } = hit as Record<string, unknown>;
    if (typeof title !== "string" || !/who is hiring/i.test(title)) continue;
    if (/wants to be hired|freelancer/i.test(title)) continue;
    const id =
      typeof objectID === "string" || typeof objectID === "number" ? String(objectID) : null;
    if (!id) continue;
    const time =
      typeof created_at_i === "number"
        ? created_at_i * 1000
        : typeof created_at === "string"
          ? Date.parse(created_at) || 0
          : 0;
    if (!best || time > best.time) best = { id, time };
  }
  return best;
}
