import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { createFormatError } from '@cinegraph/service-kit';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { compileResultShaper } from './resultShaper.ts';

const schema = buildSchema(`
  type Query { film: Film films: [Film!] }
  type Film { id: ID! minutes: Int! rating: Float }
`);

function shape(query: string, input: Record<string, unknown>) {
  return compileResultShaper(operationFromDocument(schema, parse(query))).shape(input, undefined);
}

describe('the result shaper', () => {
  it('nulls a null in a non-null field up to the nearest nullable one, and says where', () => {
    const { data, errors } = shape('{ film { id minutes } }', {
      film: { id: 'f1', minutes: null },
    });
    expect(data).toEqual({ film: null });
    expect(errors.map((error) => error.toJSON())).toEqual([
      {
        message: 'Cannot return null for non-nullable field Film.minutes.',
        path: ['film', 'minutes'],
        extensions: { code: 'RESPONSE_VALIDATION_FAILED' },
      },
    ]);
  });

  it('reports invalid values and list elements, in the order it finds them', () => {
    const { data, errors } = shape('{ films { id rating } film { rating } }', {
      films: [{ id: 'f1', rating: 'high' }, null],
      film: { rating: 4.5 },
    });
    expect(data).toEqual({ films: null, film: { rating: 4.5 } });
    expect(errors.map((error) => [error.message, error.path])).toEqual([
      ['Invalid value found for field Film.rating.', ['films', 0, 'rating']],
      ['Cannot return null for non-nullable array element of type Film at index 1.', ['films', 1]],
    ]);
  });

  it('raises errors the error formatter lets through: a subgraph’s data, not an internal error', () => {
    const { errors } = shape('{ film { minutes } }', { film: { minutes: null } });
    const logged: object[] = [];
    const formatError = createFormatError({ error: (object) => logged.push(object) });
    const error = errors[0]!;
    expect(formatError(error.toJSON(), error)).toEqual(error.toJSON());
    expect(logged).toEqual([]);
  });
});
