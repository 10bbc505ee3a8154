import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';

// Reading plain @apollo/gateway's answers as CineGraph's, where CineGraph keeps to the spec
// and @apollo/gateway does not: the field errors response shaping finds (a null in a
// non-null field, an unknown __typename, an invalid leaf value). @apollo/gateway puts them
// in `extensions.valueCompletion` (code INVALID_GRAPHQL) when no fetch failed, and drops
// them when one did. CineGraph reports them in `errors`, after the subgraphs' errors, with
// their paths and the code RESPONSE_VALIDATION_FAILED (planExecution.ts, resultShaper.ts).

const SHAPING_CODE = 'RESPONSE_VALIDATION_FAILED';
/** What @apollo/gateway's `computeResponse` calls them, which CineGraph's shaper does not. */
const REFERENCE_CODE = 'INVALID_GRAPHQL';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * For the reference's Apollo Server: moves `extensions.valueCompletion` into `errors`, each
 * error built as CineGraph's shaper builds it (same message and path, its code) and
 * formatted as Apollo Server formats CineGraph's (with the server's `formatError`, no stack
 * trace). Nothing else in the answer changes; `onMoved` counts the answers changed.
 */
export function valueCompletionAsErrors<TContext extends BaseContext>(
  options: { formatError?: FormatError; onMoved?: () => void } = {},
): ApolloServerPlugin<TContext> {
  const formatError: FormatError = options.formatError ?? ((formatted) => formatted);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const { valueCompletion, ...extensions } = result.extensions ?? {};
          if (!Array.isArray(valueCompletion)) return;
          const moved = (valueCompletion as GraphQLError[]).map((found) => {
            // Anything else there would be a change in @apollo/gateway this must not hide.
            if (found.extensions['code'] !== REFERENCE_CODE || found.locations)
              throw new Error(`unexpected value completion error: ${JSON.stringify(found)}`);
            const error = new GraphQLError(found.message, {
              ...(found.path ? { path: found.path } : {}),
              extensions: { ...found.extensions, code: SHAPING_CODE },
            });
            // As Apollo Server's normalizeAndFormatErrors enriches an error it formats.
            return formatError({ ...error.toJSON(), extensions: { ...error.extensions } }, error);
          });
          response.body.singleResult = {
            errors: [...(result.errors ?? []), ...moved],
            data: result.data,
            ...(Object.keys(extensions).length ? { extensions } : {}),
          };
          options.onMoved?.();
        },
      };
    },
  };
}

interface Answer {
  data?: unknown;
  errors?: unknown[];
}

/**
 * Where a fetch failed, @apollo/gateway drops what shaping found, and its answer cannot
 * tell what that was: those errors cannot be added to the reference. So CineGraph's answer
 * is compared without them, and they are checked on their own. Given the reference's
 * answer with errors (JSON text) and CineGraph's with more, this returns CineGraph's text
 * less the errors past the reference's count when each of them is a shaping error, to be
 * compared byte for byte with the reference: the data, the subgraphs' errors and their
 * order must still be the same. `problems` says what is wrong with the errors it took out:
 * each must be a shaping error's message naming the last element of its path, with that
 * code alone in its extensions, at a path where the data holds a null (the value nulled, or
 * an ancestor the null propagated to), and no subgraph error may report that null already
 * (at, under or above its path: the spec's one error per field). In any other case `ours`
 * comes back unchanged.
 */
export function withoutDroppedShapingErrors(
  reference: string,
  ours: string,
): { ours: string; dropped: number; problems: string[] } {
  const unchanged = { ours, dropped: 0, problems: [] };
  const expected = parseAnswer(reference);
  const actual = parseAnswer(ours);
  if (!expected?.errors?.length || !actual?.errors) return unchanged;
  if (actual.errors.length <= expected.errors.length) return unchanged;
  const extra = actual.errors.slice(expected.errors.length) as GraphQLFormattedError[];
  if (!extra.every((error) => error.extensions?.['code'] === SHAPING_CODE)) return unchanged;
  const reported = expected.errors as GraphQLFormattedError[];
  const problems = extra.flatMap((error) => {
    const wrong = shapingErrorProblem(error, actual.data, reported);
    return wrong ? [`${wrong}: ${JSON.stringify(error)}`] : [];
  });
  // Re-serialised as Apollo Server serialises (JSON.stringify keeps the keys' order), with
  // whatever whitespace followed the body.
  const trailing = ours.slice(ours.trimEnd().length);
  const kept = { ...actual, errors: actual.errors.slice(0, expected.errors.length) };
  return { ours: JSON.stringify(kept) + trailing, dropped: extra.length, problems };
}

const SHAPING_MESSAGE =
  /^(?:Cannot return null for non-nullable|Invalid __typename found for object at|Invalid value found for) (?:field \w+\.(\w+)|array element of type \S+ at index (\d+))\.$/;

function shapingErrorProblem(
  error: GraphQLFormattedError,
  data: unknown,
  reported: readonly GraphQLFormattedError[],
): string | undefined {
  const path = error.path;
  if (!path?.length) return 'no path';
  const named = SHAPING_MESSAGE.exec(error.message);
  if (!named) return 'not a shaping error';
  if ((named[1] ?? Number(named[2])) !== path[path.length - 1])
    return 'the message names another field than the path';
  if (Object.keys(error).some((key) => !['message', 'path', 'extensions'].includes(key)))
    return 'unexpected keys';
  if (Object.keys(error.extensions ?? {}).length !== 1) return 'unexpected extensions';
  if (!reachesNull(data, path)) return 'the data at its path is not null';
  if (reported.some((other) => other.path && onOneLine(other.path, path)))
    return 'a subgraph error at, under or above its path reports that null already';
  return undefined;
}

/** Whether one path is the other or leads to it. */
function onOneLine(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.every((key, at) => at >= b.length || key === b[at]);
}

/** Whether walking `path` into `data` meets a null (at the end or before). */
function reachesNull(data: unknown, path: readonly (string | number)[]): boolean {
  let value = data;
  for (const key of path) {
    if (value === null) return true;
    if (typeof value !== 'object' || value === undefined) return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value === null;
}

function parseAnswer(text: string): Answer | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Answer)
      : undefined;
  } catch {
    return undefined;
  }
}
