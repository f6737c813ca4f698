"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
var config_1 = require("vitest/config");
exports.default = (0, config_1.defineConfig)({
    test: {
        include: ["e2e/**/*.test.ts", "fault/**/*.test.ts"],
        testTimeout: 180000,
        hookTimeout: 120000,
        // Each file starts whole stacks; running them one at a time keeps a 2-core machine responsive.
        fileParallelism: false,
    },
});
