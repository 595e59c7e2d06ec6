import { Token } from 'cdktf';
import type { Construct } from 'constructs';
import { ipsecTunnel, type IpsecTunnel as IpsecTunnelModel } from '../src/panos/objects';
import type { IIpsecCryptoProfile } from './crypto-profiles';
import type { AntiReplayWindow, IpsecMode, ProxyIdProtocol } from './enums';
import { Errors } from './errors';
import { IpsecTunnel as L1IpsecTunnel } from './generated/ipsec-tunnel';
import type { IIkeGateway } from './ike-gateway';
import { ImportedPanosObject, modelFromProps, PanosObject, type IPanosObject, type KindFacts } from './panos-object';
import type { ITunnelInterface } from './tunnel-interface';
import type { ITunnelMonitorProfile } from './tunnel-monitor-profile';

/** An IPSec tunnel, declared here or already on the device. */
export interface IIpsecTunnel extends IPanosObject {
  readonly kind: 'ipsec-tunnel';
}

/** A proxy ID (traffic selector) of a tunnel-mode tunnel. */
export interface ProxyId {
  readonly name: string;
  /** Local subnet or address. @default - any */
  readonly local?: string;
  /** Remote subnet or address. @default - any */
  readonly remote?: string;
  /** @default ProxyIdProtocol.ANY (device default) */
  readonly protocol?: ProxyIdProtocol;
  /** IP protocol number 1-254 (protocol NUMBER). @default - none */
  readonly number?: number;
  /** 0-65535 for tcp/udp; 0 = any. @default 0 */
  readonly localPort?: number;
  /** @default 0 */
  readonly remotePort?: number;
}

/** Tunnel monitoring: ICMP probes towards an address on the far side. */
export interface TunnelMonitor {
  /** Address the probes go to. */
  readonly destinationIp: string;
  /** What to do when probes fail. @default - no profile (the device waits for recovery) */
  readonly profile?: ITunnelMonitorProfile;
  /** Proxy ID whose addresses source the probes (tunnel mode). @default - none */
  readonly proxyId?: string;
  /** @default true */
  readonly enable?: boolean;
}

/** Props of {@link IpsecTunnel}. */
export interface IpsecTunnelProps {
  /** Tunnel name (up to 63 characters). @default - the construct id */
  readonly name?: string;
  /** The tunnel interface it is bound to (one tunnel per interface). */
  readonly tunnelInterface: ITunnelInterface;
  /** The IKE gateway. */
  readonly gateway: IIkeGateway;
  /** A second gateway used as backup peer. @default - none */
  readonly backupGateway?: IIkeGateway;
  /** IPSec crypto profile. @default - PAN-OS's predefined 'default' profile (aes-128-cbc/3des, sha1, group2) */
  readonly cryptoProfile?: IIpsecCryptoProfile;
  /**
   * IPSec mode (PAN-OS 11.0+).
   * @default - not written: tunnel mode, the device default, which also works on PAN-OS 10.2
   */
  readonly mode?: IpsecMode;
  /** IPv4 proxy IDs (tunnel mode only). @default - none (the device proposes 0.0.0.0/0) */
  readonly proxyIds?: ProxyId[];
  /** IPv6 proxy IDs (tunnel mode only). @default - none */
  readonly proxyIdsV6?: ProxyId[];
  /** @default true (device default) */
  readonly antiReplay?: boolean;
  /**
   * Anti-replay window in packets: 64, 128, 256, 512, 1024, 2048 or 4096, as a number (`512`) or as
   * `AntiReplayWindow.PACKETS_512` (PAN-OS stores it as text; the HCL attribute `anti_replay_window` is a string).
   * @default 1024 (device default)
   */
  readonly antiReplayWindow?: AntiReplayWindow | number;
  /** Copy the inner ToS to the outer header. @default false (device default) */
  readonly copyTos?: boolean;
  /** GRE inside IPSec (transport mode: needed for multicast, OSPF, PIM). @default false (device default) */
  readonly enableGreEncapsulation?: boolean;
  /** @default - no monitoring */
  readonly tunnelMonitor?: TunnelMonitor;
  /** @default false */
  readonly disabled?: boolean;
  /** @default false (device default) */
  readonly ipv6?: boolean;
  /** @default - no comment */
  readonly comment?: string;
  /**
   * Intent: multicast or dynamic routing (OSPF, PIM) runs over this tunnel. In transport mode without GRE this is an
   * error (PANOS-TM-015); `false` states that only unicast (e.g. BGP on the physical interface) crosses it. Never sent
   * to the device: the resource's declaration-only attribute `carries_multicast_routing` takes it to the plan.
   * @default - not declared: transport tunnels without GRE get an info note (PANOS-TM-020)
   */
  readonly carriesMulticastRouting?: boolean;
  /**
   * Intent: the peer is policy based and expects proxy IDs (PANOS-WC-002). Never sent to the device (declaration-only
   * attribute `policy_based_peer`). @default - not declared
   */
  readonly policyBasedPeer?: boolean;
}

