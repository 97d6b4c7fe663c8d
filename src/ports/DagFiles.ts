import { Context, type Effect } from "effect"
import type { MwaaError } from "./MwaaError.js"

/** The DAG files of an environment's source bucket (S3). */
export class DagFiles extends Context.Tag("mwaa-mcp/DagFiles")<
  DagFiles,
  {
    /** A DAG file's source, decoded as UTF-8 text: the object `key` of the bucket SourceBucketArn names. */
    readonly read: (bucketArn: string, key: string) => Effect.Effect<string, MwaaError>
  }
>() {}
