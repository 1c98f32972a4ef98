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
  /** Human-readable lines instead of JSON (default: when the output is a terminal). */
  pretty?: boolean;
  /** stdout (default, a server's) or stderr (a command's, whose stdout is its answer). */
  stream?: "stdout" | "stderr";
  /** Where lines go instead; tests pass a stream they read. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const fd = options.stream === "stderr" ? 2 : 1;
  const terminal = (fd === 2 ? process.stderr : process.stdout).isTTY === true;
  const readable = options.pretty ?? (terminal && !options.destination);
  const destination =
    options.destination ??
    (readable
      ? pretty({
          sync: true,
          destination: fd,
          colorize: terminal,
          translateTime: "SYS:HH:MM:ss",
          ignore: "pid,hostname,service",
        })
      : pino.destination({ dest: fd, sync: fd === 2 }));
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
