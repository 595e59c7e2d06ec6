/**
 * Helpers for the lab tests: one side of a VPN pair as PAN-OS XML (every negotiated property adjustable), written
 * with the product's XML API client and committed like any admin would, and `status` run over the lab's inventory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PanosClient } from '../../../src/panos/client';
import { runStatus } from '../../../src/cycle/status-run';
import { runPairCheck } from '../../../src/cycle/pair-check-run';
import type { PairCheckDocument } from '../../../src/cycle/pair-check/pair-check-render';
import { startLab, type Lab, type LabDevice } from '../../../src/sim';
import type { StatusReport } from '../../../src/cycle/status/status-model';

export const DEV = "/config/devices/entry[@name='localhost.localdomain']";
const NET = `${DEV}/network`;

/** Everything one side of the pair can differ in. */
export interface SideOptions {
  local: string;
  peer: string | 'dynamic';
  localInterface?: string;
  version?: 'ikev1' | 'ikev2' | 'ikev2-preferred';
  exchangeMode?: 'auto' | 'main' | 'aggressive';
  ikeEnc?: string[];
  ikeHash?: string[];
  ikeDh?: string[];
  ikeLifetime?: string;
  psk?: string;
  certificate?: boolean;
  localId?: { type: string; id: string };
  peerId?: { type: string; id: string; matching?: 'exact' | 'wildcard' };
  natT?: boolean;
  passive?: boolean;
  ipsecProtocol?: 'esp' | 'ah';
  espEnc?: string[];
  auth?: string[];
  pfs?: string;
  ipsecLifetime?: string;
  mode?: 'tunnel' | 'transport';
  proxyIds?: { name: string; local: string; remote: string }[];
  gateway?: string;
  tunnel?: string;
}

const members = (xs: readonly string[]): string => xs.map((x) => `<member>${x}</member>`).join('');

/** The XML writes for one side: profiles, gateway, tunnel interface, tunnel. */
export function sideConfig(o: SideOptions): [string, string][] {
  const gw = o.gateway ?? 'gw-peer';
  const tunnel = o.tunnel ?? 'vpn';
  const version = o.version ?? 'ikev2';
  const proto = `<protocol><version>${version}</version>` +
    `<ikev1><ike-crypto-profile>lab-ike</ike-crypto-profile>${o.exchangeMode ? `<exchange-mode>${o.exchangeMode}</exchange-mode>` : ''}</ikev1>` +
    `<ikev2><ike-crypto-profile>lab-ike</ike-crypto-profile></ikev2></protocol>`;
  const auth = o.certificate
    ? '<certificate><local-certificate><name>lab-cert</name></local-certificate></certificate>'
    : `<pre-shared-key><key>${o.psk ?? 'lab-shared-secret'}</key></pre-shared-key>`;
  const common =
    o.natT !== undefined || o.passive !== undefined
      ? `<protocol-common>${o.natT !== undefined ? `<nat-traversal><enable>${o.natT ? 'yes' : 'no'}</enable></nat-traversal>` : ''}${o.passive ? '<passive-mode>yes</passive-mode>' : ''}</protocol-common>`
      : '';
  const id = (tag: string, x: { type: string; id: string; matching?: string } | undefined): string =>
    x ? `<${tag}><type>${x.type}</type><id>${x.id}</id>${x.matching ? `<matching>${x.matching}</matching>` : ''}</${tag}>` : '';
  const peer = o.peer === 'dynamic' ? '<dynamic/>' : `<ip>${o.peer}</ip>`;
  const espOrAh =
    (o.ipsecProtocol ?? 'esp') === 'ah'
      ? `<ah><authentication>${members(o.auth ?? ['sha256'])}</authentication></ah>`
      : `<esp><encryption>${members(o.espEnc ?? ['aes-256-gcm'])}</encryption><authentication>${members(o.auth ?? ['none'])}</authentication></esp>`;
  const proxies = (o.proxyIds ?? [])
    .map((p) => `<entry name="${p.name}"><local>${p.local}</local><remote>${p.remote}</remote><protocol><any/></protocol></entry>`)
    .join('');
  return [
    [
      `${NET}/ike/crypto-profiles/ike-crypto-profiles`,
      `<entry name="lab-ike"><encryption>${members(o.ikeEnc ?? ['aes-256-gcm'])}</encryption><hash>${members(o.ikeHash ?? ['sha384'])}</hash>` +
        `<dh-group>${members(o.ikeDh ?? ['group20'])}</dh-group><lifetime>${o.ikeLifetime ?? '<hours>8</hours>'}</lifetime></entry>`,
    ],
    [
      `${NET}/ike/crypto-profiles/ipsec-crypto-profiles`,
      `<entry name="lab-ipsec">${espOrAh}<dh-group>${o.pfs ?? 'group20'}</dh-group><lifetime>${o.ipsecLifetime ?? '<hours>1</hours>'}</lifetime></entry>`,
    ],
    [
      `${NET}/ike/gateway`,
      `<entry name="${gw}"><authentication>${auth}</authentication>${proto}${common}` +
        `<local-address><interface>${o.localInterface ?? 'ethernet1/1'}</interface><ip>${o.local}</ip></local-address>` +
        `<peer-address>${peer}</peer-address>${id('local-id', o.localId)}${id('peer-id', o.peerId)}</entry>`,
    ],
    [`${NET}/interface/tunnel/units`, '<entry name="tunnel.20"/>'],
    [
      `${NET}/tunnel/ipsec`,
      `<entry name="${tunnel}"><tunnel-interface>tunnel.20</tunnel-interface>${o.mode === 'transport' ? '<ipsec-mode>transport</ipsec-mode>' : ''}` +
        `<auto-key><ike-gateway><entry name="${gw}"/></ike-gateway><ipsec-crypto-profile>lab-ipsec</ipsec-crypto-profile>` +
        `${proxies ? `<proxy-id>${proxies}</proxy-id>` : ''}</auto-key></entry>`,
    ],
  ];
}

