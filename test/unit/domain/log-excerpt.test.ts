import { describe, expect, it } from "@effect/vitest"
import { Option } from "effect"
import { findErrorExcerpt, levelOf } from "../../../src/domain/log-excerpt.js"

const frames = (n: number) =>
  Array.from({ length: n }, (_, i) => [`  File "/dags/f${i}.py", line ${i}, in f${i}`, `    f${i + 1}()`]).flat()

describe("findErrorExcerpt", () => {
  it("takes the last traceback's exception, with the line before it and its frames", () => {
    const lines = [
      "[2026-11-25, 09:00:00 UTC] {logging_mixin.py:190} INFO - starting",
      "[2026-11-25, 09:00:01 UTC] {taskinstance.py:3311} ERROR - Task failed with exception",
      "Traceback (most recent call last):",
      ...frames(2),
      "KeyError: 'amount'",
      "[2026-11-25, 09:00:02 UTC] {taskinstance.py:1225} INFO - Marking task as FAILED."
    ]
    const found = Option.getOrThrow(findErrorExcerpt(lines))
    expect(found.exception).toBe("KeyError: 'amount'")
    expect(found.index).toBe(7)
    expect(found.lines).toEqual(lines.slice(0, 8))
  })

  it("reads a traceback served over Airflow 2's REST log, where every CloudWatch event line starts with its time", () => {
    const at = (line: string) => `[2026-11-24 02:12:40,002] ${line}`
    const lines = [
      at("{taskinstance.py:3311} ERROR - Task failed with exception"),
      at("Traceback (most recent call last):"),
      ...frames(2).map(at),
      at("ValueError: amount must be positive"),
      at("{taskinstance.py:1225} INFO - Marking task as FAILED.")
    ]
    const found = Option.getOrThrow(findErrorExcerpt(lines))
    expect(found.exception).toBe("ValueError: amount must be positive")
    expect(found.index).toBe(6)
  })

  it("of chained exceptions, reports the final one", () => {
    const lines = [
      "Traceback (most recent call last):",
      ...frames(1),
      "ConnectionResetError: [Errno 104] Connection reset by peer",
      "",
      "During handling of the above exception, another exception occurred:",
      "",
      "Traceback (most recent call last):",
      ...frames(1),
      "airflow.exceptions.AirflowException: upstream API unavailable"
    ]
    expect(Option.getOrThrow(findErrorExcerpt(lines)).exception).toBe("airflow.exceptions.AirflowException: upstream API unavailable")
  })

  it("keeps the first and last frames of a deep traceback and says how many it left out", () => {
    const lines = ["Traceback (most recent call last):", ...frames(100), "RecursionError: maximum recursion depth exceeded"]
    const found = Option.getOrThrow(findErrorExcerpt(lines))
    expect(found.lines.length).toBeLessThan(20)
    expect(found.lines).toContain("  … 186 traceback lines omitted …")
    expect(found.lines.at(-1)).toBe("RecursionError: maximum recursion depth exceeded")
    expect(found.lines[1]).toBe(lines[1])
  })

  it("without a traceback, takes the last ERROR line and its continuation", () => {
    const lines = [
      "[2026-11-25, 09:00:00 UTC] {base.py:10} ERROR - first problem",
      "[2026-11-25, 09:00:01 UTC] {local_task_job_runner.py:234} ERROR - Task exited with return code 1",
      "Killed",
      "[2026-11-25, 09:00:02 UTC] {taskinstance.py:1225} INFO - done"
    ]
    const found = Option.getOrThrow(findErrorExcerpt(lines))
    expect(found.exception).toBe(lines[1])
    expect(found.lines).toEqual(lines.slice(0, 3))
  })

  it("finds nothing in a log without errors", () => {
    expect(Option.isNone(findErrorExcerpt(["[2026-11-25, 09:00:00 UTC] {x.py:1} INFO - fine", "plain output"]))).toBe(true)
  })
})

describe("levelOf", () => {
  it("reads Airflow 2's and Airflow 3's line formats, and none from continuation lines", () => {
    expect(levelOf("[2026-11-25, 09:00:00 UTC] {x.py:1} WARNING - w")).toBe("WARNING")
    expect(levelOf("[2026-11-25T09:00:00.1+0000] {x.py:1} ERROR - e")).toBe("ERROR")
    expect(levelOf("[2026-11-25T09:00:00Z] {task} CRITICAL - c")).toBe("CRITICAL")
    expect(levelOf("[2026-11-25T09:00:00Z] WARN - w")).toBe("WARNING")
    expect(levelOf('  File "x.py", line 1, in f')).toBeUndefined()
    expect(levelOf("ValueError: ERROR in data")).toBeUndefined()
  })
})
