export * from "./connection/index.ts";
export * from "./queues/index.ts";
export * from "./workers/index.ts";
