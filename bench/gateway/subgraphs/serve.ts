// One benchmark subgraph per process: `tsx serve.ts <name> <port>`.
//
// The subgraphs must cost as little as possible, so that the machine's two cores go to the
// gateways being compared (the public benchmark's subgraphs are compiled for the same
// reason). Each is a bare node:http server over its federated schema: a request is parsed,
// validated and executed by graphql-js the first time its body is seen, and since the data
// is fixed, the same body is answered with the same bytes from then on.
import { createServer } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, validate } from 'graphql';
import { benchSubgraphs } from './schemas.ts';

const MAX_ANSWERS = 10_000;

const [name, port] = process.argv.slice(2);
const subgraph = benchSubgraphs.find((s) => s.name === name);
if (!subgraph || !port)
  throw new Error('usage: serve.ts <accounts|inventory|products|reviews> <port>');
const schema = buildSubgraphSchema({
  typeDefs: parse(subgraph.typeDefs),
  resolvers: subgraph.resolvers,
});

const answers = new Map<string, string>();

async function answer(body: string): Promise<string> {
  let request: { query?: unknown; variables?: Record<string, unknown>; operationName?: string };
  try {
    request = JSON.parse(body) as typeof request;
  } catch {
    return JSON.stringify({ errors: [{ message: 'the body is not JSON' }] });
  }
  if (typeof request.query !== 'string')
    return JSON.stringify({ errors: [{ message: 'no query' }] });
  let document;
  try {
    document = parse(request.query);
  } catch (error) {
    return JSON.stringify({ errors: [{ message: (error as Error).message }] });
  }
  const invalid = validate(schema, document);
  if (invalid.length) return JSON.stringify({ errors: invalid.map((e) => e.toJSON()) });
  const result = await execute({
    schema,
    document,
    variableValues: request.variables,
    operationName: request.operationName,
  });
  return JSON.stringify(result);
}

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    const known = answers.get(body);
    const send = (text: string) =>
      response
        .writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
        })
        .end(text);
    if (known !== undefined) return send(known);
    void answer(body).then((text) => {
      if (answers.size < MAX_ANSWERS) answers.set(body, text);
      send(text);
    });
  });
}).listen(Number(port), '127.0.0.1', () => console.log(`${name} subgraph at port ${port}`));
