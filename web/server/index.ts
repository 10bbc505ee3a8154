export { buildWeb, buildWebInChildProcess, generateWebManifest, webManifestPath } from './build.ts';
export type { WebServer, WebServerOptions } from './webServer.ts';
export { localWebOrigins, startWebServer, webDistDir } from './webServer.ts';
