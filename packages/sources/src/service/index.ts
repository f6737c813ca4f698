import { errorMessage, SeismoError } from "@seismo/core";
import type { QueueSet } from "@seismo/queue";
import type { Source, SourcePatch, Store } from "@seismo/store";
import { readSourceList } from "../import/index.ts";
import { inspectSource, type PageFetcher, type SourceInspection } from "../inspect/index.ts";
import { toOpml } from "../opml/index.ts";

export interface AddSourceRequest {
  url: string;
  name?: string | undefined;
  intervalSeconds?: number | undefined;
  enabled?: boolean | undefined;
  tags?: Record<string, string> | undefined;
  ignoreRobots?: boolean | undefined;
}

/** What operators do with sources, shared by the API and the CLI so both behave the same. */
export class SourceService {
  constructor(private readonly deps: { store: Store; fetchPage: PageFetcher; queues?: QueueSet | undefined }) {}

  /**
   * Fetches the URL once, detects what it is (discovering the feed of a homepage), stores the
   * source under the URL to poll, and queues its first poll. The answer says what was found.
   */
  async add(request: AddSourceRequest): Promise<{ source: Source; inspection: SourceInspection }> {
    const inspection = await inspectSource(request.url, this.deps.fetchPage);
    const source = await this.deps.store.sources.upsert({
      name: request.name ?? inspection.title ?? new URL(inspection.url).hostname,
      url: inspection.url,
      kind: inspection.kind,
      intervalSeconds: request.intervalSeconds ?? 900,
      enabled: request.enabled ?? true,
      tags: request.tags ?? {},
      ignoreRobots: request.ignoreRobots ?? false,
    });
    if (source.enabled) await this.pollNow(source.id).catch(() => undefined);
    return { source, inspection };
  }

  /** Says what a URL holds (feed kind, title, items, discovered feeds) without storing anything. */
  inspect(url: string): Promise<SourceInspection> {
    return inspectSource(url, this.deps.fetchPage);
  }

  list(): Promise<Source[]> {
    return this.deps.store.sources.list();
  }

  async fetchLog(id: string, limit = 50) {
    const rows = await this.deps.store.sources.fetchLog(id, limit);
    return rows.map((r) => ({
      at: new Date(r.started_at).toISOString(),
      status: r.http_status,
      itemsNew: r.items_new,
      itemsSeen: r.items_seen,
      bytes: r.bytes,
      durationMs: r.duration_ms,
      error: r.error,
    }));
  }

  async get(id: string): Promise<Source> {
    const source = await this.deps.store.sources.get(id);
    if (!source) throw new SeismoError("not_found", `no source ${id}`);
    return source;
  }

  async update(id: string, patch: SourcePatch): Promise<Source> {
    const source = await this.deps.store.sources.update(id, patch);
    if (!source) throw new SeismoError("not_found", `no source ${id}`);
    return source;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.deps.store.sources.remove(id))) throw new SeismoError("not_found", `no source ${id}`);
  }

  async pollNow(id: string): Promise<string> {
    const source = await this.get(id);
    if (source.removed) throw new SeismoError("not_found", `source ${id} was removed`);
    if (!this.deps.queues) throw new SeismoError("unavailable", "no queue connection to poll with");
    const job = await this.deps.queues.add("poll-source", { sourceId: id, reason: "manual" });
    return job.id ?? "";
  }

  /** Imports an OPML/YAML/JSON list; entries are stored without fetching (the scheduler polls them). */
  async import(content: string, fileName: string) {
    const entries = readSourceList(content, fileName);
    const added: Source[] = [];
    const failed: Array<{ url: string; reason: string }> = [];
    for (const entry of entries) {
      if (!entry.input) {
        failed.push({ url: entry.raw, reason: entry.error ?? "invalid" });
        continue;
      }
      try {
        added.push(await this.deps.store.sources.upsert(entry.input));
      } catch (error) {
        failed.push({ url: entry.raw, reason: errorMessage(error) });
      }
    }
    return { added, failed };
  }

  async exportOpml(): Promise<string> {
    return toOpml(await this.deps.store.sources.list());
  }
}
