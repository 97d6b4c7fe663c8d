/**
 * Texts with a secret placed around a cut, for the tests that text is masked whole before it is
 * cut. Secrets use letters no filler, name or marker uses, so four of them in a row are a leak.
 */
export const SECRET = "QZXJKVQZXJKVQZXJKVQZXJKVQZXJKVQZXJ"
export const leaks = (shown: string): boolean => /[QZXJKV]{4}/.test(shown)

/** Secrets whose shape a cut can break, so that the part left is no longer recognised. */
export const secretForms: ReadonlyArray<string> = [
  `postgres://etl:${SECRET}@db.internal/x`,
  `ghp_${SECRET}`,
  `AIza${SECRET}`,
  `"Authorization": "Bearer ${SECRET}"`,
  `https://hooks.slack.com/services/${SECRET}`
]

/** A text with a secret form starting `at` characters in, among spaces and words. */
export const withSecretAt = (at: number, form: string, after = 50): string =>
  `${"word ".repeat(Math.ceil(at / 5)).slice(0, at - 1)} ${form}${" tail".repeat(after)}`
