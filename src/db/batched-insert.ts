/**
 * Bind parameters per statement that a multi-row INSERT stays under. PostgreSQL's wire protocol counts them in
 * 16 bits (65,535 at most; PGlite has the same limit): past it the server answers "bind message has N parameter
 * formats but 0 parameters". Half of that leaves room for
 * a value that binds more than one parameter.
 */
export const MAX_PARAMETERS_PER_STATEMENT = 30_000;

/**
 * Splits rows into batches of whole rows whose `rows × columns` stays under the parameter limit, so a
 * multi-row INSERT of any size can be sent batch by batch. The caller runs the batches inside its own
 * transaction, so a failing batch still writes nothing.
 *
 * @example
 * for (const batch of parameterBatches(contacts.map(toRow))) {
 *   await trx.insertInto('contacts').values(batch).execute();
 * }
 */
export function parameterBatches<Row extends object>(
  rows: readonly Row[],
  maxParameters: number = MAX_PARAMETERS_PER_STATEMENT,
): Row[][] {
  if (rows.length === 0) return [];
  // Kysely writes one column per key of the union of the rows' keys, a parameter per row for each.
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) columns.add(key);
  const rowsPerBatch = Math.max(1, Math.floor(maxParameters / Math.max(1, columns.size)));
  const batches: Row[][] = [];
  for (let start = 0; start < rows.length; start += rowsPerBatch) {
    batches.push(rows.slice(start, start + rowsPerBatch));
  }
  return batches;
}
