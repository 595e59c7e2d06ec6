import { Annotations, Lazy, TerraformStack, type TerraformResource } from 'cdktf';
import { Construct, type IConstruct } from 'constructs';
import type { Protocol } from '../src/panos/client/options';
import { isTcpPort, TCP_PORTS } from '../src/panos/connection-env';
import { parseVersion } from '../src/panos/version';
import { ACKNOWLEDGED_RULES, InvalidAcknowledgementError, usersByPath, validateAcknowledgement, type Acknowledgement, type PairAcknowledgement, type StackFacts } from '../src/rules';
import { Errors, PanosConstructError } from './errors';
import type { CommitScope } from './enums';
import { Commit } from './generated/commit';
import { CommitAnchor } from './generated/commit-anchor';
import { PanosipsecProvider } from './generated/provider';
import { PanosLocation } from './location';
import type { PanosObject } from './panos-object';
import { PeerPairing } from './peer-pairing';
import { acknowledgementKey, evaluateFirewall, firewallFacts, unmatchedAcknowledgementMessage, type Evaluation, type FirewallSnapshot } from './rules-run';
import type { SecretValue } from './secret-value';

/** Props of {@link PanosFirewall}. Connection settings left unset fall back to PANOS_* variables in the provider. */
export interface PanosFirewallProps {
  /** Management address. @default - PANOS_HOSTNAME at plan and apply */
  readonly hostname?: string;
  /** Management port. @default - PANOS_PORT, else 443 for https and 80 for http */
  readonly port?: number;
  /** @default - PANOS_PROTOCOL, else 'https' */
  readonly protocol?: Protocol;
  /** API key. @default - PANOS_API_KEY, or a key generated from username and password */
  readonly apiKey?: SecretValue;
  /** @default - PANOS_USERNAME */
  readonly username?: string;
  /** @default - PANOS_PASSWORD */
  readonly password?: SecretValue;
  /** @default - PANOS_SKIP_VERIFY_CERTIFICATE, else false */
  readonly skipVerifyCertificate?: boolean;
  /** PEM file of the CA that signed the device certificate. @default - PANOS_CA_FILE, else the system CAs */
  readonly caFile?: string;
  /** Where the objects live. @default PanosLocation.vsys('vsys1') */
  readonly location?: PanosLocation;
  /**
   * Lowest PAN-OS version the stack must work on. Fields newer than it fail synth (and plan).
   * @default '11.0.0' - transport mode, the reason this library exists, needs 11.0; set '10.2.0' for tunnel-mode
   * stacks that must also run on PAN-OS 10.2
   */
  readonly minPanosVersion?: string;
  /** A PAN-OS version the device must stay downgradable to (e.g. '10.2.9'). @default - no downgrade check */
  readonly downgradeTargetVersion?: string;
  /** @default CommitScope.ADMIN (the provider's default: only this API admin's changes) */
  readonly commitScope?: CommitScope;
  /** Description of the commits. @default - the provider's default description */
  readonly commitDescription?: string;
  /** Hold a PAN-OS config lock from the first write until the commit. @default false */
  readonly configLock?: boolean;
  /** Provider alias; needed for every firewall after the first in one stack. @default - the default provider configuration */
  readonly providerAlias?: string;
}

const FIREWALL_MARK = Symbol.for('cdktf-panos-ipsec.PanosFirewall');
const firewallsByStack = new WeakMap<TerraformStack, PanosFirewall[]>();

/** One acknowledgement and the construct that made it. */
interface AckEntry {
  readonly ack: Acknowledgement;
  readonly owner: IConstruct;
}

/**
 * A firewall (or Panorama template / template stack) target: creates the provider configuration, the commit
 * resource and the commit anchor, wires every PAN-OS object construct of the firewall to them, and runs the
 * validation rules once for all of them at synth.
 *
 * Dependencies: every PAN-OS resource depends on the anchor (so `terraform destroy` deletes the anchor last and its
 * delete commits); the commit resource depends on every PAN-OS resource and its `triggers` map holds each
 * resource's `revision` keyed by construct path (so every apply that writes anything ends with one commit).
 */
export class PanosFirewall extends Construct {
  /** True when `x` is a PanosFirewall (also across copies of this module). */
  public static isPanosFirewall(x: unknown): x is PanosFirewall {
    return typeof x === 'object' && x !== null && FIREWALL_MARK in x;
  }

