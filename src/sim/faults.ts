/**
 * Fault injection. Every fault decides per request: does it match, does its own seeded random sequence say yes,
 * has it fired its `times` yet. Faults fire in the order they were added.
 */
import { Fault, FaultController, FaultMatch } from './types';

/** What a fault can be matched against. */
export interface RequestFacts {
  readonly type: string;
  readonly action: string;
  readonly counterKey: string;
  readonly xpaths: readonly string[];
}

interface Armed {
  readonly id: string;
  readonly fault: Fault;
  remaining: number;
  rng: () => number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function matches(m: FaultMatch | undefined, req: RequestFacts): boolean {
  if (!m) return true;
  if (m.type !== undefined && m.type !== req.type) return false;
  if (m.action !== undefined && m.action !== req.action && m.action !== req.counterKey) return false;
  if (m.xpathIncludes !== undefined && !req.xpaths.some((x) => x.includes(m.xpathIncludes as string))) return false;
  return true;
}

/** The fault table behind `sim.faults`. */
export class FaultEngine implements FaultController {
  private armed: Armed[] = [];
  private nextId = 1;
  private fired = 0;

  add(f: Fault): string {
    if (f.probability !== undefined && (f.probability < 0 || f.probability > 1)) {
      throw new Error(`fault probability ${f.probability} is outside 0..1`);
    }
    const id = `fault-${this.nextId++}`;
    this.armed.push({ id, fault: { ...f }, remaining: f.times ?? Infinity, rng: mulberry32(f.seed ?? 1) });
    return id;
  }

  remove(id: string): void {
    this.armed = this.armed.filter((a) => a.id !== id);
  }

  clear(): void {
    this.armed = [];
  }

  injected(): number {
    return this.fired;
  }

  /** Fires every matching fault of the given kinds (in order) and returns them. */
  take<K extends Fault['kind']>(
    kinds: readonly K[],
    req: RequestFacts,
    opts: { first?: boolean; where?: (f: Extract<Fault, { kind: K }>) => boolean } = {},
  ): Extract<Fault, { kind: K }>[] {
    const out: Extract<Fault, { kind: K }>[] = [];
    for (const a of [...this.armed]) {
      if (!(kinds as readonly string[]).includes(a.fault.kind) || a.remaining <= 0) continue;
      if (opts.where && !opts.where(a.fault as Extract<Fault, { kind: K }>)) continue;
      if (!matches(a.fault.match, req)) continue;
      if (a.fault.probability !== undefined && a.rng() >= a.fault.probability) continue;
      a.remaining -= 1;
      this.fired += 1;
      if (a.remaining <= 0) this.remove(a.id);
      out.push(a.fault as Extract<Fault, { kind: K }>);
      if (opts.first) break;
    }
    return out;
  }

  /** Owners of simulated locks (for `show config-locks` / `show commit-locks`); does not fire anything. */
  simulatedHolders(lock: 'config' | 'commit'): string[] {
    return this.armed
      .filter((a) => a.fault.kind === 'lock-held' && a.fault.lock === lock && a.remaining > 0)
      .map((a) => (a.fault.kind === 'lock-held' ? a.fault.owner ?? 'admin2' : ''));
  }
}
