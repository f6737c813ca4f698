import { defineConfig } from "vitest/config";

// PGlite creates a database on disk in a few seconds; on a busy 2-core machine that can pass 5 s.
export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 60_000 } });
