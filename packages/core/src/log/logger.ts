// One structured logger (pino): JSON lines on stdout, readable lines on a terminal. Personal
// data never reaches it: the paths below are censored wherever they appear, and callers log
// ids and counts, never e-mails, names, CV text, comments, tokens or cookies.
import { type DestinationStream, type Logger, pino } from "pino";
import pretty from "pino-pretty";

export type { Logger } from "pino";

/** Keys that hold personal data or secrets, at any of the depths AURA logs. */
const SECRET_KEYS = [
  "email",
  "name",
  "password",
  "token",
  "cookie",
  "authorization",
  "comment",
  "cv",
  "cvText",
  "text",
  "notes",
  "letter",
  "secret",
];
const REDACT_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  /** trace, debug, info, warn, error, fatal or silent (default info). */
  level?: string;
  /** Human-readable lines instead of JSON (default: when stdout is a terminal). */
  pretty?: boolean;
  /** Where lines go (default stdout); tests pass a stream they read. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const readable = options.pretty ?? (process.stdout.isTTY === true && !options.destination);
  const destination =
    options.destination ??
    (readable
      ? pretty({
          sync: true,
          colorize: true,
          translateTime: "SYS:HH:MM:ss",
          ignore: "pid,hostname",
        })
      : pino.destination({ sync: false }));
  return pino(
    {
      level: options.level ?? "info",
      base: { service: "aura" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** A logger that writes nothing (tests, and code run without one). */
export const silentLogger: Logger = pino({ level: "silent" });
