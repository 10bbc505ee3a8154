import type {
  GraphQLArgument,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
} from 'graphql';
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
} from 'graphql';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** An operation to send: its text and variables. */
export interface GeneratedOperation {
  text: string;
  variables: Record<string, unknown>;
  /** Operations of one family share their root and first-level choices. */
  family: number;
}

/** Choices from a seeded generator (pure-rand's xoroshiro128+): the same seed, the same operations. */
export function createRandom(seed: number) {
  const generator = xoroshiro128plus(seed);
  const int = (min: number, max: number) => uniformInt(generator, min, max);
  return {
    int,
    chance: (probability: number) => uniformFloat64(generator) < probability,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!,
    shuffle<T>(items: T[]): T[] {
      for (let index = items.length - 1; index > 0; index--) {
        const other = int(0, index);
        [items[index], items[other]] = [items[other]!, items[index]!];
      }
      return items;
    },
  };
}
export type Random = ReturnType<typeof createRandom>;

/**
 * Argument values by argument name: few of them, so that different operations often ask
 * a subgraph the same thing and their fetches are shared while in flight.
 */
const argumentValues: Record<string, readonly unknown[]> = {
  upc: ['1', '2', '3', '4', '5', '7', '8', '404'],
  sku: ['S1', 'S2', 'S5', 'S7', 'S9'],
  variantId: ['v1', 'v2', 'v4'],
  id: ['u1', 'u2', 'u3', 'u4', 'u9'],
  first: [0, 1, 2, 3, null],
  zip: ['N1', '00000', '75001', null],
  fragile: [true, false],
  code: ['HALF', 'SPRING', null],
  term: ['a', 'e', 'o', 'x', 'ch', 'zz'],
  kind: ['user', 'org', null],
  price: [1, 999],
  currency: ['USD', 'EUR', 'GBP'],
  rate: [1, 3, null],
  stars: [1, 5],
};
const nodeIds = [
  'product:1',
  'product:4',
  'product:8',
  'user:u1',
  'user:u3',
  'user:u4',
  'review:r1',
  'review:r3',
  'nope:0',
];
/** Names shared by many operations: a named operation's name is in its subgraph fetches. */
const operationNames = ['Shop', 'Page'];

/** A source of choices, with its own names for aliases, variables and fragments. */
interface Stream {
  random: Random;
  prefix: string;
  counter: number;
}

interface Generation {
  schema: GraphQLSchema;
  /** The choices a family of operations shares: root fields, their arguments and first level. */
  family: Stream;
  /** The choices of this operation alone: everything deeper. */
  own: Stream;
  variables: { definition: string; name: string; value: unknown; hasValue: boolean }[];
  fragments: string[];
}

/** Selections down to this level (0: the root fields) are the family's. */
const FAMILY_LEVELS = 2;
const streamAt = (generation: Generation, level: number) =>
  level <= FAMILY_LEVELS ? generation.family : generation.own;
const nameIn = (stream: Stream, kind: string) => `${stream.prefix}${kind}${stream.counter++}`;

/**
 * Generates `count` distinct valid operations on `schema` from `seed`: root fields with
 * literal or variable arguments (some with defaults), nested selections up to a depth,
 * aliases, inline fragments on the members of interfaces and unions, named fragments,
 * `__typename`, and `@skip`/`@include` with literals and variables. Mostly anonymous
 * queries; some named from a small set of names, and some mutations.
 *
 * Operations come in families of one to four that make the same choices at the root and
 * the first level and differ below: they often send a subgraph the same root fetch and
 * then merge different things into its answer, which is where a gateway that shares
 * answers between requests goes wrong.
 */
export function generateOperations(
  schema: GraphQLSchema,
  seed: number,
  count: number,
): GeneratedOperation[] {
  const random = createRandom(seed);
  const seen = new Set<string>();
  const operations: GeneratedOperation[] = [];
  for (let attempt = 0, family = 0; operations.length < count; family++) {
    const familySeed = random.int(0, 2 ** 31 - 1);
    const members = random.int(1, 4);
    for (let member = 0; member < members && operations.length < count; member++) {
      if (++attempt > count * 50) throw new Error(`only ${operations.length} distinct operations`);
      const operation = generateOne(
        schema,
        createRandom(familySeed),
        createRandom(random.int(0, 2 ** 31 - 1)),
        family,
      );
      if (seen.has(operation.text)) continue;
      const errors = validate(schema, parse(operation.text));
      if (errors.length) continue;
      seen.add(operation.text);
      operations.push(operation);
    }
  }
  return operations;
}

function generateOne(
  schema: GraphQLSchema,
  familyRandom: Random,
  own: Random,
  familyIndex: number,
): GeneratedOperation {
  const family = familyRandom;
  const generation: Generation = {
    schema,
    family: { random: family, prefix: 'f', counter: 0 },
    own: { random: own, prefix: '', counter: 0 },
    variables: [],
    fragments: [],
  };
  const mutation = schema.getMutationType();
  const isMutation = !!mutation && family.chance(0.07);
  const root = isMutation ? mutation : schema.getQueryType()!;
  const fields = Object.values(root.getFields());
  const chosen = family.shuffle([...fields]).slice(0, family.int(1, isMutation ? 2 : 3));
  const selections = chosen.map((field) => selectField(generation, field, 4, 0));
  const body = `{ ${selections.join(' ')} }`;
  const name = family.chance(0.25) ? ` ${family.pick(operationNames)}` : '';
  const definitions = generation.variables.map((variable) => variable.definition);
  const header =
    isMutation || name || definitions.length
      ? `${isMutation ? 'mutation' : 'query'}${name}${definitions.length ? `(${definitions.join(', ')})` : ''} `
      : '';
  const variables: Record<string, unknown> = {};
  for (const variable of generation.variables)
    if (variable.hasValue) variables[variable.name] = variable.value;
  return {
    text: [`${header}${body}`, ...generation.fragments].join('\n'),
    variables,
    family: familyIndex,
  };
}

