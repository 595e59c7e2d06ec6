/**
 * PanosClient: the PAN-OS XML API as typed methods. Config reads and writes, op commands, commit jobs, system
 * info, locks and descriptor-based object helpers. Transport concerns (pool, cap, retries, keys, redaction) live
 * in {@link Transport}; commit, locks, system info and object helpers live in their own modules and are bound here.
 */
import { el, escapeAttr, parseXml, serializeXml, type XmlElement } from '../xml';
import type { PanosVersion } from '../version';
import type { Decoded, Location, ObjectDescriptor } from '../objects/types';
import { classify, isSuccess, nestedReplies, type Envelope } from './envelope';
import { MultiConfigError } from './errors';
import { resolveOptions, type ClientOptions } from './options';
import { Transport, type RequestSpec } from './transport';
import { whereOf } from './transport-hints';
import { elementText, lastStep, type ElementInput } from './xpath-util';
import { commit, validate, waitForJob, type CommitOptions, type CommitResult, type JobOutcome, type WaitOptions } from './commit';
import { fetchSystemInfo, type SystemInfo } from './system-info';
import * as locks from './locks';
import * as objects from './objects';

/** One action of a multi-config request. */
export interface ConfigOp {
  readonly action: 'set' | 'edit' | 'delete' | 'rename';
  readonly xpath: string;
  /** Required for set / edit. */
  readonly element?: ElementInput;
  /** Required for rename. */
  readonly newName?: string;
  /** Echoed by the device in the reply and in errors. @default the 1-based position */
  readonly id?: string;
}

/** One nested reply of a successful multi-config request. */
export interface MultiConfigReply {
  readonly id?: string;
  readonly status: string;
  readonly code?: number;
  readonly lines: readonly string[];
}

/** Options of {@link PanosClient.op}. */
export interface OpOptions {
  /** `vsys` form field (scope of locks and vsys-specific commands). */
  readonly vsys?: string;
  /**
   * Retry class (see {@link RequestKind}). @default 'read' for commands starting with `<show>` or `<check>`,
   * otherwise 'write-once' (replayed only when the request did not reach the device). Pass 'write' for a command
   * that is idempotent.
   */
  readonly kind?: 'read' | 'write' | 'write-once';
}

const READ_OPS = new Set(['show', 'check']);

/** A client for one PAN-OS firewall or Panorama. */
export class PanosClient {
  /** @internal The transport; shared with the commit / lock / object modules. */
  readonly transport: Transport;
  /** Where the device is reached, e.g. `https://fw.example.net:443`. */
  readonly baseUrl: string;
  private systemInfoCache?: Promise<SystemInfo>;

  constructor(options: ClientOptions) {
    const resolved = resolveOptions(options);
    this.transport = new Transport(resolved);
    this.baseUrl = whereOf(resolved);
  }

  /** Registers a secret (e.g. a pre-shared key) to redact from every error message and log line. */
  addSecret(secret: string): void {
    this.transport.addSecret(secret);
  }

  /** Generates an API key for the user (POST body); the password and key are registered as secrets. */
  keygen(username: string, password: string): Promise<string> {
    return this.transport.keygen(username, password);
  }

  /** Sends a request and throws the classified error unless the envelope reports success. */
  async request(spec: RequestSpec): Promise<Envelope> {
    const { env, httpStatus } = await this.transport.send(spec);
    if (!isSuccess(env)) throw this.transport.envelopeError(env, spec, httpStatus);
    return env;
  }

  /**
   * Reads the candidate config at the xpath. Returns the child of `<result>` (the node the xpath names), the
   * `<result>` element itself when the xpath selects several nodes, or undefined when nothing is there (code 7
   * or an empty result).
   */
  async get(xpath: string): Promise<XmlElement | undefined> {
    return this.read('get', xpath);
  }

  /** Reads the running config at the xpath; undefined for "No such node". Same shapes as {@link get}. */
  async show(xpath: string): Promise<XmlElement | undefined> {
    return this.read('show', xpath);
  }

  /** Merges the element into the candidate at the xpath (creates, never removes children). Idempotent: retried. */
  async set(xpath: string, element: ElementInput): Promise<void> {
    const text = elementText(element);
    await this.request({ params: { type: 'config', action: 'set', xpath, element: text }, kind: 'write', action: 'set', target: xpath, element: text });
  }

  /**
   * Replaces the node at the xpath with the element (children not in it are removed). The element's root must be
   * the xpath's last step (`…/entry[@name='x']` ⇒ `<entry name="x">`); a mismatch throws before sending. Idempotent:
   * retried after a transient failure.
   */
  async edit(xpath: string, element: XmlElement | string): Promise<void> {
    const text = elementText(element);
    const spec: RequestSpec = { params: { type: 'config', action: 'edit', xpath, element: text }, kind: 'write', action: 'edit', target: xpath, element: text };
    const root = typeof element === 'string' ? safeParse(element) : element;
    const step = lastStep(xpath);
    if (root && (root.name !== step.name || (step.entryName !== undefined && root.attrs.name !== step.entryName))) {
      throw this.transport.error('PANOS_BAD_REQUEST', spec, `element <${root.name}${root.attrs.name !== undefined ? ` name="${root.attrs.name}"` : ''}> does not match the xpath's last step ${step.name}${step.entryName !== undefined ? `[@name='${step.entryName}']` : ''}`, {
        hint: 'edit replaces the node the xpath names: pass that node itself as the element',
      });
    }
    await this.request(spec);
  }

