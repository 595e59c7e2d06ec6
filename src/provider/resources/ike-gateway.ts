/**
 * `panosipsec_ike_gateway`: generated from the ikeGateway descriptor's field table, plus the write-only form of the
 * pre-shared key (Terraform 1.11 write_only) and its version trigger; the key's plan, apply, read and import are the
 * hooks below.
 */
import { cty, errorDiagnostic, valuesEqual, type ValueObject } from '../../tfplugin';
import { ikeGateway } from '../../panos/objects';
import { checkStoredKey, decodePrivate, encodePrivate, privateForWrittenKey, secretDigest, storedKeyFingerprint } from './private-state';
import { objectResource, type ObjectResourceHooks } from './spec';

/**
 * True when the pre-shared key must be sent: on a create, when the declared plaintext key changed, when the
 * write-only key's version changed, or when the gateway switches to pre-shared-key authentication. Otherwise the
 * key the device stores is left alone (a read that found it changed on the device clears the state's key, so the
 * next apply sends the declared one again).
 */
function keyToWrite(prior: ValueObject | null, planned: ValueObject): boolean {
  if (prior === null) return true;
  return (
    !valuesEqual(prior.pre_shared_key, planned.pre_shared_key) ||
    !valuesEqual(prior.pre_shared_key_wo_version, planned.pre_shared_key_wo_version) ||
    (prior.authentication !== 'pre-shared-key' && planned.authentication === 'pre-shared-key')
  );
}

/**
 * The pre-shared key: written from `pre_shared_key` or the write-only `pre_shared_key_wo`, never read back (the device
 * returns it encrypted); a digest of the stored form in private state tells a key changed on the device.
 */
const preSharedKeyHooks: ObjectResourceHooks = {
  planDeclared(model, config) {
    // A write-only key is absent from the plan, yet implies pre-shared-key authentication.
    const wo = config?.pre_shared_key_wo;
    if (wo !== null && wo !== undefined) model.preSharedKey = 'declared';
  },
  planProblems(config, address) {
    if (!config || config.pre_shared_key === null || config.pre_shared_key === undefined) return [];
    if (config.pre_shared_key_wo === null || config.pre_shared_key_wo === undefined) return [];
    return [
      errorDiagnostic(
        'Conflicting Pre-Shared Keys',
        `${address}: pre_shared_key and pre_shared_key_wo are both set. Fix: keep one (pre_shared_key_wo keeps the key out of state).`,
        ['pre_shared_key_wo'],
      ),
    ];
  },
  applySecrets(session, model, prior, planned, config) {
    delete model.preSharedKey;
    if (!keyToWrite(prior, planned)) return undefined;
    const key = typeof config?.pre_shared_key_wo === 'string' ? config.pre_shared_key_wo : typeof planned.pre_shared_key === 'string' ? planned.pre_shared_key : undefined;
    if (key === undefined) return undefined;
    session.client().addSecret(key);
    model.preSharedKey = key;
    return privateForWrittenKey(key);
  },
  beforeRead(session, state) {
    // A later request of this run (a commit that fails) may echo the key back: it must be masked there too.
    if (typeof state.pre_shared_key === 'string') session.client().addSecret(state.pre_shared_key);
  },
  readSecrets(out, state, device, priv) {
    // The device never returns the plaintext: keep the declared key unless the stored one changed.
    out.pre_shared_key = state.pre_shared_key ?? null;
    const declared = typeof state.pre_shared_key === 'string' ? state.pre_shared_key : undefined;
    const stored = device.preSharedKeyEncrypted;
    const check = checkStoredKey(decodePrivate(priv), declared, typeof stored === 'string' ? stored : undefined);
    if (check.changed) {
      // The key changed on the device: show the declared key as a change, without a perpetual diff afterwards.
      if (state.pre_shared_key !== null) out.pre_shared_key = null;
      if (state.pre_shared_key_wo_version !== null) out.pre_shared_key_wo_version = null;
    }
    out.pre_shared_key_wo = null;
    return check.next ? encodePrivate(check.next) : priv;
  },
  importPrivate(device) {
    const stored = device.preSharedKeyEncrypted;
    if (typeof stored !== 'string') return undefined;
    const fingerprint = storedKeyFingerprint(stored);
    return encodePrivate(fingerprint !== undefined ? { pskHash: fingerprint } : { pskDigest: secretDigest(stored) });
  },
};

/** Resource spec of `panosipsec_ike_gateway`. */
export const ikeGatewayResource = objectResource(ikeGateway, {
  hooks: preSharedKeyHooks,
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
});
