import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.ts';

describe('loadGatewayConfig', () => {
  it('parses subgraph URL overrides', () => {
    const config = loadGatewayConfig({
      SUBGRAPH_URLS: 'users=http://127.0.0.1:5001/graphql, movies=http://10.0.0.2/graphql',
    });
    expect(config.SUBGRAPH_URLS).toEqual({
      users: 'http://127.0.0.1:5001/graphql',
      movies: 'http://10.0.0.2/graphql',
    });
    expect(config.PORT).toBe(4000);
  });

  it('names SUBGRAPH_URLS when an entry is malformed', () => {
    expect(() => loadGatewayConfig({ SUBGRAPH_URLS: 'users' })).toThrow(/SUBGRAPH_URLS/);
  });
});
