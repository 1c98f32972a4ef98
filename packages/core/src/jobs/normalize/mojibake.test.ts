import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text.ts";
import { repairMojibake } from "./mojibake.ts";
import { type RemoteOkJob, recorded } from "./test-samples.ts";

describe("repairMojibake", () => {
  it.each([
    ["UTF-8 read as Latin-1", "you\u00e2\u0080\u0099ll", "you’ll"],
    ["UTF-8 read as Windows-1252", "youâ€™ll â€” â€œquotedâ€\u009d", "you’ll — “quoted”"],
    ["accented letters", "SÃ£o Paulo, MÃ¼nchen, cafÃ©", "São Paulo, München, café"],
    ["a no-break space", "a\u00c2\u00a0b", "a\u00a0b"],
    ["an emoji", "\u00f0\u009f\u009a\u0080 launch", "🚀 launch"],
  ])("repairs %s", (_name, input, expected) => {
    expect(repairMojibake(input)).toBe(expected);
  });

  it.each([
    ["Portuguese", "não, ação, Informação"],
    ["German", "Größe, Übung, für"],
    ["French", "café… crème brûlée"],
    ["an accent before typographic punctuation", "café…” test"],
    ["Spanish", "¿Dónde? ¡Aquí! año"],
    ["plain ASCII", "Senior Engineer"],
  ])("leaves correct %s text alone", (_name, text) => {
    expect(repairMojibake(text)).toBe(text);
  });

  it("repairs the recorded Remote OK feed, which is mangled", () => {
    const jobs = recorded<RemoteOkJob[]>("remoteok.json").slice(1);
    const mangled = jobs.filter((j) => /â€|\u00e2\u0080/.test(j.description));
    expect(mangled.length).toBeGreaterThan(50);
    for (const job of mangled) {
      const text = htmlToText(repairMojibake(job.description));
      expect(text).not.toMatch(/[\u0080-\u009f]|â€|Ã[\u0080-\u00bf]/);
    }
    expect(htmlToText(repairMojibake(jobs[0]?.description ?? ""))).toContain(
      "As a cross‑functional engineering lead on Aragon’s Platform Team, you’ll code",
    );
  });
});
