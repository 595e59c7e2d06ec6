/**
 * The user's whole cycle against the embedded simulator, step by step with banners: deploy, a no-change plan, an
 * out-of-band change, drift found, deploy repairs it, no drift, the downgrade check, destroy, and the device back
 * where it started. Used by `npm run demo` and by the cdktf end-to-end test, which asserts every step.
 *
 * The example app is copied into a fresh work dir under the package's `.demo-work/` (inside the package so the app's
 * `import … from 'cdktf-panos-ipsec'` still resolves through the package's self-reference); cdktf keeps local state
 * next to the app, so state, synth output, provider mirror, plugin cache and progress files all stay in that dir, two
 * runs never share state, and the work dir is removed at the end.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startSimulator, type Simulator } from '../sim';
import { connectionEnvFor } from '../panos/connection-env';
import { packageRoot } from '../util/package-info';
import { runCdktf, type CdktfVerb } from './deploy';
import { runDowngradeCheck, type DowngradeCheckDocument } from './downgrade-check';
import { runDrift } from './drift-run';
import { stdio, type Io } from './io';
import { onInterrupt } from './processes';
import { childrenNamed, parseXml, serializeXml, type XmlElement } from '../panos/xml';

const DEVICE = "/config/devices/entry[@name='localhost.localdomain']";
const TUNNELS = `${DEVICE}/network/tunnel/ipsec`;

/** One step's outcome. */
export interface DemoStep {
  readonly title: string;
  readonly expected: number;
  readonly actual: number;
  readonly ok: boolean;
  /** What the step printed (drift and downgrade-check), for assertions. */
  readonly output?: string;
}

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** The cdktf app. @default examples/transport-bgp of this package */
  readonly appDir?: string;
  /** @default '11.1.0' */
  readonly panosVersion?: string;
  /** Duration of one simulated commit. @default 1500 (long enough to see progress) */
  readonly commitMs?: number;
  /** Where banners and reports go. @default stdout/stderr */
  readonly io?: Io;
  /** Stop at the first step whose exit code is not the expected one. @default true */
  readonly stopOnFailure?: boolean;
  /** Stack to run. @default 'fw-a' for the default example, else the app's only stack */
  readonly stack?: string;
  /** Extra environment for every step (wins over the simulator's PANOS_* settings). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Everything the demo found. */
export interface DemoResult {
  readonly ok: boolean;
  readonly steps: readonly DemoStep[];
  /** Running config before deploy and after destroy were equal (undefined when destroy was not reached). */
  readonly configRestored?: boolean;
}

function banner(io: Io, n: number, title: string): void {
  const line = '='.repeat(Math.max(20, title.length + 12));
  io.out(`\n${line}\n  step ${n}: ${title}\n${line}\n`);
}

/** Drops empty elements: PAN-OS keeps an empty container (`<gateway/>`) after its last entry is deleted. */
function pruneEmpty(e: XmlElement): XmlElement | undefined {
  const children = e.children.map(pruneEmpty).filter((c): c is XmlElement => c !== undefined);
  if (children.length === 0 && Object.keys(e.attrs).length === 0 && e.text.trim() === '') return undefined;
  return { ...e, children };
}

/** The running config as canonical text for the before/after comparison (empty containers do not count). */
export function canonicalRunning(sim: Simulator): string {
  const root = pruneEmpty(parseXml(sim.config.running()));
  return root ? serializeXml(root) : '';
}

/**
 * Changes the first IPSec tunnel on the device out of band (as another admin would in the GUI) and commits:
 * a different anti-replay window when one is set, else removes the tunnel monitor, else sets a comment.
 * Returns what was changed.
 */
export async function changeTunnelOutOfBand(sim: Simulator): Promise<string> {
  const xml = sim.config.running(TUNNELS);
  if (!xml) throw new Error('the device holds no IPSec tunnel to change: did the deploy create one?');
  const container: XmlElement = parseXml(xml);
  const entry = childrenNamed(container, 'entry')[0];
  if (!entry) throw new Error('the device holds no IPSec tunnel to change: did the deploy create one?');
  const name = entry.attrs.name ?? '';
  const xpath = `${TUNNELS}/entry[@name='${name}']`;
  const window = childrenNamed(entry, 'anti-replay-window')[0]?.text.trim();
  let what: string;
  if (window !== undefined) {
    const next = window === '4096' ? '2048' : '4096';
    sim.config.edit(`${xpath}/anti-replay-window`, `<anti-replay-window>${next}</anti-replay-window>`);
    what = `IPSec tunnel "${name}": anti-replay-window ${window} -> ${next}`;
  } else if (childrenNamed(entry, 'tunnel-monitor').length > 0) {
    sim.config.delete(`${xpath}/tunnel-monitor`);
    what = `IPSec tunnel "${name}": tunnel monitor deleted`;
  } else {
    sim.config.set(xpath, '<comment>changed in the GUI</comment>');
    what = `IPSec tunnel "${name}": comment set`;
  }
  await sim.config.commit();
  return what;
}

function captured(io: Io): Io & { text: () => string } {
  let text = '';
  return {
    out: (s) => {
      text += s;
      io.out(s);
    },
    err: (s) => io.err(s),
    text: () => text,
  };
}

