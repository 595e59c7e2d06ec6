import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProviderClient } from '../harness';
import { buildEchoProvider } from './fixtures/build-echo-provider';
import { UNKNOWN, type Value, type ValueObject, objectOf } from '../../src/tfplugin/values';
import { TypedValue } from '../../src/tfplugin/values';

const BUILD_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'tfp-echo-'));
const LAUNCH = { command: buildEchoProvider(BUILD_DIR), args: [] as string[] };
afterAll(() => fs.rmSync(BUILD_DIR, { recursive: true, force: true }));

function thing(fields: Record<string, Value>): ValueObject {
  const base: Record<string, Value> = { id: null, name: null, size: null, tags: null, secret: null, created: null, payload: null, rule: [], settings: null };
  return objectOf(Object.entries({ ...base, ...fields }));
}

describe('a provider process driven like Terraform (AutoMTLS)', () => {
  let p: ProviderClient;

  beforeAll(async () => {
    p = await ProviderClient.start(LAUNCH);
    expect(await p.configureProvider(objectOf([['prefix', 'p-']]))).toEqual([]);
  });

  afterAll(async () => {
    await p.shutdown();
  });

  test('GIVEN the handshake WHEN parsed THEN it announces protocol 6 on a unix socket with a server certificate', () => {
    const h = p.launched.handshake;
    expect(h).toMatchObject({ coreVersion: 1, protocolVersion: 6, network: 'unix', protocol: 'grpc' });
    expect(h.serverCertPem).toContain('BEGIN CERTIFICATE');
    expect(h.line).not.toMatch(/=\s*$/);
  });

  test('GIVEN GetProviderSchema WHEN called THEN resource, data source and provider schemas come back', async () => {
    const s = await p.getProviderSchema();
    expect(s.diagnostics).toEqual([]);
    expect(Object.keys(s.resources)).toEqual(['echo_thing']);
    expect(s.resources.echo_thing.version).toBe(1);
    expect(s.resources.echo_thing.block.attributes?.secret).toMatchObject({ optional: true, sensitive: true });
    expect(s.resources.echo_thing.block.blocks?.rule.nesting).toBe('list');
    expect(Object.keys(s.dataSources)).toEqual(['echo_lookup']);
    expect(s.provider.block.attributes?.prefix).toMatchObject({ optional: true });
  });

  test('GIVEN a bad port in the second rule WHEN validated THEN the diagnostic points at rule[1].port', async () => {
    const config = thing({ name: 'a', rule: [objectOf([['port', 80], ['proto', null]]), objectOf([['port', 70000], ['proto', 'tcp']])] });
    const d = await p.validateResourceConfig('echo_thing', config);
    expect(d).toEqual([{ severity: 'error', summary: 'Port Out Of Range', detail: 'rule 1: port 70000 is above 65535.', path: ['rule', 1, 'port'] }]);
  });

  test('GIVEN a config with unknowns WHEN validated THEN it is accepted', async () => {
    expect(await p.validateResourceConfig('echo_thing', thing({ name: UNKNOWN }))).toEqual([]);
  });

  test('GIVEN a new thing WHEN planned and applied THEN computed values are unknown in the plan and known after apply', async () => {
    const config = thing({ name: 'alpha', size: 3, tags: objectOf([['env', 'dev']]), payload: new TypedValue({ kind: 'list', element: 'string' }, ['x']) });
    const plan = await p.planResourceChange('echo_thing', null, config, config);
    expect(plan.diagnostics).toEqual([]);
    expect(plan.legacyTypeSystem).toBe(false);
    expect(plan.planned).toMatchObject({ id: UNKNOWN, created: UNKNOWN, name: 'alpha', size: 3, tags: { env: 'dev' } });

    const applied = await p.applyResourceChange('echo_thing', null, plan.planned, config, plan.private);
    expect(applied.diagnostics).toEqual([]);
    expect(applied.state).toMatchObject({ id: 'p-alpha', created: 'created-by-echo', name: 'alpha', size: 3 });
    expect(((applied.state as ValueObject).payload as TypedValue).value).toEqual(['x']);
    expect(applied.private.toString()).toBe('v1');

    const read = await p.readResource('echo_thing', applied.state, applied.private);
    expect(read.state).toMatchObject({ id: 'p-alpha', name: 'alpha' });
    expect(read.private.toString()).toBe('v1');
  });

  test('GIVEN a renamed thing WHEN planned THEN name requires replacement and the id is unknown again', async () => {
    const prior = thing({ id: 'p-beta', name: 'beta', created: 'c' });
    const next = thing({ id: 'p-beta', name: 'gamma', created: 'c' });
    const plan = await p.planResourceChange('echo_thing', prior, next, thing({ name: 'gamma' }));
    expect(plan.requiresReplace).toEqual([['name']]);
    expect(plan.planned).toMatchObject({ id: UNKNOWN, name: 'gamma' });
  });

  test('GIVEN a thing that is gone WHEN read THEN the new state is null so Terraform plans a re-create', async () => {
    const config = thing({ name: 'ephemeral' });
    const plan = await p.planResourceChange('echo_thing', null, config, config);
    const created = await p.applyResourceChange('echo_thing', null, plan.planned, config);
    const destroyed = await p.applyResourceChange('echo_thing', created.state, null, null);
    expect(destroyed.state).toBeNull();
    expect((await p.readResource('echo_thing', created.state)).state).toBeNull();
  });

  test('GIVEN an existing id WHEN imported THEN its state comes back; an unknown id gives an error diagnostic', async () => {
    const config = thing({ name: 'imp' });
    const plan = await p.planResourceChange('echo_thing', null, config, config);
    await p.applyResourceChange('echo_thing', null, plan.planned, config);
    const ok = await p.importResourceState('echo_thing', 'p-imp');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.resources).toHaveLength(1);
    expect(ok.resources[0]).toMatchObject({ typeName: 'echo_thing', state: { id: 'p-imp', name: 'imp' } });

    const missing = await p.importResourceState('echo_thing', 'nope');
    expect(missing.resources).toEqual([]);
    expect(missing.diagnostics[0]).toMatchObject({ severity: 'error', summary: 'Cannot Import Non-Existent Remote Object' });
  });

  test('GIVEN stored state JSON from an older schema WHEN upgraded THEN it is re-shaped to the current schema', async () => {
    const r = await p.upgradeResourceState('echo_thing', 0, { id: 'x', name: 'n', removed_field: true });
    expect(r.diagnostics).toEqual([]);
    expect(r.state).toEqual(thing({ id: 'x', name: 'n' }));
  });

  test('GIVEN an apply that throws WHEN called THEN the error arrives as an error diagnostic, not a gRPC failure', async () => {
    const config = thing({ name: 'throw' });
    const plan = await p.planResourceChange('echo_thing', null, config, config);
    const r = await p.applyResourceChange('echo_thing', null, plan.planned, config);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', summary: 'ApplyResourceChange Failed' });
    expect(r.diagnostics[0].detail).toContain('echo_thing (ApplyResourceChange): the echo backend is unreachable');
  });

  test('fails when the resource type is unknown, listing the known types', async () => {
    const r = await p.rawCall('provider', 'ReadResource', { type_name: 'echo_nope', current_state: { msgpack: Buffer.from([0xc0]) } });
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'ERROR', summary: 'Unknown Resource Type', detail: expect.stringContaining('It has: echo_thing') })]);
  });

  test('GIVEN Terraform sends a refined unknown (ext 12) in a plan WHEN planned THEN the provider treats it as unknown', async () => {
    const t = await p.typeOf('r', 'echo_thing');
    const { encodeMsgpack } = await import('../../src/tfplugin/msgpack');
    const config = encodeMsgpack(t, thing({ name: UNKNOWN }));
    // Swap the plain unknown (d4 00 00) for an ext-12 refined unknown: ext8, 3 bytes, type 12, {1: false}.
    const refined = Buffer.from(config.toString('hex').replace('d40000', 'c7030c8101c2'), 'hex');
    const r = await p.rawCall('provider', 'PlanResourceChange', {
      type_name: 'echo_thing', prior_state: { msgpack: Buffer.from([0xc0]) }, proposed_new_state: { msgpack: refined }, config: { msgpack: refined },
    });
    expect(r.diagnostics).toEqual([]);
    const { decodeMsgpack } = await import('../../src/tfplugin/msgpack');
    expect(decodeMsgpack(t, (r.planned_state as { msgpack: Buffer }).msgpack)).toMatchObject({ name: UNKNOWN, id: UNKNOWN });
  });

  test('fails when a provider leaves an unknown in the state after apply, naming the attribute', async () => {
    const config = thing({ name: 'leak-unknown' });
    const plan = await p.planResourceChange('echo_thing', null, config, config);
    const r = await p.applyResourceChange('echo_thing', null, plan.planned, config);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', summary: 'Provider Returned An Unknown Value', path: ['created'] });
    expect(r.state).toBeNull();
  });

  test('fails when apply changes a value the plan had promised, naming the attribute', async () => {
    const config = thing({ name: 'drift-apply', size: 1 });
    const plan = await p.planResourceChange('echo_thing', null, config, config);
    const r = await p.applyResourceChange('echo_thing', null, plan.planned, config);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', summary: 'Provider Changed A Planned Value During Apply', path: ['size'] });
  });

  test('GIVEN a data source config WHEN read THEN the computed attribute is filled', async () => {
    const r = await p.readDataSource('echo_lookup', objectOf([['name', 'bob'], ['greeting', null]]));
    expect(r).toEqual({ state: { name: 'bob', greeting: 'hello bob' }, diagnostics: [] });
  });

  test('GIVEN an apply in flight WHEN StopProvider arrives THEN the work is cancelled and Stop answers {}', async () => {
    const config = thing({ name: 'slow' });
    const plan = await p.planResourceChange('echo_thing', null, config, config);
    const applying = p.applyResourceChange('echo_thing', null, plan.planned, config);
    await new Promise((r) => setTimeout(r, 200));
    expect(await p.stopProvider()).toBe('');
    const r = await applying;
    expect(r.diagnostics[0]).toMatchObject({ severity: 'error', summary: 'Operation Cancelled' });
  });

  test('GIVEN the process WHEN it logs THEN the lines on stderr are hclog JSON that Terraform can level', () => {
    const lines = p.stderr().split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0])).toHaveProperty('@level');
  });
});