  /**
   * The firewall of a construct: the nearest PanosFirewall above it, else the only one in its stack.
   * Throws when there is none, or several and the construct is inside none of them.
   */
  public static of(construct: IConstruct): PanosFirewall {
    for (let s: IConstruct | undefined = construct.node.scope; s; s = s.node.scope) {
      if (PanosFirewall.isPanosFirewall(s)) return s;
    }
    const stack = TerraformStack.of(construct);
    const all = firewallsByStack.get(stack) ?? [];
    if (all.length === 1) return all[0]!;
    if (all.length === 0) throw Errors.noFirewall(construct.node.path, stack.node.path);
    throw Errors.severalFirewalls(construct.node.path, all.map((f) => f.node.path));
  }

  public readonly provider: PanosipsecProvider;
  public readonly commit: Commit;
  public readonly commitAnchor: CommitAnchor;
  public readonly location: PanosLocation;
  public readonly minPanosVersion: string;
  public readonly downgradeTargetVersion?: string;

  private readonly objects: PanosObject[] = [];
  private readonly byPath = new Map<string, IConstruct>();
  /** Registered resources with their trigger keys, in registration order. */
  private readonly resources: { readonly key: string; readonly resource: TerraformResource }[] = [];
  private readonly acks: AckEntry[] = [];
  private evaluation?: Evaluation;
  /** Keys of the acknowledgements that cover at least one finding (set with {@link evaluation}). */
  private matchedAcks = new Set<string>();
  private facts?: StackFacts;
  private ackMaps?: { readonly evaluation: Evaluation; readonly map: Map<object, Record<string, string>> };

  constructor(scope: Construct, id: string, props: PanosFirewallProps = {}) {
    super(scope, id);
    Object.defineProperty(this, FIREWALL_MARK, { value: true });
    const stack = TerraformStack.of(this);
    const siblings = firewallsByStack.get(stack) ?? [];
    const unaliased = siblings.find((f) => f.provider.alias === undefined);
    if (unaliased && props.providerAlias === undefined) throw Errors.secondDefaultProvider(this.node.path, unaliased.node.path);
    firewallsByStack.set(stack, [...siblings, this]);

    this.location = props.location ?? PanosLocation.vsys();
    this.minPanosVersion = this.checkVersion('minPanosVersion', props.minPanosVersion ?? '11.0.0');
    if (props.downgradeTargetVersion !== undefined) {
      this.downgradeTargetVersion = this.checkVersion('downgradeTargetVersion', props.downgradeTargetVersion);
    }
    if (props.port !== undefined && !isTcpPort(props.port)) {
      throw Errors.invalidProp(this.node.path, 'port', props.port, 'is not a TCP port', `use ${TCP_PORTS} or leave it unset`);
    }
    for (const [prop, secret] of [['apiKey', props.apiKey], ['password', props.password]] as const) {
      if (secret?.source === 'plain-text') this.warnPlainText(prop);
    }

    const loc = this.location.location;
    this.provider = new PanosipsecProvider(this, 'Provider', {
      hostname: props.hostname,
      port: props.port,
      protocol: props.protocol,
      apiKey: props.apiKey?.unsafeUnwrap(),
      username: props.username,
      password: props.password?.unsafeUnwrap(),
      skipVerifyCertificate: props.skipVerifyCertificate,
      caFile: props.caFile,
      vsys: this.location.vsysName,
      template: loc.type === 'template' ? loc.template : undefined,
      templateStack: loc.type === 'template-stack' ? loc.templateStack : undefined,
      commitScope: props.commitScope,
      commitDescription: props.commitDescription,
      configLock: props.configLock,
      minPanosVersion: this.minPanosVersion,
      downgradeTargetVersion: this.downgradeTargetVersion,
      alias: props.providerAlias,
    });
    this.commitAnchor = new CommitAnchor(this, 'CommitAnchor', { provider: this.provider, description: props.commitDescription });
    // triggers and depends_on are produced once at synth from the registered resources: one lazy value each instead
    // of a token per resource (cdktf captures a stack trace for every token, which dominated synth at 1,000 tunnels).
    // Addresses are read at synth, so an overridden logical id is honoured.
    this.commit = new Commit(this, 'Commit', { provider: this.provider, triggers: {}, description: props.commitDescription });
    this.commit.addOverride('triggers', Lazy.anyValue({ produce: () => this.triggerMap() }));
    this.commit.dependsOn = Lazy.listValue({ produce: () => this.resources.map((r) => address(r.resource)) });
    const pairing = PeerPairing.of(this);
    pairing.addFirewall(this);
    this.node.addValidation({ validate: () => [...this.evaluate().errorsFor(this.node.path, true), ...pairing.errorsFor(this.node.path)] });
  }

