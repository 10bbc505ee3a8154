// `npm run bench:admission [-- --seconds 1.5]`: the gateway CPU that each document of the
// hostile corpus (e2e/support/hostileDocuments.ts) costs, next to an ordinary operation,
// on a real supergraph (services mode, rate limits off). Each document is sent over HTTP,
// one request at a time, for `seconds` and at least 20 requests; the gateway process's
// CPU time (user + system, from /proc) is divided by the requests sent. Every request
// ends its text with a comment of its own, so no document is ever one the gateway has
// seen (kept, it would skip parsing, validation and planning): each figure is a first
// sight, but for one row, the ordinary operation seen before, as most traffic is.
// Results: bench/results/admission.md.
import { parseArgs } from 'node:util';
import type { HostileDocument } from '../e2e/support/hostileDocuments.ts';
import { hostileDocuments, ordinaryDocument } from '../e2e/support/hostileDocuments.ts';
import { reportTable, startBenchStack } from './support/benchStack.ts';
import { usage } from './support/processUsage.ts';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '1.5' } } });
const seconds = Number(args.seconds);

const bench = await startBenchStack();
try {
  const gateway = bench.stack.processes.find((process) => process.name === 'gateway')!;
  const pid = gateway.child.pid!;
  const url = bench.stack.gatewayUrl;

  let sent = 0;
  /** The ordinary operation again, always the same text: what the gateway sees most. */
  const familiar: HostileDocument = {
    ...ordinaryDocument,
    name: `${ordinaryDocument.name}, seen before`,
  };
  async function send(document: HostileDocument) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: document === familiar ? document.query : `${document.query}\n# ${sent++}`,
        operationName: document.operationName,
      }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    const codes = [...new Set((body.errors ?? []).map((error) => error.extensions?.code))];
    return { status: response.status, codes: codes.join(', ') || 'answered', bytes: text.length };
  }

  async function measure(document: HostileDocument) {
    for (let i = 0; i < 3; i++) await send(document);
    const before = usage(pid).cpuSeconds;
    const started = performance.now();
    const latencies: number[] = [];
    let last = await send(document);
    while (latencies.length < 20 || performance.now() - started < seconds * 1_000) {
      const sent = performance.now();
      last = await send(document);
      latencies.push(performance.now() - sent);
    }
    const cpuMs = ((usage(pid).cpuSeconds - before) * 1_000) / (latencies.length + 1);
    latencies.sort((a, b) => a - b);
    return {
      ...last,
      cpuMs,
      p50: latencies[Math.floor(latencies.length / 2)]!,
      requests: latencies.length + 1,
    };
  }

  const ordinary = await measure(ordinaryDocument);
  const rows: Record<string, string | number>[] = [];
  for (const document of [ordinaryDocument, familiar, ...hostileDocuments]) {
    const result = document === ordinaryDocument ? ordinary : await measure(document);
    rows.push({
      document: document.name,
      'text (chars)': document.query.length.toLocaleString('en-GB'),
      answer: `${result.status} ${result.codes}`,
      'answer (bytes)': result.bytes.toLocaleString('en-GB'),
      'gateway CPU ms / request': result.cpuMs.toFixed(2),
      '× ordinary': (result.cpuMs / ordinary.cpuMs).toFixed(2),
      'p50 ms': result.p50.toFixed(2),
      requests: result.requests,
    });
    console.log(
      `${document.name}: ${result.cpuMs.toFixed(2)} ms CPU, ${result.status} ${result.codes}`,
    );
  }
  await reportTable(
    'admission',
    `${seconds} s per document, one request at a time, services mode, default limits (gateway.yaml), each text seen for the first time (a comment of its own) but in the row marked 'seen before'. The gateway's CPU per request covers HTTP, admission and, for answered documents, planning and execution.`,
    rows,
    { 'seconds per document': seconds, concurrency: 1, mode: 'services' },
  );
} finally {
  await bench.dispose();
}
