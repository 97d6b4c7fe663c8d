import { Either } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { bucketNameOf } from "./locations.js"
import { objectKeyOf } from "../fake-mwaa-serverless/stored-objects.js"
import type { EnvironmentRecord, FakeState } from "./state.js"

/** S3 GetObject on an environment's source bucket (the bucket of its SourceBucketArn). */
const ownerOf = (state: FakeState, bucketArn: string): EnvironmentRecord | undefined => {
  const bucket = bucketNameOf(bucketArn)
  return state.environments.find((env) => bucketNameOf(String(env.mwaa["SourceBucketArn"] ?? "")) === bucket)
}

export const environmentOfBucket = (state: FakeState, bucketArn: string): string | undefined => ownerOf(state, bucketArn)?.name

/** The MWAA Serverless definition objects' buckets: any bucket a workflow version names. */
const definitionOf = (state: FakeState, bucketArn: string, key: string, versionId: string | undefined) => {
  const bucket = bucketNameOf(bucketArn)
  const stored = state.serverless.definitions
  const bucketKnown = [...stored.keys()].some((k) => (JSON.parse(k) as ReadonlyArray<unknown>)[0] === bucket)
  return bucketKnown ? { found: stored.get(objectKeyOf(bucket, key, versionId)) } : undefined
}

/**
 * GetObject: a DAG file of an environment's source bucket, or a workflow definition (at an object
 * version when asked). Text in, text out: the fake stores UTF-8.
 */
export const getObject = (state: FakeState, bucketArn: string, key: string, versionId?: string): Either.Either<string, MwaaError> => {
  const env = ownerOf(state, bucketArn)
  const definition = env === undefined ? definitionOf(state, bucketArn, key, versionId) : undefined
  if (definition !== undefined) {
    return definition.found === undefined
      ? Either.left(
          new MwaaError({
            reason: "NotFound",
            operation: "GetObject",
            message:
              versionId === undefined
                ? `NoSuchKey: The specified key does not exist. (${key})`
                : "NoSuchVersion: The specified version does not exist."
          })
        )
      : Either.right(definition.found)
  }
  if (env === undefined) {
    return Either.left(
      new MwaaError({ reason: "NotFound", operation: "GetObject", message: "NoSuchBucket: The specified bucket does not exist" })
    )
  }
  const content = env.dagFiles.get(key)
  return content === undefined
    ? Either.left(
        new MwaaError({ reason: "NotFound", operation: "GetObject", message: `NoSuchKey: The specified key does not exist. (${key})` })
      )
    : Either.right(content)
}
