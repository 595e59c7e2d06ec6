/** The tfplugin6 handlers called in-process: what a call needs from the provider, and what it never touches. */
import type { ServerCall } from '../../src/tfplugin/grpc-server';
import { createLogger, createProviderHandlers, type ProviderServer } from '../../src/tfplugin';

type Answer = Record<string, unknown>;

function call(impl: ProviderServer, method: string, request: Record<string, unknown>): Promise<Answer> {
  const handlers = createProviderHandlers(impl, createLogger('test', { level: 'error', write: () => undefined }));
  const handler = handlers.provider[method];
  const call: ServerCall = { request, write: () => undefined, end: () => undefined };
  return new Promise((resolve, reject) => handler(call, (err, res) => (err ? reject(err) : resolve(res as Answer))));
}

/** A provider whose schema may not be built: a call that needs it fails with that error as its diagnostic. */
const schemaless: ProviderServer = {
  getSchema: () => {
    throw new Error('the schema was built');
  },
};

test('GIVEN a provider without its own resource check WHEN Terraform validates a resource config THEN the answer needs neither its schema nor the value', async () => {
  const config = { msgpack: Buffer.from([0x81, 0xa4, 0x6e, 0x61, 0x6d, 0x65, 0xa1, 0x61]) };
  expect(await call(schemaless, 'ValidateResourceConfig', { type_name: 'x_thing', config })).toEqual({ diagnostics: [] });
  expect(await call(schemaless, 'ValidateDataResourceConfig', { type_name: 'x_lookup', config })).toEqual({ diagnostics: [] });
});

test('GIVEN a provider with its own resource check WHEN Terraform validates a resource config THEN the value is decoded by the schema first', async () => {
  const checked: ProviderServer = { ...schemaless, validateResourceConfig: () => ({ diagnostics: [] }) };
  const answer = await call(checked, 'ValidateResourceConfig', { type_name: 'x_thing', config: { msgpack: Buffer.from([0xc0]) } });
  expect(JSON.stringify(answer.diagnostics)).toContain('the schema was built');
});

test('GIVEN a provider with or without its own checks THEN the handlers say which requests need no decoding', () => {
  const log = createLogger('test', { level: 'error', write: () => undefined });
  expect(createProviderHandlers(schemaless, log).requestsIgnored).toEqual(['ValidateResourceConfig', 'ValidateDataResourceConfig']);
  const checked: ProviderServer = { ...schemaless, validateResourceConfig: () => ({ diagnostics: [] }), validateDataResourceConfig: () => ({ diagnostics: [] }) };
  expect(createProviderHandlers(checked, log).requestsIgnored).toEqual([]);
});
