/**
 * Runs a provider as a Terraform plugin process: go-plugin handshake, AutoMTLS, unix socket, lifecycle.
 *
 * TLS: when Terraform passes its client certificate in PLUGIN_CLIENT_CERT (AutoMTLS, the default) the server makes a
 * fresh self-signed ECDSA certificate, puts its DER in the handshake line and requires the client to present exactly
 * that certificate. When TF_DISABLE_PLUGIN_TLS is set, or PLUGIN_CLIENT_CERT is absent, or in `--debug` mode, it
 * serves plaintext: the socket lives in a private 0700 directory, and Terraform only allows plaintext in those cases.
 *
 * The process accepts connections on the unix socket itself, ends TLS on each, and hands the authenticated stream to
 * its gRPC server (grpc-server.ts). Node.js 20 builds every TLS server context on its store of public root
 * certificates (parsing Mozilla's whole bundle, 40-80 ms of each start on the bench machine) even when the only
 * certificate to trust is Terraform's; a context with an empty CA list builds none.
 * The client is then accepted when the certificate it presented (and proved, in the handshake, to hold the key of) is
 * byte for byte the one Terraform announced, which is what go-plugin's AutoMTLS asks: Terraform's certificate is
 * self-signed and is its own CA.
 */
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { GrpcServer } from './grpc-server';
import { createProviderHandlers } from './grpc-service';
import { type Logger, createLogger } from './logger';
import type { ProviderServer } from './provider-server';
import { ignoringRequests, loadServices } from './protos';

/** The env var and value every go-plugin host for Terraform sets. */
export const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE';
/** See {@link MAGIC_COOKIE_KEY}. */
export const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2';

/** Options for {@link serve}. */
export interface ServeOptions {
  /** Provider source address printed in `--debug` mode, e.g. `example.com/me/demo`. @default 'registry.terraform.io/local/provider' */
  readonly providerAddress?: string;
  /** Command-line arguments. @default process.argv.slice(2) */
  readonly argv?: readonly string[];
  /** Environment. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default an hclog JSON logger on stderr */
  readonly logger?: Logger;
  /** How often to check that the parent process is still there, in ms. @default 500 */
  readonly parentPollMs?: number;
}

/** A running plugin server. */
export interface ServeHandle {
  /** The unix socket path. */
  readonly socketPath: string;
  /** Whether the server uses mutual TLS. */
  readonly tls: boolean;
  /** Stops serving, removes the socket directory and exits the process with `code`. */
  shutdown(code?: number): void;
}

const NOT_A_COMMAND =
  'This binary is a plugin for Terraform (or OpenTofu), not a command to run yourself.\n' +
  'Terraform starts it when a configuration uses this provider: run `terraform init` and `terraform plan` in the\n' +
  'configuration directory instead. To debug the provider, start it with --debug and follow the printed steps.\n';

/**
 * Serves `provider` as a Terraform plugin-protocol-6 process. Resolves once the handshake line is on stdout.
 * Exits the process (code 1) with a message on stderr when not started by Terraform.
 */
