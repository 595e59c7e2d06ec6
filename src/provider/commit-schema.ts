/** Schemas of the commit resources and the data sources. */
import { cty, type Schema } from '../tfplugin';

/** `panosipsec_commit`: commits the candidate config whenever any trigger changes. */
export function commitResourceSchema(): Schema {
  return {
    version: 0,
    block: {
      description:
        'Commits the candidate config on create and whenever triggers change. Put every PAN-OS resource\'s revision in ' +
        'triggers and make this resource depend on all of them: one commit per apply.',
      attributes: {
        id: { type: cty.string, computed: true, description: 'Fixed id "commit".' },
        triggers: {
          type: cty.map(cty.string),
          required: true,
          description: 'Resource address → revision of every PAN-OS resource; any change commits again.',
        },
        description: { type: cty.string, optional: true, description: 'Commit description. Default: the provider\'s commit_description.' },
        job_id: { type: cty.string, computed: true, description: 'Id of the last commit job ("" when there was nothing to commit).' },
        committed_revision: {
          type: cty.string,
          computed: true,
          description: 'Digest of the triggers that were committed; changes with every commit.',
        },
      },
    },
  };
}

/** `panosipsec_commit_anchor`: everything depends on it, so `terraform destroy` deletes it last and it commits. */
export function commitAnchorSchema(): Schema {
  return {
    version: 0,
    block: {
      description:
        'Commits on destroy. Make every PAN-OS resource depend on it: Terraform destroys it after all of them, so its ' +
        'delete commits the deletions of a `terraform destroy`. Create and update do nothing.',
      attributes: {
        id: { type: cty.string, computed: true, description: 'Fixed id "commit-anchor".' },
        description: { type: cty.string, optional: true, description: 'Description of the destroy commit.' },
      },
    },
  };
}

/** `panosipsec_system_info` data source. */
export function systemInfoSchema(): Schema {
  return {
    version: 0,
    block: {
      description: 'The device\'s PAN-OS version, model, serial number and host name.',
      attributes: {
        version: { type: cty.string, computed: true, description: 'PAN-OS version, e.g. 11.1.2.' },
        model: { type: cty.string, computed: true, description: 'Device model.' },
        serial: { type: cty.string, computed: true, description: 'Serial number.' },
        hostname: { type: cty.string, computed: true, description: 'Device host name.' },
      },
    },
  };
}

/** `panosipsec_downgrade_check` data source. */
export function downgradeCheckSchema(): Schema {
  return {
    version: 0,
    block: {
      description: 'Lists what in the device\'s running config a downgrade to target_version could not hold.',
      attributes: {
        target_version: { type: cty.string, required: true, description: 'PAN-OS version to check against, e.g. 10.2.9.' },
        device_version: { type: cty.string, computed: true, description: 'The device\'s current PAN-OS version.' },
        blockers: { type: cty.list(cty.string), computed: true, description: 'One sentence per blocking field (object, field, versions, fix).' },
        ok: { type: cty.bool, computed: true, description: 'True when nothing blocks the downgrade.' },
      },
    },
  };
}
