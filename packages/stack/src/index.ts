export { RedisUnavailableError, redactUrl, resolveRedis } from "./redis/index.ts";
export { onShutdown } from "./shutdown/index.ts";
export { loadSourcesFile, type SourcesFile } from "./sources-file/index.ts";
export { type RunningStack, type StackOptions, type StackParts, startStack, storeTargetFor } from "./stack/index.ts";
export { bootstrapToken } from "./tokens/index.ts";
