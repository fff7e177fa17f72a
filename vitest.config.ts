import { defineConfig } from "vitest/config";

// One run over every workspace: unit tests next to their source, integration tests in test/.
// The JSON report is what .ci/run counts for its closing line.
export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/*/src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/.next/**"],
    globalSetup: ["packages/testkit/src/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
  },
});
