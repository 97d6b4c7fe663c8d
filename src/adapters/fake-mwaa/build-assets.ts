import type * as Seed from "./seed-types.js"
import type * as S from "./state.js"
import { normalizeIso } from "./time.js"

/** An environment's assets and events as stored: ids in seed order, events' assets found by uri. */
export const buildAssets = (
  env: Seed.FakeEnvironmentSeed
): { readonly assets: ReadonlyArray<S.AssetRecord>; readonly assetEvents: ReadonlyArray<S.AssetEventRecord> } => {
  const assets: ReadonlyArray<S.AssetRecord> = (env.assets ?? []).map((a, i) => ({
    id: i + 1,
    uri: a.uri,
    name: a.name ?? a.uri,
    extra: a.extra ?? {},
    createdAt: normalizeIso(a.createdAt),
    producers: a.producers ?? [],
    consumers: a.consumers ?? []
  }))
  const idOf = new Map(assets.map((a) => [a.uri, a.id]))
  const assetEvents = (env.assetEvents ?? []).flatMap((e, i): ReadonlyArray<S.AssetEventRecord> => {
    const assetId = idOf.get(e.uri)
    if (assetId === undefined) return []
    return [
      {
        id: i + 1,
        assetId,
        timestamp: normalizeIso(e.timestamp),
        sourceDagId: e.sourceDagId ?? null,
        sourceTaskId: e.sourceTaskId ?? null,
        sourceRunId: e.sourceRunId ?? null,
        sourceMapIndex: e.sourceMapIndex ?? -1,
        extra: e.extra ?? {},
        createdRuns: e.createdRuns ?? []
      }
    ]
  })
  return { assets, assetEvents }
}
