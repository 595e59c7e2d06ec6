/**
 * What `panos-ipsec graph --dir APP [--out FILE]` does (src/cli/graph-command.ts registers it): draws the declared
 * topology of a cdktf app as the Mermaid flowchart `status --mermaid` draws from devices, without a device. It
 * synthesizes the app when its cdktf.out is missing or older than its sources, then reads every stack's
 * `cdk.tf.json`. Exit 0, or 1 on error.
 */
import { writeFileSync } from 'node:fs';
import { appLocation, listStacks, needsSynth, synth } from './cdktf-app';
import { flowchartFileContent } from './mermaid/flowchart';
import { readDeclaredDevices } from './graph/declared';
import { renderDeclaredMermaid } from './graph/graph';
import { stdio, type Io } from './io';

/** Options of the command. */
export interface GraphOptions {
  dir?: string;
  output?: string;
  /** Write the chart here (a `.md` file gets a mermaid fence) instead of printing it. */
  out?: string;
}

/** Synthesizes when needed and returns the chart text (exported for the demo and tests). */
export async function declaredChart(o: GraphOptions, env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = () => undefined): Promise<string> {
  const app = appLocation(o);
  if (needsSynth(app)) {
    log(`synthesizing ${app.dir} (cdktf synth)`);
    // Synth needs no provider and no device: only cdktf, without its version check.
    const r = await synth(app, { ...env, CHECKPOINT_DISABLE: '1' });
    if (r.code !== 0) throw new Error(`cdktf synth failed in ${app.dir} (exit ${r.code}). Fix: run npx cdktf synth there and correct what it reports.`);
  }
  const stacks = listStacks(app.output);
  if (stacks.length === 0) throw new Error(`${app.output} holds no synthesized stack. Fix: check that the app defines a stack and synthesizes.`);
  return renderDeclaredMermaid(readDeclaredDevices(stacks));
}

/** Runs `graph`; returns the exit code. */
export async function runGraph(o: GraphOptions, env: NodeJS.ProcessEnv = process.env, io: Io = stdio): Promise<number> {
  try {
    const chart = await declaredChart(o, env, (l) => io.err(`panos-ipsec graph: ${l}\n`));
    if (o.out !== undefined) {
      writeFileSync(o.out, flowchartFileContent(chart, o.out));
      io.err(`panos-ipsec graph: wrote ${o.out}\n`);
    } else {
      io.out(chart);
    }
    return 0;
  } catch (err) {
    io.err(`panos-ipsec graph: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
