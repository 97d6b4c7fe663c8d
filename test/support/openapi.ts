import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { Ajv, type ValidateFunction } from "ajv"
import formats from "ajv-formats"
import { parse } from "yaml"

/**
 * Validates Airflow responses against Airflow's own OpenAPI documents (test/fixtures/airflow),
 * so the fakes — and the shapes the domain reads — cannot drift from the real API.
 */

type Json = Record<string, any>

/**
 * The document each Airflow release is validated against: 2 is 2.10's v1 document (2.7–2.11 share
 * it: their v1 API only added fields), 3 is 3.0's v2, "3.2" is 3.2's v2, "3.3" is 3.2's v2 plus the
 * 3.3 changelog's REST changes (test/fixtures/airflow/PROVENANCE.md).
 */
export type SpecVersion = 2 | 3 | "3.2" | "3.3"

const SPEC_FILES: Record<SpecVersion, string> = {
  2: "airflow-2-v1.yaml",
  3: "airflow-3-v2.yaml",
  "3.2": "airflow-3.2-v2.yaml",
  "3.3": "airflow-3.3-v2.yaml"
}

/**
 * The document an Airflow release ("2.11.2", "3.2.1") is checked against: 2.x → 2, 3.0.x → 3,
 * 3.1.x and 3.2.x → "3.2" (no 3.1 document is kept; the fakes serve 3.1 as 3.2), 3.3.x → "3.3".
 */
export const specFor = (airflowVersion: string): SpecVersion => {
  const match = /^(\d+)\.(\d+)/.exec(airflowVersion)
  if (match === null) throw new Error(`Not an Airflow version: ${airflowVersion}`)
  const [major, minor] = [Number(match[1]), Number(match[2])]
  if (major === 2) return 2
  if (major !== 3) throw new Error(`No Airflow document for ${airflowVersion}`)
  return minor === 0 ? 3 : minor <= 2 ? "3.2" : "3.3"
}

/** The fixture file of a document, e.g. "airflow-3.2-v2.yaml". */
export const specFileName = (version: SpecVersion): string => SPEC_FILES[version]

const specFile = (version: SpecVersion) => fileURLToPath(new URL(`../fixtures/airflow/${SPEC_FILES[version]}`, import.meta.url))

interface Operation {
  readonly template: ReadonlyArray<string>
  readonly method: string
  readonly responses: Json
}

export interface SpecValidator {
  /** Errors of a response against the spec (empty when valid); throws when no operation matches the request. */
  readonly validate: (method: string, path: string, status: number, body: unknown) => ReadonlyArray<string>
}

/** OpenAPI 3.0's `nullable: true` in JSON Schema terms, which Ajv understands only beside `type`. */
const denullable = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(denullable)
  if (typeof node !== "object" || node === null) return node
  const { nullable, ...rest } = node as Json
  const converted = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, denullable(v)]))
  if (nullable !== true) return converted
  if (typeof converted["type"] === "string") {
    return {
      ...converted,
      type: [converted["type"], "null"],
      ...(Array.isArray(converted["enum"]) ? { enum: [...converted["enum"], null] } : {})
    }
  }
  return { anyOf: [converted, { type: "null" }] }
}

const segmentsOf = (path: string) =>
  path
    .split("?")[0]!
    .split("/")
    .filter((s) => s.length > 0)

export const loadSpecValidator = (version: SpecVersion): SpecValidator => {
  const spec = parse(readFileSync(specFile(version), "utf8")) as Json
  const ajv = new Ajv({ strict: false, allErrors: true })
  ;(formats as unknown as (a: Ajv) => void)(ajv)
  // Airflow 2's document spells date-time "datetime" in a few places.
  ajv.addFormat("datetime", true)
  ajv.addSchema({ $id: "airflow", components: denullable(spec["components"]) })
  const prefix = version === 2 ? "" : "/api/v2"
  const operations: Array<Operation> = Object.entries(spec["paths"] as Json).flatMap(([path, item]) =>
    Object.entries(item as Json)
      .filter(([m]) => ["get", "post", "patch", "put", "delete"].includes(m))
      .map(([m, op]) => ({
        template: segmentsOf(path.slice(prefix.length)),
        method: m.toUpperCase(),
        responses: (op as Json)["responses"] ?? {}
      }))
  )
  const compiled = new Map<unknown, ValidateFunction>()
  const validatorFor = (schema: Json) => {
    let v = compiled.get(schema)
    if (v === undefined) {
      // Refs inside the spec point at "#/components/…" of the document registered as "airflow".
      const rewritten = JSON.parse(JSON.stringify(denullable(schema)).replace(/"#\/components\//g, '"airflow#/components/'))
      v = ajv.compile(rewritten)
      compiled.set(schema, v)
    }
    return v
  }
  const matches = (template: ReadonlyArray<string>, segments: ReadonlyArray<string>) =>
    template.length === segments.length && template.every((t, i) => t.startsWith("{") || t === segments[i])
  const literalCount = (template: ReadonlyArray<string>) => template.filter((t) => !t.startsWith("{")).length

  return {
    validate: (method, path, status, body) => {
      const segments = segmentsOf(path).map(decodeURIComponent)
      const candidates = operations.filter((op) => op.method === method && matches(op.template, segments))
      const op = candidates.sort((a, b) => literalCount(b.template) - literalCount(a.template))[0]
      if (op === undefined) throw new Error(`No Airflow ${version} operation for ${method} ${path}`)
      const response = (op.responses[String(status)] ?? op.responses["default"]) as Json | undefined
      if (response === undefined) return [`status ${status} is not documented for ${method} /${op.template.join("/")}`]
      const ref = response["$ref"] as string | undefined
      const resolved = ref !== undefined ? (spec["components"]["responses"][ref.split("/").pop()!] as Json) : response
      const schema = resolved["content"]?.["application/json"]?.["schema"] as Json | undefined
      if (schema === undefined) return []
      const validate = validatorFor(schema)
      return validate(body) ? [] : (validate.errors ?? []).map((e) => `${method} ${path} → ${e.instancePath || "/"} ${e.message ?? ""}`)
    }
  }
}

const loaded = new Map<SpecVersion, SpecValidator>()

/** The validator of the document an Airflow release ("3.2.1") is checked against, loaded once per process. */
export const validatorFor = (airflowVersion: string): SpecValidator => {
  const key = specFor(airflowVersion)
  const cached = loaded.get(key)
  if (cached !== undefined) return cached
  const validator = loadSpecValidator(key)
  loaded.set(key, validator)
  return validator
}
