#!/usr/bin/env node
import { parseArgs } from "node:util";

// Commands are imported when run, so `seismo tag` does not pay for loading the database driver.

const COMMANDS: Record<string, string> = {
  start: "run API, dashboard, workers and scheduler in one process (the main job)",
  extract: "extract articles: --manifest FILE.jsonl, or FILE… [--url URL]; prints JSON lines",
  tag: "tag JSON lines {id, text} from stdin with tension indicators; prints JSON lines",
  token: "manage API tokens: create NAME [--role R] | list | revoke ID",
  sources: "manage sources: add URL | list | show | pause | resume | remove | fetch | import FILE | export",
  purge: "clear raw HTML older than SEISMO_RETAIN_RAW_HTML_DAYS: [--dry-run] [--older-than-days N]",
  alerts: "alert rules and alerts: rules list | rules add | rules update ID | rules enable/disable ID | list",
  webhooks: "webhook subscriptions: list | add URL | enable/disable ID | deliveries ID | replay DELIVERY_ID",
  help: "show this help",
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    "seismo — news pipeline that measures political and military tension",
    "",
    "Usage: seismo <command> [options]",
    "",
    ...Object.entries(COMMANDS).map(([c, d]) => `  ${c.padEnd(width)}  ${d}`),
    "",
  ].join("\n");
}

const write = (line: string) => process.stdout.write(`${line}\n`);

const writeErr = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  // alerts and webhooks parse their own (many) options.
  if (argv[0] === "alerts") return (await import("./commands/alerts.ts")).alerts(argv.slice(1), write, writeErr);
  if (argv[0] === "webhooks") return (await import("./commands/webhooks.ts")).webhooks(argv.slice(1), write, writeErr);
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      manifest: { type: "string" },
      url: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      interval: { type: "string" },
      tag: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
      "dry-run": { type: "boolean" },
      "older-than-days": { type: "string" },
    },
  });
  const [command, ...rest] = positionals;
  if (!command || command === "help" || values.help) {
    process.stdout.write(help());
    return command || values.help ? 0 : 1;
  }
  switch (command) {
    case "start":
      await (await import("./commands/start.ts")).start();
      return -1; // keep running until a signal
    case "extract": {
      const { extractFiles, extractManifest } = await import("./commands/extract.ts");
      if (values.manifest) await extractManifest(values.manifest, write);
      else if (rest.length > 0) await extractFiles(rest, values.url, write);
      else {
        process.stderr.write("usage: seismo extract --manifest FILE.jsonl | seismo extract FILE… [--url URL]\n");
        return 2;
      }
      return 0;
    }
    case "tag":
      await (await import("./commands/tag.ts")).tagStream(process.stdin, write);
      return 0;
    case "sources":
      return (await import("./commands/sources.ts")).sources(rest, values, write);
    case "purge":
      return (await import("./commands/purge.ts")).purge(
        { dryRun: values["dry-run"], olderThanDays: values["older-than-days"] },
        write,
      );
    case "token":
      return (await import("./commands/token.ts")).token(rest, values.role, write);
    default:
      process.stderr.write(`unknown command: ${command}\n\n${help()}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`seismo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
