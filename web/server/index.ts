export {
  buildWeb,
  buildWebInChildProcess,
  generateWebManifest,
  webBuildIsCurrent,
  webManifestPath,
} from './build.ts';
export type { WebServer, WebServerOptions } from './webServer.ts';
export { startWebServer, webDistDir } from './webServer.ts';
