import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // stdio tests spawn the built server; give them room on a 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Test files share their worker's module cache instead of importing Effect, the SDKs and the sources
    // afresh each: every file builds its own layers, fakes and servers, and none relies on module state
    // another leaves behind. Measured on 2 cores: 110 s instead of 207 s for the whole suite.
    isolate: false
  }
})
