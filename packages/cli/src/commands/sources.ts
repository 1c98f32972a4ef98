import { sourceRegistry } from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { printJson } from "../context.ts";

export function registerSourcesCommand(program: Command): void {
  program
    .command("sources")
    .description("the job boards AURA reads, with what their terms ask")
    .option("--json", "print as JSON")
    .action((opts: { json?: boolean }) => {
      const sources = Object.values(sourceRegistry).map((s) => ({
        name: s.name,
        label: s.label,
        homepage: s.homepage,
        terms: s.terms,
      }));
      if (opts.json) return printJson(sources);
      for (const s of sources) {
        console.log(`${pc.bold(s.name.padEnd(16))} ${s.label} — ${pc.cyan(s.homepage)}`);
        console.log(pc.dim(`${" ".repeat(17)}${s.terms}`));
      }
    });
}
