import { buildWebInChildProcess } from '@cinegraph/web/server';

/**
 * Global setup of the projects that run the browser tests: the web app built once (web/dist,
 * skipped when it is current), so that no stack builds it and none serves a stale one.
 */
export default async function setup(): Promise<void> {
  await buildWebInChildProcess();
}
