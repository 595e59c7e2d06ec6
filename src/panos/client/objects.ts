/**
 * Typed object helpers on {@link ObjectDescriptor}: one bulk read per container, version-gated writes (the gate is
 * checked before anything is sent), and idempotent deletes. Candidate bookkeeping attributes are stripped on read
 * so they are neither diffed nor written back.
 */
import { childrenNamed, type XmlElement } from '../xml';
import type { Decoded, Location, ObjectDescriptor } from '../objects/types';
import { VersionGateError } from '../objects/errors';
import { stripBookkeeping } from './xpath-util';
import type { PanosClient } from './client';

function read(client: PanosClient, xpath: string, running: boolean | undefined): Promise<XmlElement | undefined> {
  return running ? client.show(xpath) : client.get(xpath);
}

/** See {@link PanosClient.listObjects}. */
export async function listObjects<M extends { name: string }>(
  client: PanosClient,
  desc: ObjectDescriptor<M>,
  loc: Location,
  options: { running?: boolean },
): Promise<Decoded<M>[]> {
  const container = await read(client, desc.containerXpath(loc), options.running);
  if (!container) return [];
  return childrenNamed(container, 'entry').map((e) => desc.decode(stripBookkeeping(e)));
}

/** See {@link PanosClient.getObject}. */
export async function getObject<M extends { name: string }>(
  client: PanosClient,
  desc: ObjectDescriptor<M>,
  loc: Location,
  name: string,
  options: { running?: boolean },
): Promise<Decoded<M> | undefined> {
  const entry = await read(client, desc.entryXpath(loc, name), options.running);
  if (!entry || entry.name !== 'entry') return undefined;
  return desc.decode(stripBookkeeping(entry));
}

/** See {@link PanosClient.putObject}. */
export async function putObject<M extends { name: string }>(
  client: PanosClient,
  desc: ObjectDescriptor<M>,
  loc: Location,
  model: M,
  options: { base?: XmlElement },
): Promise<XmlElement> {
  const xpath = desc.entryXpath(loc, model.name);
  const version = await client.version();
  const issues = desc.versionIssues(model, version);
  if (issues.length > 0) throw new VersionGateError(issues);
  const element = desc.encode(model, version, options.base ? stripBookkeeping(options.base) : undefined);
  await client.edit(xpath, element);
  return element;
}

/** See {@link PanosClient.deleteObject}. */
export async function deleteObject<M extends { name: string }>(
  client: PanosClient,
  desc: ObjectDescriptor<M>,
  loc: Location,
  name: string,
): Promise<void> {
  await client.delete(desc.entryXpath(loc, name));
}
