/**
 * The device inventory commands read with `--inventory FILE`: the JSON document `panos-ipsec lab` prints
 * (`{"devices":[{"name","url","apiKey",…}]}`), where a device may name an environment variable instead of holding a
 * secret (`apiKeyEnv`, `passwordEnv`), so the file can be committed without credentials.
 */
import { readFileSync } from 'node:fs';
import { isProtocol, PROTOCOLS, type ClientOptions, type Protocol } from '../../panos/client';

/** One device to read. */
export interface InventoryDevice {
  readonly name: string;
  /** `host:port`, for reports. */
  readonly address: string;
  /** The address other devices reach it at when it sits behind NAT. */
  readonly natAddress?: string;
  readonly connection: ClientOptions;
}

/** An inventory that cannot be used; the message names the file, the device, the field and the fix. */
export class InventoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InventoryError';
  }
}

type Json = Record<string, unknown>;

function str(o: Json, field: string): string | undefined {
  const v = o[field];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** The address part of a `url`, checked. */
function parseUrl(raw: string, where: string): { protocol: Protocol; hostname: string; port?: number } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new InventoryError(`${where}: url ${JSON.stringify(raw)} is not a URL. Fix: write it as https://<management address>[:port].`);
  }
  const protocol = u.protocol.replace(':', '');
  if (!isProtocol(protocol)) {
    throw new InventoryError(`${where}: url ${JSON.stringify(raw)} uses ${protocol}. Fix: use ${PROTOCOLS[0]}:// (or http:// for a simulator).`);
  }
  return { protocol, hostname: u.hostname.replace(/^\[(.*)\]$/, '$1'), ...(u.port ? { port: Number(u.port) } : {}) };
}

function secret(o: Json, field: 'apiKey' | 'password', env: NodeJS.ProcessEnv, where: string): string | undefined {
  const direct = str(o, field);
  const varName = str(o, `${field}Env`);
  if (direct !== undefined && varName !== undefined) {
    throw new InventoryError(`${where}: both ${field} and ${field}Env are set. Fix: keep one (${field}Env keeps the secret out of the file).`);
  }
  if (varName === undefined) return direct;
  const value = env[varName];
  if (value === undefined || value.trim() === '') {
    throw new InventoryError(`${where}: ${field}Env names ${varName}, which is not set. Fix: export ${varName}=<${field === 'apiKey' ? 'API key' : 'password'}> before running.`);
  }
  return value.trim();
}

/** Turns the parsed document into devices; throws {@link InventoryError}. */
export function inventoryFromJson(doc: unknown, file: string, env: NodeJS.ProcessEnv = process.env): InventoryDevice[] {
  const devices = (doc as Json | null)?.devices;
  if (!Array.isArray(devices) || devices.length === 0) {
    throw new InventoryError(`${file}: no "devices" list. Fix: write {"devices":[{"name":"fw-a","url":"https://…","apiKeyEnv":"FW_A_KEY"}]} (the format panos-ipsec lab prints).`);
  }
  const seen = new Set<string>();
  return devices.map((raw, i) => {
    const o = (raw ?? {}) as Json;
    const name = str(o, 'name');
    const where = `${file}: devices[${i}]${name ? ` (${name})` : ''}`;
    if (!name) throw new InventoryError(`${where}: "name" is missing. Fix: give each device a name.`);
    if (seen.has(name)) throw new InventoryError(`${where}: the name ${name} is used twice. Fix: give each device its own name.`);
    seen.add(name);
    const url = str(o, 'url');
    if (!url) throw new InventoryError(`${where}: "url" is missing. Fix: add "url": "https://<management address>".`);
    const target = parseUrl(url, where);
    const apiKey = secret(o, 'apiKey', env, where);
    const username = str(o, 'username');
    const password = secret(o, 'password', env, where);
    if (!apiKey && !(username && password)) {
      throw new InventoryError(`${where}: no credentials. Fix: add "apiKeyEnv": "<variable holding the API key>" (or apiKey, or username with password/passwordEnv).`);
    }
    const caFile = str(o, 'caFile');
    const skip = o.skipVerifyCertificate === true;
    const natAddress = str(o, 'natAddress');
    return {
      name,
      address: `${target.hostname}${target.port ? `:${target.port}` : ''}`,
      ...(natAddress ? { natAddress } : {}),
      connection: {
        hostname: target.hostname,
        protocol: target.protocol,
        ...(target.port ? { port: target.port } : {}),
        ...(apiKey ? { apiKey } : { username, password }),
        verifyTls: !skip,
        ...(caFile ? { caFile } : {}),
      },
    };
  });
}

/** Reads and parses an inventory file. */
export function readInventory(file: string, env: NodeJS.ProcessEnv = process.env): InventoryDevice[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InventoryError(`${file}: cannot read the inventory (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Fix: pass the path of the JSON file panos-ipsec lab printed, or one in its format.`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new InventoryError(`${file}: not JSON (${(err as Error).message}). Fix: write the inventory as one JSON document {"devices":[…]}.`);
  }
  return inventoryFromJson(doc, file, env);
}
