/**
 * Synth benchmark (`npm run bench:synth`): N transport-mode tunnels, each with its own tunnel interface, IKE and
 * IPSec crypto profiles and IKE gateway, synthesized (construction + `app.synth()` with validations, written to a
 * temp dir) through the L2 constructs and through the same L1 resources wired by hand (provider, commit anchor,
 * commit with triggers and depends_on, written with the generated L1 API as a user would). The JSON of both is
 * equivalent; the L2 adds construct nodes, FieldSpec checks, validations and one rules run, and saves one cdktf
 * token per resource in the commit's triggers and depends_on (produced by one lazy value each). Both variants run interleaved in one process, alternating which goes first;
 * the table shows medians and the L2/L1 ratio. Results go to bench/results-synth.json. Target: L2 <= 1.15x L1 at 1,000.
 *
 * Pairing (both ends of a tunnel in one app): the same 2 x N tunnels in two stacks, fw-a and fw-b, once with mirrored
 * addresses (N pairs: every pair rule runs on each) and once with addresses that pair with nothing (the same app
 * without pairing). Target: paired <= 1.15x unpaired at 500 pairs (1,000 gateways).
 *
 * Options: BENCH_SIZES=100,1000 BENCH_PAIR_SIZES=500 BENCH_REPS=5
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, TerraformStack, TerraformVariable, type TerraformResource } from 'cdktf';
import { IkeGateway, IpsecTunnel, IkeCryptoProfile, IpsecCryptoProfile, PanosFirewall, PeerPairing, SecretValue, TunnelInterface } from '../constructs';
import { Commit } from '../constructs/generated/commit';
import { CommitAnchor } from '../constructs/generated/commit-anchor';
import { IkeCryptoProfile as L1IkeCryptoProfile } from '../constructs/generated/ike-crypto-profile';
import { IkeGateway as L1IkeGateway } from '../constructs/generated/ike-gateway';
import { IpsecCryptoProfile as L1IpsecCryptoProfile } from '../constructs/generated/ipsec-crypto-profile';
import { IpsecTunnel as L1IpsecTunnel } from '../constructs/generated/ipsec-tunnel';
import { PanosipsecProvider } from '../constructs/generated/provider';
import { TunnelInterface as L1TunnelInterface } from '../constructs/generated/tunnel-interface';

const SIZES = (process.env.BENCH_SIZES ?? '100,1000').split(',').map(Number);
const PAIR_SIZES = (process.env.BENCH_PAIR_SIZES ?? '500').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const TARGET_RATIO = 1.15;

/** Per-tunnel values shared by both variants. */
function tunnelValues(i: number) {
  return {
    ifName: `tunnel.${i + 1}`,
    ike: `ike-${i}`,
    ipsec: `ipsec-${i}`,
    gw: `gw-${i}`,
    tunnel: `t-${i}`,
    localIp: `10.${(i >> 8) & 255}.${i & 255}.1/30`,
    peerIp: `10.${(i >> 8) & 255}.${i & 255}.2`,
  };
}

