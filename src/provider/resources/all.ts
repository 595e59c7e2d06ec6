/**
 * Every PAN-OS object resource spec: one per descriptor of the object registry, in its dependency order (create in
 * this order, delete in reverse). A resource with special cases (hooks, extra attributes) has its own file here; any
 * other kind's resource is its field table alone, so a new kind needs no file in the provider.
 */
import { ALL_DESCRIPTORS } from '../../panos/objects';
import { ikeGatewayResource } from './ike-gateway';
import { objectResource, type ObjectResourceSpec } from './spec';
import { tunnelInterfaceResource } from './tunnel-interface';

/** The resources with special cases, each defined in its own file. */
const WITH_SPECIAL_CASES: readonly ObjectResourceSpec[] = [tunnelInterfaceResource, ikeGatewayResource];

/** All object resources, in the registry's order. */
export const OBJECT_RESOURCES: readonly ObjectResourceSpec[] = ALL_DESCRIPTORS.map(
  (d) => WITH_SPECIAL_CASES.find((r) => r.kind === d.kind) ?? objectResource(d),
);

/** The spec of a resource type, or undefined. */
export function objectResourceSpec(typeName: string): ObjectResourceSpec | undefined {
  return OBJECT_RESOURCES.find((r) => r.typeName === typeName);
}
