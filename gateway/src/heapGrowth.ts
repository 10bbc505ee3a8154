import v8 from 'node:v8';

/**
 * How far the old generation may grow past what the last full GC kept before the next
 * one: 60%. V8 picks this factor itself, between 1.1 and 4, from how fast the heap fills
 * against how fast it marks, and under load the gateway gets the 4.
 *
 * Under load, what every in-flight request holds (its subgraph answers, its merged tree,
 * its response) outlives two scavenges and is promoted, then dies in the old generation:
 * garbage that stays there until the next full GC. At several hundred requests/s the old
 * generation fills fast enough for V8 to take its largest factor, so on the heavy
 * benchmark query the peak RSS was about 120 MB outside V8's heap, the 32 MB young
 * generation and an old generation grown to 4 times the 72 MB a full GC keeps: 450 MB.
 * At 1.6 times it was 267 MB at the same CPU per request: full GCs come four times as
 * often, and scavenges, with less old generation to scan, take a third less
 * (docs/gateway-performance.md, "Memory").
 *
 * Node accepts this V8 flag on its command line but not in NODE_OPTIONS, so the gateway
 * sets it itself, before its other modules load (cli.ts imports this first); a
 * `--heap-growing-percent` given to node wins.
 */
export const HEAP_GROWING_PERCENT = 60;

if (!process.execArgv.some((flag) => flag.startsWith('--heap-growing-percent')))
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
