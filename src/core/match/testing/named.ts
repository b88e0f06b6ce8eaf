import { compileMarket, type JsonMarket, type NamedMarket } from '../json-market.js';
import { type SolveMatchOptions, solveMatch } from '../solve-match.js';

/** Compiles a hand-written market, failing the test loudly if it is malformed. */
export function market(json: JsonMarket): NamedMarket {
  const compiled = compileMarket(json);
  if (!compiled.ok) throw new Error(`bad test market: ${JSON.stringify(compiled.error)}`);
  return compiled.value;
}

/** Who matched where, by name; unmatched applicants map to null. */
export function matchByName(json: JsonMarket, options?: SolveMatchOptions) {
  const named = market(json);
  const result = solveMatch(named, options);
  const where = Object.fromEntries(
    named.applicantIds.map((id, a) => {
      const p = result.assignment[a] as number;
      return [id, p < 0 ? null : (named.programIds[p] as string)];
    }),
  );
  return { where, result, market: named };
}