/** Runs the cycle; resolves with every step's outcome. Stops the simulator and removes temp files on every path. */
export async function runDemo(o: DemoOptions = {}): Promise<DemoResult> {
  const io = o.io ?? stdio;
  const sourceDir = resolve(o.appDir ?? join(packageRoot(), 'examples', 'transport-bgp'));
  mkdirSync(join(packageRoot(), '.demo-work'), { recursive: true });
  const work = mkdtempSync(join(packageRoot(), '.demo-work', 'run-'));
  const appDir = join(work, 'app');
  mkdirSync(appDir);
  for (const f of readdirSync(sourceDir)) {
    // The app's sources only: never a previous run's state or synth output.
    if (/\.tfstate|^cdktf\.out$|^\.terraform|^node_modules$/.test(f)) continue;
    cpSync(join(sourceDir, f), join(appDir, f), { recursive: true });
  }
  const sim = await startSimulator({ panosVersion: o.panosVersion ?? '11.1.0', commitDurationMs: o.commitMs ?? 1500 });
  const cleanup = async (): Promise<void> => {
    await sim.close();
    rmSync(work, { recursive: true, force: true });
  };
  const unregister = onInterrupt(cleanup);
  const steps: DemoStep[] = [];
  // The examples read their pre-shared key from TF_VAR_bgp_psk; a random one keeps the demo self-contained.
  // cdktf points Terraform's plugin cache at ~/.terraform.d/plugin-cache unless TF_PLUGIN_CACHE_DIR is set; the provider
  // built from this tree carries the package's version but not necessarily the published bytes, so it is cached in
  // the work dir, never next to the user's installed providers (where a same-version copy would fail their lock files).
  const env: NodeJS.ProcessEnv = {
    TF_VAR_bgp_psk: randomBytes(18).toString('base64url'),
    ...process.env,
    TF_PLUGIN_CACHE_DIR: join(work, 'plugin-cache'),
    ...connectionEnvFor(sim),
    ...o.env,
  };
  const stack = o.stack ?? (o.appDir === undefined ? 'fw-a' : undefined);
  const common = { dir: appDir, ...(stack !== undefined ? { stack } : {}), output: join(work, 'cdktf.out'), mirror: join(work, 'mirror'), env };
  let n = 0;
  const step = async (title: string, expected: number, run: () => Promise<number | { code: number; output: string }>): Promise<boolean> => {
    banner(io, ++n, title);
    const r = await run();
    const actual = typeof r === 'number' ? r : r.code;
    const ok = actual === expected;
    steps.push({ title, expected, actual, ok, ...(typeof r === 'number' ? {} : { output: r.output }) });
    io.out(`--> exit ${actual} (expected ${expected}) ${ok ? 'OK' : 'UNEXPECTED'}\n`);
    return ok || o.stopOnFailure === false;
  };
  const cdktf = (verb: CdktfVerb) => () => runCdktf(verb, { ...common, stream: 'inherit', progress: (l) => io.out(`    [device] ${l}\n`) });
  let configRestored: boolean | undefined;
  try {
    io.out(`PAN-OS ${sim.panosVersion} simulator at ${sim.url}; app ${appDir}; work dir ${work}\n`);
    const before = canonicalRunning(sim);
    const go =
      (await step('deploy (cdktf deploy)', 0, cdktf('deploy'))) &&
      (await step('plan: nothing to change (cdktf diff)', 0, cdktf('plan'))) &&
      (await step('out-of-band change on the device, committed', 0, async () => {
        io.out(`changed: ${await changeTunnelOutOfBand(sim)}\n`);
        return 0;
      })) &&
      (await step('panos-ipsec drift: finds the change', 2, async () => {
        const c = captured(io);
        return { code: await runDrift(common, env, c), output: c.text() };
      })) &&
      (await step('deploy repairs the drift', 0, cdktf('deploy'))) &&
      (await step('panos-ipsec drift: nothing left', 0, async () => {
        const c = captured(io);
        return { code: await runDrift(common, env, c), output: c.text() };
      })) &&
      (await step('panos-ipsec downgrade-check --to 10.2.9: the transport tunnel blocks it', 3, async () => {
        const c = captured(io);
        const code = await runDowngradeCheck({ to: '10.2.9' }, env, c);
        const json = captured({ out: () => undefined, err: () => undefined });
        await runDowngradeCheck({ to: '10.2.9', json: true }, env, json);
        const doc = JSON.parse(json.text()) as DowngradeCheckDocument;
        const namesTransport = doc.blockers?.some((b) => b.kind === 'ipsec-tunnel' && b.value === 'transport') ?? false;
        return { code: namesTransport ? code : -1, output: c.text() };
      })) &&
      (await step('destroy (cdktf destroy)', 0, cdktf('destroy')));
    if (go) {
      const after = canonicalRunning(sim);
      configRestored = after === before;
      await step('running config equals the one before deploy', 0, async () => {
        if (!configRestored) io.out(`before:\n${before}\nafter:\n${after}\n`);
        return configRestored ? 0 : 1;
      });
    }
  } finally {
    unregister();
    await cleanup();
  }
  const ok = steps.length > 0 && steps.every((s) => s.ok) && configRestored === true;
  io.out(`\n${ok ? 'DEMO OK' : 'DEMO FAILED'}: ${steps.filter((s) => s.ok).length}/${steps.length} steps gave the expected exit code.\n`);
  return { ok, steps, ...(configRestored !== undefined ? { configRestored } : {}) };
}
