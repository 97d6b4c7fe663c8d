import { defineConfig } from "vitest/config"

// Three projects, one folder each; test/support and test/fixtures are shared.
// - unit: in memory, no build, no network beyond loopback servers started in process.
// - contract: both backends (the in-memory fake, the SDK gateway over the loopback HTTP fake) against the fakes.
// - e2e: the built bin (dist/) spawned over stdio and HTTP, and the journey suite; needs `npm run build` first.
// Test files share their worker's module cache instead of importing Effect, the SDKs and the sources afresh each:
// every file builds its own layers, fakes and servers, and none relies on module state another leaves behind.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 15_000, hookTimeout: 15_000, isolate: false }
      },
      {
        extends: true,
        test: { name: "contract", include: ["test/contract/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000, isolate: false }
      },
      {
        extends: true,
        // The e2e tests spawn the built server; give them room on a 2-core CI machine.
        test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000, isolate: false }
      }
    ]
  }
})
