import { readFile } from "node:fs/promises";
import {
  AppError,
  addPostingFromText,
  addPostingFromUrl,
  createHttpClient,
  toJobView,
} from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, printJson, withDatabase } from "../context.ts";

export function registerAddCommand(program: Command): void {
  program
    .command("add")
    .description("add one posting you found: by its URL, or pasted as text")
    .argument("[url]", "the posting's page (read once, like your browser would)")
    .option("--text <file>", "a text file with the posting pasted in ('-' for standard input)")
    .option("--title <title>", "the job title, when the text does not start with it")
    .option("--company <name>", "the company, when the text does not say it")
    .option("--url <url>", "the original posting's URL, for pasted text")
    .option("--json", "print the stored job as JSON")
    .addHelpText(
      "after",
      `
LinkedIn, Indeed and Glassdoor forbid scraping: AURA never crawls them. Add a posting you
are looking at with its URL or by pasting its text.`,
    )
    .action(
      action(
        async (
          url: string | undefined,
          opts: { text?: string; title?: string; company?: string; url?: string; json?: boolean },
        ) => {
          if (!url && !opts.text) {
            throw new AppError("invalid_input", "Give a URL or --text FILE", { field: "url" });
          }
          const text = opts.text
            ? await (opts.text === "-" ? readStdin() : readFile(opts.text, "utf8")).catch(
                (cause: NodeJS.ErrnoException) => {
                  throw new AppError(
                    "invalid_input",
                    `Cannot read ${opts.text}: ${cause.code ?? cause.message}`,
                    {
                      field: "text",
                    },
                  );
                },
              )
            : null;
          await withDatabase(async ({ config, handle }) => {
            const result =
              text !== null
                ? await addPostingFromText(handle.db, text, {
                    title: opts.title,
                    company: opts.company,
                    url: opts.url ?? url,
                  })
                : await addPostingFromUrl(handle.db, createHttpClient(config.http), url as string);
            if (opts.json) return printJson({ status: result.status, job: toJobView(result.job) });
            const verb = { new: pc.green("Added"), updated: "Updated", duplicate: "Already had" }[
              result.status
            ];
            console.log(
              `${verb} job ${result.job.id}: ${pc.bold(result.job.title)} at ${result.job.company}`,
            );
          });
        },
      ),
    );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
