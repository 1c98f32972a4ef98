import { readFile } from "node:fs/promises";
import { AppError, importPostings } from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { action, printJson, withDatabase } from "../context.ts";

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description("import postings from a JSON Lines or CSV file (any age)")
    .argument("<file>", "a .jsonl or .csv file; columns title, company, url required")
    .option(
      "--source <name>",
      "credit these postings to this source name (default: the file's source column, else 'import')",
    )
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      `
Columns (JSON keys): title, company, url (required); description (HTML or text), location,
postedAt, salaryMin, salaryMax, currency, employmentType, source, tags (optional).
Unknown fields are ignored. Bad lines are skipped and reported with their line numbers.`,
    )
    .action(
      action(async (file: string, opts: { source?: string; json?: boolean }) => {
        const content = await readFile(file, "utf8").catch((cause: NodeJS.ErrnoException) => {
          throw new AppError(
            "invalid_input",
            `Cannot read ${file}: ${cause.code ?? cause.message}`,
            {
              field: "file",
            },
          );
        });
        await withDatabase(async ({ handle }) => {
          const summary = await importPostings(handle.db, {
            content,
            fileName: file,
            source: opts.source,
          });
          const t = summary.totals;
          // Nothing usable in the file is a failure a script should notice.
          if (t.new + t.updated + t.duplicates === 0) process.exitCode = 1;
          if (opts.json) return printJson(summary);
          if (t.fetched === 0) {
            console.error(
              `${file}: no postings found (expected JSON Lines, a JSON array, or CSV with a header row)`,
            );
            return;
          }
          console.log(
            `${pc.bold(file)}: ${t.fetched} lines read, ${pc.green(`${t.new} new`)}, ${t.updated} updated, ${t.duplicates} duplicates, ${t.skipped} skipped`,
          );
          for (const r of summary.rejected.slice(0, 20)) {
            console.log(pc.yellow(`  line ${r.line}: ${r.reason}`));
          }
          if (summary.rejected.length > 20)
            console.log(pc.dim(`  … and ${summary.rejected.length - 20} more`));
        });
      }),
    );
}
