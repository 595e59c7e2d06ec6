/**
 * What one PAN-OS object resource declares; the shared engine does the rest: object-schema.ts (schema), object-plan.ts,
 * object-apply.ts and object-read.ts (plan, apply, read and import).
 */
import type { AttributeSchema, Diagnostic, ValueObject } from '../../tfplugin';
import { resourceTypeName } from '../address';
import type { Model } from '../model-values';
import type { DeviceSession } from '../session';
import type { ObjectPrivate } from './private-state';
import type { ConfigOp } from '../../panos/client';
import type { Decoded, FieldSpec, Location, ObjectKind } from '../../panos/objects';
import type { PanosObjectDescriptor } from '../../panos/objects';

/**
 * What a resource does beyond its field table, called by the shared engine at fixed points of plan, apply, read and
 * import (object-plan.ts, object-apply.ts, object-read.ts). A resource file shows its special cases here.
 */
export interface ObjectResourceHooks {
  /** Plan: what the configuration declares outside the model that the model must reflect (write-only values). */
  planDeclared?(model: Model, config: ValueObject | null): void;
  /** Plan: problems of the configuration its table cannot express. */
  planProblems?(config: ValueObject | null, address: string): Diagnostic[];
  /**
   * Apply: puts into the model what state does not hold and this write must send (a secret); returns the private
   * state to keep when the write changes it.
   */
  applySecrets?(session: DeviceSession, model: Model, prior: ValueObject | null, planned: ValueObject, config: ValueObject | null): ObjectPrivate | undefined;
  /** Read: registers the state's secrets with the client before any request, so every later message masks them. */
  beforeRead?(session: DeviceSession, state: ValueObject): void;
  /** Read: the secret attributes of the read state (the device never returns them); returns the next private state. */
  readSecrets?(out: ValueObject, state: ValueObject, device: Model, priv: Buffer): Buffer;
  /** Import: the private state of an imported object. */
  importPrivate?(device: Model): Buffer | undefined;
  /** Read: the device's entry plus what the object keeps outside it (a tunnel interface's memberships). */
  withOutside?(session: DeviceSession, name: string, found: Decoded<{ name: string }>): Promise<Decoded<{ name: string }>>;
  /**
   * Read (`state` as it was) and import (`state` null): the attributes whose device value (`device`) means "not
   * managed".
   */
  readState?(out: ValueObject, state: ValueObject | null, session: DeviceSession, device: ValueObject): void;
  /**
   * Rule facts of device entries: what each keeps outside its entry, read only when some entry is not planned in this
   * process (a planned object's facts come from its plan).
   */
  factsOutside?(session: DeviceSession): Promise<(name: string) => object>;
  /** Apply: config operations besides the entry's own, sent after it (the entry must exist first). */
  writeOps?(name: string, loc: Location, prior: ValueObject | null, planned: ValueObject): ConfigOp[];
  /** Delete: the operations that remove the entry (`entry`) and what hangs off it, in order. */
  deleteOps?(session: DeviceSession, name: string, prior: ValueObject | null, entry: ConfigOp): Promise<ConfigOp[]>;
  /** After a write or delete: what the session cached that the write changed. */
  afterWrite?(session: DeviceSession): void;
}

/** A PAN-OS object resource type. */
export interface ObjectResourceSpec {
  /** `panosipsec_<object>`. */
  readonly typeName: string;
  readonly kind: ObjectKind;
  readonly descriptor: PanosObjectDescriptor<{ name: string }>;
  /** Attributes beyond the descriptor's fields. */
  readonly extraAttributes?: Readonly<Record<string, AttributeSchema>>;
  /** Special cases of plan, apply, read and import. @default - none: the table says everything */
  readonly hooks?: ObjectResourceHooks;
}

/** The resource of a descriptor: its type name and kind follow from the descriptor; hooks and extra attributes are its own. */
export function objectResource(
  descriptor: PanosObjectDescriptor<{ name: string }>,
  own: Pick<ObjectResourceSpec, 'extraAttributes' | 'hooks'> = {},
): ObjectResourceSpec {
  return { typeName: resourceTypeName(descriptor.kind), kind: descriptor.kind, descriptor, ...own };
}

/**
 * The fields a resource exposes: the descriptor's, minus device-computed secrets (the stored pre-shared key is
 * tracked as a digest in private state, since a device may return it in a form that must not land in state).
 */
export function resourceFields(spec: ObjectResourceSpec): readonly FieldSpec[] {
  return spec.descriptor.fields.filter((f) => !(f.computed && f.sensitive));
}
