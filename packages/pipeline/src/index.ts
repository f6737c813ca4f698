export { createHandlers, type PipelineDeps } from "./handlers/index.ts";
export { type FetchResult, fetchUrl, USER_AGENT } from "./http/index.ts";
export { type Scheduler, startScheduler } from "./scheduler/index.ts";
export { canonicalizeUrl } from "./urls/index.ts";
