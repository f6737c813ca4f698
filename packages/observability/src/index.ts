export * from "./logger/index.ts";
export * from "./metrics/index.ts";
export * from "./probe-server/index.ts";
