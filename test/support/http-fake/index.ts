/** A loopback MWAA over HTTP for real AWS SDK clients: MWAA restJson1, CloudWatch Logs awsJson1.1, S3 GetObject. */
export { startHttpFake } from "./server.js"
export { createWebLoginToken, invokeRestApi, signedFetch, type SignedRequest } from "./signed-fetch.js"
export { credentialHeaders, LOGIN_PATHS, postLogin, type WebCredential, webFetch, webLogin } from "./web-client.js"
export type {
  FailOptions,
  FaultKind,
  FaultTarget,
  HttpFake,
  HttpFakeOptions,
  Operation,
  RateLimitOptions,
  RequestRecord,
  Service
} from "./types.js"
