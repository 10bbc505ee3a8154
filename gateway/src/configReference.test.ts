// docs/gateway-config.md is the reference of every gateway.yaml option: this keeps it true.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { environmentOverrides, gatewayConfigSchema } from './config.ts';

const reference = readFileSync(
  path.resolve(import.meta.dirname, '../../docs/gateway-config.md'),
  'utf8',
);

/** Every option's dotted path; records are written `<name>`. */
function optionPaths(schema: z.ZodType, prefix: string): string[] {
  const def = (schema as { def?: { type: string } }).def;
  switch (def?.type) {
    case 'object': {
      const shape = (schema as z.ZodObject).shape;
      return Object.entries(shape).flatMap(([key, child]) =>
        optionPaths(child as z.ZodType, prefix ? `${prefix}.${key}` : key),
      );
    }
    case 'record': {
      const value = (def as unknown as { valueType: z.ZodType }).valueType;
      const nested = optionPaths(value, `${prefix}.<name>`);
      return nested.length ? nested : [`${prefix}.<name>`];
    }
    case 'default':
    case 'prefault':
    case 'optional':
    case 'pipe':
      return optionPaths(
        (def as unknown as { innerType?: z.ZodType; in?: z.ZodType }).innerType ??
          (def as unknown as { in: z.ZodType }).in,
        prefix,
      );
    default:
      return prefix ? [prefix] : [];
  }
}

describe('docs/gateway-config.md', () => {
  const options = optionPaths(gatewayConfigSchema as unknown as z.ZodType, '');

  it('finds the options', () => {
    expect(options).toContain('server.port');
    expect(options).toContain('persistedQueries.safelist.clients.<name>.mode');
  });

  it.each(options)('documents %s', (option) => {
    expect(reference).toContain(`\`${option}\``);
  });

  it.each(Object.keys(environmentOverrides))('documents the variable %s', (variable) => {
    expect(reference).toContain(`\`${variable}\``);
  });
});
