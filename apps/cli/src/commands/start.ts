import { createLogger } from "@seismo/observability";
import { onShutdown, startStack } from "@seismo/stack";
import { loadConfig } from "../env.ts";

/** `seismo start`: API + workers + scheduler + the offline sample source, in one process. */
export async function start(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  const stack = await startStack({
    config,
    logger,
    parts: { api: true, workers: true, scheduler: true, sampleSource: true, sourcesFile: true },
  });
  onShutdown(() => stack.close(), logger);
  const lines = [
    "",
    `  Seismo is running. Dashboard: ${stack.url}`,
    `  API docs: ${stack.url}docs   Health: ${stack.url}api/v1/health`,
    stack.sampleFeedUrl ? `  Offline sample feed: ${stack.sampleFeedUrl}` : "",
    stack.generatedToken
      ? `  Operator token (shown once, also saved to ${stack.generatedToken.file}):\n    ${stack.generatedToken.token}`
      : config.apiToken
        ? "  Sign in with the token in SEISMO_API_TOKEN."
        : `  Sign in with the token saved in ${config.dataDir}/api-token.txt at first start.`,
    "",
  ];
  process.stdout.write(`${lines.filter((l) => l !== "").join("\n")}\n\n`);
}
