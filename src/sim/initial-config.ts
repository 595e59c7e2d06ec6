/**
 * The configuration of a freshly set-up VM firewall: vsys1, four layer3 ports with addresses, a loopback, the
 * `default` virtual router, trust/untrust zones, the vsys import, and the predefined crypto and monitor profiles
 * (contents as PAN-OS ships them).
 */
import { SimNode, parseElement } from './xml-tree';

const ETHERNET: [string, string][] = [
  ['ethernet1/1', '198.51.100.1/24'],
  ['ethernet1/2', '192.0.2.1/24'],
  ['ethernet1/3', '10.1.1.1/24'],
  ['ethernet1/4', '10.2.2.1/24'],
];

const members = (xs: string[]): string => xs.map((x) => `<member>${x}</member>`).join('');
const IFACES = [...ETHERNET.map(([n]) => n), 'loopback.1'];

const ikeProfile = (name: string, enc: string[], hash: string[], dh: string[]): string =>
  `<entry name="${name}"><encryption>${members(enc)}</encryption><hash>${members(hash)}</hash>` +
  `<dh-group>${members(dh)}</dh-group><lifetime><hours>8</hours></lifetime></entry>`;

const ipsecProfile = (name: string, enc: string[], auth: string[], dh: string): string =>
  `<entry name="${name}"><esp><encryption>${members(enc)}</encryption><authentication>${members(auth)}</authentication></esp>` +
  `<dh-group>${dh}</dh-group><lifetime><hours>1</hours></lifetime></entry>`;

const XML =
  `<config version="11.1.0"><devices><entry name="localhost.localdomain">` +
  `<network>` +
  `<interface>` +
  `<ethernet>${ETHERNET.map(([n, ip]) => `<entry name="${n}"><layer3><ip><entry name="${ip}"/></ip></layer3></entry>`).join('')}</ethernet>` +
  `<loopback><units><entry name="loopback.1"><ip><entry name="192.0.2.254/32"/></ip></entry></units></loopback>` +
  `</interface>` +
  `<virtual-router><entry name="default"><interface>${members(IFACES)}</interface></entry></virtual-router>` +
  `<ike><crypto-profiles>` +
  `<ike-crypto-profiles>` +
  ikeProfile('default', ['aes-128-cbc', '3des'], ['sha1'], ['group2']) +
  ikeProfile('Suite-B-GCM-128', ['aes-128-cbc'], ['sha256'], ['group19']) +
  ikeProfile('Suite-B-GCM-256', ['aes-256-cbc'], ['sha384'], ['group20']) +
  `</ike-crypto-profiles>` +
  `<ipsec-crypto-profiles>` +
  ipsecProfile('default', ['aes-128-cbc', '3des'], ['sha1'], 'group2') +
  ipsecProfile('Suite-B-GCM-128', ['aes-128-gcm'], ['none'], 'group19') +
  ipsecProfile('Suite-B-GCM-256', ['aes-256-gcm'], ['none'], 'group20') +
  `</ipsec-crypto-profiles>` +
  `</crypto-profiles></ike>` +
  `<profiles><monitor-profile><entry name="default"><interval>3</interval><threshold>5</threshold><action>wait-recover</action></entry></monitor-profile></profiles>` +
  `</network>` +
  `<deviceconfig><system><hostname>HOSTNAME</hostname></system></deviceconfig>` +
  `<vsys><entry name="vsys1">` +
  `<import><network><interface>${members(IFACES)}</interface></network></import>` +
  `<zone>` +
  `<entry name="trust"><network><layer3>${members(['ethernet1/2', 'ethernet1/3', 'ethernet1/4', 'loopback.1'])}</layer3></network></entry>` +
  `<entry name="untrust"><network><layer3>${members(['ethernet1/1'])}</layer3></network></entry>` +
  `</zone>` +
  `<rulebase><security><rules/></security></rulebase>` +
  `</entry></vsys>` +
  `</entry></devices>` +
  `<shared/>` +
  `<mgt-config><users><entry name="admin"><permissions><role-based><superuser>yes</superuser></role-based></permissions></entry></users></mgt-config>` +
  `</config>`;

const ADDRESS = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\/\d{1,2}$/;

/**
 * A fresh copy of the starting configuration; `interfaces` replaces the address of the named interfaces (the lab
 * gives each device its own).
 * @throws Error naming an interface the starting configuration lacks or an address that is not `A.B.C.D/len`
 */
export function initialConfig(panosVersion: string, hostname: string, interfaces: Record<string, string> = {}): SimNode {
  let xml = XML.replace('HOSTNAME', hostname);
  const defaults = new Map([...ETHERNET, ['loopback.1', '192.0.2.254/32']]);
  for (const [name, address] of Object.entries(interfaces)) {
    const current = defaults.get(name);
    if (current === undefined) throw new Error(`interfaces: ${name} is not an interface of the starting configuration (${[...defaults.keys()].join(', ')})`);
    if (!ADDRESS.test(address)) throw new Error(`interfaces: ${name} address '${address}' is not A.B.C.D/len`);
    xml = xml.replace(`<entry name="${name}"><layer3><ip><entry name="${current}"/>`, `<entry name="${name}"><layer3><ip><entry name="${address}"/>`);
    xml = xml.replace(`<entry name="${name}"><ip><entry name="${current}"/>`, `<entry name="${name}"><ip><entry name="${address}"/>`);
  }
  const root = parseElement(xml);
  root.attrs.version = panosVersion.replace(/-.*$/, '');
  return root;
}
