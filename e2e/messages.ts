import { readFileSync } from "node:fs";

type Messages = { [key: string]: string | Messages };

/** A message of the web app's catalogue, by dotted key, with `{name}` arguments filled in. */
export function message(locale: string, key: string, values: Record<string, string> = {}): string {
  const messages = JSON.parse(
    readFileSync(new URL(`../apps/web/messages/${locale}.json`, import.meta.url), "utf8"),
  ) as Messages;
  let found: string | Messages | undefined = messages;
  for (const part of key.split(".")) found = typeof found === "object" ? found[part] : undefined;
  if (typeof found !== "string") throw new Error(`no message ${locale} ${key}`);
  return found.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