/** A field at `level` (0: a root field), with at most `depth` levels below it. */
function selectField(
  generation: Generation,
  field: GraphQLField<unknown, unknown>,
  depth: number,
  level: number,
): string {
  const stream = streamAt(generation, level);
  const { random } = stream;
  const alias = random.chance(0.2) ? `${nameIn(stream, 'a')}: ` : '';
  const args = field.args
    .filter((arg) => isNonNullType(arg.type) || random.chance(0.6))
    .map((arg) => `${arg.name}: ${argumentValue(generation, stream, arg)}`);
  const directive = maybeDirective(generation, stream);
  const type = getNamedType(field.type);
  const selection = isCompositeType(type)
    ? ` ${selectionSet(generation, type, depth - 1, level + 1)}`
    : '';
  return `${alias}${field.name}${args.length ? `(${args.join(', ')})` : ''}${directive}${selection}`;
}

function selectionSet(
  generation: Generation,
  type: GraphQLCompositeType,
  depth: number,
  level: number,
): string {
  const stream = streamAt(generation, level);
  const { random } = stream;
  const selections: string[] = [];
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => depth > 0 || isLeafType(getNamedType(field.type)),
    );
    const wanted = isAbstractType(type) ? random.int(0, 2) : random.int(1, 4);
    for (const field of random.shuffle([...fields]).slice(0, wanted))
      selections.push(selectField(generation, field, depth, level));
  }
  if (isAbstractType(type)) {
    if (random.chance(0.5)) selections.push('__typename');
    const members = random.shuffle([...generation.schema.getPossibleTypes(type)]);
    for (const member of members.slice(0, random.int(1, Math.min(3, members.length))))
      selections.push(
        `... on ${member.name}${maybeDirective(generation, stream)} ${selectionSet(generation, member, depth, level)}`,
      );
  } else {
    if (random.chance(0.15)) selections.push('__typename');
    if (random.chance(0.05))
      selections.push(
        `...${maybeDirective(generation, stream)} ${selectionSet(generation, type, depth, level)}`,
      );
  }
  if (selections.length === 0) selections.push('__typename');
  if (random.chance(0.12)) {
    const name = nameIn(stream, 'F');
    generation.fragments.push(`fragment ${name} on ${type.name} { ${selections.join(' ')} }`);
    return `{ ...${name}${maybeDirective(generation, stream)} }`;
  }
  return `{ ${selections.join(' ')} }`;
}

function maybeDirective(generation: Generation, stream: Stream): string {
  const { random } = stream;
  if (!random.chance(0.1)) return '';
  const directive = random.pick(['skip', 'include']);
  if (random.chance(0.5)) return ` @${directive}(if: ${String(random.chance(0.5))})`;
  const name = nameIn(stream, 'b');
  const hasDefault = random.chance(0.3);
  const value = random.chance(0.5);
  generation.variables.push({
    definition: hasDefault ? `$${name}: Boolean = ${String(value)}` : `$${name}: Boolean!`,
    name,
    value,
    hasValue: !hasDefault || random.chance(0.5),
  });
  return ` @${directive}(if: $${name})`;
}

function argumentValue(generation: Generation, stream: Stream, arg: GraphQLArgument): string {
  const { random } = stream;
  const value = valueFor(random, arg.name, arg.type);
  if (!random.chance(0.35)) return literal(value, arg.type);
  const name = nameIn(stream, 'v');
  const hasDefault = random.chance(0.25) && value !== null;
  generation.variables.push({
    definition: `$${name}: ${String(arg.type)}${hasDefault ? ` = ${literal(value, arg.type)}` : ''}`,
    name,
    value,
    hasValue: !hasDefault || random.chance(0.5),
  });
  return `$${name}`;
}

function valueFor(random: Random, name: string, type: GraphQLInputType): unknown {
  if (name === 'ids') return random.shuffle([...nodeIds]).slice(0, random.int(1, 3));
  const pool = argumentValues[name];
  if (pool) {
    const value = random.pick(pool);
    return value === null && isNonNullType(type) ? pool[0] : value;
  }
  const named = getNullableType(type);
  if (isListType(named)) return [];
  switch (getNamedType(type).name) {
    case 'Int':
      return random.int(0, 3);
    case 'Boolean':
      return random.chance(0.5);
    default:
      return 'x';
  }
}

function literal(value: unknown, type?: GraphQLInputType): string {
  if (Array.isArray(value)) return `[${value.map((item) => literal(item)).join(', ')}]`;
  // An enum value is written bare (`EUR`), not as a string.
  if (type && isEnumType(getNamedType(type)) && typeof value === 'string') return value;
  return value === null ? 'null' : JSON.stringify(value);
}
