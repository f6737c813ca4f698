export * from "./article/index.ts";
export * from "./errors/index.ts";
export * from "./feed/index.ts";
export * from "./indicators/index.ts";
export * from "./jobs/index.ts";
