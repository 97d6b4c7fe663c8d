/**
 * A loopback AWS over HTTP for real AWS SDK clients: MWAA restJson1, CloudWatch Logs awsJson1.1,
 * S3 GetObject, STS awsQuery (AssumeRole, GetCallerIdentity); one world per account and region.
 */
export { startHttpFake } from "./server.js"
export { createWebLoginToken, invokeRestApi, signedFetch, type SignedRequest } from "./signed-fetch.js"
export { credentialHeaders, LOGIN_PATHS, postLogin, type WebCredential, webFetch, webLogin } from "./web-client.js"
export type {
  FailOptions,
  AirflowAnswer,
  FakeRole,
  FaultKind,
  FaultTarget,
  HttpFake,
  HttpFakeOptions,
  HttpFakeWorld,
  Operation,
  RateLimitOptions,
  RequestRecord,
  Service,
  WorldSeed
} from "./types.js"
