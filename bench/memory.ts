/**
 * `npx tsx bench/memory.ts`: the provider's peak resident memory (VmHWM) during a `terraform apply` of N tunnels and
 * the no-change plan after it, side by side for the ways the provider can run: the installed single file with its V8
 * code cache (warmed by one plan first, as a user's second run finds it), the same file with no code cache (the cache
 * directory unusable), and the compiled dist/src through bin/terraform-provider-panosipsec (a dev_overrides block).
 * MEM_SIZES (default 250), MEM_VARIANTS (default bundle,nocache,dist). With MEM_DETAIL=1, bench/support/memory-probe.cjs
 * is preloaded into every provider process (NODE_OPTIONS=--require) and each process's peaks of heap and the sizes
 * of the V8 heap spaces at its exit are printed too. `npm run bench:memory`; not part of `npm run bench` or
 * `npm test`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startSimulator } from '../src/sim';
import { tunnelsHcl } from './support/hcl';
import { sampleChildMemory, type MemorySampler } from './support/proc-memory';
import { ROOT, requireTerraform, TfWorkspace } from './support/terraform';

const SIZES = (process.env.MEM_SIZES ?? '250').split(',').map(Number);
const VARIANTS = (process.env.MEM_VARIANTS ?? 'bundle,nocache,dist').split(',');
const PROBE = process.env.MEM_DETAIL === '1' ? path.join(__dirname, 'support', 'memory-probe.cjs') : undefined;
// Every child of terraform here is a provider process (terraform_data is built in): bundle and dist both match.
const MARKER = 'provider';

interface Figures {
  readonly variant: string;
  readonly tunnels: number;
  readonly applyMiB: number;
  readonly applyS: number;
  readonly planMiB: number;
  readonly planS: number;
  readonly processes: number;
  readonly probes: unknown[];
  readonly planProbes: unknown[];
}

function devOverridesConfig(dir: string): string {
  const file = path.join(dir, 'dev.tfrc');
  fs.writeFileSync(file, `provider_installation {\n  dev_overrides {\n    "cdktf-panos-ipsec.dev/panos/panosipsec" = "${path.join(ROOT, 'bin')}"\n  }\n  direct {}\n}\n`);
  return file;
}

async function measure(variant: string, n: number): Promise<Figures> {
  const sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 300 });
  const ws = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'bench-mem-');
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-mem-probe-'));
  try {
    ws.writeMain(tunnelsHcl(n));
    const env: NodeJS.ProcessEnv = {};
    if (variant === 'bundle') env.XDG_CACHE_HOME = path.join(ws.dir, 'cache');
    else if (variant === 'nocache') env.XDG_CACHE_HOME = '/dev/null/no-cache'; // neither readable nor writable
    else if (variant === 'dist') env.TF_CLI_CONFIG_FILE = devOverridesConfig(ws.dir);
    else throw new Error(`unknown variant ${variant}`);
    if (variant !== 'dist') await ws.init();
    const plan = ['plan', '-detailed-exitcode', '-input=false', '-parallelism=10'];
    if (variant === 'bundle') await ws.expect(plan, 2, { env, timeoutMs: 600_000 }); // warms the code cache
    if (PROBE) Object.assign(env, { NODE_OPTIONS: `--require ${PROBE}`, MEMPROBE_DIR: probeDir });
    const mem: { s?: MemorySampler } = {};
    const onSpawn = (c: ChildProcess): void => void (mem.s = sampleChildMemory(c.pid as number, MARKER));
    const apply = await ws.expect(['apply', '-auto-approve', '-input=false', '-parallelism=10'], 0, { env, onSpawn, timeoutMs: 1_200_000 });
    const a = (mem.s as MemorySampler | undefined)?.stop() ?? { peakKiB: 0, processes: 0 };
    const applyProbes = readProbes(probeDir);
    const p = await ws.expect(plan, 0, { env, onSpawn, timeoutMs: 600_000 });
    const b = (mem.s as MemorySampler | undefined)?.stop() ?? { peakKiB: 0, processes: 0 };
    return {
      variant,
      tunnels: n,
      applyMiB: Math.round(a.peakKiB / 1024),
      applyS: Math.round(apply.ms / 100) / 10,
      planMiB: Math.round(b.peakKiB / 1024),
      planS: Math.round(p.ms / 100) / 10,
      processes: a.processes + b.processes,
      probes: applyProbes,
      planProbes: readProbes(probeDir),
    };
  } finally {
    ws.remove();
    fs.rmSync(probeDir, { recursive: true, force: true });
    await sim.close();
  }
}

function readProbes(dir: string): unknown[] {
  const out = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown);
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
  return out;
}

async function main(): Promise<void> {
  requireTerraform();
  const rows: Figures[] = [];
  for (const n of SIZES) {
    for (const v of VARIANTS) {
      process.stderr.write(`bench:memory: ${v} at ${n} tunnels…\n`);
      const r = await measure(v, n);
      rows.push(r);
      process.stderr.write(`${JSON.stringify(r)}\n`);
    }
  }
  process.stdout.write('variant   tunnels  apply peak RSS MiB (s)  plan peak RSS MiB (s)  provider processes\n');
  for (const r of rows) {
    process.stdout.write(`${r.variant.padEnd(8)}  ${String(r.tunnels).padStart(7)}  ${`${r.applyMiB} (${r.applyS})`.padStart(22)}  ${`${r.planMiB} (${r.planS})`.padStart(21)}  ${String(r.processes).padStart(18)}\n`);
  }
  type Probe = { pid: number; ms: number; peakMiB: Record<string, number>; spacesMiB: Record<string, number> };
  for (const r of rows) {
    for (const [cmd, probes] of [['apply', r.probes], ['plan', r.planProbes]] as const) {
      for (const p of probes as Probe[]) {
        process.stdout.write(`  ${r.variant} ${r.tunnels} ${cmd} pid ${p.pid} (${p.ms} ms): peaks ${JSON.stringify(p.peakMiB)}; spaces at exit ${JSON.stringify(p.spacesMiB)}\n`);
      }
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:memory failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
