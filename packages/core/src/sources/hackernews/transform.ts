import { transformWith } from "../parse-raw.ts";
import { parseHiringComment } from "./parse-hiring-comment.ts";
import { hnComment } from "./types.ts";

/**
 * A top-level "Who is hiring?" comment as a posting. Its URL is the comment on HN (the
 * board's credit); the first line gives company, role, location and pay; the whole
 * comment HTML is the description, with the apply link the author wrote in it.
 */
export const transformHackerNews = transformWith(hnComment, (comment) => {
  const id = comment.id ?? comment.objectID;
  if (!id) throw new Error("id: missing");
  if (comment.deleted || comment.dead) throw new Error("deleted: the comment was deleted");
  if (comment.type && comment.type !== "comment")
    throw new Error(`type: "${comment.type}" is not a comment`);
  if (comment.parent_id && comment.story_id && comment.parent_id !== comment.story_id) {
    throw new Error("parent_id: a reply, not a top-level posting");
  }
  const html = comment.text ?? comment.comment_text;
  if (!html || /^\[(?:deleted|dead|flagged)\]$/i.test(html)) throw new Error("text: empty comment");
  const parsed = parseHiringComment(html);
  if (!parsed.ok) throw new Error(parsed.reason);
  const { company, title, location, remote, salaryText, employmentType } = parsed.comment;
  return {
    externalId: id,
    url: `https://news.ycombinator.com/item?id=${encodeURIComponent(id)}`,
    title,
    company,
    description: html,
    location,
    remote,
    salaryText,
    employmentType,
    postedAt: comment.created_at_i ?? comment.created_at,
  };
});
