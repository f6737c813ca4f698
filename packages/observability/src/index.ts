export * from "./logger/index.ts";
export * from "./metrics/index.ts";
