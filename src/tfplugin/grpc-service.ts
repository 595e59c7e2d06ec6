/**
 * The tfplugin6.Provider service: decodes requests by schema, calls the {@link ProviderServer}, encodes answers,
 * turns thrown errors into error diagnostics (never gRPC errors, which Terraform shows as "Plugin error") and checks
 * the consistency rules.
 */
import { checkApplyKeepsPlan, checkWhollyKnown } from './consistency';
import type { CtyType } from './cty';
import { type Diagnostic, type PathStep, diagnosticToProto, errorDiagnostic, hasErrors, pathToProto } from './diagnostics';
import type { Logger } from './logger';
import { CtyValueError, decodeJsonState, decodeMsgpack, encodeMsgpack } from './msgpack';
import { defaultPlan, fillEmptyBlocks } from './plan';
import type { MethodHandler, ServerCall } from './grpc-server';
import { encodeResponse, PreEncoded } from './protos';
import type { ProviderServer, RequestContext } from './provider-server';
import { type ProviderSchema, type Schema, blockType, checkSchema, schemaToProto } from './schema';
import { type Value, type ValueObject, containsUnknown, isValueObject } from './values';

/** tfplugin6 DynamicValue as proto-loader gives it. */
interface ProtoDynamicValue {
  msgpack?: Buffer;
  json?: Buffer;
}

type Req = Record<string, unknown> & { type_name?: string };
type Res = Record<string, unknown>;

/**
 * A resource's private state as bytes. Terraform sends "none" as empty bytes, and proto-loader may leave the field
 * out altogether; both become an empty buffer, which is what the handlers treat as no private state.
 */
function privateBytes(b: Buffer | undefined): Buffer {
  return b ?? Buffer.alloc(0);
}

// get_provider_schema_optional: every call here finds its schema itself (getSchema in createProviderHandlers), so
// Terraform may use the schema it has cached for this provider instead of asking each process it starts again
// (Terraform 1.6+).
function capabilities(s: ProviderSchema): Record<string, boolean> {
  return { plan_destroy: !!s.planDestroy, get_provider_schema_optional: true };
}

/** The GetProviderSchema answer for a schema, as a message object. */
function schemaResponse(s: ProviderSchema): Res {
  const problems = checkSchema(s);
  const toMap = (m: Readonly<Record<string, Schema>> | undefined): Record<string, unknown> =>
    Object.fromEntries(Object.entries(m ?? {}).map(([k, v]) => [k, schemaToProto(v)]));
  return {
    provider: schemaToProto(s.provider),
    resource_schemas: toMap(s.resources),
    data_source_schemas: toMap(s.dataSources),
    server_capabilities: capabilities(s),
    diagnostics: problems.map((p) => diagnosticToProto(errorDiagnostic('Invalid Provider Schema', `${p}. This is a bug in the provider.`))),
  };
}

/**
 * The GetProviderSchema answer for a schema, encoded as the server sends it: what a provider may carry prebuilt and
 * return from {@link ProviderServer.schemaResponseBytes} (the panosipsec provider file does, scripts/build-provider.ts).
 */
export function encodeSchemaResponse(s: ProviderSchema): Buffer {
  return encodeResponse('tfplugin6.Provider', 'GetProviderSchema', schemaResponse(s));
}

/** The handlers of the three services, plus the hooks the process lifecycle needs. */
export interface PluginHandlers {
  readonly provider: Readonly<Record<string, MethodHandler>>;
  /** Provider methods whose answer does not depend on the request: it need not be decoded (protos.ts ignoringRequests). */
  readonly requestsIgnored: readonly string[];
  /** Aborts work in flight and calls the provider's stop hook. */
  stop(): Promise<string>;
}

