/**
 * A Terraform-like client for a provider process: every tfplugin6 RPC with JS values in and out (msgpack done with
 * the tfplugin codec, shaped by the schema the provider announces), plus Shutdown. Reusable by any provider's tests:
 *
 *   const p = await ProviderClient.start({ command: '/path/to/terraform-provider-x' });
 *   const plan = await p.planResourceChange('x_thing', null, proposed, config);
 *   await p.shutdown();
 */
import * as grpc from '@grpc/grpc-js';
import { type CtyType, typeFromJsonBytes } from '../../src/tfplugin/cty';
import { type Diagnostic, type PathStep, type ProtoDiagnostic, diagnosticFromProto, pathFromProto, type ProtoPathStep } from '../../src/tfplugin/diagnostics';
import { decodeMsgpack, encodeMsgpack } from '../../src/tfplugin/msgpack';
import { loadServices } from '../../src/tfplugin/protos';
import { type AttributeSchema, type BlockSchema, type NestingMode, type ProtoBlock, type ProtoSchema, type Schema, blockType } from '../../src/tfplugin/schema';
import type { Value, ValueObject } from '../../src/tfplugin/values';
import { type LaunchOptions, type LaunchedProvider, launch, targetOf } from './launch';

type Raw = Record<string, unknown>;
type Callback = (err: grpc.ServiceError | null, res: Raw) => void;
type UnaryMethod = (req: Raw, md: grpc.Metadata, opts: grpc.CallOptions, cb: Callback) => grpc.ClientUnaryCall;

/** A schema as announced over the wire, converted back to the TypeScript description. */
export interface AnnouncedSchema {
  readonly provider: Schema;
  readonly resources: Record<string, Schema>;
  readonly dataSources: Record<string, Schema>;
  readonly serverCapabilities: Raw;
  readonly diagnostics: Diagnostic[];
}

/** Result with a state value. */
export interface StateAnswer {
  readonly state: Value;
  readonly private: Buffer;
  readonly diagnostics: Diagnostic[];
}

/** Result of a plan. */
export interface PlanAnswer {
  readonly planned: Value;
  readonly requiresReplace: PathStep[][];
  readonly private: Buffer;
  readonly diagnostics: Diagnostic[];
  readonly legacyTypeSystem: boolean;
}

/** Converts a proto Block back into a {@link BlockSchema}. */
export function blockFromProto(b: ProtoBlock): BlockSchema {
  const attributes: Record<string, AttributeSchema> = {};
  for (const a of b.attributes ?? []) {
    attributes[a.name] = {
      type: typeFromJsonBytes(a.type),
      description: a.description || undefined,
      required: a.required,
      optional: a.optional,
      computed: a.computed,
      sensitive: a.sensitive,
      writeOnly: a.write_only,
      deprecated: a.deprecated,
    };
  }
  const blocks: Record<string, { nesting: NestingMode; block: BlockSchema; minItems: number; maxItems: number }> = {};
  for (const nb of b.block_types ?? []) {
    blocks[nb.type_name] = { nesting: nb.nesting.toLowerCase() as NestingMode, block: blockFromProto(nb.block), minItems: Number(nb.min_items), maxItems: Number(nb.max_items) };
  }
  return { attributes, blocks, description: b.description || undefined, deprecated: b.deprecated };
}

function schemaFromProto(s: ProtoSchema | null | undefined): Schema {
  return s?.block ? { version: Number(s.version), block: blockFromProto(s.block) } : { version: 0, block: {} };
}

/** A client speaking tfplugin6 to one provider process. */
export class ProviderClient {
  private readonly provider: grpc.Client;
  private readonly controller: grpc.Client;
  private readonly stdio: grpc.Client;
  private announced?: AnnouncedSchema;

  private constructor(readonly launched: LaunchedProvider) {
    const svc = loadServices();
    const target = targetOf(launched.handshake);
    const make = (def: grpc.ServiceDefinition, name: string): grpc.Client => {
      const Ctor = grpc.makeGenericClientConstructor(def as grpc.ServiceDefinition<grpc.UntypedServiceImplementation>, name);
      return new Ctor(target, launched.channelCredentials, launched.channelOptions);
    };
    this.provider = make(svc.provider, 'Provider');
    this.controller = make(svc.controller, 'GRPCController');
    this.stdio = make(svc.stdio, 'GRPCStdio');
  }

  /** Launches the provider executable like Terraform and connects to it. */
  static async start(opts: LaunchOptions): Promise<ProviderClient> {
    const client = new ProviderClient(await launch(opts));
    // Terraform opens the stdio stream first thing; do the same so that path is exercised too.
    await client.streamStdio();
    return client;
  }

