import { Command, Option } from "commander";
import { registerAddCommand } from "./commands/add.ts";
import { registerApplyCommand } from "./commands/apply.ts";
import { registerDbCommand } from "./commands/db.ts";
import { registerEmbedCommand } from "./commands/embed.ts";
import { registerImportCommand } from "./commands/import.ts";
import { registerIngestCommand } from "./commands/ingest.ts";
import { registerJobsCommand } from "./commands/jobs.ts";
import { registerMetricsCommand } from "./commands/metrics.ts";
import { registerPipelineCommand } from "./commands/pipeline.ts";
import { registerProfileCommand } from "./commands/profile.ts";
import { registerRankCommand } from "./commands/rank.ts";
import { registerRunsCommand } from "./commands/runs.ts";
import { registerSearchCommand } from "./commands/search.ts";
import { registerServeCommand } from "./commands/serve.ts";
import { registerSimulateCommand } from "./commands/simulate.ts";
import { registerSkillsCommand } from "./commands/skills.ts";
import { registerSourcesCommand } from "./commands/sources.ts";
import { registerStartCommand } from "./commands/start.ts";
import { registerTrainCommand } from "./commands/train.ts";
import { registerWorkerCommand } from "./commands/worker.ts";

const program = new Command("aura")
  .description(
    "AURA, your job-search agent: gathers fresh postings from public job boards and ranks them for you.",
  )
  .version("0.1.0")
  .showHelpAfterError("(run with --help for usage)")
  .addHelpText(
    "after",
    `
Configuration: aura.config.yaml in the working directory (see aura.config.example.yaml),
DATABASE_URL for a PostgreSQL server, AURA_DATA_DIR for the embedded database folder.`,
  );
program.addOption(new Option("--no-color", "plain output without colours"));
// Usage errors (unknown option, bad value) exit 2, like every other input error.
program.exitOverride((error) => {
  const usage = error.exitCode === 1 && error.code.startsWith("commander.");
  process.exit(usage ? 2 : error.exitCode);
});

registerStartCommand(program);
registerIngestCommand(program);
registerImportCommand(program);
registerAddCommand(program);
registerJobsCommand(program);
registerSearchCommand(program);
registerProfileCommand(program);
registerEmbedCommand(program);
registerRankCommand(program);
registerPipelineCommand(program);
registerServeCommand(program);
registerSimulateCommand(program);
registerMetricsCommand(program);
registerTrainCommand(program);
registerRunsCommand(program);
registerWorkerCommand(program);
registerSkillsCommand(program);
registerApplyCommand(program);
registerSourcesCommand(program);
registerDbCommand(program);

await program.parseAsync(process.argv);
