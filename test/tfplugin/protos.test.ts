/** The plugin protocol's services load from proto/services.json, which must stay what the .proto files say. */
import * as fs from 'node:fs';
import { SERVICES_JSON, servicesJsonText } from '../../scripts/generate-protos';
import type { ServiceDefinition } from '@grpc/grpc-js';
import { ignoringRequests, loadServices, PROTO_LOADER_OPTIONS } from '../../src/tfplugin/protos';
import servicesJson from '../../src/tfplugin/proto/services.json';

test('GIVEN the .proto files WHEN services.json is generated afresh THEN it equals the committed file (fails when stale: run npm run generate)', () => {
  expect(fs.readFileSync(SERVICES_JSON, 'utf8')).toBe(servicesJsonText());
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