  /** The process's stderr so far (hclog JSON lines). */
  stderr(): string {
    return this.launched.stderr();
  }

  /** Calls any unary method by name with a raw request object (proto-loader shape). */
  rawCall(client: 'provider' | 'controller', method: string, req: Raw = {}, timeoutMs = 15000): Promise<Raw> {
    const c = client === 'provider' ? this.provider : this.controller;
    const fn = (c as unknown as Record<string, UnaryMethod>)[method];
    if (typeof fn !== 'function') return Promise.reject(new Error(`no method ${method}`));
    return new Promise((resolve, reject) => {
      fn.call(c, req, new grpc.Metadata(), { deadline: Date.now() + timeoutMs }, (err, res) => (err ? reject(err) : resolve(res)));
    });
  }

  /** Opens plugin.GRPCStdio/StreamStdio and resolves with the chunks once the server ends the stream. */
  streamStdio(): Promise<Raw[]> {
    return new Promise((resolve, reject) => {
      const fn = (this.stdio as unknown as Record<string, (req: Raw, opts?: grpc.CallOptions) => grpc.ClientReadableStream<Raw>>).StreamStdio;
      const stream = fn.call(this.stdio, {}, { deadline: Date.now() + 10000 });
      const chunks: Raw[] = [];
      stream.on('data', (d: Raw) => chunks.push(d));
      stream.on('end', () => resolve(chunks));
      stream.on('error', reject);
    });
  }

  /** GetProviderSchema, converted back into TypeScript schema descriptions (cached for value encoding). */
  async getProviderSchema(): Promise<AnnouncedSchema> {
    const r = await this.rawCall('provider', 'GetProviderSchema');
    const map = (m: unknown): Record<string, Schema> =>
      Object.fromEntries(Object.entries((m ?? {}) as Record<string, ProtoSchema>).map(([k, v]) => [k, schemaFromProto(v)]));
    this.announced = {
      provider: schemaFromProto(r.provider as ProtoSchema),
      resources: map(r.resource_schemas),
      dataSources: map(r.data_source_schemas),
      serverCapabilities: (r.server_capabilities ?? {}) as Raw,
      diagnostics: diags(r.diagnostics),
    };
    return this.announced;
  }

  /** The value type of the provider config, a resource type (`r`) or a data source (`d`). */
  async typeOf(kind: 'provider' | 'r' | 'd', typeName = ''): Promise<CtyType> {
    const s = this.announced ?? (await this.getProviderSchema());
    const schema = kind === 'provider' ? s.provider : kind === 'r' ? s.resources[typeName] : s.dataSources[typeName];
    if (!schema) throw new Error(`the provider announced no ${kind === 'r' ? 'resource' : 'data source'} type ${typeName}`);
    return blockType(schema.block);
  }

  private async dv(kind: 'provider' | 'r' | 'd', typeName: string, v: Value): Promise<Raw> {
    return { msgpack: encodeMsgpack(await this.typeOf(kind, typeName), v) };
  }

  private async val(kind: 'r' | 'd', typeName: string, dv: unknown): Promise<Value> {
    const d = dv as { msgpack?: Buffer; json?: Buffer } | null;
    if (d?.msgpack && d.msgpack.length > 0) return decodeMsgpack(await this.typeOf(kind, typeName), d.msgpack);
    if (d?.json && d.json.length > 0) return JSON.parse(d.json.toString('utf8')) as Value;
    return null;
  }

  async getMetadata(): Promise<Raw> {
    return this.rawCall('provider', 'GetMetadata');
  }

  async validateProviderConfig(config: ValueObject): Promise<Diagnostic[]> {
    return diags((await this.rawCall('provider', 'ValidateProviderConfig', { config: await this.dv('provider', '', config) })).diagnostics);
  }

  async configureProvider(config: ValueObject, terraformVersion = '1.11.4'): Promise<Diagnostic[]> {
    const req = { terraform_version: terraformVersion, config: await this.dv('provider', '', config), client_capabilities: { deferral_allowed: false, write_only_attributes_allowed: true } };
    return diags((await this.rawCall('provider', 'ConfigureProvider', req)).diagnostics);
  }

  async validateResourceConfig(typeName: string, config: ValueObject): Promise<Diagnostic[]> {
    return diags((await this.rawCall('provider', 'ValidateResourceConfig', { type_name: typeName, config: await this.dv('r', typeName, config) })).diagnostics);
  }

  async validateDataResourceConfig(typeName: string, config: ValueObject): Promise<Diagnostic[]> {
    return diags((await this.rawCall('provider', 'ValidateDataResourceConfig', { type_name: typeName, config: await this.dv('d', typeName, config) })).diagnostics);
  }

