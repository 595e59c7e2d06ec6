/** The plugin protocol's services load from proto/services.json, which must stay what the .proto files say. */
import * as fs from 'node:fs';
import { SERVICES_JSON, servicesJsonText } from '../../scripts/generate-protos';
import { loadServices } from '../../src/tfplugin/protos';

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
