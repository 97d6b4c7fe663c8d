import { describe, expect, it } from "vitest"
import { maskYamlSecrets } from "../../../src/domain/redaction-yaml.js"
import { fill } from "../../support/adversarial-shapes.js"

/** A workflow definition's secret-named keys: their values masked whole, wherever the text rules would not. */

describe("maskYamlSecrets", () => {
  it("masks the value of a secret-named key, a connection string's included, and leaves other keys be", () => {
    const yaml = [
      "wf:",
      "  tasks:",
      "    load:",
      "      conn_id: payouts_db",
      "      password: plain words no rule reads",
      "      conn_uri: mysql+weird://u:pw-in-plain@h/db",
      "      \"api_key\": 'abc def'",
      "      - db_pass: hunter2 # inline comment too",
      "      sql_alchemy_conn: anything at all",
      "      connection_string: Server=x;Pwd=y",
      "      retries: 1",
      "      token: ~",
      "      python_callable_file: s3://bucket/key.py"
    ].join("\n")
    const { text, masked } = maskYamlSecrets(yaml)
    expect(masked).toBe(true)
    expect(text.split("\n")).toEqual([
      "wf:",
      "  tasks:",
      "    load:",
      "      conn_id: payouts_db",
      "      password: ***",
      "      conn_uri: ***",
      '      "api_key": ***',
      "      - db_pass: ***",
      "      sql_alchemy_conn: ***",
      "      connection_string: ***",
      "      retries: 1",
      // Left to the text rules, which mask any value after a secret's name.
      "      token: ***",
      "      python_callable_file: s3://bucket/key.py"
    ])
  })

  it("masks a block scalar or a map below a secret-named key, to the end of its indentation", () => {
    const yaml = [
      "a:",
      "  private_key: |",
      "    line one",
      "",
      "    line two",
      "  credentials:",
      "    user: x",
      "    secret: y",
      "  after: kept"
    ].join("\n")
    expect(maskYamlSecrets(yaml).text.split("\n")).toEqual([
      "a:",
      // The text rules mask the indicator too.
      "  private_key: ***",
      "    ***",
      "",
      "    ***",
      "  credentials:",
      "    ***",
      "    ***",
      "  after: kept"
    ])
  })

  it("takes the configured extra names, and leaves a text without secrets as it was", () => {
    expect(maskYamlSecrets("x:\n  zqvault: open sesame\n", ["zqvault"]).text).toBe("x:\n  zqvault: ***\n")
    const plain = "x:\n  schedule: '0 2 * * *'\n  retries: 1\n"
    expect(maskYamlSecrets(plain)).toEqual({ text: plain, masked: false })
  })

  it("reads a 1 MB line shaped against it in linear time", () => {
    for (const shape of [
      fill("password: ", 1 << 20),
      `password:${fill(" ", 1 << 20)}x`,
      fill("- - - - ", 1 << 20),
      fill(`${"a".repeat(199)}:`, 1 << 20)
    ]) {
      const started = performance.now()
      maskYamlSecrets(shape)
      expect(performance.now() - started).toBeLessThan(2000)
    }
  })
})