  /** UpgradeResourceState with stored state JSON (a string, or a value to stringify). */
  async upgradeResourceState(typeName: string, version: number, rawState: string | object): Promise<{ state: Value; diagnostics: Diagnostic[] }> {
    const json = Buffer.from(typeof rawState === 'string' ? rawState : JSON.stringify(rawState));
    const r = await this.rawCall('provider', 'UpgradeResourceState', { type_name: typeName, version, raw_state: { json } });
    return { state: await this.val('r', typeName, r.upgraded_state), diagnostics: diags(r.diagnostics) };
  }

  async readResource(typeName: string, state: Value, priv: Buffer = Buffer.alloc(0)): Promise<StateAnswer> {
    const r = await this.rawCall('provider', 'ReadResource', { type_name: typeName, current_state: await this.dv('r', typeName, state), private: priv });
    return { state: await this.val('r', typeName, r.new_state), private: r.private as Buffer, diagnostics: diags(r.diagnostics) };
  }

  async planResourceChange(typeName: string, prior: Value, proposed: Value, config: Value, priorPrivate: Buffer = Buffer.alloc(0)): Promise<PlanAnswer> {
    const r = await this.rawCall('provider', 'PlanResourceChange', {
      type_name: typeName,
      prior_state: await this.dv('r', typeName, prior),
      proposed_new_state: await this.dv('r', typeName, proposed),
      config: await this.dv('r', typeName, config),
      prior_private: priorPrivate,
    });
    return {
      planned: await this.val('r', typeName, r.planned_state),
      requiresReplace: ((r.requires_replace ?? []) as Array<{ steps: ProtoPathStep[] }>).map((p) => pathFromProto(p) ?? []),
      private: r.planned_private as Buffer,
      diagnostics: diags(r.diagnostics),
      legacyTypeSystem: !!r.legacy_type_system,
    };
  }

  async applyResourceChange(typeName: string, prior: Value, planned: Value, config: Value, plannedPrivate: Buffer = Buffer.alloc(0)): Promise<StateAnswer> {
    const r = await this.rawCall('provider', 'ApplyResourceChange', {
      type_name: typeName,
      prior_state: await this.dv('r', typeName, prior),
      planned_state: await this.dv('r', typeName, planned),
      config: await this.dv('r', typeName, config),
      planned_private: plannedPrivate,
    });
    return { state: await this.val('r', typeName, r.new_state), private: r.private as Buffer, diagnostics: diags(r.diagnostics) };
  }

  async importResourceState(typeName: string, id: string): Promise<{ resources: Array<{ typeName: string; state: Value; private: Buffer }>; diagnostics: Diagnostic[] }> {
    const r = await this.rawCall('provider', 'ImportResourceState', { type_name: typeName, id });
    const resources: Array<{ typeName: string; state: Value; private: Buffer }> = [];
    for (const ir of (r.imported_resources ?? []) as Raw[]) {
      const tn = String(ir.type_name);
      resources.push({ typeName: tn, state: await this.val('r', tn, ir.state), private: ir.private as Buffer });
    }
    return { resources, diagnostics: diags(r.diagnostics) };
  }

  async readDataSource(typeName: string, config: ValueObject): Promise<{ state: Value; diagnostics: Diagnostic[] }> {
    const r = await this.rawCall('provider', 'ReadDataSource', { type_name: typeName, config: await this.dv('d', typeName, config) });
    return { state: await this.val('d', typeName, r.state), diagnostics: diags(r.diagnostics) };
  }

  /** StopProvider; resolves with the Error string ('' when fine). */
  async stopProvider(): Promise<string> {
    return String((await this.rawCall('provider', 'StopProvider')).Error ?? '');
  }

  /**
   * Like Terraform at the end of a command: GRPCController.Shutdown, then wait for the process to exit; kills it
   * after `graceMs`. Resolves with how it exited.
   */
  async shutdown(graceMs = 5000): Promise<{ code: number | null; signal: NodeJS.Signals | null; killed: boolean }> {
    await this.rawCall('controller', 'Shutdown', {}, 3000).catch(() => undefined);
    this.close();
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      this.launched.child.kill('SIGKILL');
    }, graceMs);
    const r = await this.launched.exited;
    clearTimeout(timer);
    return { ...r, killed };
  }

  /** Closes the channels (the process keeps running). */
  close(): void {
    this.provider.close();
    this.controller.close();
    this.stdio.close();
  }

  /** Kills the process outright (cleanup in tests). */
  kill(): void {
    this.close();
    if (this.launched.child.exitCode === null) this.launched.child.kill('SIGKILL');
  }
}

function diags(d: unknown): Diagnostic[] {
  return ((d ?? []) as ProtoDiagnostic[]).map(diagnosticFromProto);
}
