/** Where a command's report and messages go; tests and the demo capture them. */
export interface Io {
  out(s: string): void;
  err(s: string): void;
}

/** The process's stdout and stderr. */
export const stdio: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