  /**
   * Accepts a warning or info finding of `ruleId` everywhere on this firewall, with a written reason. Throws for
   * unknown ids, error rules and empty reasons.
   */
  public acknowledge(ruleId: string, reason: string): void {
    this._acknowledge(this, ruleId, reason);
  }

  /** @internal */
  public _acknowledge(owner: IConstruct, ruleId: string, reason: string): void {
    const ack: Acknowledgement = owner === this ? { ruleId, reason } : { ruleId, reason, path: owner.node.path };
    try {
      validateAcknowledgement(ack);
    } catch (e) {
      if (e instanceof InvalidAcknowledgementError) throw new PanosConstructError(owner.node.path, `PANOS-ACK-001: ${e.message}`);
      throw e;
    }
    this.acks.push({ ack: { ...ack, reason: reason.trim() }, owner });
    this.evaluation = undefined;
    this.facts = undefined;
    PeerPairing.of(this).invalidate();
    // Visible in cdk.tf.json: on the acknowledging object's resource, and all of them on the commit resource. Only
    // acknowledgements that cover a finding are recorded as accepted (known once the rules ran, hence lazy).
    const listed = (o?: IConstruct): { rule: string; reason: string; scope: string }[] | undefined => {
      this.evaluate();
      const list = this.acks
        .filter((a) => (o === undefined || a.owner === o) && this.matchedAcks.has(acknowledgementKey(a.ack)))
        .map((a) => ({ rule: a.ack.ruleId, reason: a.ack.reason, scope: a.ack.path ?? this.node.path }));
      return list.length > 0 ? list : undefined;
    };
    // To the plan (Terraform drops "//"): a firewall's acknowledgements in the provider's acknowledged_rules, an object's
    // in the acknowledged_rules of its resource and of each resource whose finding it covers (Terraform plans a used
    // object before its users, so the user's acknowledgement would come too late for the used object's plan).
    if (this.acks.length === 1) {
      this.commit.addOverride('//.acknowledged_rules', Lazy.anyValue({ produce: () => listed() }));
      this.provider.addOverride(ACKNOWLEDGED_RULES, Lazy.anyValue({ produce: () => this.acknowledgedRules().get(this) }));
      for (const r of this.resources) this.carryAcknowledgements(r.resource);
    }
  }

  /** The `acknowledged_rules` of `resource` at synth (from the acknowledgements that cover a finding). */
  private carryAcknowledgements(resource: TerraformResource): void {
    resource.addOverride(ACKNOWLEDGED_RULES, Lazy.anyValue({ produce: () => this.acknowledgedRules().get(resource) }));
  }

  /**
   * Rule id → reason per resource (and for the firewall itself, per provider): each acknowledgement that covers a
   * finding goes on its owner, and on the resource of every finding it covers.
   */
  private acknowledgedRules(): Map<object, Record<string, string>> {
    const evaluation = this.evaluate();
    if (this.ackMaps?.evaluation === evaluation) return this.ackMaps.map;
    const map = new Map<object, Record<string, string>>();
    const put = (target: object | undefined, ack: Acknowledgement): void => {
      if (!target) return;
      const rules = map.get(target) ?? {};
      const reasons = new Set((rules[ack.ruleId] ?? '').split('; ').filter((r) => r !== ''));
      reasons.add(ack.reason.trim());
      rules[ack.ruleId] = [...reasons].join('; ');
      map.set(target, rules);
    };
    const owners = new Map(this.acks.map((a) => [a.ack, a.owner] as const));
    const ownerOf = (ack: Acknowledgement): IConstruct | undefined => owners.get(ack);
    for (const { ack, owner } of this.acks) {
      if (this.matchedAcks.has(acknowledgementKey(ack))) put(owner === this ? this : ownResource(owner), ack);
    }
    for (const { finding, by } of evaluation.findings.acknowledged) {
      const target = this.byPath.get(finding.path);
      for (const ack of by) if (ownerOf(ack) !== this && target) put(ownResource(target), ack);
    }
    this.ackMaps = { evaluation, map };
    return map;
  }

