export {
  createMarketWorkspace,
  type GeneratedMarket,
  type GenerateMarketOptions,
  generateMarket,
  type MarketUser,
  type MarketWorkspace,
} from './generate-market.js';
export {
  FM_2024,
  FM_MARKET_PARAMETERS,
  MARKET_APPLICANT_TYPES,
  MARKET_TYPE_COUNT,
  MARKET_TYPE_LABELS,
  type MarketApplicantType,
  type MarketParameters,
  meanProgramSize,
} from './parameters.js';
export { createGaussian, type RandomSource, runSeed, sampleProgramSize } from './random.js';
