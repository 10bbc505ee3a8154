import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@cinegraph/testing';
import type { WebServer } from '../server/webServer.ts';
import { startWebServer } from '../server/webServer.ts';

let dist: string;
let server: WebServer;
let base: string;

beforeAll(async () => {
  // A stand-in build: the server's behaviour does not depend on what the app is.
  dist = await mkdtemp(path.join(tmpdir(), 'cinegraph-web-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>CineGraph</title>');
  await writeFile(path.join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(dist, 'favicon.svg'), '<svg/>');
  const port = await freePort();
  server = await startWebServer({ port, gateway: 4999, distDir: dist });
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.close();
  await rm(dist, { recursive: true, force: true });
});

const page = (pathname: string, headers: Record<string, string> = { accept: 'text/html' }) =>
  fetch(`${base}${pathname}`, { headers });

describe('the web server', () => {
  it('serves the app for every page path, never cached', async () => {
    for (const pathname of ['/', '/movies/some-movie-2019', '/showtimes/abc?date=2026-12-06']) {
      const response = await page(pathname);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('<title>CineGraph</title>');
    }
  });

  it('caches hashed assets for good, and 404s a missing file or a non-page request', async () => {
    const asset = await page('/assets/index-abc123.js', {});
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await page('/assets/gone-123.js')).status).toBe(404);
    expect((await page('/movies', { accept: 'application/json' })).status).toBe(404);
  });

  it('tells the app where the gateway is, on the host the page came from', async () => {
    for (const host of ['localhost', '127.0.0.1']) {
      const response = await fetch(`${base.replace('127.0.0.1', host)}/config.json`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({
        graphqlUrl: `http://${host}:4999/graphql`,
        subscriptionsUrl: `ws://${host}:4999/graphql`,
      });
    }
  });

  it('lets the page connect to that gateway and run its own scripts only', async () => {
    const csp = (await page('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4999 ws://127.0.0.1:4999");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('refuses to start without a build', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'cinegraph-web-empty-'));
    try {
      await expect(
        startWebServer({ port: await freePort(), gateway: 4999, distDir: empty }),
      ).rejects.toThrow(/not built/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
