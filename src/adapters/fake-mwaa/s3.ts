import { Either } from "effect"
import { MwaaError } from "../../ports/MwaaError.js"
import { bucketNameOf } from "./locations.js"
import type { EnvironmentRecord, FakeState } from "./state.js"

/** S3 GetObject on an environment's source bucket (the bucket of its SourceBucketArn). */
const ownerOf = (state: FakeState, bucketArn: string): EnvironmentRecord | undefined => {
  const bucket = bucketNameOf(bucketArn)
  return state.environments.find((env) => bucketNameOf(String(env.mwaa["SourceBucketArn"] ?? "")) === bucket)
}

export const environmentOfBucket = (state: FakeState, bucketArn: string): string | undefined => ownerOf(state, bucketArn)?.name

export const getObject = (state: FakeState, bucketArn: string, key: string): Either.Either<string, MwaaError> => {
  const env = ownerOf(state, bucketArn)
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