export function buildL2(app: App, n: number): void {
  const stack = new TerraformStack(app, 'bench');
  new PanosFirewall(stack, 'fw', { minPanosVersion: '11.1.0' });
  const psk = SecretValue.fromEnvVariable(stack, 'psk', 'psk');
  for (let i = 0; i < n; i++) {
    const v = tunnelValues(i);
    const tunnelInterface = new TunnelInterface(stack, `if-${i}`, { name: v.ifName, zone: 'vpn', virtualRouter: 'default' });
    const ike = new IkeCryptoProfile(stack, v.ike, { dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'] });
    const ipsec = new IpsecCryptoProfile(stack, v.ipsec, { espEncryption: ['aes-256-gcm'], espAuthentication: ['none'], dhGroup: 'group20' });
    const gateway = new IkeGateway(stack, v.gw, {
      version: 'ikev2',
      cryptoProfile: ike,
      preSharedKey: psk,
      localInterface: 'ethernet1/1',
      localIp: v.localIp,
      peerIp: v.peerIp,
    });
    IpsecTunnel.transport(stack, v.tunnel, { tunnelInterface, gateway, cryptoProfile: ipsec, carriesMulticastRouting: false });
  }
}

export function buildL1(app: App, n: number): void {
  const stack = new TerraformStack(app, 'bench');
  const provider = new PanosipsecProvider(stack, 'Provider', { minPanosVersion: '11.1.0', vsys: 'vsys1' });
  const anchor = new CommitAnchor(stack, 'CommitAnchor', { provider });
  const psk = new TerraformVariable(stack, 'psk', { type: 'string', sensitive: true });
  const triggers: Record<string, string> = {};
  const all: TerraformResource[] = [];
  const deps = [anchor];
  const add = <T extends TerraformResource & { revision: string; name: string }>(key: string, r: T): T => {
    triggers[key] = r.revision;
    all.push(r);
    return r;
  };
  for (let i = 0; i < n; i++) {
    const v = tunnelValues(i);
    // References between resources are Terraform references, as an L1 user must write them for Terraform to order
    // the writes (the L2 constructs emit the same references).
    const iface = add(`bench/if-${i}`, new L1TunnelInterface(stack, `if-${i}`, { provider, dependsOn: deps, name: v.ifName, zone: 'vpn', virtualRouter: 'default' }));
    const ike = add(`bench/${v.ike}`, new L1IkeCryptoProfile(stack, v.ike, {
      provider, dependsOn: deps, name: v.ike, dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'],
    }));
    const ipsec = add(`bench/${v.ipsec}`, new L1IpsecCryptoProfile(stack, v.ipsec, {
      provider, dependsOn: deps, name: v.ipsec, protocol: 'esp', espEncryption: ['aes-256-gcm'], espAuthentication: ['none'], dhGroup: 'group20',
    }));
    const gw = add(`bench/${v.gw}`, new L1IkeGateway(stack, v.gw, {
      provider, dependsOn: deps, name: v.gw, version: 'ikev2', ikev2CryptoProfile: ike.name, authentication: 'pre-shared-key',
      preSharedKey: psk.stringValue, localInterface: 'ethernet1/1', localIp: v.localIp, peerIp: v.peerIp,
    }));
    add(`bench/${v.tunnel}`, new L1IpsecTunnel(stack, v.tunnel, {
      provider, dependsOn: deps, name: v.tunnel, tunnelInterface: iface.name, ipsecMode: 'transport',
      autoKey: { ikeGateways: [gw.name], ipsecCryptoProfile: ipsec.name },
    }));
  }
  // Written the way the generated L1 API invites: revision references in triggers, every resource in dependsOn.
  new Commit(stack, 'Commit', { provider, triggers, dependsOn: all });
}

/**
 * Two firewalls with n tunnels each. `paired`: fw-b's gateway i mirrors fw-a's gateway i (10.x.y.1 <-> 10.x.y.2);
 * otherwise fw-b uses addresses nobody points at, so the app holds the same objects and no pair.
 */
export function buildPairs(app: App, n: number, paired: boolean): void {
  for (const side of ['fw-a', 'fw-b'] as const) {
    const stack = new TerraformStack(app, side);
    new PanosFirewall(stack, 'fw', { minPanosVersion: '11.1.0' });
    const psk = SecretValue.fromEnvVariable(stack, 'psk', 'psk');
    for (let i = 0; i < n; i++) {
      const v = tunnelValues(i);
      const net = `${(i >> 8) & 255}.${i & 255}`;
      const [localIp, peerIp] = side === 'fw-a' ? [v.localIp, v.peerIp] : paired ? [`10.${net}.2/30`, `10.${net}.1`] : [`11.${net}.2/30`, `11.${net}.1`];
      const tunnelInterface = new TunnelInterface(stack, `if-${i}`, { name: v.ifName, zone: 'vpn', virtualRouter: 'default' });
      const ike = new IkeCryptoProfile(stack, v.ike, { dhGroups: ['group20'], authentication: ['sha384'], encryption: ['aes-256-gcm'] });
      const ipsec = new IpsecCryptoProfile(stack, v.ipsec, { espEncryption: ['aes-256-gcm'], espAuthentication: ['none'], dhGroup: 'group20' });
      const gateway = new IkeGateway(stack, v.gw, { version: 'ikev2', cryptoProfile: ike, preSharedKey: psk, localInterface: 'ethernet1/1', localIp, peerIp });
      IpsecTunnel.transport(stack, v.tunnel, { tunnelInterface, gateway, cryptoProfile: ipsec, carriesMulticastRouting: false });
    }
  }
}

type Variant = 'L1' | 'L2' | 'paired' | 'unpaired';

function timeOnce(variant: Variant, n: number, outRoot: string): number {
  return measureOnce(variant, n, outRoot).wallMs;
}

/** One synth: wall-clock and this process's CPU time, and (pair variants) the pairing step's share of both. */
interface Measurement {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly pairingWallMs: number;
  readonly pairingCpuMs: number;
}

function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function measureOnce(variant: Variant, n: number, outRoot: string): Measurement {
  const outdir = fs.mkdtempSync(path.join(outRoot, `${variant}-${n}-`));
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const cpuStart = cpuNow();
  const app = new App({ outdir, stackTraces: false });
  let pairingWallMs = 0;
  let pairingCpuMs = 0;
  if (variant === 'L1') buildL1(app, n);
  else if (variant === 'L2') buildL2(app, n);
  else {
    buildPairs(app, n, variant === 'paired');
    // The pairing step runs at the first validation anyway; running it here first only times it (synth reuses it).
    const t = process.hrtime.bigint();
    const c = cpuNow();
    void PeerPairing.of(app).results;
    pairingWallMs = Number(process.hrtime.bigint() - t) / 1e6;
    pairingCpuMs = cpuNow() - c;
  }
  app.synth();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpuMs = cpuNow() - cpuStart;
  fs.rmSync(outdir, { recursive: true, force: true });
  return { wallMs, cpuMs, pairingWallMs, pairingCpuMs };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One row of the pairing benchmark (medians). */
export interface PairRow {
  readonly pairs: number;
  readonly gateways: number;
  readonly unpairedMedianMs: number;
  readonly pairedMedianMs: number;
  /** paired / unpaired, wall-clock. */
  readonly ratio: number;
  readonly unpairedCpuMedianMs: number;
  readonly pairedCpuMedianMs: number;
  /** paired / unpaired, this process's CPU time: what pairing costs, without other processes on a shared machine. */
  readonly cpuRatio: number;
  /** The pairing step alone in the paired app (facts, pairing, every pair rule), CPU ms. */
  readonly pairingStepCpuMedianMs: number;
}

/** Synth with and without pairing, interleaved; prints its table and returns the rows and samples. */
export function runPairBench(outRoot: string): { rows: PairRow[]; samplesMs: Record<string, number[]> } {
  const samples: Record<string, number[]> = {};
  const add = (key: string, v: number): void => void (samples[key] ??= []).push(v);
  measureOnce('unpaired', 20, outRoot);
  measureOnce('paired', 20, outRoot);
  for (let rep = 0; rep < REPS; rep++) {
    for (const n of PAIR_SIZES) {
      const order: Variant[] = rep % 2 === 0 ? ['unpaired', 'paired'] : ['paired', 'unpaired'];
      for (const variant of order) {
        const m = measureOnce(variant, n, outRoot);
        add(`${variant}:${n}`, m.wallMs);
        add(`${variant}-cpu:${n}`, m.cpuMs);
        add(`${variant}-pairing-step-cpu:${n}`, m.pairingCpuMs);
      }
    }
  }
  const rows = PAIR_SIZES.map((n): PairRow => {
    const med = (key: string): number => median(samples[`${key}:${n}`]!);
    return {
      pairs: n,
      gateways: 2 * n,
      unpairedMedianMs: Math.round(med('unpaired')),
      pairedMedianMs: Math.round(med('paired')),
      ratio: Number((med('paired') / med('unpaired')).toFixed(3)),
      unpairedCpuMedianMs: Math.round(med('unpaired-cpu')),
      pairedCpuMedianMs: Math.round(med('paired-cpu')),
      cpuRatio: Number((med('paired-cpu') / med('unpaired-cpu')).toFixed(3)),
      pairingStepCpuMedianMs: Math.round(med('paired-pairing-step-cpu')),
    };
  });
  console.log(`pairing: two firewalls with ${PAIR_SIZES.join(', ')} tunnels each, with and without mirrored addresses (${REPS} interleaved repetitions, medians)`);
  console.log('  pairs  gateways  unpaired ms  paired ms  ratio  unpaired cpu ms  paired cpu ms  cpu ratio  pairing step cpu ms');
  for (const r of rows) {
    console.log(
      `${String(r.pairs).padStart(7)}  ${String(r.gateways).padStart(8)}  ${String(r.unpairedMedianMs).padStart(11)}  ${String(r.pairedMedianMs).padStart(9)}  ` +
        `${r.ratio.toFixed(2)}x  ${String(r.unpairedCpuMedianMs).padStart(15)}  ${String(r.pairedCpuMedianMs).padStart(13)}  ${r.cpuRatio.toFixed(2).padStart(8)}x  ${String(r.pairingStepCpuMedianMs).padStart(19)}`,
    );
  }
  const largest = rows[rows.length - 1]!;
  const verdict = (x: number): string => (x <= TARGET_RATIO ? 'meets' : 'misses');
  console.log(
    `target paired <= ${TARGET_RATIO}x unpaired at ${largest.pairs} pairs: wall-clock ${verdict(largest.ratio)} (${largest.ratio.toFixed(2)}x), ` +
      `CPU time ${verdict(largest.cpuRatio)} (${largest.cpuRatio.toFixed(2)}x)`,
  );
  return { rows, samplesMs: samples };
}

/** Runs the synth benchmark, prints its table, writes bench/results-synth.json and returns its rows (npm run bench joins them). */
export function runSynthBench(): {
  rows: { tunnels: number; resources: number; l1MedianMs: number; l2MedianMs: number; ratio: number }[];
  pairs: PairRow[];
} {
  const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-synth-'));
  const samples = new Map<string, number[]>();
  const record = (variant: string, n: number, ms: number): void => {
    const key = `${variant}:${n}`;
    samples.set(key, [...(samples.get(key) ?? []), ms]);
  };
  // Warm-up: module loading and JIT would otherwise land on whichever variant runs first.
  timeOnce('L1', 20, outRoot);
  timeOnce('L2', 20, outRoot);
  for (let rep = 0; rep < REPS; rep++) {
    for (const n of SIZES) {
      const order: ('L1' | 'L2')[] = rep % 2 === 0 ? ['L1', 'L2'] : ['L2', 'L1'];
      for (const variant of order) record(variant, n, timeOnce(variant, n, outRoot));
    }
  }

  const rows = SIZES.map((n) => {
    const l1 = median(samples.get(`L1:${n}`)!);
    const l2 = median(samples.get(`L2:${n}`)!);
    return { tunnels: n, resources: n * 5 + 2, l1MedianMs: Math.round(l1), l2MedianMs: Math.round(l2), ratio: Number((l2 / l1).toFixed(3)) };
  });
  console.log(`synth benchmark: ${REPS} interleaved repetitions per size, medians (node ${process.version})`);
  console.log('tunnels  resources   L1 ms    L2 ms   L2/L1');
  for (const r of rows) {
    console.log(
      `${String(r.tunnels).padStart(7)}  ${String(r.resources).padStart(9)}  ${String(r.l1MedianMs).padStart(6)}  ${String(r.l2MedianMs).padStart(7)}   ${r.ratio.toFixed(2)}x`,
    );
  }
  const largest = rows[rows.length - 1]!;
  const verdict = largest.ratio <= TARGET_RATIO ? 'meets' : 'misses';
  console.log(`target L2 <= ${TARGET_RATIO}x L1 at ${largest.tunnels} tunnels: ${verdict} (${largest.ratio.toFixed(2)}x)`);
  const pairs = runPairBench(outRoot);
  fs.rmSync(outRoot, { recursive: true, force: true });
  const file = path.join(__dirname, 'results-synth.json');
  fs.writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        repetitions: REPS,
        targetRatio: TARGET_RATIO,
        rows,
        pairs: pairs.rows,
        samplesMs: { ...Object.fromEntries(samples), ...pairs.samplesMs },
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return { rows, pairs: pairs.rows };
}

if (require.main === module) runSynthBench();
