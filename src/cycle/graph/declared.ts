/**
 * The declared topology of a synthesized cdktf app, read from `cdktf.out`: each firewall (a stack's provider
 * configuration, or each aliased one when a stack holds several) becomes a device configuration in the object
 * model's vocabulary, so the pair rules' pairing (src/rules/peer) can pair its gateways with the others' exactly as
 * it does for running devices. References between resources (`${panosipsec_ike_crypto_profile.x.name}`) resolve to
 * the referenced resource's name; secrets are never read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_DESCRIPTORS, type ObjectDescriptor } from '../../panos/objects';
import { resourceTypeName } from '../../provider/address';
import { modelFromValue } from '../../provider/model-values';
import type { ValueObject } from '../../tfplugin';
import type { DeviceConfiguration } from '../../rules/peer/device';
import type { ExplicitPair } from '../../rules/peer/types';
import type { SynthStack } from '../cdktf-app';

type Json = Record<string, unknown>;

/** The resource types read (one per kind of the registry), and the device configuration field each fills. */
const KINDS = ALL_DESCRIPTORS.map((d) => [resourceTypeName(d.kind), d, d.factsKey] as const);

/** Secret attributes (sensitive in the schema, write-only, or the manual-key block) are dropped before anything else. */
function secret(desc: ObjectDescriptor<{ name: string }>, attribute: string): boolean {
  return attribute.endsWith('_wo') || attribute.startsWith('pre_shared_key') || attribute === 'manual_key' || desc.fields.some((f) => f.tfName === attribute && f.sensitive === true);
}

const REFERENCE = /^\$\{(panosipsec_[a-z_]+)\.([^.}]+)\.name\}$/;

/** Replaces `${type.resource.name}` with the referenced resource's literal name, everywhere in `value`. */
function resolveNames(value: unknown, resources: Json): unknown {
  if (typeof value === 'string') {
    const m = REFERENCE.exec(value);
    const target = m ? ((resources[m[1]!] as Json | undefined)?.[m[2]!] as Json | undefined) : undefined;
    return target && typeof target.name === 'string' ? target.name : value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveNames(v, resources));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, resolveNames(v, resources)]));
  return value;
}

/** The firewall a resource belongs to: its stack, and the provider alias when it uses one. */
function deviceName(stack: string, provider: unknown, aliased: boolean): string {
  const alias = typeof provider === 'string' && provider.includes('.') ? provider.slice(provider.indexOf('.') + 1) : undefined;
  return aliased ? `${stack}/${alias ?? 'default'}` : stack;
}

/** The device configurations one synthesized stack declares. */
export function declaredDevices(stack: string, doc: Json): DeviceConfiguration[] {
  const resources = (doc.resource ?? {}) as Json;
  const providers = new Set<string>();
  for (const [type] of KINDS) for (const r of Object.values((resources[type] ?? {}) as Json)) providers.add(String((r as Json).provider ?? 'panosipsec'));
  const aliased = providers.size > 1;
  const devices = new Map<string, Record<string, unknown[]>>();
  for (const [type, desc, field] of KINDS) {
    for (const raw of Object.values((resources[type] ?? {}) as Json)) {
      const r = raw as Json;
      const name = deviceName(stack, r.provider, aliased);
      let d = devices.get(name);
      if (!d) {
        d = Object.fromEntries(KINDS.map(([, , f]) => [f, []]));
        devices.set(name, d);
      }
      const spec: ObjectDescriptor<{ name: string }> = desc;
      const attrs = Object.fromEntries(Object.entries(r).filter(([k]) => !secret(spec, k) && k !== '//' && k !== 'depends_on' && k !== 'provider'));
      const value = resolveNames(attrs, resources) as ValueObject;
      d[field]!.push(modelFromValue(spec.fields, value));
    }
  }
  // Each list holds models decoded by its kind's descriptor from values the schema checked (modelFromValue).
  return [...devices].map(([name, lists]) => ({ name, ...lists }) as DeviceConfiguration);
}

/** What the constructs' `gateway.pairWith(other)` wrote under `"//".paired_with` of a gateway resource. */
interface PairedWith {
  readonly stack: string;
  readonly gateway: string;
  readonly provider_alias?: string;
  readonly nat_between?: boolean;
}

/** The declared devices and the pairs their gateways' `pairWith` declared (by gateway path, as the pair rules take them). */
export interface DeclaredApp {
  readonly devices: DeviceConfiguration[];
  readonly pairs: ExplicitPair[];
}

/** Reads every stack's `cdk.tf.json`. */
export function readDeclaredApp(stacks: readonly SynthStack[]): DeclaredApp {
  const docs = stacks.map((s) => ({ stack: s.name, doc: JSON.parse(readFileSync(join(s.workingDirectory, 'cdk.tf.json'), 'utf8')) as Json }));
  const devices = docs.flatMap(({ stack, doc }) => declaredDevices(stack, doc));
  // The device (stack, or stack/alias) holding a gateway of that name; undefined when it cannot be told.
  const gatewayPath = (stack: string, gateway: string, alias: string | undefined): string | undefined => {
    const candidates = devices.filter((d) => (d.name === stack || d.name.startsWith(`${stack}/`)) && (d.ikeGateways ?? []).some((g) => g.name === gateway));
    const chosen = candidates.length === 1 ? candidates[0] : candidates.find((d) => d.name === `${stack}/${alias ?? 'default'}`);
    return chosen ? `${chosen.name}/ike-gateway/${gateway}` : undefined;
  };
  const pairs: ExplicitPair[] = [];
  for (const { stack, doc } of docs) {
    for (const raw of Object.values(((doc.resource as Json | undefined)?.panosipsec_ike_gateway ?? {}) as Json)) {
      const r = raw as Json;
      const other = ((r['//'] as Json | undefined)?.paired_with ?? undefined) as PairedWith | undefined;
      if (!other || typeof r.name !== 'string') continue;
      const alias = typeof r.provider === 'string' && r.provider.includes('.') ? r.provider.slice(r.provider.indexOf('.') + 1) : undefined;
      const a = gatewayPath(stack, r.name, alias);
      const b = gatewayPath(other.stack, other.gateway, other.provider_alias);
      if (a && b && !pairs.some((p) => (p.a === b && p.b === a) || (p.a === a && p.b === b))) pairs.push({ a, b, natBetween: other.nat_between === true });
    }
  }
  return { devices, pairs };
}
