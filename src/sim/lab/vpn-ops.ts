/**
 * The VPN op commands a firewall answers, from the lab's SA tables and the running configuration
 * (docs/lab-negotiation.md §5): `show vpn ike-sa | ipsec-sa | flow | tunnel | gateway`, `test vpn ike-sa | ipsec-sa`
 * and `show log system`. Response shapes follow captures of PAN-OS 11.2 where the reference has them; fields or
 * values not seen there are marked inferred.
 */
import type { RequestContext } from '../api-context';
import { ApiReply, errorLines, success } from '../envelope';
import { dhCode, encLong, encShort, hashCode } from '../negotiation/algorithms';
import { rangeParts, transportSelectors, tunnelSelectors } from '../negotiation/traffic-selectors';
import { GatewayView, TunnelView, VpnConfig, hostOf } from '../negotiation/vpn-config';
import { SimNode, cdata, escText, pathOf, textOf } from '../xml-tree';
import type { VpnNode } from './fabric';
import { showSystemLog } from './system-log';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Sep.10 09:29:53`: how `show vpn ike-sa` and `test vpn` print times (seen; no year, device local time). */
export function vpnTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${MONTHS[d.getMonth()]}.${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const el = (name: string, value: string | number): string => `<${name}>${escText(String(value))}</${name}>`;

/** The current SA period: a device rekeys at the end of each lifetime, so `created` moves forward by whole lifetimes. */
function currentPeriod(start: Date, lifetimeSec: number, now = Date.now()): { created: Date; remainSec: number } {
  const life = Math.max(1, lifetimeSec) * 1000;
  const elapsed = Math.max(0, now - start.getTime());
  const periods = Math.floor(elapsed / life);
  const created = new Date(start.getTime() + periods * life);
  return { created, remainSec: Math.max(0, Math.round((created.getTime() + life - now) / 1000)) };
}

interface ChildConfig {
  readonly name: string;
  readonly tunnel: TunnelView;
  readonly gateway?: GatewayView;
  readonly local: string;
  readonly peer: string;
}

/** Every configured child SA (a tunnel, or each of its proxy IDs) of enabled auto-key tunnels. */
function configuredChildren(cfg: VpnConfig, node: VpnNode): ChildConfig[] {
  return cfg.tunnels
    .filter((t) => !t.disabled)
    .flatMap((t) => {
      const gateway = cfg.gateways.find((g) => g.name === t.gateway);
      const local = gateway ? (gateway.localIp ?? hostOf(cfg.interfaces.get(gateway.localInterface)?.[0] ?? '0.0.0.0')) : '0.0.0.0';
      const peer = gateway?.peer.kind === 'ip' ? gateway.peer.ip : '0.0.0.0';
      const names = t.mode === 'transport' || t.proxyIds.length === 0 ? [t.name] : t.proxyIds.map((p) => `${t.name}:${p.name}`);
      return names.map((name) => {
        node.state.tunnelIds.of(name);
        return { name, tunnel: t, ...(gateway ? { gateway } : {}), local, peer };
      });
    });
}

function showIkeSa(node: VpnNode, cmd: SimNode): ApiReply {
  const only = textOf(cmd, 'vpn', 'ike-sa', 'gateway');
  const entries = [...node.state.ikeSas.values()]
    .filter((sa) => only === undefined || sa.gateway === only)
    .map((sa) => {
      const { created } = currentPeriod(sa.created, sa.lifetimeSec);
      const expires = new Date(created.getTime() + sa.lifetimeSec * 1000);
      return (
        `<entry>${el('gwid', node.state.gatewayIds.of(sa.gateway))}${el('name', sa.gateway)}${el('role', sa.role)}${el('mode', sa.exchange)}` +
        `${el('algo', sa.algo)}${el('created', vpnTime(created))}${el('expires', vpnTime(expires))}</entry>`
      );
    });
  return success(entries.length === 0 ? '<result/>' : `<result>${entries.join('')}</result>`);
}

function showIpsecSa(node: VpnNode, cfg: VpnConfig, cmd: SimNode): ApiReply {
  const only = textOf(cmd, 'vpn', 'ipsec-sa', 'tunnel');
  const configured = configuredChildren(cfg, node);
  const entries = [...node.state.childSas.values()]
    .filter((c) => only === undefined || c.name === only || c.tunnel === only)
    .map((c) => {
      const { remainSec } = currentPeriod(c.installed, c.lifetimeSec);
      return (
        `<entry>${el('gwid', node.state.gatewayIds.of(c.gateway))}${el('gateway', c.gateway)}${el('tid', node.state.tunnelIds.of(c.name))}` +
        // `remote` is right-padded with spaces on the device (seen).
        `${el('remote', c.remote.padEnd(18))}${el('name', c.name)}${el('proto', c.protocol)}${el('enc', c.protocol === 'AH' ? 'none' : encShort(c.enc))}` +
        `${el('hash', hashCode(c.auth))}${el('i_spi', c.spiIn)}${el('o_spi', c.spiOut)}${el('dh', dhCode(c.dh))}${el('kb', 'Unlimited')}` +
        `${el('life', c.lifetimeSec)}${el('remain', remainSec)}</entry>`
      );
    });
  const body = entries.length === 0 ? '<entries/>' : `<entries>${entries.join('')}</entries>`;
  return success(`<result>${el('ntun', configured.length)}${body}</result>`);
}

function showFlow(node: VpnNode, cfg: VpnConfig, cmd: SimNode): ApiReply {
  const byName = textOf(cmd, 'vpn', 'flow', 'name');
  const byId = textOf(cmd, 'vpn', 'flow', 'tunnel-id');
  const all = configuredChildren(cfg, node);
  const rows = all.filter((c) => (byName === undefined || c.name === byName) && (byId === undefined || String(node.state.tunnelIds.of(c.name)) === byId.trim()));
  const entries = rows.map((c) => {
    const sa = node.state.childSas.get(c.name);
    return (
      `<entry>${el('name', c.name)}${el('id', node.state.tunnelIds.of(c.name))}${el('gwid', c.gateway ? node.state.gatewayIds.of(c.gateway.name) : 0)}` +
      `${el('inner-if', c.tunnel.tunnelInterface)}${el('outer-if', c.gateway?.localInterface ?? '')}${el('localip', c.local)}${el('peerip', c.peer)}` +
      `${el('state', sa ? 'active' : 'init')}${el('mon', c.tunnel.monitor ? 'on' : 'off')}${el('owner', 1)}</entry>`
    );
  });
  return success(
    `<result><dp>dp0</dp>${el('num_ipsec', entries.length)}<num_sslvpn>0</num_sslvpn><hop/>` +
      `${entries.length === 0 ? '<IPSec/>' : `<IPSec>${entries.join('')}</IPSec>`}<SSL-VPN/><GlobalProtect-Gateway/><GlobalProtect-site-to-site/>${el('total', entries.length)}</result>`,
  );
}

function showTunnel(node: VpnNode, cfg: VpnConfig, cmd: SimNode): ApiReply {
  const only = textOf(cmd, 'vpn', 'tunnel', 'name');
  const rows = configuredChildren(cfg, node).filter((c) => only === undefined || c.name === only || c.tunnel.name === only);
  const entries = rows.map((c) => {
    const t = c.tunnel;
    const sel =
      t.mode === 'transport'
        ? transportSelectors(t.name, c.local, c.peer)
        : (tunnelSelectors(t.name, t.proxyIds).find((s) => s.name === c.name) ?? tunnelSelectors(t.name, [])[0]);
    const ts = (side: 'TSi' | 'TSr', r: typeof sel.local): string => {
      const { ip, prefix } = rangeParts(r);
      return `${el(`${side}_ip`, ip)}${el(`${side}_prefix`, prefix)}${el(`${side}_proto`, sel.protocol.proto)}${el(`${side}_port`, side === 'TSi' ? sel.protocol.localPort : sel.protocol.remotePort)}`;
    };
    const p = t.profile;
    return (
      `<entry>${el('id', node.state.tunnelIds.of(c.name))}${el('name', c.name)}${el('gw', t.gateway)}${ts('TSi', sel.local)}${ts('TSr', sel.remote)}` +
      `${el('proto', p?.protocol === 'ah' ? 'AH' : 'ESP')}` +
      // `tunl` is seen; `tran` for transport mode is inferred.
      `${el('mode', t.mode === 'transport' ? 'tran' : 'tunl')}${el('dh', p ? dhCode(p.dhGroup) : '')}` +
      `${el('enc', p ? p.encryption.map(encLong).join(',') : '')}${el('hash', p ? p.authentication.map(hashCode).join(',') : '')}` +
      `${el('life', p?.lifetimeSec ?? 0)}${el('kb', 0)}</entry>`
    );
  });
  return success(`<result>${el('ntun', entries.length)}${entries.length === 0 ? '<entries/>' : `<entries>${entries.join('')}</entries>`}</result>`);
}

function showGateway(node: VpnNode, cfg: VpnConfig, cmd: SimNode): ApiReply {
  const only = textOf(cmd, 'vpn', 'gateway', 'name');
  const gws = cfg.gateways.filter((g) => !g.disabled && (only === undefined || g.name === only));
  const entries = gws.map((g) => {
    const v = g.version === 'ikev1' ? 'v1' : 'v2';
    const p = g.profiles[g.version === 'ikev1' ? 'ikev1' : 'ikev2'];
    const local = g.localIp ?? hostOf(cfg.interfaces.get(g.localInterface)?.[0] ?? '0.0.0.0');
    const peer = g.peer.kind === 'ip' ? g.peer.ip : g.peer.kind === 'fqdn' ? g.peer.fqdn : 'dynamic';
    const id = (addr: string, x?: { type: string; id: string }): string => `${addr}(${x ? `${x.type}:${x.id}` : `ipaddr:${addr}`})`;
    return (
      `<entry>${el('id', node.state.gatewayIds.of(g.name))}${el('name', g.name)}<sock>1024</sock>${el('natt', g.natTraversal ? 1 : 0)}` +
      `<${v}>${el('peer-id', id(peer, g.peerId))}${el('local-id', id(local, g.localId))}${el('auth', g.auth.kind === 'certificate' ? 'RSA-SIG' : 'PSK')}` +
      `${el('dh', (p?.dhGroups ?? []).map(dhCode).join(','))}${el('enc', (p?.encryption ?? []).map(encLong).join(','))}` +
      `${el('hash', (p?.hash ?? []).map(hashCode).join(','))}${el('life', p?.lifetimeSec ?? 0)}</${v}></entry>`
    );
  });
  return success(`<result>${entries.length === 0 ? '<entries/>' : `<entries>${entries.join('')}</entries>`}<all>True</all>${el('ngw', entries.length)}</result>`);
}

/** `test vpn …` replies at once and says nothing about the outcome (seen); the exchange runs behind it. */
function testVpn(node: VpnNode, cfg: VpnConfig, cmd: SimNode, what: 'ike-sa' | 'ipsec-sa'): ApiReply {
  const start = `Start time: ${vpnTime(new Date())}\n`;
  if (what === 'ike-sa') {
    const name = textOf(cmd, 'vpn', 'ike-sa', 'gateway');
    const gws = cfg.gateways.filter((g) => !g.disabled && (name === undefined || g.name === name));
    // Wording of the unknown-name error is inferred (envelope of docs/panos/xml-api.md#request-errors).
    if (name !== undefined && gws.length === 0) return errorLines([`IKE gateway ${name} does not exist or is disabled`]);
    node.initiate(gws.map((g) => g.name));
    return success(`<result>${cdata(`${start}Initiate ${gws.length} IKE SA.\n`)}</result>`);
  }
  const name = textOf(cmd, 'vpn', 'ipsec-sa', 'tunnel');
  const rows = configuredChildren(cfg, node).filter((c) => name === undefined || c.name === name || c.tunnel.name === name);
  if (name !== undefined && rows.length === 0) return errorLines([`IPSec tunnel ${name} does not exist or is disabled`]);
  node.initiate([...new Set(rows.map((r) => r.tunnel.gateway))]);
  const lines = rows.map((r) => `Initiate 1 IPSec SA for tunnel ${r.name}.`).join('\n');
  return success(`<result>${cdata(`${start}${lines}\n`)}</result>`);
}

/**
 * Handles the VPN and log op commands; undefined for any other command (the caller answers "unexpected").
 * `key` is the command key of op-api.ts (`show-vpn-ike-sa`, `test-vpn-ike-sa`, `show-log-system…`).
 */
export function handleVpnOp(ctx: RequestContext, cmd: SimNode, key: string): ApiReply | undefined {
  const node = ctx.device.vpn;
  if (key.startsWith('show-log-system')) return showSystemLog(node.state, pathOf(cmd, 'log', 'system'), ctx.device.info);
  if (!key.startsWith('show-vpn-') && !key.startsWith('test-vpn-')) return undefined;
  const cfg = node.config();
  switch (key) {
    case 'show-vpn-ike-sa':
      return showIkeSa(node, cmd);
    case 'show-vpn-ipsec-sa':
      return showIpsecSa(node, cfg, cmd);
    case 'show-vpn-flow':
      return showFlow(node, cfg, cmd);
    case 'show-vpn-tunnel':
      return showTunnel(node, cfg, cmd);
    case 'show-vpn-gateway':
      return showGateway(node, cfg, cmd);
    case 'test-vpn-ike-sa':
      return testVpn(node, cfg, cmd, 'ike-sa');
    case 'test-vpn-ipsec-sa':
      return testVpn(node, cfg, cmd, 'ipsec-sa');
    default:
      return undefined;
  }
}
