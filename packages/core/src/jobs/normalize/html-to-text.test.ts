import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text.ts";
import {
  type ArbeitnowJob,
  type GreenhouseJob,
  type HimalayasJob,
  type JobicyJob,
  type MuseJob,
  recorded,
} from "./test-samples.ts";

describe("htmlToText", () => {
  it.each([
    ["paragraphs", "<p>One</p><p>Two</p>", "One\n\nTwo"],
    ["headings and divs are blocks", "<h2>Title</h2><div>Body</div>", "Title\n\nBody"],
    ["<br> is a line break", "a<br>b<br/>c", "a\nb\nc"],
    ["two <br> make a blank line", "a<br><br>b", "a\n\nb"],
    ["list items", "<ul><li>One</li><li>Two</li></ul>", "- One\n- Two"],
    ["ordered lists use bullets too", "<ol><li>One</li><li>Two</li></ol>", "- One\n- Two"],
    [
      "items holding paragraphs stay one per line",
      "<ul><li><p>A</p></li><li><p>B</p></li></ul>",
      "- A\n- B",
    ],
    ["nested lists", "<ul><li>A<ul><li>A1</li></ul></li><li>B</li></ul>", "- A\n- A1\n- B"],
    [
      "lists split one item per <ul> stay together",
      "<ul><li>A</li></ul><ul><li>B</li></ul>",
      "- A\n- B",
    ],
    ["text after a list is a new paragraph", "<ul><li>A</li></ul>After", "- A\n\nAfter"],
    ["empty items are dropped", "<ul><li> </li><li>x</li></ul>", "- x"],
    [
      "table rows are blocks, cells are spaced",
      "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>",
      "a b\n\nc",
    ],
    ["blockquote and pre", "<blockquote>q</blockquote><pre>x</pre>", "q\n\nx"],
    [
      "link text is kept, href is not",
      '<p>See <a href="https://x.io/y">our site</a>.</p>',
      "See our site.",
    ],
    ["inline elements join words", "<b>Com</b>pany <i>name</i>", "Company name"],
    ["script content is dropped", "<p>a</p><script>var x = 1;</script><p>b</p>", "a\n\nb"],
    [
      "style, noscript, svg, iframe, template are dropped",
      "<style>p{}</style><noscript>js!</noscript><svg><text>logo</text></svg><iframe>f</iframe><template>t</template>ok",
      "ok",
    ],
    ["head is dropped", "<html><head><title>T</title></head><body>Body</body></html>", "Body"],
    [
      "entities",
      "<p>R&amp;D &nbsp;it&#x27;s &rsquo;n&#8217; &euro;5 &lt;3</p>",
      "R&D it's ’n’ €5 <3",
    ],
    ["spaces collapse", "<p>a  \t  b\n\n c</p>", "a b c"],
    ["at most one blank line", "<p>a</p><p></p><p>&nbsp;</p><div><br></div><p>b</p>", "a\n\nb"],
    ["unclosed tags", "<p>one<p>two<li>three", "one\n\ntwo\n- three"],
    ["a stray closing tag is ignored, as browsers do", "a</div>b", "ab"],
    ["an unclosed inline element", "<p>a <b>bold</p><p>next</p>", "a bold\n\nnext"],
    ["a tag cut off at the end", "text <p", "text"],
    ["a link cut off at the end", 'text <a href="https://x', "text"],
    ["a lone < is text", "<p>salary < 100k</p>", "salary < 100k"],
    ["unquoted and odd attributes", "<p class=x data-a='1' hidden>fine</p>", "fine"],
    ["zero-width characters go", "a\u200bb\ufeffc", "abc"],
  ])("%s", (_name, input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });

  it("unescapes Greenhouse's twice-escaped HTML", () => {
    const input =
      "&lt;p&gt;Hello &amp;amp; welcome&lt;/p&gt;&lt;ul&gt;&lt;li&gt;One&lt;/li&gt;&lt;/ul&gt;";
    expect(htmlToText(input)).toBe("Hello & welcome\n\n- One");
  });

  it("does not unescape text that has real tags", () => {
    expect(htmlToText("<p>Use &lt;p&gt; for paragraphs</p>")).toBe("Use <p> for paragraphs");
  });

  it("keeps the line breaks of plain text", () => {
    expect(htmlToText("Line one\nLine two\n\n\n\nNew paragraph  with   spaces")).toBe(
      "Line one\nLine two\n\nNew paragraph with spaces",
    );
  });

  it("decodes entities in plain text", () => {
    expect(htmlToText("Salary &amp; benefits&nbsp;included")).toBe("Salary & benefits included");
  });

  it("returns empty text for empty or non-string input", () => {
    expect(htmlToText("")).toBe("");
    expect(htmlToText(undefined as unknown as string)).toBe("");
    expect(htmlToText("<p> </p><div></div>")).toBe("");
  });

  it("converts 200 KB of HTML whole", () => {
    const chunk =
      "<div><p>Some <b>bold</b> text &amp; more</p><ul><li>item</li><li>other</li></ul></div>";
    const input = chunk.repeat(Math.ceil(200_000 / chunk.length));
    const text = htmlToText(input);
    expect(text.split("\n").filter((l) => l === "- item")).toHaveLength(
      Math.ceil(200_000 / chunk.length),
    );
  });

  it("handles deeply nested and unclosed markup", () => {
    const input = `${"<div>".repeat(20_000)}deep${"<p>x".repeat(20_000)}`;
    const text = htmlToText(input);
    expect(text.startsWith("deep")).toBe(true);
    expect(text.split("\n").filter((l) => l === "x")).toHaveLength(20_000);
  });
});