  /** Deletes the node at the xpath. Already absent (code 7) counts as success, so a retry is harmless. */
  async delete(xpath: string): Promise<void> {
    const spec: RequestSpec = { params: { type: 'config', action: 'delete', xpath }, kind: 'write', action: 'delete', target: xpath };
    const { env, httpStatus } = await this.transport.send(spec);
    if (isSuccess(env) || env.code === 7 || classify(env) === 'PANOS_NOT_FOUND') return;
    throw this.transport.envelopeError(env, spec, httpStatus);
  }

  /**
   * Runs several config actions as one all-or-nothing request. Success is decided on the outer status; on
   * failure the error ({@link MultiConfigError}) carries the failing nested reply's lines, its id and index.
   * Retried after a transient failure unless it holds a rename (the only action that is not idempotent).
   */
  async multiConfig(ops: readonly ConfigOp[], options: { strictTransactional?: boolean } = {}): Promise<MultiConfigReply[]> {
    if (ops.length === 0) return [];
    const ids = ops.map((op, i) => op.id ?? String(i + 1));
    const actions = ops.map((op, i) => {
      const attrs: Record<string, string> = { id: ids[i], xpath: op.xpath };
      if (op.action === 'rename') attrs.newname = op.newName ?? '';
      const inner = op.element === undefined ? '' : elementText(op.element);
      return `<${op.action}${Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}>${inner}</${op.action}>`;
    });
    const element = `<multi-config>${actions.join('')}</multi-config>`;
    const params: Record<string, string> = { type: 'config', action: 'multi-config', element };
    if (options.strictTransactional) params['strict-transactional'] = 'yes';
    // set, edit and delete leave the same configuration when applied twice; a rename does not.
    const kind = ops.every((op) => op.action !== 'rename') ? 'write' : 'write-once';
    const spec: RequestSpec = { params, kind, action: 'multi-config', target: `(${ops.length} actions)`, element };
    const { env, httpStatus } = await this.transport.send(spec);
    const replies = nestedReplies(env);
    if (isSuccess(env)) {
      return replies.map((r) => ({ id: r.root.attrs.id, status: r.status, code: r.code, lines: r.lines }));
    }
    const failing = [...replies].reverse().find((r) => !isSuccess(r) && r.code !== 7) ?? replies[replies.length - 1];
    const failedId = failing?.root.attrs.id;
    const idx = failedId !== undefined ? ids.indexOf(failedId) : failing ? replies.indexOf(failing) : -1;
    const base = failing && failing.lines.length > 0 ? failing : env;
    const code = classify(base);
    throw new MultiConfigError({
      code: code === 'PANOS_ERROR' ? 'PANOS_MULTI_CONFIG_FAILED' : code,
      action: `multi-config ${idx >= 0 ? ops[idx].action : ''}`.trim(),
      xpath: idx >= 0 ? ops[idx].xpath : spec.target,
      element: idx >= 0 && ops[idx].element !== undefined ? elementText(ops[idx].element as ElementInput) : undefined,
      panosCode: base.code ?? env.code,
      lines: base.lines.length > 0 ? base.lines : env.lines,
      summary: 'multi-config failed without a message',
      httpStatus,
      hint: `action ${idx >= 0 ? idx + 1 : '?'} of ${ops.length} (id ${failedId ?? '?'}) failed; the device rolled back the whole request, so nothing was written`,
      failedId,
      failedIndex: idx >= 0 ? idx : undefined,
      redactor: this.transport.redactor,
    });
  }

  /** Runs an op command and returns its `<result>` element (an empty one when the reply has none). */
  async op(cmd: string | XmlElement, options: OpOptions = {}): Promise<XmlElement> {
    const text = typeof cmd === 'string' ? cmd : serializeXml(cmd);
    const env = await this.request(this.opSpec(text, options));
    return env.result ?? el('result');
  }

  /** @internal The request spec of an op command (lock and job modules need the raw envelope). */
  opSpec(cmd: string, options: OpOptions = {}): RequestSpec {
    const root = /^\s*<\s*([A-Za-z][\w-]*)/.exec(cmd)?.[1] ?? '';
    const params: Record<string, string> = { type: 'op', cmd };
    if (options.vsys !== undefined) params.vsys = options.vsys;
    return { params, kind: options.kind ?? (READ_OPS.has(root) ? 'read' : 'write-once'), action: 'op', target: cmd };
  }

  /**
   * Commits the candidate config and waits for the job. Never sent twice blindly: when the answer to the commit is
   * lost, the job list says whether the device queued it.
   */
  commit(options: CommitOptions = {}): Promise<CommitResult> {
    return commit(this, options);
  }

