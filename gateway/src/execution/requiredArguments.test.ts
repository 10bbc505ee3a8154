import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import type { FetchNode, PlanNode } from '@apollo/query-planner';
import { QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { planRequiredArguments } from './requiredArguments.ts';

const federation = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@external", "@requires"])`;
const subgraph = (name: string, sdl: string) => ({
  name,
  url: `http://${name}`,
  typeDefs: parse(`${federation}\n${sdl}`),
});

function compose(...subgraphs: ReturnType<typeof subgraph>[]): string {
  const composed = composeServices(subgraphs);
  if (!composed.supergraphSdl) throw new Error(JSON.stringify(composed.errors));
  return composed.supergraphSdl;
}

const products = subgraph(
  'products',
  `enum Currency { USD EUR }
   type Query { product: Product }
   type Dimensions { size(unit: String! = "cm"): Int! }
   type Product @key(fields: "upc") {
     upc: String!
     price(currency: Currency! = USD): Int!
     dimensions: Dimensions!
   }`,
);
const labels = subgraph(
  'labels',
  `enum Currency { USD EUR }
   type Dimensions { size(unit: String! = "cm"): Int! @external }
   type Product @key(fields: "upc") {
     upc: String!
     price(currency: Currency! = USD): Int! @external
     dimensions: Dimensions! @external
     eurLabel: String! @requires(fields: "price(currency: EUR)")
     usdLabel: String! @requires(fields: "price(currency: USD)")
     box: String! @requires(fields: "dimensions { size(unit: \\"in\\") }")
   }`,
);
const supergraphSdl = compose(products, labels);
const requiredArguments = planRequiredArguments(supergraphSdl)!;
const supergraph = Supergraph.build(requiredArguments.supergraphSdl);
const planner = new QueryPlanner(supergraph);

function plan(query: string): PlanNode {
  const planned = planner.buildQueryPlan(
    operationFromDocument(supergraph.apiSchema(), parse(query)),
  );
  return requiredArguments.rewrite(planned.node) as PlanNode;
}

function fetches(node: PlanNode): FetchNode[] {
  switch (node.kind) {
    case 'Fetch':
      return [node];
    case 'Flatten':
      return fetches(node.node);
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(fetches);
    default:
      return [];
  }
}

describe('planRequiredArguments', () => {
  it('leaves a supergraph whose field sets require no field with arguments alone', () => {
    const plain = compose(
      subgraph('a', 'type Query { t: T } type T @key(fields: "id") { id: ID! n: Int! }'),
      subgraph(
        'b',
        'type T @key(fields: "id") { id: ID! n: Int! @external m: Int! @requires(fields: "n") }',
      ),
    );
    expect(planRequiredArguments(plain)).toBeUndefined();
  });

  it('asks the owner for the required field with the field set’s arguments, beside the client’s own', () => {
    const [root, entities] = fetches(plan('{ product { price eurLabel } }'));
    expect(root!.operation).toContain('price');
    expect(root!.operation).toMatch(/_cgRequires\d+_price:price\(currency:EUR\)/);
    // The representation carries the EUR price under the real field's name.
    expect(entities!.requires).toBeDefined();
    expect(entities!.inputRewrites).toEqual([
      {
        kind: 'KeyRenamer',
        path: ['... on Product', expect.stringMatching(/^_cgRequires\d+_price$/)],
        renameKeyTo: 'price',
      },
    ]);
  });

  it('renames a nested required field with arguments inside its parent', () => {
    const [root, entities] = fetches(plan('{ product { dimensions { size } box } }'));
    expect(root!.operation).toMatch(/_cgRequires\d+_size:size\(unit:"in"\)/);
    expect(entities!.inputRewrites).toEqual([
      {
        kind: 'KeyRenamer',
        path: ['... on Product', 'dimensions', expect.stringMatching(/^_cgRequires\d+_size$/)],
        renameKeyTo: 'size',
      },
    ]);
  });

  it('splits an entity call whose fields require one field with different arguments', () => {
    const node = plan('{ product { eurLabel usdLabel box } }');
    const calls = fetches(node).filter((fetch) => fetch.serviceName === 'labels');
    expect(calls).toHaveLength(2);
    const renamed = calls.map((call) =>
      call.inputRewrites!.filter(
        (rewrite) => 'renameKeyTo' in rewrite && rewrite.renameKeyTo === 'price',
      ),
    );
    // One price per representation, each call with its own.
    expect(renamed.map((rewrites) => rewrites.length)).toEqual([1, 1]);
    const selected = calls.map((call) => [
      call.operation.includes('eurLabel'),
      call.operation.includes('usdLabel'),
    ]);
    expect(selected).toContainEqual([true, false]);
    expect(selected).toContainEqual([false, true]);
    // Every field the client asked for is in exactly one call.
    expect(calls.filter((call) => call.operation.includes('box'))).toHaveLength(1);
    for (const call of calls) parse(call.operation);
  });

  it('plans a supergraph rewritten twice the same way (stand-in names are stable)', () => {
    expect(planRequiredArguments(supergraphSdl)!.supergraphSdl).toBe(
      requiredArguments.supergraphSdl,
    );
  });
});
