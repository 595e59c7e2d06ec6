/** The panosipsec provider: routes each Terraform call to the resource or data source that handles it. */
import {
  UserError,
  createLogger,
  type DataResult,
  type DiagnosticsResult,
  type ImportResult,
  type Logger,
  type PlanResult,
  type ProviderSchema,
  type ProviderServer,
  type StateResult,
  type ValueObject,
  valuesEqual,
} from '../tfplugin';
import { COMMIT_ANCHOR_RESOURCE, COMMIT_RESOURCE, DOWNGRADE_CHECK_DATA_SOURCE, SYSTEM_INFO_DATA_SOURCE } from './address';
import { resolveSettings } from './config';
import { readDowngradeCheck, readSystemInfo } from './data-sources';
import { errorToDiagnostics } from './errors';
import { objectAddress } from './plan-rules';
import { objectResourceSpec } from './resources/all';
import { applyAnchor, applyCommit, planAnchor, planCommit } from './resources/commit';
import { applyObject } from './resources/object-apply';
import { planObject } from './resources/object-plan';
import { importObject, readObject } from './resources/object-read';
import type { ObjectResourceSpec } from './resources/spec';
import { providerSchema } from './schema';
import { DeviceSession } from './session';

/** Names one resource change between its plan and its apply (see {@link DeviceSession.announceChange}). */
function changeKey(typeName: string, planned: ValueObject): string {
  return `${typeName}:${String(planned.name)}`;
}

/** The provider implementation served by main.ts. */
export class PanosIpsecProvider implements ProviderServer {
  private sessionInstance?: DeviceSession;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env, private readonly log: Logger = createLogger('panosipsec')) {}

  getSchema(): ProviderSchema {
    return providerSchema();
  }

  validateProviderConfig(config: ValueObject): DiagnosticsResult {
    return { diagnostics: resolveSettings(config, this.env).diagnostics };
  }

  configureProvider(config: ValueObject): DiagnosticsResult {
    const { settings, diagnostics } = resolveSettings(config, this.env);
    this.sessionInstance = new DeviceSession(settings, this.log);
    return { diagnostics };
  }

  async readResource(typeName: string, state: ValueObject, priv: Buffer): Promise<StateResult> {
    const spec = objectResourceSpec(typeName);
    if (!spec) return { state, private: priv };
    const address = objectAddress(spec.kind, String(state.name));
    try {
      return await readObject(spec, this.session(), state, priv);
    } catch (err) {
      return { state, private: priv, diagnostics: errorToDiagnostics(err, address, 'read the object') };
    }
  }

  async planResourceChange(
    typeName: string,
    prior: ValueObject | null,
    proposed: ValueObject | null,
    config: ValueObject | null,
    priorPrivate: Buffer,
  ): Promise<PlanResult> {
    if (typeName === COMMIT_RESOURCE) return planCommit(this.sessionInstance, prior, proposed);
    if (typeName === COMMIT_ANCHOR_RESOURCE) return planAnchor(prior, proposed);
    const plan = await planObject(this.spec(typeName), this.sessionInstance, prior, proposed, config, priorPrivate);
    // In the apply's provider process Terraform plans each resource again right before applying it.
    const erred = plan.diagnostics?.some((d) => d.severity === 'error') ?? false;
    if (plan.planned !== null && !erred && !valuesEqual(prior ?? undefined, plan.planned)) {
      this.sessionInstance?.announceChange(changeKey(typeName, plan.planned));
    }
    return plan;
  }

  async applyResourceChange(
    typeName: string,
    prior: ValueObject | null,
    planned: ValueObject | null,
    config: ValueObject | null,
    plannedPrivate: Buffer,
  ): Promise<StateResult> {
    if (typeName === COMMIT_RESOURCE) return applyCommit(this.session(), prior, planned);
    if (typeName === COMMIT_ANCHOR_RESOURCE) return applyAnchor(this.session(), prior, planned);
    const session = this.session();
    return session.trackWriter(planned === null ? undefined : changeKey(typeName, planned), () => applyObject(this.spec(typeName), session, prior, planned, config, plannedPrivate));
  }

  async importResourceState(typeName: string, id: string): Promise<ImportResult> {
    if (typeName === COMMIT_RESOURCE || typeName === COMMIT_ANCHOR_RESOURCE) {
      throw new UserError('Resource Cannot Be Imported',
        `${typeName} cannot be imported: it stands for a commit this provider makes (after the other resources' writes, ` +
          `or when a destroy removes them), not for an object on the device, so there is nothing to read into state ` +
          `(import id ${JSON.stringify(id)} ignored). Fix: remove the import (the \`terraform import\` command or the ` +
          `import block); keep the resource in the configuration and \`terraform apply\` creates it.`);
    }
    return importObject(this.spec(typeName), this.session(), id);
  }

  async readDataSource(typeName: string, config: ValueObject): Promise<DataResult> {
    if (typeName === SYSTEM_INFO_DATA_SOURCE) return readSystemInfo(this.session());
    if (typeName === DOWNGRADE_CHECK_DATA_SOURCE) return readDowngradeCheck(this.session(), config);
    throw new UserError('Unknown Data Source', `${typeName} is not a data source of this provider.`);
  }

  async stop(): Promise<void> {
    await this.sessionInstance?.close();
  }

  private session(): DeviceSession {
    if (!this.sessionInstance) {
      throw new UserError('Provider Not Configured', 'Terraform called a resource before ConfigureProvider; this is a bug in the caller.');
    }
    return this.sessionInstance;
  }

  private spec(typeName: string): ObjectResourceSpec {
    const spec = objectResourceSpec(typeName);
    if (!spec) throw new UserError('Unknown Resource Type', `${typeName} is not a resource type of this provider.`);
    return spec;
  }
}
