/** Where the app finds the gateway: `/config.json` from the server that serves the app. */
export interface RuntimeConfig {
  graphqlUrl: string;
  subscriptionsUrl: string;
}

export async function loadRuntimeConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' }).catch(() => null);
  if (response?.ok) return (await response.json()) as RuntimeConfig;
  // The Vite dev server has no config.json: a gateway on this machine's default port.
  const graphqlUrl = `${location.protocol}//${location.hostname}:4000/graphql`;
  return { graphqlUrl, subscriptionsUrl: graphqlUrl.replace(/^http/, 'ws') };
}
