/**
 * The Match: markets, the solver and its stability check. Pure; workers and adapters call these.
 * Where things are computed:
 * - market form shared by solver, simulator, workers: compiled-market.ts
 * - JSON market (validation, compile) and named results: json-market.ts
 * - the algorithm (deferred acceptance with couples): solve-match.ts
 * - blocking pairs: stability.ts                    - moving markets to workers: market-transfer.ts
 * - is a generated market safe to solve: check-market.ts
 * - object/Map baseline for benchmarks only: object-baseline.ts
 */
export { checkCompiledMarket } from './check-market.js';
export { type CompiledMarket, NO_PROGRAM } from './compiled-market.js';
export {
  compileMarket,
  type JsonMarket,
  jsonMarketSchema,
  type MarketNames,
  type MatchJson,
  matchResultToJson,
  type NamedMarket,
} from './json-market.js';
export {
  fromTransferable,
  type TransferableMarket,
  type TransferHeader,
  toTransferable,
} from './market-transfer.js';
export { type MatchResult, type SolveMatchOptions, solveMatch } from './solve-match.js';
export { type BlockingPair, findBlockingPairs } from './stability.js';
