/**
 * The end-to-end suites' real-terraform workspace: the shared one (bench/support/terraform.ts, also behind the bench,
 * fault and secret suites: provider installed with `panos-ipsec install-provider`, terraform run asynchronously)
 * pointed at a simulator, with HCL fixtures from ./fixtures or generated.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Simulator } from '../../../src/sim';
import { tunnelsHcl } from '../../../bench/support/hcl';
import { TfWorkspace, type TfRun } from '../../../bench/support/terraform';

export { requireTerraform } from '../../../bench/support/terraform';

const FIXTURES = path.join(__dirname, 'fixtures');

/** Fixtures written by a generator instead of kept as files: `scale` is the bench's 100 transport tunnels. */
const GENERATED: Readonly<Record<string, () => string>> = { scale: () => tunnelsHcl(100) };

/**
 * The config with empty, attribute-less containers removed: deleting the last entry of a list leaves `<gateway/>`
 * behind on PAN-OS as on the simulator, and an empty container holds nothing the device enforces.
 */
export function withoutEmptyContainers(xml: string): string {
  let out = xml;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/<([\w-]+)\/>|<([\w-]+)><\/\2>/g, '');
  }
  return out;
}

/** Terraform output with its line wrapping undone (it wraps diagnostic details at 78 columns). */
export function unwrapped(out: string): string {
  return out.replace(/\s+/g, ' ');
}

/** A temporary mirror and working directory, with the PANOS_* environment of one simulator. */
export class TerraformWorkspace extends TfWorkspace {
  /** Installs the provider with the CLI into a fresh temp dir and copies `fixture` into the working dir. */
  static create(fixture: string, sim: Simulator): TerraformWorkspace {
    const ws = new TerraformWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'tf-e2e-');
    ws.addFixture(fixture);
    return ws;
  }

  /** Writes a generated fixture, or copies every file of `fixtures/<name>` into the working dir. */
  addFixture(name: string): void {
    const generate = GENERATED[name];
    if (generate) return this.writeMain(generate());
    const from = path.join(FIXTURES, name);
    for (const f of fs.readdirSync(from)) fs.copyFileSync(path.join(from, f), path.join(this.workDir, f));
  }

  /** Runs terraform and fails with its whole output unless it exits with `expected`. */
  expectRun(args: readonly string[], expected: number, timeoutMs = 180_000): Promise<TfRun> {
    return this.expect(args, expected, { timeoutMs });
  }
}
