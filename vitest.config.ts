import { defineConfig } from "vitest/config"

// Three projects, one folder each; test/support and test/fixtures are shared (README, Development).
// - unit: in memory, no build: the domain, the fake, the app and the MCP adapter in process, docs, security.
// - contract: both backends against the fakes: the SDK gateway over the loopback HTTP fake.
// - e2e: the built bin (dist/) spawned over stdio and HTTP, and the journey suite; needs `npm run build` first.
export default defineConfig({
  test: {
    // Test files share their worker's module cache instead of importing Effect, the SDKs and the sources afresh
    // each: every file builds its own layers, fakes and servers, and none relies on module state another leaves
    // behind. Measured on 2 cores, lower of two runs, without / with isolation: the whole suite 144 s / 212 s;
    // per project (`vitest run --project X`) unit 42 s / 81 s, contract 20 s / 34 s, e2e 85 s / 99 s. It pays in all
    // three; vitest 3.2 honours `isolate` only here at the root (a project's own `isolate` or
    // `poolOptions.forks.isolate` is ignored).
    isolate: false,
    // Most files wait rather than compute (spawned servers, loopback HTTP, fake clocks): on 2 cores the suite
    // used a quarter of the CPU with the default workers. Four side by side, measured on 2 cores: the whole
    // suite 230–307 s with the default, 91 s with four (CPU time about the same, 2.6 min).
    maxWorkers: 4,
    minWorkers: 4,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 15_000, hookTimeout: 15_000 }
      },
      {
        extends: true,
        test: { name: "contract", include: ["test/contract/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000 }
      },
      {
        extends: true,
        // These tests spawn the built server; give them room on a 2-core CI machine.
        test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 30_000 }
      }
    ]
  }
})
