/** A plain aligned text table for terminals; columns sized to their widest cell, capped so lines stay readable. */
export function formatTable(headers: string[], rows: string[][], maxColumnWidth = 48): string {
  const widths = headers.map((header, column) =>
    Math.min(maxColumnWidth, Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        const text = cell.length > width ? `${cell.slice(0, width - 1)}…` : cell;
        return text.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
