/**
 * The plugin protocol's services load from proto/services.json and their codecs from proto/codecs.ts, which must stay
 * what the .proto files say, and must (de)serialize exactly as @grpc/proto-loader does.
 */
import * as fs from 'node:fs';
import { CODECS_TS, codecsText, SERVICES_JSON, servicesJsonText } from '../../scripts/generate-protos';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { ignoringRequests, loadServices, PROTO_LOADER_OPTIONS } from '../../src/tfplugin/protos';
import servicesJson from '../../src/tfplugin/proto/services.json';

test('GIVEN the .proto files WHEN services.json is generated afresh THEN it equals the committed file (fails when stale: run npm run generate)', () => {
  expect(fs.readFileSync(SERVICES_JSON, 'utf8')).toBe(servicesJsonText());
});

test('GIVEN the .proto files and the installed protobufjs WHEN codecs.ts is generated afresh THEN it equals the committed file (fails when stale: run npm run generate)', () => {
  expect(fs.readFileSync(CODECS_TS, 'utf8')).toBe(codecsText());
});

test('GIVEN services.json WHEN loaded THEN the three services a provider serves have the methods Terraform calls', () => {
  const s = loadServices();
  expect(Object.keys(s.provider)).toEqual(expect.arrayContaining(['GetProviderSchema', 'PlanResourceChange', 'ApplyResourceChange', 'ReadResource', 'ImportResourceState']));
  expect(s.provider.PlanResourceChange.path).toBe('/tfplugin6.Provider/PlanResourceChange');
  expect(s.controller.Shutdown.path).toBe('/plugin.GRPCController/Shutdown');
  expect(s.stdio.StreamStdio.path).toBe('/plugin.GRPCStdio/StreamStdio');
  expect(s.stdio.StreamStdio.responseStream).toBe(true);
});

test('GIVEN the services WHEN a message goes through them and through @grpc/proto-loader THEN both give the same bytes and the same objects', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('@grpc/proto-loader') as typeof import('@grpc/proto-loader');
  const reference = loader.fromJSON(servicesJson as Parameters<typeof loader.fromJSON>[0], PROTO_LOADER_OPTIONS) as unknown as Record<string, ServiceDefinition>;
  const ours = loadServices().provider;
  const theirs = reference['tfplugin6.Provider'];
  expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
  const response = {
    new_state: { msgpack: Buffer.from([0x81, 0xa1, 0x61, 0x01]) },
    diagnostics: [{ severity: 'ERROR', summary: 's', detail: 'd', attribute: { steps: [{ attribute_name: 'a' }, { element_key_int: 3 }] } }],
    private: Buffer.from('p'),
  };
  const bytes = ours.ApplyResourceChange.responseSerialize(response);
  expect(Buffer.compare(bytes, theirs.ApplyResourceChange.responseSerialize(response))).toBe(0);
  expect(ours.ApplyResourceChange.responseDeserialize(bytes)).toEqual(theirs.ApplyResourceChange.responseDeserialize(bytes));
  const request = { type_name: 'panosipsec_ike_gateway', prior_state: { msgpack: Buffer.from([0xc0]) }, planned_private: Buffer.alloc(0) };
  const reqBytes = theirs.ApplyResourceChange.requestSerialize(request);
  expect(ours.ApplyResourceChange.requestDeserialize(reqBytes)).toEqual(theirs.ApplyResourceChange.requestDeserialize(reqBytes));
  for (const name of Object.keys(theirs)) {
    expect({ name, path: ours[name].path, req: ours[name].requestStream, res: ours[name].responseStream, alias: ours[name].originalName })
      .toEqual({ name, path: theirs[name].path, req: theirs[name].requestStream, res: theirs[name].responseStream, alias: theirs[name].originalName });
  }
});