describe('provider process lifecycle', () => {
  test('GIVEN a running provider WHEN Shutdown is called THEN it exits by itself with code 0 and removes its socket', async () => {
    const p = await ProviderClient.start(LAUNCH);
    const socket = p.launched.handshake.address;
    expect(fs.existsSync(socket)).toBe(true);
    const r = await p.shutdown(5000);
    expect(r).toEqual({ code: 0, signal: null, killed: false });
    expect(fs.existsSync(path.dirname(socket))).toBe(false);
  });

  test('GIVEN TF_DISABLE_PLUGIN_TLS WHEN launched THEN it serves plaintext with an empty certificate field', async () => {
    const p = await ProviderClient.start({ ...LAUNCH, tls: false });
    try {
      expect(p.launched.handshake.serverCertPem).toBeUndefined();
      expect(p.launched.handshake.line).toMatch(/^1\|6\|unix\|[^|]+\|grpc\|$/);
      expect((await p.getProviderSchema()).diagnostics).toEqual([]);
    } finally {
      await p.shutdown();
    }
  });

  test('GIVEN a running provider WHEN sent SIGTERM THEN it exits and removes its socket directory', async () => {
    const p = await ProviderClient.start(LAUNCH);
    const dir = path.dirname(p.launched.handshake.address);
    p.close();
    p.launched.child.kill('SIGTERM');
    const r = await p.launched.exited;
    expect(r.code).toBe(0);
    expect(fs.existsSync(dir)).toBe(false);
  });

  test('GIVEN --debug WHEN started by hand THEN it prints a TF_REATTACH_PROVIDERS value for a plaintext unix socket', async () => {
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const child = spawn(LAUNCH.command, ['--debug'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let buf = '';
        const timer = setTimeout(() => reject(new Error(`no reattach line within 20 s: ${buf}`)), 20000);
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          buf += d;
          if (/TF_REATTACH_PROVIDERS='.*'/.test(buf)) { clearTimeout(timer); resolve(buf); }
        });
      });
      const reattach = JSON.parse(/TF_REATTACH_PROVIDERS='(.*)'/.exec(out)![1]) as Record<string, { Protocol: string; ProtocolVersion: number; Pid: number; Addr: { Network: string; String: string } }>;
      const entry = reattach['example.com/test/echo'];
      expect(entry).toMatchObject({ Protocol: 'grpc', ProtocolVersion: 6, Pid: child.pid, Addr: { Network: 'unix' } });
      expect(fs.existsSync(entry.Addr.String)).toBe(true);
    } finally {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGINT');
      await exited;
    }
  });

  test('fails when started without the magic cookie: exits 1 saying it is a Terraform plugin', () => {
    const env = { ...process.env };
    delete env.TF_PLUGIN_MAGIC_COOKIE;
    const r = spawnSync(LAUNCH.command, LAUNCH.args, { env, encoding: 'utf8', timeout: 20000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/plugin for Terraform/);
    expect(r.stderr).toMatch(/terraform init/);
  });

  test('fails when the host offers only protocol 5: exits 1 naming protocol 6', () => {
    const r = spawnSync(LAUNCH.command, LAUNCH.args, {
      env: { ...process.env, TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2', PLUGIN_PROTOCOL_VERSIONS: '5' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/protocol 6 only/);
  });
});