  /** @internal Called by every object construct once its resource (if any) exists. */
  public _register(obj: PanosObject, resource?: TerraformResource): void {
    const path = obj.node.path;
    this.objects.push(obj);
    this.byPath.set(path, obj);
    this.evaluation = undefined;
    this.facts = undefined;
    if (resource) this.resources.push({ key: path, resource });
    if (resource && this.acks.length > 0) this.carryAcknowledgements(resource);
    const pairing = PeerPairing.of(this);
    pairing.invalidate();
    obj.node.addValidation({ validate: () => [...this.evaluate().errorsFor(path, false), ...pairing.errorsFor(path)] });
  }

  /** @internal The facts the rules read (the pair checks across firewalls read the same, built once). */
  public _facts(): StackFacts {
    this.facts ??= firewallFacts(this.snapshot());
    return this.facts;
  }

  /** @internal The object construct registered at `path`, if any. */
  public _objectAt(path: string): IConstruct | undefined {
    return this.byPath.get(path);
  }

  /** The anchor as a dependency list for L1 configs. */
  public get anchorDependency(): TerraformResource[] {
    return [this.commitAnchor];
  }

  private triggerMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const r of this.resources) map[r.key] = `\${${address(r.resource)}.revision}`;
    return map;
  }

  private evaluate(): Evaluation {
    if (this.evaluation) return this.evaluation;
    const facts = this._facts();
    const evaluation = evaluateFirewall(this.snapshot(), facts);
    this.evaluation = evaluation;
    if (this.acks.length === 0) return evaluation;
    // An acknowledgement that covers no finding (stack rules here, pair rules across firewalls) is reported and not
    // recorded as accepted: it would otherwise claim a risk was accepted that the rules never found.
    const pair = PeerPairing.of(this).results;
    const matched = new Set<string>();
    for (const a of evaluation.findings.acknowledged) for (const ack of a.by) matched.add(acknowledgementKey(ack));
    for (const a of pair.acknowledged) {
      for (const ack of a.by as readonly PairAcknowledgement[]) if (ack.owner === this.node.path) matched.add(acknowledgementKey(ack));
    }
    this.matchedAcks = matched;
    const left = [...evaluation.findings.warnings, ...evaluation.findings.infos, ...pair.warnings, ...pair.infos];
    const users = usersByPath(facts);
    for (const { ack, owner } of this.acks) {
      if (matched.has(acknowledgementKey(ack))) continue;
      Annotations.of(owner).addWarning(unmatchedAcknowledgementMessage(ack, ack.path ?? this.node.path, left, users));
    }
    return evaluation;
  }

  private snapshot(): FirewallSnapshot {
    return { firewall: this, objects: this.objects, byPath: this.byPath, acknowledgements: this.acks, location: this.location.factsLocation };
  }

  private checkVersion(prop: string, value: string): string {
    try {
      parseVersion(value);
    } catch {
      throw Errors.invalidVersion(this.node.path, prop, value);
    }
    return value;
  }

  private warnPlainText(prop: string): void {
    Annotations.of(this).addWarning(
      `${prop} is a plain-text SecretValue: it is written into cdk.tf.json and state in clear text; fix: use ` +
        'SecretValue.fromEnvVariable (TF_VAR_…) or leave it unset and use the PANOS_* environment variables',
    );
  }
}

/** `type.name` of a resource, as depends_on and references write it. */
function address(r: TerraformResource): string {
  return `${r.terraformResourceType}.${r.friendlyUniqueId}`;
}

/** The `Default` child resource of an object construct, if it has one. */
function ownResource(owner: IConstruct): TerraformResource | undefined {
  const child = owner.node.tryFindChild('Default');
  return child && typeof (child as Partial<TerraformResource>).addOverride === 'function' ? (child as TerraformResource) : undefined;
}
