// Imported first, it makes every `@apollo/query-planner` this process requires resolve to
// `@apollo/query-planner-upstream`: the same version as published, installed under an
// alias, without the patch CineGraph's install applies (patches/, docs/gateway.md). For
// the processes that must run the planner as its users get it: the conformance suite's
// plain @apollo/gateway, and bench:gateway's "before" gateway.
import Module from 'node:module';

const PLANNER = '@apollo/query-planner';
type Resolve = (request: string, ...rest: unknown[]) => string;
const internals = Module as unknown as { _resolveFilename: Resolve };
const resolve = internals._resolveFilename;
internals._resolveFilename = (request, ...rest) =>
  resolve(
    request === PLANNER || request.startsWith(`${PLANNER}/`)
      ? `${PLANNER}-upstream${request.slice(PLANNER.length)}`
      : request,
    ...rest,
  );
