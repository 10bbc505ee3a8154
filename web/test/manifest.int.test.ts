import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateWebManifest, webManifestPath } from '../server/build.ts';

describe('the web app’s persisted query manifest', () => {
  it('is the one its operations generate (npm run build -w @cinegraph/web refreshes it)', async () => {
    const committed = await readFile(webManifestPath, 'utf8');
    expect(committed).toBe(await generateWebManifest());
    const manifest = JSON.parse(committed) as { operations: { name: string; body: string }[] };
    // Every operation the app sends, with __typename added as Apollo Client's cache needs.
    const names = manifest.operations.map((o) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(['SeatMap', 'SeatAvailability', 'HoldSeats', 'RefreshSession']),
    );
    expect(manifest.operations.find((o) => o.name === 'SeatMap')!.body).toContain('__typename');
  });
});
