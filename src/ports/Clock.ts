/**
 * Time port. Effect's own Clock service is the port: every retry, backoff and wait in the
 * domain reads time through it, so tests drive them with TestClock and production uses the
 * default live clock. Re-exported here so the rings stay explicit about what the core needs.
 */
export { Clock } from "effect"
