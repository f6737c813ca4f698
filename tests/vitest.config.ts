import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "e2e/**/*.test.ts",
      "fault/**/*.test.ts",
      "browser/**/*.test.ts",
      "hostile/**/*.test.ts",
      "infra/**/*.test.ts",
    ],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    // Each file starts whole stacks; running them one at a time keeps a 2-core machine responsive.
    fileParallelism: false,
  },
});