describe("htmlToText on recorded descriptions", () => {
  const greenhouse = recorded<{ jobs: GreenhouseJob[] }>("greenhouse-gitlab.json").jobs;
  const jobicy = recorded<{ jobs: JobicyJob[] }>("jobicy.json").jobs;
  const himalayas = recorded<{ jobs: HimalayasJob[] }>("himalayas-corpus.json").jobs;
  const muse = recorded<{ results: MuseJob[] }>("themuse-page0.json").results;
  const arbeitnow = recorded<{ data: ArbeitnowJob[] }>("arbeitnow-page1.json").data;
  const all = [
    ...greenhouse.map((j) => j.content),
    ...jobicy.map((j) => j.jobDescription),
    ...himalayas.map((j) => j.description),
    ...muse.map((j) => j.contents),
    ...arbeitnow.map((j) => j.description),
  ];

  it("leaves no tags, escaped tags or common entities in any description", () => {
    for (const html of all) {
      const text = htmlToText(html);
      expect(text).not.toMatch(/<\/?(?:p|div|li|ul|br|span|strong|a|h\d)\b[^>]*>/i);
      expect(text).not.toMatch(/&(?:lt|gt|amp|nbsp|quot|#39|#x27|rsquo);/);
      expect(text).not.toMatch(/\n\n\n/);
      expect(text).toBe(text.trim());
    }
  });

  it("reads Greenhouse's escaped content as HTML: headings and bullets come out", () => {
    const text = htmlToText(greenhouse[0]?.content ?? "");
    expect(text.startsWith("GitLab is the intelligent orchestration platform")).toBe(true);
    expect(text.split("\n").filter((line) => line.startsWith("- ")).length).toBeGreaterThan(5);
  });

  it("keeps Jobicy's bullets together, one per line, under their heading", () => {
    const text = htmlToText(jobicy[0]?.jobDescription ?? "");
    const after = text.slice(text.indexOf("PRIMARY DUTIES"));
    const lines = after.split("\n");
    expect(lines[1]).toBe("");
    expect(lines[2]).toMatch(/^- Lead change enablement activities/);
    expect(lines[3]).toMatch(/^- Develop and execute comprehensive change strategies/);
  });

  it("drops a script and a style injected into a real description and keeps the rest", () => {
    const html = jobicy[1]?.jobDescription ?? "";
    const injected = `<style>.job{color:red}</style>${html}<script>window.track("apply");</script>`;
    const text = htmlToText(injected);
    expect(text).not.toContain("track(");
    expect(text).not.toContain("color:red");
    expect(text).toBe(htmlToText(html));
  });

  it("keeps nested bullets of The Muse as lines", () => {
    const text = htmlToText(muse[0]?.contents ?? "");
    expect(text).toContain("\n- OSHA general industry and construction standards\n");
    expect(text).toContain("ENVIRONMENTAL HEALTH & SAFETY ENGINEER");
  });
});
