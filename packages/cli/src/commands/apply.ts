import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type Application,
  DOCUMENT_FORMATS,
  DOCUMENT_KINDS,
  type DocumentFormat,
  generateApplications,
  LOCAL_USER_ID,
  openEmbedder,
  type PageSize,
  type PdfTemplate,
  renderApplicationDocument,
} from "@aura/core";
import { type Command, InvalidArgumentError, Option } from "commander";
import pc from "picocolors";
import { action, printJson, withDatabase } from "../context.ts";

function parseJobId(value: string, previous: number[] = []): number[] {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) {
    throw new InvalidArgumentError(`"${value}" is not a job id (a whole number above 0).`);
  }
  return [...previous, id];
}

interface ApplyOptions {
  format: DocumentFormat | "all";
  out: string;
  template?: PdfTemplate;
  pageSize?: PageSize;
  writer?: "offline" | "llm";
  facts?: string;
  user: string;
  json?: boolean;
}

export function registerApplyCommand(program: Command): void {
  program
    .command("apply")
    .description(
      "write a tailored CV and cover letter for jobs, from your CV only (a guard drops anything it does not show)",
    )
    .argument("<jobId...>", "the jobs (ids from aura rank, aura jobs or a batch)", parseJobId)
    .addOption(
      new Option("--format <format>", "file format")
        .choices([...DOCUMENT_FORMATS, "all"])
        .default("pdf"),
    )
    .option("--out <dir>", "folder for the files", "applications")
    .addOption(new Option("--template <name>", "PDF/DOCX template").choices(["classic", "modern"]))
    .addOption(new Option("--page-size <size>", "paper").choices(["a4", "letter"]))
    .addOption(
      new Option("--writer <writer>", "offline (no key) or llm (apply.llm in config)").choices([
        "offline",
        "llm",
      ]),
    )
    .option("--facts <file>", "a text file of facts to add beside your CV (the guard accepts them)")
    .option("--user <id>", 'whose application (the CLI\'s own user is "local")', LOCAL_USER_ID)
    .option("--json", "print the applications (documents, guard flags, files) as JSON")
    .action(
      action(async (jobIds: number[], opts: ApplyOptions) => {
        const addedFacts = opts.facts ? await readFile(opts.facts, "utf8") : undefined;
        await withDatabase(async ({ config, handle }) => {
          const embedder = await openEmbedder(config.embed, { inThread: true });
          try {
            const started = performance.now();
            const made = await generateApplications(
              handle.db,
              embedder,
              opts.user,
              { jobIds, writer: opts.writer, addedFacts },
              { config: config.apply },
            );
            const formats = opts.format === "all" ? DOCUMENT_FORMATS : [opts.format];
            await mkdir(opts.out, { recursive: true });
            const written: Record<number, string[]> = {};
            for (const application of made) {
              for (const kind of DOCUMENT_KINDS) {
                for (const format of formats) {
                  const document = await renderApplicationDocument(application, kind, format, {
                    template: opts.template ?? config.apply.template,
                    pageSize: opts.pageSize ?? config.apply.pageSize,
                  });
                  const file = path.join(opts.out, document.fileName);
                  await writeFile(file, document.bytes);
                  written[application.id] = [...(written[application.id] ?? []), file];
                }
              }
            }
            const seconds = (performance.now() - started) / 1000;
            if (opts.json) {
              printJson(made.map((a) => ({ ...a, files: written[a.id] ?? [] })));
            } else {
              console.log(formatApplications(made, written, seconds));
            }
          } finally {
            await embedder.close();
          }
        });
      }),
    );
}

export function formatApplications(
  made: readonly Application[],
  files: Record<number, string[]>,
  seconds: number,
): string {
  const lines: string[] = [];
  for (const application of made) {
    const { job, generation } = application;
    lines.push(
      `${pc.bold(`${job.title} · ${job.company}`)} (job ${job.id}, application ${application.id}, ${application.status}) via ${job.sources.map((s) => s.label).join(", ") || job.url}`,
    );
    lines.push(
      pc.dim(
        `  ${generation.writer} writer, letter in ${generation.language}, ${generation.ms} ms`,
      ),
    );
    for (const file of files[application.id] ?? []) lines.push(`  ${pc.green("wrote")} ${file}`);
    if (generation.flags.length === 0) {
      lines.push(`  ${pc.green("guard")} every fact is in your CV`);
    }
    for (const flag of generation.flags) {
      lines.push(
        `  ${pc.yellow("left out")} ${flag.document}: ${flag.kind} "${flag.value}" is not in your CV: ${pc.dim(flag.removed.slice(0, 100))}`,
      );
    }
  }
  lines.push(
    pc.dim(
      `${made.length} application(s) in ${seconds.toFixed(1)} s. Track them: the Tracker page, or PUT /api/applications/{id}.`,
    ),
  );
  return lines.join("\n");
}
