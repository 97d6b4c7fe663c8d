import { DASHBOARD_DAG, type FakeSeed, ORDERS_TOTALS_ASSET, versionMatrixSeed } from "../../src/adapters/fake-mwaa/index.js"

/**
 * The version matrix (2.10 … 3.3) with the demo's data-aware DAG renamed to a 250-character id
 * (Airflow's longest) and its orders input to a uri of several hundred characters: the DAG's
 * details and queued-events paths then pass 64 characters (the webserver route carries them),
 * and the uri travels only in query parameters.
 */
export const LONG_CONSUMER = `${DASHBOARD_DAG}_${"v".repeat(250 - DASHBOARD_DAG.length - 4)}_x1`
export const LONG_ASSET_URI = `${ORDERS_TOTALS_ASSET}/${Array.from({ length: 12 }, (_, i) => `region=eu-west-${i}/channel=web-and-mobile-app`).join("/")}`

/** Any text of the demo as it reads in this seed. */
export const withLongAssetIds = (text: string): string =>
  text.replaceAll(ORDERS_TOTALS_ASSET, LONG_ASSET_URI).replaceAll(DASHBOARD_DAG, LONG_CONSUMER)

export const assetEventsSeed = (): FakeSeed => {
  const seed = versionMatrixSeed()
  return { ...seed, environments: seed.environments.map((env) => JSON.parse(withLongAssetIds(JSON.stringify(env)))) }
}
