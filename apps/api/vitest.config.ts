import { defineConfig } from "vitest/config";

// These tests start real processes (tsx + database + Redis), which takes seconds on 2 cores.
export default defineConfig({ test: { testTimeout: 90_000 } });
