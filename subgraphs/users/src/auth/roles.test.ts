import { readFile } from 'node:fs/promises';
import { roles } from '@cinegraph/service-kit';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';

// The roles an access token may carry are service-kit's (every process verifies tokens,
// and a library cannot import this subgraph's generated types); the schema's `Role` enum
// shows the same values to clients. This keeps the two one list.
describe('the Role enum', () => {
  it('has exactly the roles an access token may carry', async () => {
    const sdl = await readFile(new URL('../schema.graphql', import.meta.url), 'utf8');
    const document = parse(sdl);
    const enumValues = document.definitions.flatMap((definition) =>
      definition.kind === 'EnumTypeDefinition' && definition.name.value === 'Role'
        ? (definition.values ?? []).map((value) => value.name.value)
        : [],
    );
    expect(enumValues.sort()).toEqual([...roles].sort());
  });
});
