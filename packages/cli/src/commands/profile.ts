import { AppError, getProfile, LOCAL_USER_ID, type Profile, saveProfile } from "@aura/core";
import type { Command } from "commander";
import pc from "picocolors";
import { parse as parseYaml } from "yaml";
import { action, printJson, readCvFile, readInputFile, withDatabase } from "../context.ts";

async function readPreferences(file: string): Promise<unknown> {
  const text = (await readInputFile(file, "prefs")).toString("utf8");
  try {
    return parseYaml(text) ?? {};
  } catch (cause) {
    throw new AppError("invalid_input", `${file} is not valid YAML: ${(cause as Error).message}`, {
      field: "prefs",
      cause,
    });
  }
}

function profileJson(profile: Profile) {
  return {
    user: profile.userId,
    cvFile: profile.cvFileName,
    cvWords: profile.cvText.split(/\s+/).filter(Boolean).length,
    preferences: profile.preferences,
    updatedAt: profile.updatedAt,
  };
}

function formatProfile(profile: Profile): string {
  const p = profile.preferences;
  const words = profile.cvText.split(/\s+/).filter(Boolean).length;
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : pc.dim("any"));
  const lines = [
    `${pc.bold("CV")}            ${profile.cvFileName ? `${profile.cvFileName} (${words} words)` : pc.dim("none")}`,
    `${pc.bold("roles")}         ${list(p.roles)}`,
    `${pc.bold("level")}         ${p.experienceLevel ?? pc.dim("any")}`,
    `${pc.bold("work mode")}     ${list(p.locationModes)}${p.city ? ` · ${p.city}` : ""}`,
    `${pc.bold("skills +")}      ${list(p.includeSkills)}`,
    `${pc.bold("skills −")}      ${p.excludeSkills.length ? p.excludeSkills.join(", ") : pc.dim("none")}`,
    `${pc.bold("company")}       ${list(p.companyTypes)}`,
    `${pc.bold("min salary")}    ${p.minSalary !== undefined ? `${p.currency} ${p.minSalary.toLocaleString("en-US")} a year` : pc.dim("none")}`,
    `${pc.bold("batch")}         ${p.batchSize} jobs every ${p.searchFrequencyDays} days`,
  ];
  if (profile.cvText) {
    const preview = profile.cvText.replace(/\s+/g, " ").trim().slice(0, 200);
    lines.push("", pc.dim(`${preview}${profile.cvText.length > 200 ? "…" : ""}`));
  }
  return lines.join("\n");
}

export function registerProfileCommand(program: Command): void {
  const profile = program
    .command("profile")
    .description("your CV and preferences, which ranking reads");

  profile
    .command("set")
    .description("store your CV (.txt, .md, .pdf, .docx) and/or preferences (YAML)")
    .option("--cv <file>", "your CV")
    .option("--prefs <file>", "preferences YAML (see profile.example.yaml)")
    .option("--json", "print the stored profile as JSON")
    .addHelpText(
      "after",
      `
Preferences (all optional): roles, experienceLevel (student|junior|mid|senior|lead),
locationModes (remote|hybrid|onsite), city, includeSkills, excludeSkills, companyTypes,
minSalary, currency, batchSize (1-5), searchFrequencyDays.`,
    )
    .action(
      action(async (opts: { cv?: string; prefs?: string; json?: boolean }) => {
        if (!opts.cv && !opts.prefs) {
          throw new AppError("invalid_input", "Give --cv FILE, --prefs FILE.yaml or both.", {
            field: "cv",
          });
        }
        // Read and check both files before touching the database: a bad file changes nothing.
        const cv = opts.cv ? await readCvFile(opts.cv) : undefined;
        const preferences = opts.prefs ? await readPreferences(opts.prefs) : undefined;
        await withDatabase(async ({ handle }) => {
          const saved = await saveProfile(handle.db, LOCAL_USER_ID, {
            cv: cv ? { text: cv.text, fileName: cv.name } : undefined,
            preferences,
          });
          if (opts.json) printJson(profileJson(saved));
          else {
            console.log(formatProfile(saved));
            console.log(pc.dim("\nNext: npx aura rank"));
          }
        });
      }),
    );

  profile
    .command("show")
    .description("print the stored profile")
    .option("--json", "print as JSON")
    .action(
      action(async (opts: { json?: boolean }) => {
        await withDatabase(async ({ handle }) => {
          const saved = await getProfile(handle.db, LOCAL_USER_ID);
          if (!saved) {
            throw new AppError(
              "not_found",
              "No profile yet. Set one with: npx aura profile set --cv FILE [--prefs FILE.yaml]",
            );
          }
          if (opts.json) printJson(profileJson(saved));
          else console.log(formatProfile(saved));
        });
      }),
    );
}
