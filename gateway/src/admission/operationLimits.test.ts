import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../config.ts';
import { getOperationAST, parse } from 'graphql';
import {
  definitionsLimitError,
  fragmentsOf,
  MAX_NAME_LENGTH,
  shapeLimitError,
  textLimitError,
} from './operationLimits.ts';

const limits = loadGatewayConfig({}, '/nonexistent-cinegraph-folder').limits;
const codeOf = (error: ReturnType<typeof textLimitError>) => error?.extensions['code'];

/** The shape limits on the operation a request names. */
function documentLimitError(
  query: string,
  operationName: string | null | undefined,
  limits_: typeof limits,
) {
  const document = parse(query);
  const operation = getOperationAST(document, operationName);
  return operation ? shapeLimitError(operation, fragmentsOf(document), limits_) : undefined;
}

describe('textLimitError', () => {
  it('refuses a long text at once, then too many tokens, then a long name', () => {
    expect(codeOf(textLimitError(`{ a(s: "${'x'.repeat(70_000)}") }`, limits))).toBe(
      'MAX_TEXT_LENGTH_EXCEEDED',
    );
    expect(codeOf(textLimitError(`{ ${'a '.repeat(5_001)}}`, limits))).toBe('MAX_TOKENS_EXCEEDED');
    expect(codeOf(textLimitError(`{ ${'a'.repeat(MAX_NAME_LENGTH + 1)} }`, limits))).toBe(
      'MAX_TOKEN_LENGTH_EXCEEDED',
    );
    expect(textLimitError(`{ ${'a'.repeat(MAX_NAME_LENGTH)} }`, limits)).toBeUndefined();
    // A syntax error is the parser's to report.
    expect(textLimitError('{ a(', limits)).toBeUndefined();
  });
});

describe('shapeLimitError', () => {
  it('measures the operation asked for', () => {
    const wide = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    expect(codeOf(documentLimitError(wide, undefined, limits))).toBe('MAX_ALIASES_EXCEEDED');
    const two = `query Small { __typename } query Wide ${wide}`;
    expect(documentLimitError(two, 'Small', limits)).toBeUndefined();
    expect(codeOf(documentLimitError(two, 'Wide', limits))).toBe('MAX_ALIASES_EXCEEDED');
    expect(documentLimitError(two, 'Missing', limits)).toBeUndefined();
  });

  it('refuses too many variables, then the expanded size, then repeats', () => {
    const variables = Array.from({ length: 101 }, (_, i) => `$v${i}: Int`).join(' ');
    expect(codeOf(documentLimitError(`query (${variables}) { a }`, undefined, limits))).toBe(
      'MAX_VARIABLES_EXCEEDED',
    );
    const chain = Array.from(
      { length: 30 },
      (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    const bomb = documentLimitError(`{ ...F0 } ${chain} fragment F30 on Query { a }`, null, limits);
    expect(bomb?.extensions).toMatchObject({
      code: 'MAX_SELECTIONS_EXCEEDED',
      limit: 1_000,
      measured: 2 ** 30,
    });
    const repeated = documentLimitError(`{ me { ${'id '.repeat(26)}} }`, null, limits);
    expect(repeated?.extensions).toMatchObject({ code: 'MAX_SELECTIONS_EXCEEDED', measured: 26 });
  });
});

describe('definitionsLimitError', () => {
  it('counts the operations and the fragments a document defines', () => {
    const operations = (n: number) =>
      parse(Array.from({ length: n }, (_, i) => `query Q${i} { a }`).join(' '));
    const fragments = (n: number) =>
      parse(
        `{ a } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { a }`).join(' ')}`,
      );
    expect(definitionsLimitError(operations(20), limits)).toBeUndefined();
    expect(definitionsLimitError(operations(21), limits)?.extensions).toMatchObject({
      code: 'MAX_DEFINITIONS_EXCEEDED',
      limit: 20,
      measured: 21,
    });
    expect(definitionsLimitError(fragments(200), limits)).toBeUndefined();
    expect(codeOf(definitionsLimitError(fragments(201), limits))).toBe('MAX_DEFINITIONS_EXCEEDED');
  });
});
