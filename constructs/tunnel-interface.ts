import type { Construct } from 'constructs';
import { tunnelInterface, type TunnelInterface as TunnelInterfaceModel } from '../src/panos/objects';
import { TunnelInterface as L1TunnelInterface } from './generated/tunnel-interface';
import { ImportedPanosObject, modelFromProps, PanosObject, type IPanosObject } from './panos-object';

/** A tunnel interface (`tunnel.N`), declared here or already on the device. */
export interface ITunnelInterface extends IPanosObject {
  readonly kind: 'tunnel-interface';
}

/** Props of {@link TunnelInterface}. */
export interface TunnelInterfaceProps {
  /** Interface name `tunnel.N`, N from 1 to 9999. */
  readonly name: string;
  /**
   * IPv4 addresses with prefix length, e.g. `['169.254.10.1/30']`. Transport mode uses it only with GRE
   * encapsulation (and then needs it).
   * @default - no address
   */
  readonly ipv4Addresses?: string[];
  /** @default false (device default) */
  readonly ipv6Enabled?: boolean;
  /** @default - no IPv6 address */
  readonly ipv6Addresses?: string[];
  /** MTU in bytes, 576-9216. @default 1500 (device default) */
  readonly mtu?: number;
  /** Interface management profile (e.g. one allowing ping for tunnel monitoring). @default - none */
  readonly managementProfile?: string;
  /** @default - none */
  readonly netflowProfile?: string;
  /** Layer3 security zone holding the interface (must exist). @default - in no zone (warning PANOS-REF-005) */
  readonly zone?: string;
  /** Virtual router holding the interface (must exist). @default - in no router (warning PANOS-REF-005) */
  readonly virtualRouter?: string;
  /** vsys the interface is imported into. @default - the firewall location's vsys, chosen by the provider */
  readonly vsys?: string;
  /** @default - no comment */
  readonly comment?: string;
}

/** A tunnel interface `tunnel.N` with its zone, virtual router and vsys import (`panosipsec_tunnel_interface`). */
export class TunnelInterface extends PanosObject implements ITunnelInterface {
  /** A tunnel interface that already exists on the device (nothing is created). */
  public static fromName(scope: Construct, id: string, name: string): ITunnelInterface {
    return new ImportedPanosObject(scope, id, 'tunnel-interface', name);
  }

  public readonly kind = 'tunnel-interface' as const;
  public readonly name: string;
  /** The L1 resource. */
  public readonly resource: L1TunnelInterface;
  private readonly model: TunnelInterfaceModel;

  constructor(scope: Construct, id: string, props: TunnelInterfaceProps) {
    super(scope, id, false);
    this.name = props.name;
    this.model = { ...modelFromProps(tunnelInterface, props), name: props.name };
    this.checkModel(tunnelInterface, this.model);
    this.resource = new L1TunnelInterface(this, 'Default', {
      ...this.model,
      provider: this.firewall.provider,
      dependsOn: this.firewall.anchorDependency,
    });
    this.register(this.resource);
  }

  /** The `revision` attribute (changes whenever the provider writes the interface). */
  public get revision(): string {
    return this.resource.revision;
  }

  public override _modelRecord(): Readonly<Record<string, unknown>> {
    return this.model;
  }


}
