export { escapeXml, renderFeed, rfc822, SITE_NAME } from "./feed/index.ts";
export {
  FIXTURE_BASE_DATE,
  type SampleArticle,
  type SampleArticlesOptions,
  sampleArticles,
  splitParagraphs,
} from "./fixtures/index.ts";
export { escapeHtml, renderArticlePage } from "./page/index.ts";
export { createSampleApp, type SampleAppOptions } from "./server/app.ts";
export { type SampleSource, type SampleSourceOptions, startSampleSource } from "./server/index.ts";
