/**
 * `panosipsec_ike_gateway`: generated from the ikeGateway descriptor's field table, plus the write-only form of the
 * pre-shared key (Terraform 1.11 write_only) and its version trigger.
 */
import { cty } from '../../tfplugin';
import { ikeGateway } from '../../panos/objects';
import { resourceTypeName } from '../address';
import type { ObjectResourceSpec } from './spec';

/** Resource spec of `panosipsec_ike_gateway`. */
export const ikeGatewayResource: ObjectResourceSpec = {
  typeName: resourceTypeName('ike-gateway'),
  kind: 'ike-gateway',
  descriptor: ikeGateway,
  preSharedKey: true,
  extraAttributes: {
    // Write-only values never reach plan or state, so `sensitive` adds nothing here, and it would cost: Terraform
    // 1.11 writes a resource's sensitive paths in map order, and with two of them (pre_shared_key and this one) a
    // refresh that changed nothing still produced a "different" state half of the time, so
    // `terraform plan -refresh-only -detailed-exitcode` exited 2 on a converged workspace. Keep one sensitive
    // attribute per resource.
    pre_shared_key_wo: {
      type: cty.string,
      optional: true,
      writeOnly: true,
      description:
        'Pre-shared key, write-only (Terraform 1.11+): sent to the device but never stored in state. Conflicts with ' +
        'pre_shared_key. Change pre_shared_key_wo_version to write a new key.',
    },
    pre_shared_key_wo_version: {
      type: cty.number,
      optional: true,
      description: 'Version of pre_shared_key_wo; change it to make the provider write the key again.',
    },
  },
};
