#!/usr/bin/env node
// First, before the gateway's modules load and allocate: how far V8 lets the heap grow.
import './heapGrowth.ts';
import { parseArgs } from 'node:util';
import { runService } from '@cinegraph/service-kit';
import { loadGatewayConfig } from './config.ts';
import { createGateway } from './createGateway.ts';

const usage = `Usage: cinegraph-gateway [--config FILE] [--supergraph FILE] [--port N] [--host ADDRESS]

Serves a federated supergraph at /graphql. Options come from gateway.yaml (or --config),
then environment variables (GATEWAY_CONFIG, SUPERGRAPH_PATH, PORT, HOST, ...); flags win.
See docs/gateway-config.md for every option.`;

const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    supergraph: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.error(usage);
  process.exit(0);
}

await runService(async () =>
  createGateway(
    loadGatewayConfig({
      ...process.env,
      ...(values.config ? { GATEWAY_CONFIG: values.config } : {}),
      ...(values.supergraph ? { SUPERGRAPH_PATH: values.supergraph } : {}),
      ...(values.port ? { PORT: values.port } : {}),
      ...(values.host ? { HOST: values.host } : {}),
    }),
  ),
);
