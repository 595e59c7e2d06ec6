/**
 * A far end that is not a PAN-OS firewall (a router, a cloud VPN, strongSwan), described by what it offers in PAN-OS
 * vocabulary. It is never written anywhere; it only takes part in pairing. What it does not state is not compared
 * (a far end has no PAN-OS device defaults), except the IPSec mode: without a transport-mode request every child SA
 * is tunnel mode.
 */
import type { IkeIdFacts, Known, LifetimeFacts, ProxyIdFacts, SecretSourceFacts } from '../facts';
import { q } from '../finding';
import { hostAddress } from './addresses';
import { mapKnown, sentIdentity } from './ends';
import type { IkeOffer, PeerAuthentication, PeerEnd, PeerIkev1ExchangeMode, PeerIkeVersion, PeerIpsecMode, PeerIpsecProtocol } from './types';

/** What a declared far end offers. Field names follow the PAN-OS props, so one vocabulary serves both ends. */
export interface FarEndFacts {
  /** Construct path of the declaration. */
  readonly path: string;
  readonly name: string;
  /** Its own address (where its IKE comes from). */
  readonly address?: Known<string>;
  /** The address it connects to (the PAN-OS gateway's address as the far end sees it). */
  readonly peerAddress?: Known<string>;
  readonly version: Known<PeerIkeVersion>;
  readonly ikev1ExchangeMode?: Known<PeerIkev1ExchangeMode>;
  readonly ike: {
    readonly encryption: Known<readonly string[]>;
    /** Integrity / PRF algorithms in PAN-OS names (`sha256`, …). */
    readonly authentication: Known<readonly string[]>;
    readonly dhGroups: Known<readonly string[]>;
    readonly lifetime?: Known<LifetimeFacts>;
  };
  readonly ipsec: {
    /** @default 'esp' */
    readonly protocol?: Known<PeerIpsecProtocol>;
    readonly espEncryption?: Known<readonly string[]>;
    readonly espAuthentication?: Known<readonly string[]>;
    readonly ahAuthentication?: Known<readonly string[]>;
    /** PFS groups it accepts, `no-pfs` for none. */
    readonly pfsGroups: Known<readonly string[]>;
    readonly lifetime?: Known<LifetimeFacts>;
  };
  /** @default 'tunnel' */
  readonly mode?: Known<PeerIpsecMode>;
  /** @default false */
  readonly enableGreEncapsulation?: Known<boolean>;
  /** Its own view: `local` is the far end's side. @default - none */
  readonly proxyIds?: Known<readonly ProxyIdFacts[]>;
  readonly proxyIdsV6?: Known<readonly ProxyIdFacts[]>;
  readonly antiReplay?: Known<boolean>;
  readonly antiReplayWindow?: Known<number | string>;
  readonly localId?: Known<IkeIdFacts>;
  readonly peerId?: Known<IkeIdFacts>;
  readonly natTraversal?: Known<boolean>;
  readonly authentication?: Known<PeerAuthentication>;
  readonly preSharedKeySource?: Known<SecretSourceFacts>;
}

/** The pair-model end of a declared far end. */
export function farEnd(f: FarEndFacts): PeerEnd {
  const label = `far end ${q(f.name)} (${f.path})`;
  const at = { path: f.path, objectKind: 'far-end', objectName: f.name };
  const localAddress = mapKnown(f.address, hostAddress);
  const protocol = f.ipsec.protocol ?? 'esp';
  const ike: IkeOffer = {
    at: { ...at, fieldPrefix: 'ike.' },
    label: `the IKE offer of ${label}`,
    encryption: f.ike.encryption,
    hash: f.ike.authentication,
    dhGroups: f.ike.dhGroups,
    lifetime: f.ike.lifetime,
  };
  return {
    owner: f.path,
    kind: 'external',
    path: f.path,
    at,
    name: f.name,
    label,
    version: f.version,
    ikev1ExchangeMode: f.ikev1ExchangeMode,
    localAddress,
    peerAddress: mapKnown(f.peerAddress, hostAddress),
    peerFqdn: undefined,
    peerDynamic: undefined,
    localId: sentIdentity(f.localId, localAddress),
    peerId: f.peerId,
    natTraversal: f.natTraversal,
    authentication: f.authentication ?? (f.preSharedKeySource !== undefined ? 'pre-shared-key' : undefined),
    preSharedKeySource: f.preSharedKeySource,
    ike: { ikev1: ike, ikev2: ike },
    tunnels: [
      {
        path: f.path,
        at,
        name: f.name,
        label,
        mode: f.mode ?? 'tunnel',
        greEncapsulation: f.enableGreEncapsulation ?? false,
        proxyIds: f.proxyIds ?? [],
        proxyIdsV6: f.proxyIdsV6 ?? [],
        antiReplay: f.antiReplay ?? (f.antiReplayWindow !== undefined ? true : undefined),
        antiReplayWindow: mapKnown(f.antiReplayWindow, (w) => String(w).trim()),
        ipsec: {
          at: { ...at, fieldPrefix: 'ipsec.' },
          label: `the IPSec offer of ${label}`,
          protocol,
          encryption: protocol === 'ah' ? [] : (f.ipsec.espEncryption ?? []),
          authentication: protocol === 'ah' ? (f.ipsec.ahAuthentication ?? []) : (f.ipsec.espAuthentication ?? []),
          pfsGroups: f.ipsec.pfsGroups,
          lifetime: f.ipsec.lifetime,
        },
      },
    ],
  };
}
