/**
 * The objects PAN-OS ships in every firewall's factory configuration, among the kinds this project manages
 * (docs/panos/predefined-objects.md, with the vendor sources). They are not the user's to create or delete: a create
 * of one of these names is a take-over, and a destroy of an imported one only forgets it. Each kind's entries are on
 * its descriptor (`predefined`).
 */
import { ALL_DESCRIPTORS } from './objects/registry';
import type { ObjectKind } from './objects/types';

/** Predefined entry names per object kind (kinds without predefined entries are absent): the descriptors'. */
export const PREDEFINED_OBJECTS: Readonly<Partial<Record<ObjectKind, readonly string[]>>> = Object.fromEntries(
  ALL_DESCRIPTORS.filter((d) => d.predefined.length > 0).map((d) => [d.kind, d.predefined]),
);

/** True when `name` is a predefined entry of `kind` (names are case-sensitive on PAN-OS). */
export function isPredefined(kind: ObjectKind, name: string): boolean {
  return PREDEFINED_OBJECTS[kind]?.includes(name) ?? false;
}
