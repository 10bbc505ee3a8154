#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runService } from '@cinegraph/service-kit';
import { loadGatewayConfig } from './config.ts';
import { createGateway } from './createGateway.ts';

const usage = `Usage: cinegraph-gateway [--supergraph FILE] [--port N] [--host ADDRESS]

Serves a federated supergraph at /graphql. Every flag has an environment variable
(SUPERGRAPH_PATH, PORT, HOST); flags win. See docs/gateway.md for the rest.`;

const { values } = parseArgs({
  options: {
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
      ...(values.supergraph ? { SUPERGRAPH_PATH: values.supergraph } : {}),
      ...(values.port ? { PORT: values.port } : {}),
      ...(values.host ? { HOST: values.host } : {}),
    }),
  ),
);
