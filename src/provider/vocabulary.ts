/**
 * The HCL words for fields, for every message the provider shows: rule findings (written in the rules' facts
 * vocabulary) are reworded to HCL attributes (`virtual_router`, `auto_key.ike_gateways`) and provider settings.
 */
import { vocabulary } from '../rules';

/** Facts fields that are provider settings rather than object fields. */
const SETTINGS: Readonly<Record<string, string>> = {
  minPanosVersion: 'min_panos_version',
  downgradeTarget: 'downgrade_target_version',
  downgradeTargetVersion: 'downgrade_target_version',
};

/** Rewords messages into HCL attribute names. */
export const HCL = vocabulary('hcl', {}, SETTINGS);