/** Builds the tfplugin6.Provider handlers around a provider implementation. */
export function createProviderHandlers(impl: ProviderServer, log: Logger): PluginHandlers {
  let schema: ProviderSchema | undefined;
  const types = new Map<string, CtyType>();
  let controller = new AbortController();
  let terraformVersion: string | undefined;

  const getSchema = (): ProviderSchema => (schema ??= impl.getSchema());
  const typeOf = (key: string, s: Schema): CtyType => {
    let t = types.get(key);
    if (!t) types.set(key, (t = blockType(s.block)));
    return t;
  };
  const resourceSchema = (typeName: string, kind: 'resource' | 'data source'): Schema => {
    const all = kind === 'resource' ? getSchema().resources : getSchema().dataSources ?? {};
    const s = Object.prototype.hasOwnProperty.call(all, typeName) ? all[typeName] : undefined;
    if (!s) {
      throw new UserError(`Unknown ${kind === 'resource' ? 'Resource' : 'Data Source'} Type`,
        `This provider has no ${kind} type "${typeName}". It has: ${Object.keys(all).sort().join(', ') || 'none'}.`);
    }
    return s;
  };
  const decode = (type: CtyType, dv: ProtoDynamicValue | null | undefined): Value => {
    if (dv?.msgpack && dv.msgpack.length > 0) return decodeMsgpack(type, dv.msgpack);
    if (dv?.json && dv.json.length > 0) return decodeJsonState(type, dv.json);
    return null;
  };
  const decodeObj = (type: CtyType, dv: ProtoDynamicValue | null | undefined): ValueObject | null => {
    const v = decode(type, dv);
    return isValueObject(v) ? v : null;
  };
  const encode = (type: CtyType, v: Value): ProtoDynamicValue => ({ msgpack: encodeMsgpack(type, v) });
  const ctx = (): RequestContext => ({ signal: controller.signal, terraformVersion });
  const diags = (ds: readonly Diagnostic[] | undefined): unknown[] => (ds ?? []).map(diagnosticToProto);

  /** Wraps an RPC body: logs, and answers any throw with an error diagnostic in the normal response. */
  const unary = (rpc: string, body: (req: Req) => Promise<Res>) =>
    (call: ServerCall, callback: (err: Error | null, res?: Res) => void): void => {
      const req = call.request as Req;
      log.debug(`tfplugin6 ${rpc}`, req.type_name ? { type_name: req.type_name } : undefined);
      body(req).then(
        (res) => callback(null, res),
        (err: unknown) => {
          const d = toDiagnostic(err, rpc, req.type_name);
          log.error(`${rpc} failed: ${d.summary}: ${d.detail ?? ''}`);
          callback(null, { diagnostics: [diagnosticToProto(d)] });
        },
      );
    };


  const provider: Record<string, MethodHandler> = {
    GetMetadata: unary('GetMetadata', async () => {
      const s = getSchema();
      return {
        server_capabilities: capabilities(s),
        resources: Object.keys(s.resources).map((type_name) => ({ type_name })),
        data_sources: Object.keys(s.dataSources ?? {}).map((type_name) => ({ type_name })),
      };
    }),

    GetProviderSchema: unary('GetProviderSchema', async () => {
      const prebuilt = impl.schemaResponseBytes?.();
      // PreEncoded goes through the method's serializer unchanged (protos.ts); the response type only names it.
      return prebuilt ? (new PreEncoded(prebuilt) as unknown as Res) : schemaResponse(getSchema());
    }),

    ValidateProviderConfig: unary('ValidateProviderConfig', async (req) => {
      const config = decodeObj(typeOf('provider', getSchema().provider), req.config as ProtoDynamicValue);
      const r = impl.validateProviderConfig && config ? await impl.validateProviderConfig(config) : {};
      return { diagnostics: diags(r.diagnostics) };
    }),

    ConfigureProvider: unary('ConfigureProvider', async (req) => {
      terraformVersion = String(req.terraform_version ?? '');
      const config = decodeObj(typeOf('provider', getSchema().provider), req.config as ProtoDynamicValue);
      const r = impl.configureProvider && config ? await impl.configureProvider(config, terraformVersion) : {};
      return { diagnostics: diags(r.diagnostics) };
    }),

    // A provider without its own check of a resource's configuration has nothing to add to Terraform's check against
    // the schema, so the call needs neither the schema nor the value: Terraform starts a process for validation
    // alone, and it then loads no provider code at all (main.ts loads the provider at its first use).
    ValidateResourceConfig: unary('ValidateResourceConfig', async (req) => {
      const validate = impl.validateResourceConfig?.bind(impl);
      if (!validate) return { diagnostics: [] };
      const t = String(req.type_name);
      const config = decodeObj(typeOf(`r:${t}`, resourceSchema(t, 'resource')), req.config as ProtoDynamicValue);
      const r = config ? await validate(t, config) : {};
      return { diagnostics: diags(r.diagnostics) };
    }),

    ValidateDataResourceConfig: unary('ValidateDataResourceConfig', async (req) => {
      const validate = impl.validateDataResourceConfig?.bind(impl);
      if (!validate) return { diagnostics: [] };
      const t = String(req.type_name);
      const config = decodeObj(typeOf(`d:${t}`, resourceSchema(t, 'data source')), req.config as ProtoDynamicValue);
      const r = config ? await validate(t, config) : {};
      return { diagnostics: diags(r.diagnostics) };
    }),

    UpgradeResourceState: unary('UpgradeResourceState', async (req) => {
      const t = String(req.type_name);
      const s = resourceSchema(t, 'resource');
      const type = typeOf(`r:${t}`, s);
      const raw = req.raw_state as { json?: Buffer; flatmap?: Record<string, string> } | null;
      if ((!raw?.json || raw.json.length === 0) && raw?.flatmap && Object.keys(raw.flatmap).length > 0) {
        throw new UserError('Legacy State Format Not Supported',
          `${t}: the stored state uses the pre-0.12 flatmap format. Refresh it with a Terraform 0.12-era provider first, or remove and re-import the resource.`);
      }
      const text = raw?.json ? raw.json.toString('utf8') : 'null';
      const reshaped = decodeJsonState(type, text);
      const reshapedObj = fillEmptyBlocks(s.block, isValueObject(reshaped) ? reshaped : null);
      const r = impl.upgradeResourceState
        ? await impl.upgradeResourceState(t, Number(req.version ?? 0), text, reshapedObj)
        : { state: reshapedObj };
      const d = [...(r.diagnostics ?? []), ...checkWhollyKnown(r.state, 'upgraded state', t)];
      return { upgraded_state: hasErrors(d) ? undefined : encode(type, fillEmptyBlocks(s.block, r.state)), diagnostics: diags(d) };
    }),

    ReadResource: unary('ReadResource', async (req) => {
      const t = String(req.type_name);
      const s = resourceSchema(t, 'resource');
      const type = typeOf(`r:${t}`, s);
      const state = decodeObj(type, req.current_state as ProtoDynamicValue);
      const priv = privateBytes(req.private as Buffer);
      if (state === null) return { new_state: encode(type, null), private: priv };
      const r = impl.readResource ? await impl.readResource(t, state, priv, ctx()) : { state, private: priv };
      const d = [...(r.diagnostics ?? []), ...checkWhollyKnown(r.state, 'state after read', t)];
      return { new_state: hasErrors(d) ? encode(type, state) : encode(type, fillEmptyBlocks(s.block, r.state)), private: r.private ?? priv, diagnostics: diags(d) };
    }),

    PlanResourceChange: unary('PlanResourceChange', async (req) => {
      const t = String(req.type_name);
      const s = resourceSchema(t, 'resource');
      const type = typeOf(`r:${t}`, s);
      const prior = decodeObj(type, req.prior_state as ProtoDynamicValue);
      const proposed = decodeObj(type, req.proposed_new_state as ProtoDynamicValue);
      const config = decodeObj(type, req.config as ProtoDynamicValue);
      const priorPrivate = privateBytes(req.prior_private as Buffer);
      const r = impl.planResourceChange
        ? await impl.planResourceChange(t, prior, proposed, config, priorPrivate, ctx())
        : { planned: defaultPlan(s.block, prior, proposed, config) };
      if (proposed === null && r.planned !== null) {
        throw new UserError('Invalid Destroy Plan', `${t}: a destroy must be planned as null, but the provider planned an object.`);
      }
      return {
        planned_state: encode(type, fillEmptyBlocks(s.block, r.planned)),
        requires_replace: (r.requiresReplace ?? []).map((p) => pathToProto(p)),
        planned_private: r.private ?? priorPrivate,
        diagnostics: diags(r.diagnostics),
        legacy_type_system: false,
      };
    }),

    ApplyResourceChange: unary('ApplyResourceChange', async (req) => {
      const t = String(req.type_name);
      const s = resourceSchema(t, 'resource');
      const type = typeOf(`r:${t}`, s);
      const prior = decodeObj(type, req.prior_state as ProtoDynamicValue);
      const planned = decodeObj(type, req.planned_state as ProtoDynamicValue);
      const config = decodeObj(type, req.config as ProtoDynamicValue);
      const plannedPrivate = privateBytes(req.planned_private as Buffer);
      const r = impl.applyResourceChange
        ? await impl.applyResourceChange(t, prior, planned, config, plannedPrivate, ctx())
        : { state: planned, private: plannedPrivate };
      const d = [...(r.diagnostics ?? [])];
      if (planned === null && r.state !== null && !hasErrors(d)) {
        d.push(errorDiagnostic('Invalid Destroy Result', `${t}: after a destroy the new state must be null; the provider returned an object.`));
      }
      if (r.state !== null && !hasErrors(d)) {
        d.push(...checkWhollyKnown(r.state, 'state after apply', t), ...checkApplyKeepsPlan(planned, r.state, t));
      }
      // On error Terraform keeps what we return as the new state: an unknown-free value is required, so fall back
      // to the prior state when the provider's answer is unusable.
      const state = hasErrors(d) && containsUnknown(r.state) ? prior : r.state;
      return { new_state: encode(type, fillEmptyBlocks(s.block, state)), private: r.private ?? plannedPrivate, diagnostics: diags(d), legacy_type_system: false };
    }),

    ImportResourceState: unary('ImportResourceState', async (req) => {
      const t = String(req.type_name);
      resourceSchema(t, 'resource');
      if (!impl.importResourceState) {
        throw new UserError('Resource Import Not Supported', `${t} does not support import; declare it in configuration instead.`);
      }
      const r = await impl.importResourceState(t, String(req.id ?? ''), ctx());
      const d = [...(r.diagnostics ?? [])];
      const imported = r.resources.map((res) => {
        const tn = res.typeName ?? t;
        const s = resourceSchema(tn, 'resource');
        const type = typeOf(`r:${tn}`, s);
        d.push(...checkWhollyKnown(res.state, 'imported state', tn));
        return { type_name: tn, state: encode(type, fillEmptyBlocks(s.block, res.state)), private: res.private ?? Buffer.alloc(0) };
      });
      return { imported_resources: hasErrors(d) ? [] : imported, diagnostics: diags(d) };
    }),

    ReadDataSource: unary('ReadDataSource', async (req) => {
      const t = String(req.type_name);
      const s = resourceSchema(t, 'data source');
      const type = typeOf(`d:${t}`, s);
      const config = decodeObj(type, req.config as ProtoDynamicValue);
      if (!impl.readDataSource || config === null) {
        throw new UserError('Data Source Not Implemented', `${t} has a schema but the provider does not implement readDataSource.`);
      }
      const r = await impl.readDataSource(t, config, ctx());
      const d = [...(r.diagnostics ?? []), ...checkWhollyKnown(r.state, 'data source result', t)];
      return { state: hasErrors(d) ? undefined : encode(type, fillEmptyBlocks(s.block, r.state)), diagnostics: diags(d) };
    }),

    StopProvider: (_call, callback): void => {
      void stop().then((message) => callback(null, { Error: message }));
    },
  };

  async function stop(): Promise<string> {
    log.info('StopProvider: cancelling work in flight');
    controller.abort(new Error('Terraform asked the provider to stop'));
    try {
      await impl.stop?.();
      return '';
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    } finally {
      // Later calls (rare after a stop) get a fresh signal rather than one that is already aborted.
      controller = new AbortController();
    }
  }

  // Without a check of its own, validation answers no diagnostics whatever the request holds (see above).
  const requestsIgnored = [
    ...(impl.validateResourceConfig ? [] : ['ValidateResourceConfig']),
    ...(impl.validateDataResourceConfig ? [] : ['ValidateDataResourceConfig']),
  ];
  return { provider, requestsIgnored, stop };
}

/** An error whose summary and detail are shown to the user as they are. */
export class UserError extends Error {
  constructor(readonly summary: string, readonly detail: string, readonly path?: readonly PathStep[]) {
    super(`${summary}: ${detail}`);
    this.name = 'UserError';
  }
}

function toDiagnostic(err: unknown, rpc: string, typeName: string | undefined): Diagnostic {
  if (err instanceof UserError) return errorDiagnostic(err.summary, err.detail, err.path);
  const where = typeName ? `${typeName} (${rpc})` : rpc;
  if (err instanceof CtyValueError) {
    return errorDiagnostic('Provider Value Does Not Match Schema',
      `${where}: ${err.message}. This is a bug in the provider: values must follow the schema exactly.`,
      err.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number'));
  }
  const msg = err instanceof Error ? err.message : String(err);
  return errorDiagnostic(`${rpc} Failed`, `${where}: ${msg}`);
}
