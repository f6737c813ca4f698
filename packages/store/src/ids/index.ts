import { createHash, randomBytes } from "node:crypto";

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Stable ids: the same input always gives the same id, so re-run jobs upsert instead of duplicating. */
export const sourceIdFor = (url: string): string => `src_${sha256Hex(url).slice(0, 16)}`;
export const articleIdFor = (canonicalUrl: string): string => `art_${sha256Hex(canonicalUrl).slice(0, 20)}`;
export const indicatorIdFor = (articleId: string, type: string, start: number, end: number): string =>
  `ind_${sha256Hex(`${articleId}|${type}|${start}|${end}`).slice(0, 20)}`;
export const randomId = (prefix: string): string => `${prefix}_${randomBytes(9).toString("base64url")}`;
