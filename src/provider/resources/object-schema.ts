/**
 * The schema of a PAN-OS object resource: the descriptor's fields plus `id`, `revision`, `acknowledged_rules` and any
 * extras a resource adds (the IKE gateway's write-only key).
 */
import { cty, type AttributeSchema, type Schema } from '../../tfplugin';
import type { FieldSpec } from '../../panos/objects';
import { blockFromFields } from '../field-schema';
import { ACKNOWLEDGED_RULES, acknowledgedRulesAttribute } from '../acknowledgements';

/** Attribute every PAN-OS resource has besides its fields. */
export const ID_ATTRIBUTE: AttributeSchema = {
  type: cty.string,
  computed: true,
  description: 'Import id of the object: its name (see the provider documentation for location-qualified forms).',
};

/** The revision the commit resource watches. */
export const REVISION_ATTRIBUTE: AttributeSchema = {
  type: cty.string,
  computed: true,
  description:
    'Changes whenever the provider writes this object to the candidate config (unknown in a plan that writes it). ' +
    'Put it in panosipsec_commit.triggers so every write is followed by a commit.',
};

/** Builds a resource schema from a field table. */
export function objectResourceSchema(
  title: string,
  fields: readonly FieldSpec[],
  extra: Readonly<Record<string, AttributeSchema>> = {},
): Schema {
  const block = blockFromFields(fields, `A PAN-OS ${title}, written to the candidate config; panosipsec_commit commits it.`);
  return {
    version: 0,
    block: { ...block, attributes: { ...block.attributes, id: ID_ATTRIBUTE, revision: REVISION_ATTRIBUTE, [ACKNOWLEDGED_RULES]: acknowledgedRulesAttribute('object'), ...extra } },
  };
}
