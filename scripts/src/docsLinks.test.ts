import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every relative link in the docs leads somewhere: the file or folder exists and, for a
// `#anchor` into a markdown file, the heading does (GitHub's slugs). Links to the web
// (http:, https:, mailto:) are not followed: a test must not need the network.

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** README.md, docs/*.md and the README of every workspace folder that has one. */
function documentationFiles(): string[] {
  const inFolder = (folder: string, pick: (name: string) => string | undefined) =>
    existsSync(path.join(repoRoot, folder))
      ? readdirSync(path.join(repoRoot, folder))
          .sort()
          .map(pick)
          .filter((file): file is string => file !== undefined)
          .map((file) => path.posix.join(folder, file))
          .filter((file) => statSync(path.join(repoRoot, file)).isFile())
      : [];
  const readmes = (folder: string) =>
    inFolder(folder, (name) =>
      existsSync(path.join(repoRoot, folder, name, 'README.md')) ? `${name}/README.md` : undefined,
    );
  return [
    'README.md',
    ...inFolder('docs', (name) => (name.endsWith('.md') ? name : undefined)),
    ...['gateway', 'web']
      .filter((folder) => existsSync(path.join(repoRoot, folder, 'README.md')))
      .map((folder) => `${folder}/README.md`),
    ...['apps', 'packages', 'subgraphs', 'tools', 'clients'].flatMap(readmes),
  ];
}

interface Link {
  line: number;
  target: string;
}

/** Markdown without fenced code and inline code spans, which hold examples, not links. */
function proseLines(markdown: string): string[] {
  let fence: string | undefined;
  return markdown.split('\n').map((line) => {
    const mark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      if (mark === fence) fence = undefined;
      return '';
    }
    if (mark) {
      fence = mark;
      return '';
    }
    return line.replace(/(`+)[^`]*?\1/g, '');
  });
}

/** Relative links: inline `[text](target "title")`, images, and reference definitions. */
function relativeLinks(markdown: string): Link[] {
  const links: Link[] = [];
  proseLines(markdown).forEach((line, index) => {
    const targets = [
      ...[...line.matchAll(/\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+["'(][^)]*)?\)/g)].map((m) => m[1]!),
      ...[...line.matchAll(/^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/g)].map((m) => m[1]!),
    ];
    for (const raw of targets) {
      const target = raw.replace(/^<|>$/g, '');
      if (/^[a-z][a-z\d+.-]*:/i.test(target)) continue; // http:, https:, mailto:, ...
      links.push({ line: index + 1, target });
    }
  });
  return links;
}

/** The anchors GitHub gives a markdown file's headings (github-slugger's rules). */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of markdown.split('\n')) {
    const mark = /^\s*(```|~~~)/.exec(line)?.[1];
    if (fence) {
      if (mark === fence) fence = undefined;
      continue;
    }
    if (mark) {
      fence = mark;
      continue;
    }
    for (const [, id] of line.matchAll(/<a\s+(?:name|id)="([^"]+)"/g)) anchors.add(id!);
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const text = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
      .replace(/<[^>]+>/g, ''); // inline HTML
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** What is wrong with one relative link of `file`, or undefined when it leads somewhere. */
function problemOf(file: string, markdown: string, target: string): string | undefined {
  const [pathPart = '', anchor] = target.split('#', 2) as [string, string | undefined];
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart.split('?')[0]!);
  } catch {
    return 'is not a valid URL';
  }
  const resolved = decoded
    ? decoded.startsWith('/')
      ? path.join(repoRoot, decoded)
      : path.resolve(path.dirname(path.join(repoRoot, file)), decoded)
    : path.join(repoRoot, file);
  if (!existsSync(resolved)) return `${path.relative(repoRoot, resolved)} does not exist`;
  if (!anchor || !resolved.endsWith('.md') || !statSync(resolved).isFile()) return undefined;
  const text = resolved === path.join(repoRoot, file) ? markdown : readFileSync(resolved, 'utf8');
  return headingAnchors(text).has(decodeURIComponent(anchor).toLowerCase())
    ? undefined
    : `${path.relative(repoRoot, resolved)} has no heading #${anchor}`;
}

describe('reading links and headings', () => {
  it('finds relative links, with their line, and leaves web links and code alone', () => {
    const markdown = [
      'See [the saga](docs/booking-saga.md#the-saga), ![a picture](<images/a b.png> "A").',
      '[web](https://example.com) [mail](mailto:a@example.com) `[code](nowhere.md)`',
      '```md',
      '[in a fence](nowhere.md)',
      '```',
      '[ref]: ../gateway/README.md',
    ].join('\n');
    expect(relativeLinks(markdown)).toEqual([
      { line: 1, target: 'docs/booking-saga.md#the-saga' },
      { line: 1, target: 'images/a b.png' },
      { line: 6, target: '../gateway/README.md' },
    ]);
  });

  it('slugs headings as GitHub does, numbering repeats and skipping fenced code', () => {
    const markdown = [
      '# The gateway',
      '## Memory: where the peak RSS went (2026-12-07)',
      '## The server (`web/server/`)',
      '### Metrics',
      '### Metrics',
      '```sh',
      '# not a heading',
      '```',
    ].join('\n');
    expect([...headingAnchors(markdown)]).toEqual([
      'the-gateway',
      'memory-where-the-peak-rss-went-2026-12-07',
      'the-server-webserver',
      'metrics',
      'metrics-1',
    ]);
  });
});

describe('relative links in the docs', () => {
  const files = documentationFiles();

  it('reads the README, docs/ and the workspace READMEs', () => {
    expect(files).toContain('README.md');
    expect(files).toContain('gateway/README.md');
    expect(files.filter((file) => file.startsWith('docs/')).length).toBeGreaterThan(0);
  });

  it.each(files)('every relative link in %s leads somewhere', (file) => {
    const markdown = readFileSync(path.join(repoRoot, file), 'utf8');
    const broken = relativeLinks(markdown).flatMap(({ line, target }) => {
      const problem = problemOf(file, markdown, target);
      return problem ? [`${file}:${line}: (${target}) ${problem}`] : [];
    });
    expect(broken, `broken links in ${file}`).toEqual([]);
  });
});