/** Props of {@link IpsecTunnel.transport}: a transport-mode tunnel has no mode choice and no proxy IDs. */
export type TransportTunnelProps = Omit<IpsecTunnelProps, 'mode' | 'proxyIds' | 'proxyIdsV6'>;

/** The window as PAN-OS stores it (text); a number, the way a network engineer writes it, is accepted too. */
function windowText(window: AntiReplayWindow | number | undefined): AntiReplayWindow | undefined {
  if (typeof window !== 'number') return window;
  return (Token.isUnresolved(window) ? Token.asString(window) : String(window)) as AntiReplayWindow;
}

/** IPSec tunnel with auto key (`panosipsec_ipsec_tunnel`). */
export class IpsecTunnel extends PanosObject implements IIpsecTunnel {
  /** A tunnel that exists on the device already. */
  public static fromName(scope: Construct, id: string, name: string): IIpsecTunnel {
    return new ImportedPanosObject(scope, id, 'ipsec-tunnel', name);
  }

  /** A transport-mode tunnel (PAN-OS 11.0+): host-to-host ESP between the two gateways' addresses. */
  public static transport(scope: Construct, id: string, props: TransportTunnelProps): IpsecTunnel {
    return new IpsecTunnel(scope, id, { ...props, mode: 'transport' });
  }

  public readonly kind = 'ipsec-tunnel' as const;
  public readonly name: string;
  /** The L1 resource. */
  public readonly resource: L1IpsecTunnel;
  private readonly model: IpsecTunnelModel;

  constructor(scope: Construct, id: string, props: IpsecTunnelProps) {
    super(scope, id, false);
    this.name = props.name ?? id;
    this.sameFirewall('tunnelInterface', props.tunnelInterface);
    this.sameFirewall('gateway', props.gateway);
    this.sameFirewall('backupGateway', props.backupGateway);
    this.sameFirewall('cryptoProfile', props.cryptoProfile);
    this.sameFirewall('tunnelMonitor.profile', props.tunnelMonitor?.profile);
    if (props.backupGateway !== undefined && props.backupGateway === props.gateway) {
      throw Errors.invalidProp(this.node.path, 'backupGateway', props.backupGateway.name, 'is the same gateway as gateway', 'use a different gateway or leave backupGateway unset');
    }
    const monitor = props.tunnelMonitor;
    this.model = {
      ...modelFromProps(ipsecTunnel, props),
      name: this.name,
      tunnelInterface: props.tunnelInterface.name,
      autoKey: {
        ikeGateways: [props.gateway.name, ...(props.backupGateway ? [props.backupGateway.name] : [])],
        ipsecCryptoProfile: props.cryptoProfile?.name,
        proxyIds: props.proxyIds?.map((p) => ({ ...p })),
        proxyIdsV6: props.proxyIdsV6?.map((p) => ({ ...p })),
      },
      ipsecMode: props.mode,
      antiReplayWindow: windowText(props.antiReplayWindow),
      tunnelMonitor: monitor
        ? { enable: monitor.enable ?? true, destinationIp: monitor.destinationIp, proxyId: monitor.proxyId, profile: monitor.profile?.name }
        : undefined,
    };
    this.checkModel(ipsecTunnel, this.model);
    // The L1 configuration refers to the other resources (Terraform orders writes and deletes by these references);
    // the model keeps plain names for the rules.
    const refs = {
      tunnelInterface: props.tunnelInterface.nameRef,
      autoKey: {
        ...this.model.autoKey,
        ikeGateways: [props.gateway.nameRef, ...(props.backupGateway ? [props.backupGateway.nameRef] : [])],
        ipsecCryptoProfile: props.cryptoProfile?.nameRef,
      },
      tunnelMonitor: this.model.tunnelMonitor && { ...this.model.tunnelMonitor, profile: monitor?.profile?.nameRef },
    };
    this.resource = new L1IpsecTunnel(this, 'Default', { ...this.model, ...refs, provider: this.firewall.provider, dependsOn: this.firewall.anchorDependency });
    this.register(this.resource);
  }

  public override _modelRecord(): Readonly<Record<string, unknown>> {
    return this.model;
  }

  public override _facts(): KindFacts {
    // The constructs build auto-key tunnels only. The intent props are declaration-only fields of the model: the
    // resource carries them to the plan, where the same factsOf reads them.
    return this.factsWith({ keyType: 'auto-key' });
  }

}