  /** Polls `show jobs id` until the job is FIN. */
  waitForJob(jobId: number, options: WaitOptions = {}): Promise<JobOutcome> {
    return waitForJob(this, jobId, options);
  }

  /** Validates the candidate config (a Validate job); resolves with result OK or FAIL and the job's lines. */
  validate(options: WaitOptions = {}): Promise<JobOutcome> {
    return validate(this, options);
  }

  /** `show system info`, fetched once per client. */
  systemInfo(): Promise<SystemInfo> {
    if (!this.systemInfoCache) {
      this.systemInfoCache = fetchSystemInfo(this).catch((err: unknown) => {
        this.systemInfoCache = undefined;
        throw err;
      });
    }
    return this.systemInfoCache;
  }

  /** The device's PAN-OS version. */
  async version(): Promise<PanosVersion> {
    return (await this.systemInfo()).version;
  }

  /** True when the candidate config differs from the running config. */
  async pendingChanges(): Promise<boolean> {
    const result = await this.op('<check><pending-changes></pending-changes></check>');
    return result.text.trim().toLowerCase() === 'yes';
  }

  /** Discards candidate changes by loading the running config into the candidate. */
  async revertCandidate(): Promise<void> {
    // Loading the running config twice leaves the same candidate: idempotent.
    await this.op('<load><config><from>running-config.xml</from></config></load>', { kind: 'write' });
  }

  /** Takes the config lock (scope `vsys`, default shared). "You already own a config lock" counts as acquired. */
  acquireConfigLock(comment: string, options: { vsys?: string; exclusive?: boolean } = {}): Promise<void> {
    return locks.acquireConfigLock(this, comment, options);
  }

  /** Releases our config lock; not locked counts as released. */
  releaseConfigLock(options: { vsys?: string } = {}): Promise<void> {
    return locks.releaseConfigLock(this, options);
  }

  /** Takes the commit lock. Already held by us counts as acquired. */
  acquireCommitLock(comment: string): Promise<void> {
    return locks.acquireCommitLock(this, comment);
  }

  /** Releases the commit lock (ours, or `admin`'s when given); not held counts as released. */
  releaseCommitLock(options: { admin?: string } = {}): Promise<void> {
    return locks.releaseCommitLock(this, options);
  }

  /** Config locks held on the device (`vsys` default `all`). */
  configLocks(options: { vsys?: string } = {}): Promise<locks.LockInfo[]> {
    return locks.configLocks(this, options);
  }

  /** Commit locks held on the device. */
  commitLocks(): Promise<locks.LockInfo[]> {
    return locks.commitLocks(this);
  }

  /** Runs `fn` holding the config lock and releases it on every path. */
  withConfigLock<T>(comment: string, fn: () => Promise<T>, options: { vsys?: string } = {}): Promise<T> {
    return locks.withConfigLock(this, comment, fn, options);
  }

  /** Every entry of the descriptor's kind at the location, in one request (missing container = []). */
  listObjects<M extends { name: string }>(desc: ObjectDescriptor<M>, loc: Location, options: { running?: boolean } = {}): Promise<Decoded<M>[]> {
    return objects.listObjects(this, desc, loc, options);
  }

  /** One entry, or undefined when absent. */
  getObject<M extends { name: string }>(desc: ObjectDescriptor<M>, loc: Location, name: string, options: { running?: boolean } = {}): Promise<Decoded<M> | undefined> {
    return objects.getObject(this, desc, loc, name, options);
  }

  /**
   * Creates or replaces an entry (edit on its xpath) after checking the device version can hold every field set;
   * throws `VersionGateError` before any write otherwise. Returns the element written.
   */
  putObject<M extends { name: string }>(desc: ObjectDescriptor<M>, loc: Location, model: M, options: { base?: XmlElement } = {}): Promise<XmlElement> {
    return objects.putObject(this, desc, loc, model, options);
  }

  /** Deletes an entry; already absent is success. */
  deleteObject<M extends { name: string }>(desc: ObjectDescriptor<M>, loc: Location, name: string): Promise<void> {
    return objects.deleteObject(this, desc, loc, name);
  }

  /** Closes the connection pool. */
  close(): Promise<void> {
    return this.transport.close();
  }

  private async read(action: 'get' | 'show', xpath: string): Promise<XmlElement | undefined> {
    const spec: RequestSpec = { params: { type: 'config', action, xpath }, kind: 'read', action, target: xpath };
    const { env, httpStatus } = await this.transport.send(spec);
    if (env.code === 7) return undefined;
    if (!isSuccess(env)) {
      if (classify(env) === 'PANOS_NOT_FOUND') return undefined;
      throw this.transport.envelopeError(env, spec, httpStatus);
    }
    const result = env.result;
    if (!result || (result.children.length === 0 && result.text.trim() === '')) return undefined;
    if (result.children.length === 1) return result.children[0];
    return result;
  }
}

function safeParse(text: string): XmlElement | undefined {
  try {
    return parseXml(text);
  } catch {
    return undefined;
  }
}
