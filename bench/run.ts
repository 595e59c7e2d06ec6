/**
 * `npm run bench`: terraform apply and no-change plan of N transport tunnels through the panosipsec provider against
 * the simulator, side by side with the same graph of `terraform_data` resources (Terraform's floor), plus XML API
 * requests by type and commits from the simulator's counters, provider launch vs `node -e 0`, and the provider's
 * peak memory. Every timing is reported as a ratio measured in this one run. Prints a table and writes
 * bench/results.json. Not part of `npm test`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSimulator, type CounterSnapshot } from '../src/sim';
import { terraformDataHcl, tunnelResourceCount, tunnelsHcl } from './support/hcl';
import { measureLaunch, mirrorLauncher } from './support/launch-time';
import { sampleChildMemory } from './support/proc-memory';
import { ROOT, requireTerraform, TfWorkspace, type TfRun } from './support/terraform';

const SIZES = (process.env.BENCH_SIZES ?? '10,100,500').split(',').map(Number);
const PARALLELISM = 10; // Terraform's default, for both sides.
const COMMIT_MS = 300; // the simulator's default commit job duration
const PROVIDER_MARKER = path.join('provider', 'main.js');

/** XML API requests of one terraform command, by class. */
interface Requests {
  readonly total: number;
  readonly reads: number;
  readonly writes: number;
  readonly commits: number;
  readonly byAction: Record<string, number>;
}

/** One size's measurements. */
interface SizeResult {
  readonly tunnels: number;
  readonly resources: number;
  readonly applyMs: number;
  readonly applyFloorMs: number;
  readonly planMs: number;
  readonly planFloorMs: number;
  readonly apply: Requests;
  readonly plan: Requests;
  readonly providerPeakRssMiB: { apply: number; plan: number; processes: number };
}

function classify(s: CounterSnapshot): Requests {
  let reads = 0;
  let writes = 0;
  for (const [k, v] of Object.entries(s.byAction)) {
    if (/^config:(get|show)$/.test(k) || /^op:show-/.test(k) || k.startsWith('op:check')) reads += v;
    else if (k.startsWith('config:')) writes += v;
  }
  return { total: s.requests, reads, writes, commits: s.commits, byAction: s.byAction };
}

function must(r: TfRun, expected: number, what: string): TfRun {
  if (r.status !== expected) throw new Error(`${what}: terraform exited ${r.status}, expected ${expected}\n${r.out.slice(-4000)}`);
  return r;
}

async function measureSize(n: number): Promise<SizeResult> {
  const sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: COMMIT_MS });
  const prov = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'bench-prov-');
  const floor = new TfWorkspace(undefined, 'bench-floor-');
  try {
    prov.writeMain(tunnelsHcl(n));
    floor.writeMain(terraformDataHcl(n));
    await prov.init();
    await floor.init();
    const apply = ['apply', '-auto-approve', '-input=false', `-parallelism=${PARALLELISM}`];
    const plan = ['plan', '-detailed-exitcode', '-input=false', `-parallelism=${PARALLELISM}`];

    const floorApply = must(await floor.run(apply, { timeoutMs: 600_000 }), 0, `floor apply n=${n}`);
    sim.counters.reset();
    let applyMem = { peakKiB: 0, processes: 0 };
    let sampler: ReturnType<typeof sampleChildMemory> | undefined;
    const provApply = must(
      await prov.run(apply, { timeoutMs: 600_000, onSpawn: (c) => (sampler = sampleChildMemory(c.pid as number, PROVIDER_MARKER)) }),
      0,
      `provider apply n=${n}`,
    );
    applyMem = sampler ? sampler.stop() : applyMem;
    const applied = classify(sim.counters.snapshot());

    const floorPlan = must(await floor.run(plan, { timeoutMs: 600_000 }), 0, `floor plan n=${n}`);
    sim.counters.reset();
    const provPlan = must(
      await prov.run(plan, { timeoutMs: 600_000, onSpawn: (c) => (sampler = sampleChildMemory(c.pid as number, PROVIDER_MARKER)) }),
      0,
      `provider no-change plan n=${n}`,
    );
    const planMem = sampler ? sampler.stop() : { peakKiB: 0, processes: 0 };
    const planned = classify(sim.counters.snapshot());
    return {
      tunnels: n,
      resources: tunnelResourceCount(n),
      applyMs: provApply.ms,
      applyFloorMs: floorApply.ms,
      planMs: provPlan.ms,
      planFloorMs: floorPlan.ms,
      apply: applied,
      plan: planned,
      providerPeakRssMiB: { apply: round(applyMem.peakKiB / 1024), plan: round(planMem.peakKiB / 1024), processes: applyMem.processes + planMem.processes },
    };
  } finally {
    prov.remove();
    floor.remove();
    await sim.close();
  }
}

function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

