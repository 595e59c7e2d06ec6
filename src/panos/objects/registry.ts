/** The registry of object kinds: every kind list of the project derives from it. */
import { ikeCryptoProfile } from './ike-crypto-profile';
import { ikeGateway } from './ike-gateway';
import { ipsecCryptoProfile } from './ipsec-crypto-profile';
import { ipsecTunnel } from './ipsec-tunnel';
import { tunnelInterface } from './tunnel-interface';
import { tunnelMonitorProfile } from './tunnel-monitor-profile';
import type { PanosObjectDescriptor } from './descriptor';
import type { ModelOf } from './field-table';
import { CONTAINER_NAME_MAX_LENGTH, type NameKind } from './names';
import { DEVICE_OBJECT_KINDS, type ObjectKind } from './types';

/** Every descriptor, in dependency order (create in this order, delete in reverse). */
const DESCRIPTORS = [tunnelInterface, tunnelMonitorProfile, ikeCryptoProfile, ipsecCryptoProfile, ikeGateway, ipsecTunnel] as const;

/** Any one descriptor of the registry, with its literal kind, field table and facts key. */
export type AnyObjectDescriptor = (typeof DESCRIPTORS)[number];

/** The descriptor of one kind, typed (its model, table and facts key). */
export type DescriptorOf<K extends ObjectKind> = Extract<AnyObjectDescriptor, { readonly kind: K }>;

/** The model of one kind, as its field table describes it and its descriptor decodes it. */
export type ModelOfKind<K extends ObjectKind> = ModelOf<DescriptorOf<K>['table']>;

/** Every descriptor, in dependency order, seen through the generic interface. */
export const ALL_DESCRIPTORS: readonly PanosObjectDescriptor<{ name: string }>[] = DESCRIPTORS;

/** Every object kind, in dependency order. */
export const ALL_KINDS: readonly ObjectKind[] = DESCRIPTORS.map((d) => d.kind);

/** Longest name per kind of name: each descriptor's `nameMaxLength`, plus the containers' (names.ts). */
export const NAME_MAX_LENGTH: Readonly<Record<NameKind, number>> = {
  ...(Object.fromEntries(DESCRIPTORS.map((d) => [d.kind, d.nameMaxLength])) as Record<ObjectKind, number>),
  ...CONTAINER_NAME_MAX_LENGTH,
};

for (const d of DESCRIPTORS) {
  for (const rf of d.referringFields) {
    if (!(ALL_KINDS as readonly string[]).includes(rf.kind) && !(DEVICE_OBJECT_KINDS as readonly string[]).includes(rf.kind)) {
      throw new Error(`${d.kind}: field ${rf.path.join('.')} refers to ${JSON.stringify(rf.kind)}, which is no object kind`);
    }
  }
}

/** The descriptor of one kind. */
export function descriptorFor(kind: ObjectKind): PanosObjectDescriptor<{ name: string }> {
  const d = ALL_DESCRIPTORS.find((x) => x.kind === kind);
  if (!d) throw new Error(`unknown PAN-OS object kind ${JSON.stringify(kind)}`);
  return d;
}
