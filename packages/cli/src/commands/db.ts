import type { Command } from "commander";
import { action, withDatabase } from "../context.ts";

export function registerDbCommand(program: Command): void {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply the schema migrations (also done on every start)")
    .action(
      action(async () => {
        await withDatabase(async ({ handle }) => {
          console.log(`Database is up to date (${handle.kind}: ${handle.location}).`);
        });
      }),
    );
}