interface Target {
  readonly name: string;
  readonly measured: number;
  readonly limit: number;
  readonly met: boolean;
}

function targets(r: SizeResult): Target[] {
  const t = (name: string, measured: number, limit: number): Target => ({ name, measured: round(measured, 2), limit, met: measured <= limit });
  return [
    t(`no-change plan of ${r.tunnels}: XML API read requests`, r.plan.reads, 10),
    t(`no-change plan of ${r.tunnels}: time / terraform_data floor`, r.planMs / r.planFloorMs, 3),
    t(`apply of ${r.tunnels}: time / terraform_data floor`, r.applyMs / r.applyFloorMs, 1.5),
    t(`apply of ${r.tunnels}: commits`, r.apply.commits, 2),
    t(`apply of ${r.tunnels}: write requests / resources`, r.apply.writes / r.resources, 0.2),
  ];
}

/**
 * bench/synth.ts belongs to another benchmark; its figures join this table only when it exports a function to call
 * (importing a script that runs itself would start a second benchmark in the middle of this one).
 */
async function synthFigures(): Promise<unknown> {
  const file = path.join(__dirname, 'synth.ts');
  if (!fs.existsSync(file)) return 'see bench:synth';
  const exported = /export\s+(async\s+)?function\s+(\w*[Ss]ynth\w*)/.exec(fs.readFileSync(file, 'utf8'));
  if (!exported) return 'see bench:synth (npm run bench:synth; bench/synth.ts exports no function to call)';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require('./synth') as Record<string, unknown>;
  const fn = mod[exported[2]];
  return typeof fn === 'function' ? await (fn as () => Promise<unknown>)() : 'see bench:synth';
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  requireTerraform();
  const started = Date.now();
  const sizes: SizeResult[] = [];
  for (const n of SIZES) {
    process.stderr.write(`bench: ${n} tunnels (${tunnelResourceCount(n)} resources)…\n`);
    sizes.push(await measureSize(n));
  }
  const ws = new TfWorkspace(undefined, 'bench-launch-');
  let launch: Awaited<ReturnType<typeof measureLaunch>>;
  try {
    launch = await measureLaunch(mirrorLauncher(path.join(ws.dir, 'mirror')));
  } finally {
    ws.remove();
  }
  const synth = await synthFigures();
  const largest = sizes[sizes.length - 1];
  const goals = largest ? targets(largest) : [];

  const rows: string[][] = [
    ['tunnels (resources)', 'apply s', 'floor s', 'ratio', 'plan s', 'floor s', 'ratio', 'apply reads/writes/commits', 'plan reads', 'peak RSS MiB'],
    ...sizes.map((r) => [
      `${r.tunnels} (${r.resources})`,
      (r.applyMs / 1000).toFixed(1),
      (r.applyFloorMs / 1000).toFixed(1),
      `${(r.applyMs / r.applyFloorMs).toFixed(2)}x`,
      (r.planMs / 1000).toFixed(1),
      (r.planFloorMs / 1000).toFixed(1),
      `${(r.planMs / r.planFloorMs).toFixed(2)}x`,
      `${r.apply.reads}/${r.apply.writes}/${r.apply.commits}`,
      String(r.plan.reads),
      `${r.providerPeakRssMiB.apply} / ${r.providerPeakRssMiB.plan}`,
    ]),
  ];
  const out: string[] = [];
  out.push(table(rows));
  out.push('');
  out.push(`provider launch to handshake: ${launch.providerMs.toFixed(0)} ms vs node -e 0: ${launch.nodeMs.toFixed(0)} ms (${(launch.providerMs / launch.nodeMs).toFixed(2)}x, median of ${launch.runs})`);
  out.push(`synth: ${typeof synth === 'string' ? synth : JSON.stringify(synth)}`);
  for (const r of sizes) out.push(`requests n=${r.tunnels}: apply ${JSON.stringify(r.apply.byAction)}; plan ${JSON.stringify(r.plan.byAction)}`);
  out.push('');
  out.push(`targets (n=${largest?.tunnels}):`);
  for (const g of goals) out.push(`  ${g.met ? 'MET   ' : 'MISSED'} ${g.name}: ${g.measured} (target <= ${g.limit}${g.met ? '' : `, over by ${round(g.measured / g.limit, 2)}x`})`);
  out.push(`total bench time ${((Date.now() - started) / 1000).toFixed(0)} s; simulator commit job ${COMMIT_MS} ms; -parallelism=${PARALLELISM}`);
  process.stdout.write(`${out.join('\n')}\n`);

  const results = {
    date: new Date().toISOString(),
    node: process.version,
    settings: { parallelism: PARALLELISM, simulatorCommitMs: COMMIT_MS, sizes: SIZES },
    sizes,
    launch,
    synth,
    targets: goals,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  fs.writeFileSync(path.join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
