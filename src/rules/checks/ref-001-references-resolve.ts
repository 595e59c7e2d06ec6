import type { Finding, Rule } from '../types';
import { isKnown, type StackFacts } from '../facts';
import { makeFinding, q } from '../finding';
import { referencesOf, resolveReference } from '../references';
import { KIND_TITLES, locationOf } from '../resolve';

/** X1: every reference resolves to a declared, imported, existing or predefined object. */
export const ref001ReferencesResolve: Rule = {
  id: 'PANOS-REF-001',
  level: 'error',
  title: 'A reference names an object that is neither declared, imported nor on the device',
  source: 'X1',
  findingValue: 'referenced-name',
  explanation:
    'PAN-OS refuses a commit whose references dangle. A tunnel references its IKE gateways, IPSec crypto profile, ' +
    'tunnel interface and monitor profile; a gateway its IKE crypto profile and local interface. Each must be declared ' +
    'in the stack or imported by name as already existing on the device.',
  fix:
    'declare the referenced object in the same stack or configuration, or correct the name if the object exists on the ' +
    'device (constructs: import it with fromName; HCL: a quoted name is looked up on the device)',
  evaluate(facts: StackFacts): Finding[] {
    const findings: Finding[] = [];
    for (const ref of referencesOf(facts)) {
      if (resolveReference(facts, ref).status !== 'missing') continue;
      findings.push(
        makeFinding(ref001ReferencesResolve, {
          path: ref.from.path,
          objectKind: ref.fromKind,
          objectName: ref.from.name,
          field: ref.field,
          value: ref.name,
          problem:
            `${KIND_TITLES[ref.fromKind]} ${q(ref.from.name)} has ${ref.field} ${q(ref.name)}, but no ${KIND_TITLES[ref.kind]} ` +
            `of that name is declared in ${locationOf(ref.from)}, imported or known on the device`,
        }),
      );
    }
    // Required references that are missing altogether.
    for (const t of facts.ipsecTunnels ?? []) {
      if (t.imported || (t.keyType !== undefined && t.keyType !== 'auto-key')) continue;
      const missing: string[] = [];
      if (t.tunnelInterface === undefined) missing.push('tunnelInterface');
      if (t.ikeGateways === undefined || (isKnown(t.ikeGateways) && t.ikeGateways.length === 0)) missing.push('ikeGateways');
      for (const field of missing) {
        findings.push(
          makeFinding(ref001ReferencesResolve, {
            path: t.path,
            objectKind: 'ipsec-tunnel',
            objectName: t.name,
            field,
            problem: `auto-key IPSec tunnel ${q(t.name)} has no ${field}`,
            fix: `set ${field} on the tunnel`,
          }),
        );
      }
    }
    for (const g of facts.ikeGateways ?? []) {
      if (g.imported || g.localInterface !== undefined) continue;
      findings.push(
        makeFinding(ref001ReferencesResolve, {
          path: g.path,
          objectKind: 'ike-gateway',
          objectName: g.name,
          field: 'localInterface',
          problem: `IKE gateway ${q(g.name)} has no localInterface`,
          fix: "set localInterface to the gateway's physical interface, e.g. 'ethernet1/1'",
        }),
      );
    }
    return findings;
  },
};