export async function serve(provider: ProviderServer, opts: ServeOptions = {}): Promise<ServeHandle> {
  const env = opts.env ?? process.env;
  const argv = opts.argv ?? process.argv.slice(2);
  const debug = argv.includes('--debug');
  const fail = (msg: string): never => {
    process.stderr.write(msg);
    process.exit(1);
  };
  if (!debug && env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) fail(NOT_A_COMMAND);
  const offered = (env.PLUGIN_PROTOCOL_VERSIONS ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  if (!debug && offered.length > 0 && !offered.includes('6')) {
    fail(`This provider speaks Terraform plugin protocol 6 only, but the host offered ${offered.join(',')}. ` +
      'Use Terraform 1.0 or later (or OpenTofu).\n');
  }
  redirectConsoleToStderr();
  const log = opts.logger ?? createLogger('provider');

  const handlers = createProviderHandlers(provider, log);
  const services = ignoringRequests(loadServices(), handlers.requestsIgnored);

  const clientCert = env.PLUGIN_CLIENT_CERT;
  const tls = !debug && !!clientCert && !env.TF_DISABLE_PLUGIN_TLS;
  let secure: { key: string; cert: string; client: Buffer } | undefined;
  let certField = '';
  if (tls && clientCert) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { makeSelfSignedCertificate } = require('../util/self-signed-cert') as typeof import('../util/self-signed-cert');
    const cert = await makeSelfSignedCertificate({ commonName: 'localhost', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] });
    secure = { key: cert.keyPem, cert: cert.certPem, client: new X509Certificate(clientCert).raw };
    // go-plugin reads the server cert as unpadded standard base64 of the DER bytes.
    certField = cert.certDer.toString('base64').replace(/=+$/, '');
  }

  const dir = fs.mkdtempSync(path.join(shortTmp(), 'tfplugin-'));
  const socketPath = path.join(dir, 'plugin.sock');
  const server = new GrpcServer({
    // Terraform allows 256 MiB messages.
    maxReceiveBytes: 256 << 20,
    onError: (what, err) => log.debug('plugin call or connection ended with an error', { what, error: err.message }),
  });

  let exiting = false;
  const shutdown = (code = 0): void => {
    if (exiting) return;
    exiting = true;
    void handlers.stop().catch(() => undefined);
    const finish = (): void => {
      fs.rmSync(dir, { recursive: true, force: true });
      process.exit(code);
    };
    // Let the answer to Shutdown flush, but never hang: Terraform kills us after 2 s anyway.
    listener.close();
    void server.close(300).then(finish);
  };

  server.addService(services.provider, handlers.provider);
  server.addService(services.controller, {
    Shutdown: (_call, cb) => {
      log.debug('GRPCController.Shutdown: exiting');
      cb(null, {});
      setImmediate(() => shutdown(0));
    },
  });
  server.addService(services.stdio, {
    // Our logs already go to stderr, which the host reads; nothing to mirror.
    StreamStdio: (call) => call.end(),
  });

  let listener: net.Server;
  if (secure) {
    const client = secure.client;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const nodeTls = require('node:tls') as typeof import('node:tls');
    // `ca: []`: no CA at all, so Node.js builds no root store (see the opening comment); the client is checked here.
    listener = nodeTls.createServer(
      { key: secure.key, cert: secure.cert, ca: [], requestCert: true, rejectUnauthorized: false, ALPNProtocols: ['h2'], minVersion: 'TLSv1.2' },
      (conn) => {
        const presented = conn.getPeerCertificate().raw as Buffer | undefined;
        if (presented !== undefined && presented.equals(client)) {
          server.serve(conn);
        } else {
          log.warn('refused a plugin connection that did not present the client certificate Terraform announced (PLUGIN_CLIENT_CERT)');
          conn.destroy();
        }
      },
    );
    listener.on('tlsClientError', (err) => log.debug('plugin connection failed its TLS handshake', { error: err.message }));
  } else {
    listener = net.createServer((socket) => server.serve(socket));
  }
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(socketPath, () => {
      listener.off('error', reject);
      resolve();
    });
  });
  fs.chmodSync(dir, 0o700);

  if (debug) {
    const address = opts.providerAddress ?? 'registry.terraform.io/local/provider';
    const reattach = { [address]: { Protocol: 'grpc', ProtocolVersion: 6, Pid: process.pid, Test: true, Addr: { Network: 'unix', String: socketPath } } };
    process.stdout.write(
      `Provider ${address} is running in debug mode (plaintext, pid ${process.pid}).\n` +
        'To use it, set this in the environment of terraform (in another shell):\n\n' +
        `\tTF_REATTACH_PROVIDERS='${JSON.stringify(reattach)}'\n\nStop it with Ctrl-C.\n`,
    );
  } else {
    process.stdout.write(`1|6|unix|${socketPath}|grpc|${certField}\n`);
    // After the handshake the host drains and drops stdout; route stray writes to stderr so they are logged.
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  }
  log.info('plugin server listening', { socket: socketPath, tls });

  process.on('SIGTERM', () => shutdown(0));
  // go-plugin plugins ignore SIGINT: Terraform forwards Ctrl-C as StopProvider and then decides when to stop us.
  process.on('SIGINT', () => (debug ? shutdown(0) : log.debug('SIGINT ignored; waiting for StopProvider/Shutdown')));
  if (!debug) {
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent) {
        log.warn('parent process went away; exiting');
        shutdown(0);
      }
    }, opts.parentPollMs ?? 500);
    watch.unref();
  }
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

  return { socketPath, tls, shutdown };
}

/** A tmp dir short enough for a unix socket path (sun_path holds about 100 bytes). */
function shortTmp(): string {
  const t = os.tmpdir();
  return t.length <= 60 ? t : '/tmp';
}

/** Keeps stdout clean for the handshake: console.log/info/debug go to stderr. */
function redirectConsoleToStderr(): void {
  const toErr = (...args: unknown[]): void => console.error(...args);
  console.log = toErr;
  console.info = toErr;
  console.debug = toErr;
}
