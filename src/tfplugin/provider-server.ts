/**
 * The contract a concrete provider implements. Values are plain JS values already decoded by the schema
 * (see values.ts); the server does the wire encoding, turns thrown errors into error diagnostics and checks the
 * consistency rules Terraform enforces.
 */
import type { Diagnostic } from './diagnostics';
import type { PathStep } from './diagnostics';
import type { ProviderSchema } from './schema';
import type { ValueObject } from './values';

/** Passed to every lifecycle call. */
export interface RequestContext {
  /** Aborted when Terraform sends StopProvider (Ctrl-C) or the process shuts down: stop work in flight. */
  readonly signal: AbortSignal;
  /** Terraform's version from ConfigureProvider, once known. */
  readonly terraformVersion?: string;
}

/** Diagnostics-only result. */
export interface DiagnosticsResult {
  readonly diagnostics?: readonly Diagnostic[];
}

/** Result carrying a state value and opaque private data. */
export interface StateResult extends DiagnosticsResult {
  /** The state object, or null when the remote object is gone (read) or destroyed (apply). */
  readonly state: ValueObject | null;
  /** Opaque bytes Terraform stores and hands back on the next call. */
  readonly private?: Buffer;
}

/** Result of PlanResourceChange. */
export interface PlanResult extends DiagnosticsResult {
  /** The planned state: config values kept, computed values not yet known set to UNKNOWN. Null plans a destroy. */
  readonly planned: ValueObject | null;
  /** Attribute paths whose change forces a replacement. */
  readonly requiresReplace?: ReadonlyArray<readonly PathStep[]>;
  readonly private?: Buffer;
}

/** One imported object. */
export interface ImportedResource {
  /** @default the requested type */
  readonly typeName?: string;
  readonly state: ValueObject;
  readonly private?: Buffer;
}

/** Result of ImportResourceState. */
export interface ImportResult extends DiagnosticsResult {
  readonly resources: readonly ImportedResource[];
}

/** Result of UpgradeResourceState. */
export interface UpgradeResult extends DiagnosticsResult {
  readonly state: ValueObject | null;
}

/** Result of ReadDataSource. */
export interface DataResult extends DiagnosticsResult {
  readonly state: ValueObject;
}

type MaybePromise<T> = T | Promise<T>;

/**
 * A provider. Only `getSchema` is required; every other method has a default:
 * validation passes, configure does nothing, upgrade re-shapes the stored JSON into the current schema,
 * read returns the prior state, plan uses {@link defaultPlan}, apply returns the planned state (an error when it
 * still has unknowns), import and data sources report "not supported".
 */
export interface ProviderServer {
  getSchema(): ProviderSchema;
  /**
   * The GetProviderSchema answer already encoded (see {@link encodeSchemaResponse}), when the provider carries it
   * prebuilt: sent as it is, so a process Terraform starts only for the schema builds nothing. Must be the encoding
   * of this provider's `getSchema()`; undefined to build it at the call.
   */
  schemaResponseBytes?(): Buffer | undefined;
  validateProviderConfig?(config: ValueObject): MaybePromise<DiagnosticsResult>;
  configureProvider?(config: ValueObject, terraformVersion: string): MaybePromise<DiagnosticsResult>;
  validateResourceConfig?(typeName: string, config: ValueObject): MaybePromise<DiagnosticsResult>;
  validateDataResourceConfig?(typeName: string, config: ValueObject): MaybePromise<DiagnosticsResult>;
  /**
   * @param rawJson the stored state JSON text, written with schema version `version`
   * @param reshaped that JSON already re-shaped into the current schema (unknown attributes dropped, missing null)
   */
  upgradeResourceState?(typeName: string, version: number, rawJson: string, reshaped: ValueObject | null): MaybePromise<UpgradeResult>;
  readResource?(typeName: string, state: ValueObject, priv: Buffer, ctx: RequestContext): MaybePromise<StateResult>;
  planResourceChange?(
    typeName: string,
    prior: ValueObject | null,
    proposed: ValueObject | null,
    config: ValueObject | null,
    priorPrivate: Buffer,
    ctx: RequestContext,
  ): MaybePromise<PlanResult>;
  applyResourceChange?(
    typeName: string,
    prior: ValueObject | null,
    planned: ValueObject | null,
    config: ValueObject | null,
    plannedPrivate: Buffer,
    ctx: RequestContext,
  ): MaybePromise<StateResult>;
  importResourceState?(typeName: string, id: string, ctx: RequestContext): MaybePromise<ImportResult>;
  readDataSource?(typeName: string, config: ValueObject, ctx: RequestContext): MaybePromise<DataResult>;
  /** Called on StopProvider, after the context signals are aborted. */
  stop?(): MaybePromise<void>;
}
