import { describe, expect, it } from "vitest";
import { detectRemote, normalizeRemoteHint, type RemoteInput } from "./remote.ts";
import { type ArbeitnowJob, type GreenhouseJob, recorded } from "./test-samples.ts";

describe("detectRemote", () => {
  it.each<[string, RemoteInput, string]>([
    ["the hint wins", { hint: "onsite", location: "Remote" }, "onsite"],
    ["a hint in other words", { hint: "Hybrid" }, "hybrid"],
    ["remote in the location", { location: "Remote, Italy" }, "remote"],
    ["remote in the title", { title: "Senior Engineer (Remote)" }, "remote"],
    ["hybrid in the location", { location: "Hybrid - Berlin" }, "hybrid"],
    ["hybrid beats remote", { location: "Remote or hybrid, London" }, "hybrid"],
    ["work from home", { location: "Work From Home" }, "remote"],
    ["WFH", { title: "Customer Support (WFH)" }, "remote"],
    ["anywhere", { location: "Anywhere in the World" }, "remote"],
    ["worldwide", { location: "Worldwide" }, "remote"],
    ["remote friendly", { location: "Atlanta (Remote Friendly)" }, "remote"],
    ["Spanish", { location: "Remoto - México" }, "remote"],
    ["teletrabajo", { title: "Analista (teletrabajo)" }, "remote"],
    ["home office in a location", { location: "Homeoffice" }, "remote"],
    ["on-site", { location: "On-site - Austin" }, "onsite"],
    ["in office", { title: "Designer (in-office)" }, "onsite"],
    ["presencial", { location: "Presencial, Madrid" }, "onsite"],
    ["vor Ort", { location: "Vor Ort in Hamburg" }, "onsite"],
    ["not remote", { location: "Berlin (not remote)" }, "onsite"],
    ["no remote", { location: "No remote" }, "onsite"],
    ["a plain city says nothing", { location: "New York" }, "unknown"],
    ["nothing at all", {}, "unknown"],
    [
      "remote-first in the text",
      { location: "London", description: "We are a remote-first company." },
      "remote",
    ],
    ["fully remote in the text", { description: "This is a fully remote position." }, "remote"],
    [
      "remoto in Portuguese text",
      { description: "Vaga 100% remota para desenvolvedores." },
      "remote",
    ],
    [
      "days in office in the text",
      { description: "You will be in the office 3 days per week." },
      "hybrid",
    ],
    ["hybrid in the text", { description: "This role is hybrid, based in Paris." }, "hybrid"],
    [
      "on-site in the text",
      { description: "This is an on-site role in our New York office." },
      "onsite",
    ],
    ["not remote in the text", { description: "Please note: this role is not remote." }, "onsite"],
    [
      "Homeoffice offered in a German text",
      { description: "Wir bieten 2 Tage Homeoffice pro Woche." },
      "hybrid",
    ],
    ["100% Homeoffice in a German text", { description: "Wir bieten 100% Homeoffice." }, "remote"],
    [
      "distributed systems is not remote",
      { description: "You will build distributed systems at scale." },
      "unknown",
    ],
    [
      "anywhere in prose is not remote",
      { description: "Our data lives anywhere our customers are." },
      "unknown",
    ],
    [
      "remote sensing is not remote",
      { description: "Experience with remote sensing and remote monitoring." },
      "unknown",
    ],
  ])("%s", (_name, input, expected) => {
    expect(detectRemote(input)).toBe(expected);
  });

  it("reads only the beginning of a description", () => {
    const description = `${"We build software. ".repeat(100)}This is a fully remote position.`;
    expect(detectRemote({ description })).toBe("unknown");
  });

  it("title and location outrank the description", () => {
    expect(detectRemote({ location: "Remote", description: "This is an on-site role." })).toBe(
      "remote",
    );
  });

  it("reads the recorded Greenhouse locations", () => {
    const jobs = recorded<{ jobs: GreenhouseJob[] }>("greenhouse-gitlab.json").jobs;
    for (const job of jobs) {
      expect(detectRemote({ location: job.location.name, title: job.title })).toBe(
        /remote/i.test(job.location.name) ? "remote" : "unknown",
      );
    }
  });

  it("agrees with Arbeitnow's remote flag on its remote jobs", () => {
    const jobs = recorded<{ data: ArbeitnowJob[] }>("arbeitnow-page1.json").data;
    const remote = jobs.filter((j) => j.remote);
    expect(remote.length).toBeGreaterThan(5);
    for (const job of remote) {
      expect(detectRemote({ hint: "remote", location: job.location, title: job.title })).toBe(
        "remote",
      );
    }
  });
});

describe("normalizeRemoteHint", () => {
  it.each([
    ["Remote", "remote"],
    ["remote_ok", "remote"],
    ["Hybrid", "hybrid"],
    ["On-site", "onsite"],
    ["onsite", "onsite"],
    ["in_office", "onsite"],
    ["Office", "onsite"],
    ["unspecified", null],
    ["", null],
    [null, null],
  ])("%s → %s", (hint, expected) => {
    expect(normalizeRemoteHint(hint)).toBe(expected);
  });
});
