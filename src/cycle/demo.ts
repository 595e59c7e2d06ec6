/**
 * The user's whole cycle against simulated firewalls, step by step with banners. For an app with two firewalls (the
 * default, examples/transport-bgp) on a two-device lab that negotiates: deploy both stacks, `status` up, a no-change
 * plan, one side's IPSec crypto proposal changed out of band through the XML API, `status` down with the reason,
 * `pair-check` naming the mismatch, `drift` finding the change, deploy repairs it, `status` up again, the downgrade
 * check, destroy, and both devices back where they started. For a one-stack app (`--app`) the same cycle on one
 * simulator without the pair steps. Used by `npm run demo` and by the cdktf end-to-end test, which asserts every step.
 *
 * The example app is copied into a fresh work dir under the package's `.demo-work/` (inside the package so the app's
 * `import … from 'cdktf-panos-ipsec'` still resolves through the package's self-reference); cdktf keeps local state
 * next to the app, so state, synth output, provider mirror, plugin cache and progress files all stay in that dir, two
 * runs never share state, and the work dir is removed at the end.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLab, type Lab, type Simulator } from '../sim';
import { PanosClient } from '../panos/client';
import { ipsecCryptoProfile, ipsecTunnel, type Location } from '../panos/objects';
import { isPredefined } from '../panos/predefined';
import { runPairCheck } from './pair-check-run';
import { runStatus } from './status-run';
import { connectionEnvFor, connectionFromEnv } from '../panos/connection-env';
import { packageRoot } from '../util/package-info';
import { runCdktf, type CdktfVerb } from './deploy';
import { runDowngradeCheck, type DowngradeCheckDocument } from './downgrade-check';
import { runDrift } from './drift-run';
import { stdio, type Io } from './io';
import { onInterrupt } from './processes';
import { childrenNamed, parseXml, serializeXml, type XmlElement } from '../panos/xml';

/** The containers the demo reads and changes as another admin would: the object model's, on the firewall. */
const FIREWALL: Location = { type: 'vsys' };
const TUNNELS = ipsecTunnel.containerXpath(FIREWALL);
const IPSEC_PROFILES = ipsecCryptoProfile.containerXpath(FIREWALL);

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
  /**
   * Stacks to deploy, one lab device each (named after the stack). Two or more: the pair steps run.
   * @default ['fw-a', 'fw-b'] for the default example, else the app's only stack
   */
  readonly stacks?: readonly string[];
  /** One stack to run (the same as `stacks: [stack]`). */
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

/**
 * Changes the IPSec crypto proposal of the device's first IPSec crypto profile that is not predefined, through the
 * XML API as another admin would, and commits: ESP authentication `none` becomes `sha256` (anything else becomes
 * `none`). Transport mode's commit checks allow that, and the peer no longer finds a common proposal. Returns what
 * was changed.
 */
