import type { Construct } from 'constructs';
import { tunnelMonitorProfile, type TunnelMonitorProfile as TunnelMonitorProfileModel } from '../src/panos/objects';
import type { MonitorAction } from './enums';
import { TunnelMonitorProfile as L1TunnelMonitorProfile } from './generated/tunnel-monitor-profile';
import { ImportedPanosObject, modelFromProps, PanosObject, type IPanosObject } from './panos-object';

/** A tunnel monitor profile, declared here or already on the device. */
export interface ITunnelMonitorProfile extends IPanosObject {
  readonly kind: 'tunnel-monitor-profile';
}

/** Props of {@link TunnelMonitorProfile}. */
export interface TunnelMonitorProfileProps {
  /** Profile name. @default - the construct id */
  readonly name?: string;
  /** @default MonitorAction.WAIT_RECOVER (device default) */
  readonly action?: MonitorAction;
  /** Seconds between probes, 2-100. @default 3 (device default) */
  readonly interval?: number;
  /** Missed probes before the action, 2-10. @default 5 (device default) */
  readonly threshold?: number;
}

/** What a tunnel does when its monitor probes fail (`panosipsec_tunnel_monitor_profile`). */
export class TunnelMonitorProfile extends PanosObject implements ITunnelMonitorProfile {
  /** A profile that exists on the device already. */
  public static fromName(scope: Construct, id: string, name: string): ITunnelMonitorProfile {
    return new ImportedPanosObject(scope, id, 'tunnel-monitor-profile', name);
  }

  public readonly kind = 'tunnel-monitor-profile' as const;
  public readonly name: string;
  /** The L1 resource. */
  public readonly resource: L1TunnelMonitorProfile;
  private readonly model: TunnelMonitorProfileModel;

  constructor(scope: Construct, id: string, props: TunnelMonitorProfileProps = {}) {
    super(scope, id, false);
    this.name = props.name ?? id;
    this.model = { ...modelFromProps(tunnelMonitorProfile, props), name: this.name };
    this.checkModel(tunnelMonitorProfile, this.model);
    this.resource = new L1TunnelMonitorProfile(this, 'Default', { ...this.model, provider: this.firewall.provider, dependsOn: this.firewall.anchorDependency });
    this.register(this.resource);
  }

  public override _modelRecord(): Readonly<Record<string, unknown>> {
    return this.model;
  }


}
