/**
 * Logging to stderr in hclog's JSON line format, which go-plugin parses and Terraform shows under TF_LOG with the
 * right level. Stdout is reserved for the handshake.
 *
 * go-plugin (the host side, `log_entry.go` `parseJSON`) reads `@message`, `@level` and `@timestamp`, the last with the
 * Go layout `2006-01-02T15:04:05.000000Z07:00`: exactly six fractional digits. A line whose timestamp does not parse
 * is not an error there: it is logged raw at DEBUG, so a warning would be invisible at `TF_LOG=warn`. Every other key
 * becomes a key/value pair of the host's log line.
 */

/** Log levels, lowest first (hclog's names). */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

const ORDER: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

/** A structured logger. Extra fields are written as JSON keys next to the message; never pass secrets. */
export interface Logger {
  trace(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/**
 * The least level written, from TF_LOG_PROVIDER, else TF_LOG (`JSON` means trace), else `warn`: Terraform drops
 * plugin output below its own level anyway, so writing less saves work on every call.
 */
export function levelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const raw = (env.TF_LOG_PROVIDER || env.TF_LOG || '').trim().toLowerCase();
  if (raw === 'json') return 'trace';
  return (ORDER as readonly string[]).includes(raw) ? (raw as LogLevel) : 'warn';
}

/** Makes a logger that writes hclog JSON lines through `write` (stderr by default). */
export function createLogger(
  module: string,
  opts: { level?: LogLevel; write?: (line: string) => void } = {},
): Logger {
  const min = ORDER.indexOf(opts.level ?? levelFromEnv());
  const write = opts.write ?? ((line: string) => void process.stderr.write(line));
  const emit = (level: LogLevel) => (msg: string, fields?: Record<string, unknown>): void => {
    if (ORDER.indexOf(level) < min) return;
    const rec: Record<string, unknown> = {
      '@level': level,
      '@message': msg,
      '@module': module,
      '@timestamp': hclogTimestamp(new Date()),
      ...fields,
    };
    write(JSON.stringify(rec) + '\n');
  };
  return { trace: emit('trace'), debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** A timestamp in the layout go-plugin parses: `2025-01-02T03:04:05.678000Z` (microseconds, UTC). */
export function hclogTimestamp(d: Date): string {
  return `${d.toISOString().slice(0, 23)}000Z`;
}
