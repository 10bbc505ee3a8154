import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useStack } from '@cinegraph/stack/testing';

const stack = useStack();
const CHROMIUM = '/usr/bin/chromium';

describe('the GraphQL IDE', () => {
  it('is served at GET /graphql to a browser, from local assets', async () => {
    const page = await fetch(stack.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const source of sources) {
      // Nothing from a CDN: every asset is the gateway's own.
      expect(source.startsWith('/ide/')).toBe(true);
      const asset = await fetch(new URL(source, stack.gatewayUrl));
      expect(asset.status).toBe(200);
    }
    // An operation in the query string is still a GraphQL request.
    const url = new URL(stack.gatewayUrl);
    url.searchParams.set('query', '{ __typename }');
    const operation = await fetch(url, {
      headers: { accept: 'text/html, application/json', 'apollo-require-preflight': 'true' },
    });
    expect(await operation.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('runs a query in headless Chromium', async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is needed (apt-get install -y chromium)`).toBe(true);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const failures: string[] = [];
      page.on('pageerror', (error) => failures.push(error.message));
      page.on('requestfailed', (request) => failures.push(`${request.url()} failed`));
      await page.goto(stack.gatewayUrl);
      await page.locator('.graphiql-execute-button').click({ timeout: 20_000 });
      const result = page.locator('.result-window');
      await expect.poll(async () => result.innerText(), { timeout: 20_000 }).toContain('"genres"');
      expect(await result.innerText()).toContain('"name"');
      expect(failures).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
