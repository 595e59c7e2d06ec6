/**
 * Downgrade safety: which configuration on a device would block or break a downgrade to an older PAN-OS version.
 * The check is a pure function over decoded objects (so the provider can reuse it for a data source); reading the
 * device is a thin separate step ({@link readDeviceObjects}).
 *
 * It reuses the descriptors' version gates (`FieldSpec.minVersion`), so a field gated for writes is also a
 * downgrade blocker, with no second table to keep in step.
 */
import { compareVersions, formatVersion, toVersion, type PanosVersion } from './version';
import { describeLocation } from './objects/location';
import { ALL_DESCRIPTORS, descriptorFor } from './objects/registry';
import type { Decoded, Location, ObjectDescriptor, ObjectKind, VersionIssue } from './objects/types';

/** Objects of one kind read at one location. */
export interface ObjectSet {
  readonly kind: ObjectKind;
  readonly location: Location;
  readonly objects: readonly Decoded<{ name: string }>[];
}

/** One configuration item that a downgrade cannot keep. */
export interface DowngradeBlocker {
  readonly kind: ObjectKind;
  /** Human kind, e.g. `IPSec tunnel`. */
  readonly title: string;
  readonly name: string;
  /** e.g. `vsys vsys1 on the firewall`. */
  readonly location: string;
  /** Terraform attribute path, e.g. `ipsec_mode`. */
  readonly field: string;
  readonly value?: string;
  /** Version that introduced the field. */
  readonly introducedIn: string;
  /** What to do on the device before downgrading. */
  readonly fix: string;
  /** One sentence naming all of the above. */
  readonly message: string;
}

/** The result of a downgrade check. */
export interface DowngradeReport {
  /** Requested target version, normalised (`10.2.9`). */
  readonly target: string;
  /** The device's current version when known. */
  readonly current?: string;
  /** False when the target is the current version or newer: nothing to check. */
  readonly isDowngrade: boolean;
  /** True when no blocker was found (or it is not a downgrade). */
  readonly safe: boolean;
  readonly blockers: readonly DowngradeBlocker[];
  /** How many objects of each kind were examined. */
  readonly checked: Readonly<Partial<Record<ObjectKind, number>>>;
  /** One line summing up the verdict. */
  readonly summary: string;
}

/** Fix for the transport/tunnel `ipsec-mode` element, which depends on the value found. */
function ipsecModeFix(issue: VersionIssue): string {
  if (issue.value === 'transport') {
    return (
      `remove IPSec tunnel ${JSON.stringify(issue.name)}, or switch it to tunnel mode and then delete its ipsec-mode element ` +
      `(PAN-OS ${issue.targetVersion} does not know the element, not even with the value tunnel)`
    );
  }
  return (
    `delete the ipsec-mode element of IPSec tunnel ${JSON.stringify(issue.name)} (tunnel mode is the only mode PAN-OS ` +
    `${issue.targetVersion} has, so the tunnel keeps working; the element itself is unknown there)`
  );
}

function fixFor(issue: VersionIssue, title: string): string {
  if (issue.kind === 'ipsec-tunnel' && issue.field === 'ipsecMode') return ipsecModeFix(issue);
  return `remove ${issue.tfName} from ${title} ${JSON.stringify(issue.name)} before downgrading (PAN-OS ${issue.targetVersion} does not know it)`;
}

/**
 * Lists every configuration item the target version cannot hold.
 * @param current the device's version; when the target is not older, the report says it is no downgrade
 */
export function checkDowngrade(input: { readonly target: PanosVersion | string; readonly current?: PanosVersion | string; readonly sets: readonly ObjectSet[] }): DowngradeReport {
  const target = toVersion(input.target);
  const targetText = formatVersion(target);
  const currentText = input.current !== undefined ? formatVersion(toVersion(input.current)) : undefined;
  const checked: Partial<Record<ObjectKind, number>> = {};
  for (const s of input.sets) checked[s.kind] = (checked[s.kind] ?? 0) + s.objects.length;

  if (input.current !== undefined && compareVersions(target, input.current) >= 0) {
    return {
      target: targetText,
      current: currentText,
      isDowngrade: false,
      safe: true,
      blockers: [],
      checked,
      summary: `PAN-OS ${targetText} is not older than the device's PAN-OS ${currentText}: this is not a downgrade, nothing blocks it.`,
    };
  }

  const blockers: DowngradeBlocker[] = [];
  for (const s of input.sets) {
    const desc = descriptorFor(s.kind);
    for (const o of s.objects) {
      for (const issue of desc.versionIssues(o.model, target)) {
        const fix = fixFor(issue, desc.title);
        const location = describeLocation(s.location);
        blockers.push({
          kind: s.kind,
          title: desc.title,
          name: issue.name,
          location,
          field: issue.tfName,
          ...(issue.value !== undefined ? { value: issue.value } : {}),
          introducedIn: issue.minVersion,
          fix,
          message:
            `${desc.title} ${JSON.stringify(issue.name)} (${location}): ${issue.tfName}` +
            `${issue.value !== undefined ? ` = ${JSON.stringify(issue.value)}` : ''} exists only from PAN-OS ${issue.minVersion}; ` +
            `a downgrade to PAN-OS ${targetText} would fail. Fix: ${fix}.`,
        });
      }
    }
  }
  const from = currentText !== undefined ? ` from PAN-OS ${currentText}` : '';
  const summary =
    blockers.length === 0
      ? `Safe to downgrade${from} to PAN-OS ${targetText}: no configuration needs a newer version.`
      : `Not safe to downgrade${from} to PAN-OS ${targetText}: ${blockers.length} configuration item(s) need a newer version.`;
  return { target: targetText, current: currentText, isDowngrade: true, safe: blockers.length === 0, blockers, checked, summary };
}

/** The part of a client the reader uses (a `PanosClient` fits). */
export interface ObjectReader {
  listObjects<M extends { name: string }>(
    desc: ObjectDescriptor<M>,
    loc: Location,
    options?: { running?: boolean },
  ): Promise<Decoded<M>[]>;
}

/**
 * Reads every object kind at the location with one bulk request per kind (running config by default, since that
 * is what a downgrade keeps; `candidate: true` reads uncommitted changes instead).
 */
export async function readDeviceObjects(client: ObjectReader, location: Location, options: { candidate?: boolean } = {}): Promise<ObjectSet[]> {
  return Promise.all(
    ALL_DESCRIPTORS.map(async (desc) => ({
      kind: desc.kind,
      location,
      objects: await client.listObjects(desc, location, { running: options.candidate !== true }),
    })),
  );
}
