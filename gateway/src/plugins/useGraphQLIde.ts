import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
const ideDir = path.resolve(import.meta.dirname, '../../ide');

/** Every file the IDE needs, from this machine: no CDN (deployments may be offline). */
const assets: Record<string, { file: string; type: string }> = {
  'react.production.min.js': {
    file: path.join(packageDir('react'), 'umd/react.production.min.js'),
    type: 'text/javascript',
  },
  'react-dom.production.min.js': {
    file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.min.js': {
    file: path.join(packageDir('graphiql'), 'graphiql.min.js'),
    type: 'text/javascript',
  },
  'graphiql.min.css': {
    file: path.join(packageDir('graphiql'), 'graphiql.min.css'),
    type: 'text/css',
  },
  'ide.js': { file: path.join(ideDir, 'ide.js'), type: 'text/javascript' },
};

function wantsHtml(accept: string | undefined): boolean {
  return typeof accept === 'string' && accept.includes('text/html');
}

/**
 * GraphiQL at `GET /graphql` for a browser (an HTML Accept header and no operation in the
 * query string), its assets under `/ide/`, all read from local packages at start.
 */
export async function useGraphQLIde(app: FastifyInstance, graphqlPath: string): Promise<void> {
  const html = await readFile(path.join(ideDir, 'index.html'));
  const files = new Map(
    await Promise.all(
      Object.entries(assets).map(
        async ([name, asset]) => [name, { ...asset, body: await readFile(asset.file) }] as const,
      ),
    ),
  );

  app.get('/ide/:file', async (request, reply) => {
    const asset = files.get((request.params as { file: string }).file);
    if (!asset)
      return reply
        .code(404)
        .send({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  });

  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.routeOptions.url !== graphqlPath) return;
    const query = request.query as Record<string, unknown> | undefined;
    if (query?.['query'] !== undefined || query?.['extensions'] !== undefined) return;
    if (!wantsHtml(request.headers.accept)) return;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
