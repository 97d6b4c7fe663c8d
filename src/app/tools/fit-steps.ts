/** The budget-fitting steps both diagnoses (diagnose-dag-run, diagnose-workflow-run) share. */

export const sizeOf = (value: unknown): number => JSON.stringify(value).length

/** Upstream-failed tasks listed at most: the count says how many there are. */
export const UPSTREAM_SHOWN = 20

/** A traceback cut to `lines`: its first line (the traceback's head) and its last ones (where the exception is). */
export const headAndTail = (all: ReadonlyArray<string>, lines: number): ReadonlyArray<string> =>
  all.length <= lines ? all : lines === 0 ? [] : [...all.slice(0, 1), ...all.slice(-(lines - 1))]

interface WithFailedTasks {
  readonly failed_tasks: ReadonlyArray<unknown>
  readonly failed_tasks_not_read: number
}

/**
 * The answer within `maxBytes`: each step, in order, until it fits (the cheapest losses first);
 * then the failed tasks read last are left out, one at a time, counted, down to one.
 */
export const fitInSteps = <A extends WithFailedTasks>(start: A, steps: ReadonlyArray<(a: A) => A>, maxBytes: number): A => {
  let fitted = start
  for (const step of steps) {
    if (sizeOf(fitted) <= maxBytes) return fitted
    fitted = step(fitted)
  }
  while (sizeOf(fitted) > maxBytes && fitted.failed_tasks.length > 1) {
    fitted = { ...fitted, failed_tasks: fitted.failed_tasks.slice(0, -1), failed_tasks_not_read: fitted.failed_tasks_not_read + 1 }
  }
  return fitted
}