/** A client for a lab device (the product's XML API client). */
export function clientFor(d: LabDevice): PanosClient {
  const u = new URL(d.url);
  return new PanosClient({ hostname: u.hostname, port: Number(u.port), protocol: 'http', apiKey: d.apiKey, retries: { attempts: 1 } });
}

/** Writes the side's configuration through the XML API and commits it (the commit job negotiates). */
export async function deploy(d: LabDevice, writes: readonly [string, string][]): Promise<void> {
  const c = clientFor(d);
  try {
    for (const [xpath, element] of writes) await c.set(xpath, element);
    await c.commit({ pollIntervalMs: 10 });
  } finally {
    await c.close();
  }
}

/** Options of {@link twoDeviceLab}: what `startLab` takes besides the devices. */
export type TwoDeviceLabOptions = Omit<Parameters<typeof startLab>[0], 'devices'>;

/** A lab of fw-a and fw-b (fast commits) with its inventory written to a temporary file; `close` removes both. */
export interface LabWithInventory {
  readonly lab: Lab;
  /** Path of the inventory file (`lab.describe()` as JSON); tests may overwrite it. */
  readonly inventory: string;
  close(): Promise<void>;
}

export async function twoDeviceLab(options: TwoDeviceLabOptions = {}): Promise<LabWithInventory> {
  const lab = await startLab({ commitDurationMs: 5, ...options, devices: [{ name: 'fw-a' }, { name: 'fw-b' }] });
  return withInventory(lab);
}

/** Writes `lab`'s inventory to a temporary file; `close` closes the lab and removes the file. */
export function withInventory(lab: Lab): LabWithInventory {
  const dir = mkdtempSync(join(tmpdir(), 'lab-inventory-'));
  const inventory = join(dir, 'inventory.json');
  writeFileSync(inventory, JSON.stringify(lab.describe()));
  return {
    lab,
    inventory,
    close: async () => {
      await lab.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs `f` with an inventory file of `lab` that is removed afterwards (the lab stays open). */
async function withInventoryFile<T>(lab: Lab, f: (inventory: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'lab-inventory-'));
  try {
    const inventory = join(dir, 'inventory.json');
    writeFileSync(inventory, JSON.stringify(lab.describe()));
    return await f(inventory);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `panos-ipsec status --inventory <lab> --json` and returns its exit code, document and text output. */
export async function status(lab: Lab, extra: { junit?: string; mermaid?: string; wait?: string; interval?: string } = {}): Promise<{ code: number; report: StatusReport; err: string }> {
  return withInventoryFile(lab, async (inventory) => {
    let out = '';
    let err = '';
    const code = await runStatus({ inventory, json: true, ...extra }, {}, { out: (s) => void (out += s), err: (s) => void (err += s) });
    return { code, report: JSON.parse(out) as StatusReport, err };
  });
}

/** Runs `panos-ipsec pair-check --inventory <lab>` (JSON, and text when `text` is set) and returns its exit code and output. */
export async function pairCheck(lab: Lab, o: { text?: boolean } = {}): Promise<{ code: number; doc: PairCheckDocument; text: string; err: string }> {
  return withInventoryFile(lab, async (inventory) => {
    const run = async (json: boolean): Promise<{ code: number; out: string; err: string }> => {
      let out = '';
      let err = '';
      const code = await runPairCheck({ inventory, json }, {}, { out: (s) => void (out += s), err: (s) => void (err += s) });
      return { code, out, err };
    };
    const j = await run(true);
    const t = o.text ? await run(false) : { code: j.code, out: '', err: '' };
    expect(t.code).toBe(j.code);
    return { code: j.code, doc: JSON.parse(j.out) as PairCheckDocument, text: t.out, err: j.err };
  });
}

/** Every failure message of a report. */
export function failureMessages(r: StatusReport): string[] {
  return r.devices.flatMap((d) => d.tunnels.map((t) => t.failure?.message ?? '')).filter((m) => m !== '');
}
