export { decodeHtml } from "./decode-html/index.ts";
export { type ExtractOptions, extractArticle } from "./extract-article/index.ts";
