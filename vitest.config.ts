import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // stdio tests spawn the built server; give them room on a 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
})