test('GIVEN a method whose message has no fields (answered without protobufjs) THEN ours and @grpc/proto-loader agree on bytes and objects', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('@grpc/proto-loader') as typeof import('@grpc/proto-loader');
  const reference = loader.fromJSON(servicesJson as Parameters<typeof loader.fromJSON>[0], PROTO_LOADER_OPTIONS) as unknown as Record<string, ServiceDefinition>;
  const ours = loadServices();
  const pairs: [ServiceDefinition[string], ServiceDefinition[string]][] = [
    [ours.provider.GetProviderSchema, reference['tfplugin6.Provider'].GetProviderSchema],
    [ours.provider.StopProvider, reference['tfplugin6.Provider'].StopProvider],
    [ours.controller.Shutdown, reference['plugin.GRPCController'].Shutdown],
  ];
  for (const [mine, theirs] of pairs) {
    const bytes = theirs.requestSerialize({});
    expect(Buffer.compare(mine.requestSerialize({}), bytes)).toBe(0);
    expect(mine.requestDeserialize(bytes)).toEqual(theirs.requestDeserialize(bytes));
  }
  const empty = reference['plugin.GRPCController'].Shutdown.responseSerialize({});
  expect(Buffer.compare(ours.controller.Shutdown.responseSerialize({}), empty)).toBe(0);
  expect(ours.controller.Shutdown.responseDeserialize(empty)).toEqual(reference['plugin.GRPCController'].Shutdown.responseDeserialize(empty));
});

test('GIVEN an answer that sets nothing (no diagnostics) WHEN serialized without protobufjs THEN the bytes are what @grpc/proto-loader writes', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('@grpc/proto-loader') as typeof import('@grpc/proto-loader');
  const reference = loader.fromJSON(servicesJson as Parameters<typeof loader.fromJSON>[0], PROTO_LOADER_OPTIONS) as unknown as Record<string, ServiceDefinition>;
  const theirs = reference['tfplugin6.Provider'];
  const ours = loadServices().provider;
  for (const method of ['ValidateResourceConfig', 'ValidateProviderConfig', 'ConfigureProvider']) {
    expect(Buffer.compare(ours[method].responseSerialize({ diagnostics: [] }), theirs[method].responseSerialize({ diagnostics: [] }))).toBe(0);
  }
  const withDiagnostic = { diagnostics: [{ severity: 'ERROR', summary: 's' }] };
  expect(Buffer.compare(ours.ValidateResourceConfig.responseSerialize(withDiagnostic), theirs.ValidateResourceConfig.responseSerialize(withDiagnostic))).toBe(0);
});

test('GIVEN methods whose request is ignored WHEN the services are built THEN only those skip decoding', () => {
  const services = ignoringRequests(loadServices(), ['ValidateResourceConfig']);
  const request = loadServices().provider.ValidateResourceConfig.requestSerialize({ type_name: 'x_thing', config: { msgpack: Buffer.from([0xc0]) } });
  expect(services.provider.ValidateResourceConfig.requestDeserialize(request)).toEqual({});
  expect(services.provider.PlanResourceChange.requestDeserialize(loadServices().provider.PlanResourceChange.requestSerialize({ type_name: 'x_thing' })))
    .toMatchObject({ type_name: 'x_thing' });
  expect(loadServices().provider.ValidateResourceConfig.requestDeserialize(request)).toMatchObject({ type_name: 'x_thing' });
});

/** A node of services.json: a namespace, a message type (fields, oneofs) or an enum (values). */
interface JsonNode {
  readonly nested?: Record<string, JsonNode>;
  readonly fields?: Record<string, { readonly type: string; readonly rule?: string; readonly keyType?: string }>;
  readonly oneofs?: Record<string, { readonly oneof: readonly string[] }>;
  readonly values?: Record<string, number>;
  readonly methods?: Record<string, { readonly requestType: string; readonly responseType: string }>;
}

/** The node a type reference names, looked up from the scope it appears in outwards, as protobuf resolves it. */
function resolveType(scope: readonly string[], name: string): { path: string[]; node: JsonNode } {
  for (let i = scope.length; i >= 0; i--) {
    const path = [...scope.slice(0, i), ...name.split('.')];
    let node: JsonNode | undefined = servicesJson as JsonNode;
    for (const part of path) node = node?.nested?.[part];
    if (node) return { path, node };
  }
  throw new Error(`type ${name} not found from ${scope.join('.')}`);
}

const SCALARS: Record<string, (variant: number) => unknown> = {
  string: (v) => `s${v}-é`,
  bytes: (v) => Buffer.from([0x00, 0xff, v]),
  bool: () => true,
  int64: (v) => (v === 0 ? 5_000_000_123 : -7),
  int32: (v) => (v === 0 ? 70_000 : -2),
  uint32: () => 4_000_000_000,
  double: () => 1.5,
};

/**
 * A message of the type at `path` with every field set (a list or map of two, a message nested down to `depth`, an
 * enum by a non-zero name), except that each oneof gets one member: its first in variant 0, its last in variant 1.
 */
