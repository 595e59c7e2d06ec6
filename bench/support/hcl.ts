/**
 * HCL for N transport tunnels (five PAN-OS resources each plus the two commit resources of docs/commit-design.md)
 * and, for Terraform's floor, the same graph of `terraform_data` resources.
 */

/** Options of {@link tunnelsHcl}. */
export interface TunnelsHclOptions {
  /** How the gateways get their pre-shared key. @default 'plain' (`pre_shared_key`, kept in state as sensitive) */
  readonly psk?: 'plain' | 'write-only';
  /** Pre-shared key prefix; tunnel i gets `<prefix>-<i>`. @default 'bench-psk' */
  readonly pskPrefix?: string;
  /** Provider block lines added to the defaults. */
  readonly providerLines?: readonly string[];
  /** Tunnel index offset (names `tm-<offset+i>`), so two configurations can share a device. @default 0 */
  readonly offset?: number;
}

const HEADER = `terraform {
  required_providers {
    panosipsec = {
      source = "cdktf-panos-ipsec.dev/panos/panosipsec"
    }
  }
}
`;

/** Resources declared by {@link tunnelsHcl} for n tunnels. */
export function tunnelResourceCount(n: number): number {
  return 5 * n + 2;
}

/** N transport tunnels, each with its tunnel interface, IKE / IPSec crypto profiles and IKEv2 gateway. */
export function tunnelsHcl(n: number, opts: TunnelsHclOptions = {}): string {
  const off = opts.offset ?? 0;
  const prefix = opts.pskPrefix ?? 'bench-psk';
  const psk =
    opts.psk === 'write-only'
      ? `pre_shared_key_wo         = "${prefix}-\${count.index}"\n  pre_shared_key_wo_version = 1`
      : `pre_shared_key            = "${prefix}-\${count.index}"`;
  const idx = `\${${off} + count.index}`;
  const kinds = ['panosipsec_tunnel_interface.t', 'panosipsec_ike_crypto_profile.ike', 'panosipsec_ipsec_crypto_profile.ipsec', 'panosipsec_ike_gateway.gw', 'panosipsec_ipsec_tunnel.tm'];
  return `${HEADER}
provider "panosipsec" {
${(opts.providerLines ?? []).map((l) => `  ${l}`).join('\n')}
}

locals {
  n = ${n}
}

resource "panosipsec_commit_anchor" "this" {}

resource "panosipsec_tunnel_interface" "t" {
  count          = local.n
  name           = "tunnel.\${${100 + off} + count.index}"
  ipv4_addresses = ["169.254.\${floor((${off} + count.index) / 64)}.\${((${off} + count.index) % 64) * 4 + 1}/30"]
  zone           = "trust"
  virtual_router = "default"
  vsys           = "vsys1"
  depends_on     = [panosipsec_commit_anchor.this]
}

resource "panosipsec_ike_crypto_profile" "ike" {
  count          = local.n
  name           = "ike-${idx}"
  dh_groups      = ["group20"]
  authentication = ["sha384"]
  encryption     = ["aes-256-gcm"]
  depends_on     = [panosipsec_commit_anchor.this]
}

resource "panosipsec_ipsec_crypto_profile" "ipsec" {
  count          = local.n
  name           = "ipsec-${idx}"
  protocol       = "esp"
  esp_encryption = ["aes-256-gcm"]
  dh_group       = "group20"
  depends_on     = [panosipsec_commit_anchor.this]
}

resource "panosipsec_ike_gateway" "gw" {
  count                     = local.n
  name                      = "gw-${idx}"
  version                   = "ikev2"
  authentication            = "pre-shared-key"
  ${psk}
  local_interface           = "ethernet1/1"
  peer_ip                   = "10.\${floor((${off} + count.index) / 250)}.\${(${off} + count.index) % 250}.1"
  ikev2_crypto_profile      = panosipsec_ike_crypto_profile.ike[count.index].name
  depends_on                = [panosipsec_commit_anchor.this]
}

resource "panosipsec_ipsec_tunnel" "tm" {
  count                    = local.n
  name                     = "tm-${idx}"
  tunnel_interface         = panosipsec_tunnel_interface.t[count.index].name
  ipsec_mode               = "transport"
  anti_replay_window       = "512"
  enable_gre_encapsulation = true
  auto_key {
    ike_gateways         = [panosipsec_ike_gateway.gw[count.index].name]
    ipsec_crypto_profile = panosipsec_ipsec_crypto_profile.ipsec[count.index].name
  }
  depends_on = [panosipsec_commit_anchor.this]
}

resource "panosipsec_commit" "this" {
  triggers = merge(
${kinds.map((k) => `    { for i, r in ${k} : "${k}[\${i}]" => r.revision },`).join('\n')}
  )
  depends_on = [
${kinds.map((k) => `    ${k},`).join('\n')}
  ]
}
`;
}

/**
 * The same resource graph as {@link tunnelsHcl} with `terraform_data` (no provider work at all): the same counts, the
 * same `depends_on` on an anchor, and the same cross-references, to values known at plan time like the provider's
 * names (a gateway names its IKE profile; a tunnel names its interface, gateway and IPSec profile). Terraform's own
 * cost grows with those references (each `x[count.index]` reference ties an instance to every instance of `x` in the
 * apply graph), so the floor must carry the same ones.
 */
export function terraformDataHcl(n: number): string {
  const groups = ['t', 'ike', 'ipsec', 'gw', 'tm'];
  const deps: Record<string, readonly string[]> = { gw: ['ike'], tm: ['t', 'gw', 'ipsec'] };
  const body = groups
    .map((g) => {
      const refs = (deps[g] ?? []).map((d) => `terraform_data.${d}[count.index].input.name`);
      return `resource "terraform_data" "${g}" {
  count      = ${n}
  input      = { name = "${g}-\${count.index}"${refs.length ? `, refs = [${refs.join(', ')}]` : ''} }
  depends_on = [terraform_data.anchor]
}`;
    })
    .join('\n\n');
  return `resource "terraform_data" "anchor" {}

${body}

resource "terraform_data" "commit" {
  triggers_replace = merge(
${groups.map((g) => `    { for i, r in terraform_data.${g} : "${g}[\${i}]" => r.id },`).join('\n')}
  )
  depends_on = [${groups.map((g) => `terraform_data.${g}`).join(', ')}]
}
`;
}
