/**
 * What one PAN-OS object resource declares; the shared engine does the rest: object-schema.ts (schema), object-plan.ts,
 * object-apply.ts and object-read.ts (plan, apply, read and import).
 */
import type { AttributeSchema } from '../../tfplugin';
import type { FieldSpec, ObjectKind } from '../../panos/objects';
import type { PanosObjectDescriptor } from '../../panos/objects';

/** A PAN-OS object resource type. */
export interface ObjectResourceSpec {
  /** `panosipsec_<object>`. */
  readonly typeName: string;
  readonly kind: ObjectKind;
  readonly descriptor: PanosObjectDescriptor<{ name: string }>;
  /** Attributes beyond the descriptor's fields. */
  readonly extraAttributes?: Readonly<Record<string, AttributeSchema>>;
  /** The object carries a pre-shared key (plain, write-only and encrypted forms). */
  readonly preSharedKey?: boolean;
  /** zone / virtual_router / vsys are memberships stored outside the entry (tunnel interfaces). */
  readonly memberships?: boolean;
}

/**
 * The fields a resource exposes: the descriptor's, minus device-computed secrets (the stored pre-shared key is
 * tracked as a digest in private state, since a device may return it in a form that must not land in state).
 */
export function resourceFields(spec: ObjectResourceSpec): readonly FieldSpec[] {
  return spec.descriptor.fields.filter((f) => !(f.computed && f.sensitive));
}
