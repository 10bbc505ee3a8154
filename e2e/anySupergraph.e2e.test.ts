import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningProcess } from '@cinegraph/stack';
import { gateway, spawnProcess } from '@cinegraph/stack';
import { freePort, graphqlRequest } from '@cinegraph/testing';
import type { ToySubgraph } from './support/toySubgraph.ts';
import { planetList, startToySubgraph } from './support/toySubgraph.ts';

// Two toy subgraphs that have nothing to do with movies: the gateway serves whatever
// supergraph it is given.
const planets = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Planet @key(fields: "id") { id: ID! name: String! }
  type Query { planets: [Planet!]! slowPlanetCount: Int! }
`);
const moons = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Planet @key(fields: "id") { id: ID! moons: [String!]! }
`);
const moonsOf: Record<string, string[]> = { earth: ['Moon'], mars: ['Phobos', 'Deimos'] };

describe('the gateway CLI serves any supergraph', () => {
  const servers: ToySubgraph[] = [];
  let dir: string;
  let router: RunningProcess;
  let file: string;
  let bothSupergraph: string;

  beforeAll(async () => {
    const planetsSubgraph = await startToySubgraph(planets, {
      Query: {
        planets: planetList,
        slowPlanetCount: () => new Promise((resolve) => setTimeout(() => resolve(2), 700)),
      },
    });
    const moonsSubgraph = await startToySubgraph(moons, {
      Planet: { moons: (planet: { id: string }) => moonsOf[planet.id] ?? [] },
    });
    servers.push(planetsSubgraph, moonsSubgraph);
    const urls: Record<string, string> = { planets: planetsSubgraph.url, moons: moonsSubgraph.url };
    const composed = composeServices(
      Object.entries({ planets, moons }).map(([name, typeDefs]) => ({
        name,
        typeDefs,
        url: urls[name]!,
      })),
    );
    if (composed.errors) throw composed.errors[0];
    const planetsOnly = composeServices([
      { name: 'planets', typeDefs: planets, url: urls['planets']! },
    ]);
    if (planetsOnly.errors) throw planetsOnly.errors[0];
    bothSupergraph = composed.supergraphSdl;
    dir = await mkdtemp(path.join(tmpdir(), 'cinegraph-supergraph-'));
    file = path.join(dir, 'planets.graphql');
    // It starts with planets alone; a test adds moons while it runs.
    await writeFile(file, planetsOnly.supergraphSdl);

    const port = await freePort();
    router = await spawnProcess({
      name: 'gateway',
      entry: gateway.entry,
      port,
      // The documented interface: `cinegraph-gateway --supergraph FILE --port N`.
      args: ['--supergraph', file, '--port', String(port)],
      env: { LOG_LEVEL: 'warn' },
    });
  });

  afterAll(async () => {
    await router?.stop();
    await Promise.all(servers.map((server) => server.stop()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reloads a changed supergraph without dropping requests in flight, and refuses a broken one', async () => {
    const url = `${router.url}/graphql`;
    const before = await graphqlRequest(url, '{ planets { name moons } }');
    expect(before.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');

    // A slow request is in flight while the supergraph changes under it.
    const inFlight = graphqlRequest(url, '{ slowPlanetCount }');
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(file, bothSupergraph);
    expect((await inFlight).data).toEqual({ slowPlanetCount: 2 });

    const deadline = Date.now() + 10_000;
    let after = await graphqlRequest(url, '{ planets { name moons } }');
    while (after.errors && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await graphqlRequest(url, '{ planets { name moons } }');
    }
    expect(after.errors).toBeUndefined();

    await writeFile(file, 'this is not a supergraph');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await graphqlRequest(url, '{ planets { name moons } }')).errors).toBeUndefined();
    await writeFile(file, bothSupergraph);
  });

  it('joins an entity across the two toy subgraphs', async () => {
    const response = await graphqlRequest(`${router.url}/graphql`, '{ planets { name moons } }');
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      planets: [
        { name: 'Earth', moons: ['Moon'] },
        { name: 'Mars', moons: ['Phobos', 'Deimos'] },
      ],
    });
  });
});
