export { createHandlers, type PipelineDeps } from "./handlers/index.ts";
export { type Scheduler, startScheduler } from "./scheduler/index.ts";
export { canonicalizeUrl } from "./urls/index.ts";
