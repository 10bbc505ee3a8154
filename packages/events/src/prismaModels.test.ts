// The outbox and processed_events tables live in each service's own database, declared in
// its schema.prisma; the relay and consumers address them by raw SQL. This keeps every copy
// of those models equal to the one in packages/events/prisma/events.prisma.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

function models(schema: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of schema.matchAll(/^((?:\/\/\/.*\n)*)model (\w+) \{\n[\s\S]*?^\}/gm))
    found.set(match[2]!, match[0]);
  return found;
}

const canonical = models(
  readFileSync(path.join(repoRoot, 'packages/events/prisma/events.prisma'), 'utf8'),
);
const services = readdirSync(path.join(repoRoot, 'prisma'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'test')
  .map((entry) => entry.name);

describe.each(services)('prisma/%s/schema.prisma', (service) => {
  const schema = models(
    readFileSync(path.join(repoRoot, 'prisma', service, 'schema.prisma'), 'utf8'),
  );

  it('declares at least one of them', () => {
    expect([...canonical.keys()].some((name) => schema.has(name))).toBe(true);
  });

  it.each([...canonical.keys()])('declares %s as packages/events does, if at all', (name) => {
    const copy = schema.get(name);
    if (copy !== undefined) expect(copy).toBe(canonical.get(name));
  });
});

describe('the canonical models', () => {
  it('are the outbox and the processed-event log', () => {
    expect([...canonical.keys()]).toEqual(['OutboxEvent', 'ProcessedEvent']);
  });
});