export async function changeIpsecProposalOutOfBand(client: PanosClient): Promise<string> {
  const container = await client.show(IPSEC_PROFILES);
  const entry = childrenNamed(container, 'entry').find((e) => !isPredefined('ipsec-crypto-profile', e.attrs.name ?? '') && childrenNamed(e, 'esp').length > 0);
  if (!entry) throw new Error('the device holds no ESP IPSec crypto profile of its own to change: did the deploy create one?');
  const name = entry.attrs.name ?? '';
  const now = childrenNamed(childrenNamed(childrenNamed(entry, 'esp')[0], 'authentication')[0], 'member').map((m) => m.text.trim());
  const next = now.length === 1 && now[0] === 'none' ? 'sha256' : 'none';
  await client.edit(`${IPSEC_PROFILES}/entry[@name='${name}']/esp/authentication`, `<authentication><member>${next}</member></authentication>`);
  await client.commit({ pollIntervalMs: 50 });
  return `IPSec crypto profile "${name}": ESP authentication ${now.join(', ') || '(none)'} -> ${next}`;
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

/** Runs the cycle; resolves with every step's outcome. Stops the lab and removes temp files on every path. */
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
  const stacks: (string | undefined)[] = o.stacks !== undefined ? [...o.stacks] : o.stack !== undefined ? [o.stack] : o.appDir === undefined ? ['fw-a', 'fw-b'] : [undefined];
  const paired = stacks.length >= 2;
  const lab: Lab = await startLab({
    devices: stacks.map((name, i) => ({ name: name ?? `fw-${i + 1}`, panosVersion: o.panosVersion ?? '11.1.0' })),
    commitDurationMs: o.commitMs ?? 1500,
  });
  const cleanup = async (): Promise<void> => {
    await lab.close();
    rmSync(work, { recursive: true, force: true });
  };
  const unregister = onInterrupt(cleanup);
  const steps: DemoStep[] = [];
  const inventory = join(work, 'lab.json');
  writeFileSync(inventory, JSON.stringify(lab.describe()));
  // The examples read their pre-shared key from TF_VAR_bgp_psk; a random one keeps the demo self-contained (both
  // firewalls get the same one, as the example expects).
  // cdktf points Terraform's plugin cache at ~/.terraform.d/plugin-cache unless TF_PLUGIN_CACHE_DIR is set; the provider
  // built from this tree carries the package's version but not necessarily the published bytes, so it is cached in
  // the work dir, never next to the user's installed providers (where a same-version copy would fail their lock files).
  const base: NodeJS.ProcessEnv = { TF_VAR_bgp_psk: randomBytes(18).toString('base64url'), ...process.env, TF_PLUGIN_CACHE_DIR: join(work, 'plugin-cache') };
  const envOf = (i: number): NodeJS.ProcessEnv => ({ ...base, ...connectionEnvFor(lab.devices[i]!), ...o.env });
  const commonOf = (i: number) => ({ dir: appDir, ...(stacks[i] !== undefined ? { stack: stacks[i] } : {}), output: join(work, 'cdktf.out'), mirror: join(work, 'mirror'), env: envOf(i) });
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
  const label = (i: number): string => stacks[i] ?? 'the stack';
  const cdktf = (verb: CdktfVerb, i: number) => () => runCdktf(verb, { ...commonOf(i), stream: 'inherit', progress: (l) => io.out(`    [${lab.devices[i]!.name}] ${l}\n`) });
  const each = async (title: (s: string) => string, verb: CdktfVerb): Promise<boolean> => {
    for (let i = 0; i < stacks.length; i++) if (!(await step(title(label(i)), 0, cdktf(verb, i)))) return false;
    return true;
  };
  const status = (wait: string, chart?: string) => async () => {
    const c = captured(io);
    const code = await runStatus({ inventory, wait, interval: '0.5', ...(chart !== undefined ? { mermaid: chart } : {}) }, base, c);
    if (chart !== undefined) io.out(`\nstatus --mermaid ${chart}:\n${readFileSync(chart, 'utf8')}`);
    return { code, output: c.text() + (chart !== undefined ? readFileSync(chart, 'utf8') : '') };
  };
  const pairCheck = async () => {
    const c = captured(io);
    return { code: await runPairCheck({ inventory }, base, c), output: c.text() };
  };
  // The changed side: the second firewall when there are two, else the only one.
  const changed = paired ? 1 : 0;
  let configRestored: boolean | undefined;
  try {
    io.out(`Lab of ${lab.devices.map((d) => `${d.name} (PAN-OS ${d.panosVersion}, ${d.url}, ethernet1/1 ${d.interfaces['ethernet1/1']})`).join(', ')}; app ${appDir}; work dir ${work}\n`);
    const before = lab.devices.map((d) => canonicalRunning(d.sim));
    let go = await each((s) => `deploy ${s} (cdktf deploy)`, 'deploy');
    if (go && paired) go = await step('panos-ipsec status --inventory lab.json: the tunnel is up on both firewalls', 0, status('30', join(work, 'status.md')));
    if (go && paired) go = await step('panos-ipsec pair-check --inventory lab.json: both ends compatible', 0, pairCheck);
    go = go && (await step(`plan ${label(0)}: nothing to change (cdktf diff)`, 0, cdktf('plan', 0)));
    if (go) {
      go = await step(`out-of-band change on ${lab.devices[changed]!.name} through the XML API, committed`, 0, async () => {
        if (!paired) {
          io.out(`changed: ${await changeTunnelOutOfBand(lab.devices[0]!.sim)}\n`);
          return 0;
        }
        const client = new PanosClient(connectionFromEnv(connectionEnvFor(lab.devices[changed]!)));
        try {
          io.out(`changed: ${await changeIpsecProposalOutOfBand(client)}\n`);
        } finally {
          await client.close();
        }
        return 0;
      });
    }
    if (go && paired) go = await step('panos-ipsec status: the tunnel is down, with the reason', 4, status('0'));
    if (go && paired) go = await step('panos-ipsec pair-check: the two ends are not compatible', 3, pairCheck);
    go =
      go &&
      (await step(`panos-ipsec drift (${label(changed)}): finds the change`, 2, async () => {
        const c = captured(io);
        return { code: await runDrift(commonOf(changed), envOf(changed), c), output: c.text() };
      })) &&
      (await step(`deploy ${label(changed)} repairs the drift`, 0, cdktf('deploy', changed))) &&
      (await step(`panos-ipsec drift (${label(changed)}): nothing left`, 0, async () => {
        const c = captured(io);
        return { code: await runDrift(commonOf(changed), envOf(changed), c), output: c.text() };
      }));
    if (go && paired) go = await step('panos-ipsec status: the tunnel is up again', 0, status('30'));
    go =
      go &&
      (await step(`panos-ipsec downgrade-check --to 10.2.9 (${lab.devices[0]!.name}): the transport tunnel blocks it`, 3, async () => {
        const c = captured(io);
        const code = await runDowngradeCheck({ to: '10.2.9' }, envOf(0), c);
        const json = captured({ out: () => undefined, err: () => undefined });
        await runDowngradeCheck({ to: '10.2.9', json: true }, envOf(0), json);
        const doc = JSON.parse(json.text()) as DowngradeCheckDocument;
        const namesTransport = doc.blockers?.some((b) => b.kind === 'ipsec-tunnel' && b.value === 'transport') ?? false;
        return { code: namesTransport ? code : -1, output: c.text() };
      })) &&
      (await each((s) => `destroy ${s} (cdktf destroy)`, 'destroy'));
    if (go) {
      const after = lab.devices.map((d) => canonicalRunning(d.sim));
      configRestored = after.every((a, i) => a === before[i]);
      await step(`running config of ${paired ? 'each firewall' : 'the firewall'} equals the one before deploy`, 0, async () => {
        after.forEach((a, i) => {
          if (a !== before[i]) io.out(`${lab.devices[i]!.name} before:\n${before[i]}\nafter:\n${a}\n`);
        });
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

