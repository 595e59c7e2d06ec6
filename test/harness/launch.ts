/**
 * Launches a provider executable the way Terraform does (go-plugin client side): magic cookie, offered protocol
 * versions, AutoMTLS client certificate, handshake parsing, and a gRPC channel over the announced unix socket.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as grpc from '@grpc/grpc-js';
import { makeSelfSignedCertificate } from '../../src/util/self-signed-cert';
import { MAGIC_COOKIE_KEY, MAGIC_COOKIE_VALUE } from '../../src/tfplugin/serve';

/** How to start the provider. */
export interface LaunchOptions {
  /** Executable (a launcher script or node). */
  readonly command: string;
  readonly args?: readonly string[];
  /** Extra environment, merged over process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Use AutoMTLS like Terraform does by default. @default true */
  readonly tls?: boolean;
  /** PLUGIN_PROTOCOL_VERSIONS. @default '5,6' */
  readonly protocolVersions?: string;
  /** @default 20000 */
  readonly startTimeoutMs?: number;
}

/** The parsed handshake line `CORE|APP|NETWORK|ADDR|PROTOCOL|CERT`. */
export interface Handshake {
  readonly coreVersion: number;
  readonly protocolVersion: number;
  readonly network: string;
  readonly address: string;
  readonly protocol: string;
  /** The server certificate as PEM, when the 6th field carried one. */
  readonly serverCertPem?: string;
  readonly line: string;
}

/** A started provider process with an open gRPC channel. */
export interface LaunchedProvider {
  readonly child: ChildProcess;
  readonly handshake: Handshake;
  readonly channelCredentials: grpc.ChannelCredentials;
  readonly channelOptions: grpc.ChannelOptions;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Resolves when the process exits. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Parses a handshake line; throws naming what is wrong. */
export function parseHandshake(line: string): Handshake {
  const parts = line.trim().split('|');
  if (parts.length < 4) throw new Error(`handshake line has ${parts.length} fields, need at least 4: ${JSON.stringify(line)}`);
  const [core, app, network, address, protocol = 'netrpc', cert = ''] = parts;
  let serverCertPem: string | undefined;
  if (cert.length > 50) {
    // The field is unpadded standard base64 of the DER bytes; Buffer accepts it without padding.
    const der = Buffer.from(cert, 'base64');
    serverCertPem = `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
  }
  return { coreVersion: Number(core), protocolVersion: Number(app), network, address, protocol, serverCertPem, line };
}

/** Starts the provider and waits for its handshake. */
export async function launch(opts: LaunchOptions): Promise<LaunchedProvider> {
  const useTls = opts.tls ?? true;
  const clientCert = useTls ? await makeSelfSignedCertificate() : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...opts.env,
    [MAGIC_COOKIE_KEY]: MAGIC_COOKIE_VALUE,
    PLUGIN_PROTOCOL_VERSIONS: opts.protocolVersions ?? '5,6',
    PLUGIN_MIN_PORT: '10000',
    PLUGIN_MAX_PORT: '25000',
  };
  delete env.PLUGIN_CLIENT_CERT;
  delete env.TF_DISABLE_PLUGIN_TLS;
  if (clientCert) env.PLUGIN_CLIENT_CERT = clientCert.certPem;
  else env.TF_DISABLE_PLUGIN_TLS = '1';

  const child = spawn(opts.command, [...(opts.args ?? [])], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })));

  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`provider did not print a handshake within ${opts.startTimeoutMs ?? 20000} ms; stderr:\n${err}`));
    }, opts.startTimeoutMs ?? 20000);
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, nl));
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`provider exited (code ${code}, signal ${signal}) before its handshake; stderr:\n${err}`));
    });
  });
  // Like go-plugin, keep draining stdout after the handshake so the child never blocks on a full pipe.
  child.stdout?.resume();

  const handshake = parseHandshake(line);
  if (handshake.coreVersion !== 1 || handshake.protocol !== 'grpc') {
    child.kill('SIGKILL');
    throw new Error(`unsupported handshake ${JSON.stringify(line)}: need core 1 and protocol grpc`);
  }
  let channelCredentials: grpc.ChannelCredentials;
  if (clientCert) {
    if (!handshake.serverCertPem) {
      child.kill('SIGKILL');
      throw new Error(`AutoMTLS was requested but the handshake carries no server certificate: ${JSON.stringify(line)}`);
    }
    channelCredentials = grpc.credentials.createSsl(Buffer.from(handshake.serverCertPem), Buffer.from(clientCert.keyPem), Buffer.from(clientCert.certPem));
  } else {
    channelCredentials = grpc.credentials.createInsecure();
  }
  const channelOptions: grpc.ChannelOptions = {
    'grpc.ssl_target_name_override': 'localhost',
    'grpc.default_authority': 'localhost',
    'grpc.max_receive_message_length': 256 << 20,
  };
  return { child, handshake, channelCredentials, channelOptions, stderr: () => err, exited };
}

/** The gRPC target for a handshake address. */
export function targetOf(h: Handshake): string {
  return h.network === 'unix' ? `unix://${h.address}` : h.address;
}
