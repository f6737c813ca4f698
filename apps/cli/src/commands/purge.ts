import { storeTargetFor } from "@seismo/stack";
import { Store } from "@seismo/store";
import { loadConfig } from "../env.ts";

const MiB = 1024 * 1024;

/**
 * `seismo purge [--dry-run] [--older-than-days N]`: clears raw article HTML older than the
 * retention period (SEISMO_RETAIN_RAW_HTML_DAYS unless given). Text, indicators and trends stay.
 */
export async function purge(
  options: { dryRun?: boolean | undefined; olderThanDays?: string | undefined },
  write: (line: string) => void,
): Promise<number> {
  const config = loadConfig();
  const days = options.olderThanDays === undefined ? config.retainRawHtmlDays : Number(options.olderThanDays);
  if (!Number.isInteger(days) || days < 0) {
    write(`--older-than-days must be a whole number ≥ 0, got ${options.olderThanDays}`);
    return 2;
  }
  const store = await Store.open(storeTargetFor(config));
  try {
    write(`${options.dryRun ? "dry run: counting" : "clearing"} raw HTML fetched more than ${days} days ago`);
    const result = await store.purgeRawHtml({
      olderThanDays: days,
      dryRun: options.dryRun ?? false,
      onProgress: (p) => write(`  cleared ${p.articles} pages (${(p.bytes / MiB).toFixed(1)} MiB)`),
    });
    const verb = result.dryRun ? "would clear" : "cleared";
    write(
      `${verb} raw HTML of ${result.articles} articles (${(result.bytes / MiB).toFixed(1)} MiB) fetched before ` +
        `${result.cutoff}; kept ${result.kept} newer; article text and indicators are untouched`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
