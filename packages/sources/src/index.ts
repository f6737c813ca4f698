export { type ImportEntry, readSourceList } from "./import/index.ts";
export { inspectSource, type PageFetcher, type SourceInspection } from "./inspect/index.ts";
export { parseOpml, toOpml } from "./opml/index.ts";
export { type AddSourceRequest, SourceService } from "./service/index.ts";