function populated(path: readonly string[], node: JsonNode, variant: number, depth: number): Record<string, unknown> {
  const skipped = new Set(Object.values(node.oneofs ?? {}).flatMap(({ oneof }) => (variant === 0 ? oneof.slice(1) : oneof.slice(0, -1))));
  const value = (type: string): unknown => {
    const scalar = SCALARS[type];
    if (scalar) return scalar(variant);
    const t = resolveType(path, type);
    if (t.node.values) return Object.keys(t.node.values)[1 + (variant % (Object.keys(t.node.values).length - 1))];
    return depth > 0 ? populated(t.path, t.node, variant, depth - 1) : {};
  };
  const message: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(node.fields ?? {})) {
    if (skipped.has(name)) continue;
    if (field.keyType) message[name] = { a: value(field.type), b: value(field.type) };
    else if (field.rule === 'repeated') message[name] = [value(field.type), value(field.type)];
    else message[name] = value(field.type);
  }
  return message;
}

describe('GIVEN every method of the three services', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('@grpc/proto-loader') as typeof import('@grpc/proto-loader');
  const reference = loader.fromJSON(servicesJson as Parameters<typeof loader.fromJSON>[0], PROTO_LOADER_OPTIONS) as unknown as Record<string, ServiceDefinition>;
  const ours = loadServices();
  const cases = Object.entries({ 'tfplugin6.Provider': ours.provider, 'plugin.GRPCController': ours.controller, 'plugin.GRPCStdio': ours.stdio }).flatMap(([service, defs]) => {
    const pkg = service.split('.').slice(0, -1);
    const methods = resolveType([], service).node.methods ?? {};
    return Object.entries(methods).flatMap(([method, m]) =>
      (['request', 'response'] as const).map((side) => {
        const type = resolveType(pkg, side === 'request' ? m.requestType : m.responseType);
        return { service, method, side, type, mine: defs[method], theirs: reference[service][method] };
      }),
    );
  });

  test('WHEN listed THEN they are the methods @grpc/proto-loader serves, every tfplugin6.Provider method among them', () => {
    for (const [service, defs] of [['tfplugin6.Provider', ours.provider], ['plugin.GRPCController', ours.controller], ['plugin.GRPCStdio', ours.stdio]] as const) {
      expect(Object.keys(defs).sort()).toEqual(Object.keys(reference[service]).sort());
    }
    expect(cases.filter((c) => c.service === 'tfplugin6.Provider')).toHaveLength(2 * Object.keys(reference['tfplugin6.Provider']).length);
  });

  test.each(cases.map((c) => [`${c.service}/${c.method} ${c.side}`, c] as const))(
    'WHEN a populated %s goes through ours and @grpc/proto-loader THEN the bytes and the decoded objects are the same',
    (_name, { side, type, mine, theirs }) => {
      const [serialize, deserialize] = side === 'request' ? (['requestSerialize', 'requestDeserialize'] as const) : (['responseSerialize', 'responseDeserialize'] as const);
      for (const variant of [0, 1]) {
        const message = populated(type.path, type.node, variant, 3);
        const bytes = theirs[serialize](message);
        expect(Buffer.compare(mine[serialize](message), bytes)).toBe(0);
        expect(mine[deserialize](bytes)).toStrictEqual(theirs[deserialize](bytes));
      }
      // Nothing set: every field comes back with its default (defaults: true), no oneof named.
      expect(mine[deserialize](Buffer.alloc(0))).toStrictEqual(theirs[deserialize](Buffer.alloc(0)));
    },
  );
});

test('GIVEN protobufjs\'s runtime code generation made to throw WHEN messages of every kind go through the services THEN nothing reaches it', () => {
  jest.isolateModules(() => {
    jest.doMock('@protobufjs/codegen', () => () => {
      throw new Error('runtime code generation reached');
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fresh = (require('../../src/tfplugin/protos') as typeof import('../../src/tfplugin/protos')).loadServices().provider;
    const response = { planned_state: { msgpack: Buffer.from([0xc0]) }, diagnostics: [{ severity: 'WARNING', summary: 's', attribute: { steps: [{ element_key_int: 3 }] } }] };
    expect(fresh.PlanResourceChange.responseDeserialize(fresh.PlanResourceChange.responseSerialize(response))).toMatchObject(response);
    const request = { type_name: 't', raw_state: { json: Buffer.from('{}'), flatmap: { a: 'b' } }, version: 2 };
    expect(fresh.UpgradeResourceState.requestDeserialize(fresh.UpgradeResourceState.requestSerialize(request))).toMatchObject(request);
  });
  jest.dontMock('@protobufjs/codegen');
});
