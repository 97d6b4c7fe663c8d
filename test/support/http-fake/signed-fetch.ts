import { Sha256 } from "@smithy/core/checksum"
import { HttpRequest } from "@smithy/core/protocols"
import { SignatureV4 } from "@smithy/signature-v4"

/**
 * A SigV4-signed fetch for tests, for calls the installed SDK has no command for (e.g.
 * InvokeRestApi in client-mwaa 3.523) and for requests signed wrongly on purpose. Tests only:
 * the server signs through its SDK clients.
 */
export interface SignedRequest {
  /** The signing name: airflow, logs, s3. */
  readonly service: string
  readonly region?: string | undefined
  readonly method?: string | undefined
  readonly path: string
  readonly query?: Readonly<Record<string, string>> | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  readonly body?: string | undefined
  /** Send without an Authorization header. */
  readonly unsigned?: boolean | undefined
}

export const signedFetch = async (baseUrl: string, request: SignedRequest): Promise<Response> => {
  const url = new URL(baseUrl)
  const unsignedRequest = new HttpRequest({
    method: request.method ?? "GET",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: request.path,
    query: { ...request.query },
    headers: { host: url.host, ...request.headers },
    body: request.body
  })
  const signer = new SignatureV4({
    service: request.service,
    region: request.region ?? "us-east-1",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "test" },
    sha256: Sha256,
    uriEscapePath: request.service !== "s3"
  })
  const signed = request.unsigned === true ? unsignedRequest : await signer.sign(unsignedRequest)
  const query = new URLSearchParams(signed.query as Record<string, string>).toString()
  const { host: _host, ...headers } = signed.headers
  return fetch(`${url.origin}${signed.path}${query === "" ? "" : `?${query}`}`, {
    method: signed.method,
    headers,
    ...(request.body === undefined ? {} : { body: request.body })
  })
}

/** POST /restapi/{Name}: an InvokeRestApi call, signed for `airflow`. */
export const invokeRestApi = (
  baseUrl: string,
  name: string,
  input: { readonly Path: unknown; readonly Method: unknown; readonly QueryParameters?: unknown; readonly Body?: unknown },
  signing: { readonly service?: string; readonly region?: string } = {}
): Promise<Response> =>
  signedFetch(baseUrl, {
    service: signing.service ?? "airflow",
    region: signing.region,
    method: "POST",
    path: `/restapi/${encodeURIComponent(name)}`,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(input)
  })

/** POST /webtoken/{Name}: a CreateWebLoginToken call, signed for `airflow`. */
export const createWebLoginToken = (
  baseUrl: string,
  name: string,
  signing: { readonly service?: string; readonly region?: string; readonly unsigned?: boolean } = {}
): Promise<Response> =>
  signedFetch(baseUrl, {
    service: signing.service ?? "airflow",
    region: signing.region,
    method: "POST",
    path: `/webtoken/${encodeURIComponent(name)}`,
    unsigned: signing.unsigned
  })
