/**
 * `npm run bench:processes`: where the time of a small apply and no-change plan goes, process by process. Applies N
 * tunnels (PROC_TUNNELS, default 10) against the simulator and plans again with TF_LOG=trace, then reads Terraform's
 * log: each provider process Terraform started, from its start to its handshake, to Terraform's first call, to the
 * provider's first log line of that call (connection, TLS and the first message's protobuf work), the calls it got,
 * the XML API requests it made (its own debug log lines) and how long it lived; and the simulator's request counts.
 * Timings under trace logging are longer than without; read them as shares. Not part of `npm run bench`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startSimulator } from '../src/sim';
import { tunnelsHcl } from './support/hcl';
import { requireTerraform, TfWorkspace } from './support/terraform';

interface Process {
  readonly start: number;
  handshake?: number;
  firstCall?: number;
  firstCallName?: string;
  firstLogged?: number;
  lastCall?: number;
  exit?: number;
  readonly calls: Record<string, number>;
  readonly requests: Record<string, number>;
}

/** Milliseconds of the day from a Terraform log line's timestamp. */
function stamp(line: string): number {
  const m = /^\S+T(\d+):(\d+):([\d.]+)Z/.exec(line);
  return m ? (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000 : NaN;
}

function timeline(log: string): { totalMs: number; processes: Process[] } {
  const lines = log.split('\n').filter((l) => !Number.isNaN(stamp(l)));
  const procs: Process[] = [];
  let cur: Process | undefined;
  for (const l of lines) {
    const t = stamp(l);
    if (/provider: starting plugin:.*panosipsec/.test(l)) procs.push((cur = { start: t, calls: {}, requests: {} }));
    else if (!cur) continue;
    else if (/provider: using plugin: version=/.test(l)) cur.handshake ??= t;
    else if (/GRPCProvider\.v6: (\w+)$/.test(l)) {
      const call = (/GRPCProvider\.v6: (\w+)$/.exec(l) as RegExpExecArray)[1];
      cur.calls[call] = (cur.calls[call] ?? 0) + 1;
      if (call !== 'Close') {
        cur.firstCall ??= t;
        cur.firstCallName ??= call;
        cur.lastCall = t;
      }
    } else if (/provider\.terraform-provider-panosipsec[^:]*: tfplugin6 /.test(l)) cur.firstLogged ??= t;
    else if (/provider\.terraform-provider-panosipsec.*\baction=(\S+)/.test(l)) {
      const action = (/\baction=(\S+)/.exec(l) as RegExpExecArray)[1];
      cur.requests[action] = (cur.requests[action] ?? 0) + 1;
    } else if (/plugin process exited:.*panosipsec/.test(l)) cur.exit = t;
  }
  return { totalMs: stamp(lines[lines.length - 1]) - stamp(lines[0]), processes: procs };
}

function report(what: string, ms: number, log: string, counts: unknown): string {
  const { totalMs, processes } = timeline(log);
  const d = (a?: number, b?: number): string => (a === undefined || b === undefined ? 'n/a' : `${Math.round(b - a)}`);
  const out = [`${what}: ${ms} ms wall (${totalMs} ms logged), ${processes.length} provider processes; simulator ${JSON.stringify(counts)}`];
  let lived = 0;
  processes.forEach((p, i) => {
    lived += (p.exit ?? p.start) - p.start;
    out.push(
      `  P${i + 1}: start→handshake ${d(p.start, p.handshake)} ms, handshake→first call (${p.firstCallName ?? 'none'}) ${d(p.handshake, p.firstCall)}, ` +
        `first call→provider's log ${d(p.firstCall, p.firstLogged)}, last call→exit ${d(p.lastCall, p.exit)}, lived ${d(p.start, p.exit)} ms; ` +
        `calls ${JSON.stringify(p.calls)}; XML API requests ${JSON.stringify(p.requests)}`,
    );
  });
  out.push(`  provider processes alive ${Math.round(lived)} ms of ${totalMs} ms (they run one after another)`);
  return out.join('\n');
}

async function main(): Promise<void> {
  requireTerraform();
  const n = Number(process.env.PROC_TUNNELS ?? 10);
  const sim = await startSimulator({ panosVersion: '11.1.0', commitDurationMs: 300 });
  const ws = new TfWorkspace({ url: sim.url, apiKey: sim.apiKey }, 'bench-proc-');
  try {
    ws.writeMain(tunnelsHcl(n));
    await ws.init();
    const traced = async (args: string[], expected: number, name: string): Promise<string> => {
      const file = path.join(ws.dir, `${name}.log`);
      sim.counters.reset();
      const r = await ws.expect(args, expected, { env: { TF_LOG: 'trace', TF_LOG_PATH: file } });
      return report(`${name} of ${n} tunnels`, r.ms, fs.readFileSync(file, 'utf8'), sim.counters.snapshot().byAction);
    };
    process.stdout.write(`${await traced(['apply', '-auto-approve', '-input=false', '-parallelism=10'], 0, 'apply')}\n`);
    process.stdout.write(`${await traced(['plan', '-detailed-exitcode', '-input=false', '-parallelism=10'], 0, 'no-change plan')}\n`);
  } finally {
    ws.remove();
    await sim.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:processes failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
