# Plain-HCL example: transport-mode IPSec tunnels (PAN-OS 11.0 or later) to several peers, one for_each map, with the
# two commit resources wired so one `terraform apply` writes everything and commits once.
#
#   export PANOS_HOSTNAME=fw.example.net PANOS_API_KEY=...        # or PANOS_USERNAME / PANOS_PASSWORD
#   export TF_VAR_pre_shared_keys='{"branch-a":"...","branch-b":"...","branch-c":"..."}'
#   panos-ipsec install-provider             # once: writes the provider mirror and prints TF_CLI_CONFIG_FILE
#   terraform init && terraform apply
#
# Drift check in a pipeline: `terraform plan -refresh-only -detailed-exitcode` exits 0 when the device still holds
# what the last apply wrote, 2 when something was changed on the device. This configuration declares no `output` on
# purpose: Terraform 1.11 compares root outputs by deep equality in that check, and any output (even a constant) makes
# it exit 2 at random although nothing changed.
terraform {
  required_version = ">= 1.11"
  required_providers {
    panosipsec = {
      source = "cdktf-panos-ipsec.dev/panos/panosipsec"
    }
  }
}

# The connection comes from the PANOS_* environment variables.
provider "panosipsec" {
  min_panos_version = "11.0.0"
}

variable "peers" {
  description = "One transport tunnel per peer: its tunnel unit, tunnel address and the peer's public address."
  type = map(object({
    unit        = number
    tunnel_ip   = string
    peer_ip     = string
    description = optional(string)
  }))
  default = {
    "branch-a" = { unit = 101, tunnel_ip = "169.254.101.1/30", peer_ip = "203.0.113.11", description = "branch A, BGP over GRE" }
    "branch-b" = { unit = 102, tunnel_ip = "169.254.102.1/30", peer_ip = "203.0.113.12" }
    "branch-c" = { unit = 103, tunnel_ip = "169.254.103.1/30", peer_ip = "203.0.113.13" }
  }
}

variable "pre_shared_keys" {
  description = "Pre-shared key per peer (same keys as in var.peers). Sent to the device, never stored in plan or state."
  type        = map(string)
  # Ephemeral (Terraform 1.10+): the keys exist only while Terraform runs, which is what write-only attributes take.
  ephemeral = true
}

variable "pre_shared_key_version" {
  description = "Raise it to write every pre-shared key again (write-only keys are not compared with the device)."
  type        = number
  default     = 1
}

variable "zone" {
  description = "Existing zone the tunnel interfaces join."
  type        = string
  default     = "trust"
}

variable "local_interface" {
  description = "Interface the IKE gateways use, with its address."
  type        = object({ name = string, ip = string })
  default     = { name = "ethernet1/1", ip = "198.51.100.1/24" }
}

# Every PAN-OS resource depends on the anchor, so `terraform destroy` removes the anchor last and its delete commits
# the deletions.
resource "panosipsec_commit_anchor" "this" {}

resource "panosipsec_ike_crypto_profile" "transport" {
  name           = "transport-ike"
  dh_groups      = ["group20"]
  authentication = ["sha384"]
  encryption     = ["aes-256-gcm"]
  lifetime {
    unit  = "hours"
    value = 8
  }
  depends_on = [panosipsec_commit_anchor.this]
}

resource "panosipsec_ipsec_crypto_profile" "transport" {
  name               = "transport-ipsec"
  protocol           = "esp"
  esp_encryption     = ["aes-256-gcm"]
  esp_authentication = ["none"]
  dh_group           = "group20"
  lifetime {
    unit  = "hours"
    value = 1
  }
  depends_on = [panosipsec_commit_anchor.this]
}

resource "panosipsec_tunnel_interface" "peer" {
  for_each       = var.peers
  name           = "tunnel.${each.value.unit}"
  comment        = each.value.description
  ipv4_addresses = [each.value.tunnel_ip]
  zone           = var.zone
  virtual_router = "default"
  depends_on     = [panosipsec_commit_anchor.this]
}

resource "panosipsec_ike_gateway" "peer" {
  for_each                  = var.peers
  name                      = "gw-${each.key}"
  version                   = "ikev2"
  authentication            = "pre-shared-key"
  pre_shared_key_wo         = var.pre_shared_keys[each.key]
  pre_shared_key_wo_version = var.pre_shared_key_version
  local_interface           = var.local_interface.name
  local_ip                  = var.local_interface.ip
  peer_ip                   = each.value.peer_ip
  # An expression, not a quoted name: Terraform then creates the profile before the gateways.
  ikev2_crypto_profile = panosipsec_ike_crypto_profile.transport.name
  depends_on           = [panosipsec_commit_anchor.this]
}

resource "panosipsec_ipsec_tunnel" "peer" {
  for_each         = var.peers
  name             = "tm-${each.key}"
  tunnel_interface = panosipsec_tunnel_interface.peer[each.key].name
  ipsec_mode       = "transport"
  anti_replay      = true
  # A string: PAN-OS takes one of the window sizes 64, 128, 256, 512, 1024, 2048 or 4096 as text.
  anti_replay_window       = "512"
  enable_gre_encapsulation = true
  # Declaration only, never sent to the device: the rules read them at plan. OSPF runs over these tunnels (so GRE must
  # stay on: PANOS-TM-015), and the GRE note PANOS-TM-016 is accepted with the reason.
  carries_multicast_routing = true
  acknowledged_rules = {
    "PANOS-TM-016" = "each peer terminates GRE on its IKE gateway address"
  }
  auto_key {
    ike_gateways         = [panosipsec_ike_gateway.peer[each.key].name]
    ipsec_crypto_profile = panosipsec_ipsec_crypto_profile.transport.name
  }
  depends_on = [panosipsec_commit_anchor.this]
}

# One commit per apply. It runs after every PAN-OS resource (depends_on), and again whenever one of them was written
# (each write gives the resource a new revision). A resource removed from the configuration changes the map too, so
# its deletion is committed in the same apply.
resource "panosipsec_commit" "this" {
  triggers = merge(
    { "ike" = panosipsec_ike_crypto_profile.transport.revision },
    { "ipsec" = panosipsec_ipsec_crypto_profile.transport.revision },
    { for k, r in panosipsec_tunnel_interface.peer : "interface ${k}" => r.revision },
    { for k, r in panosipsec_ike_gateway.peer : "gateway ${k}" => r.revision },
    { for k, r in panosipsec_ipsec_tunnel.peer : "tunnel ${k}" => r.revision },
  )
  depends_on = [
    panosipsec_ike_crypto_profile.transport,
    panosipsec_ipsec_crypto_profile.transport,
    panosipsec_tunnel_interface.peer,
    panosipsec_ike_gateway.peer,
    panosipsec_ipsec_tunnel.peer,
  ]
}
