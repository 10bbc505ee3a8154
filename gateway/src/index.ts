// What another package may build on: the gateway as a service it can start in its own
// process (the embedded runner does), configured as the CLI configures it.
export { createGateway } from './createGateway.ts';
export { loadGatewayConfig } from './config.ts';
export type { GatewayConfig } from './config.ts';
