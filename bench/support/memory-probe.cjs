/**
 * Preloaded into each provider process by bench/memory.ts (MEM_DETAIL=1, through NODE_OPTIONS=--require): samples
 * process.memoryUsage() every 100 ms and writes at exit, into $MEMPROBE_DIR/<pid>.json, the peaks in MiB and the size
 * of each V8 heap space then (what kind of memory a peak was made of). Bench only; nothing of the provider loads it.
 */
const fs = require('node:fs');
const v8 = require('node:v8');
const out = process.env.MEMPROBE_DIR;
const peak = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
const t0 = Date.now();
let calls = 0;
const sample = () => { const m = process.memoryUsage(); for (const k of Object.keys(peak)) peak[k] = Math.max(peak[k], m[k]); };
const timer = setInterval(sample, 100); timer.unref();
process.on('exit', () => {
  sample();
  const h = v8.getHeapStatistics();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, Math.round(s.space_size / 1048576)]));
  const mib = Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v / 1048576)]));
  fs.writeFileSync(`${out}/${process.pid}.json`, JSON.stringify({ pid: process.pid, ms: Date.now() - t0, peakMiB: mib, endHeapUsedMiB: Math.round(h.used_heap_size / 1048576), spacesMiB: spaces, argv: process.argv.slice(1) }) + '\n');
});
