/** Plain-text tables for terminal reports (no colours, so output stays readable in CI logs). */

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Let the last column run to the end of the line instead of padding it. @default true */
  readonly wrapLast?: boolean;
}

/** Lays out rows under a header with columns padded to their widest cell, two spaces apart. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const last = header.length - 1;
  return all
    .map((r) =>
      header
        .map((_, i) => {
          const cell = r[i] ?? '';
          return i === last && options.wrapLast !== false ? cell : cell.padEnd(widths[i]);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
