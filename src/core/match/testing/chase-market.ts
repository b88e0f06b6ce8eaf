import type { JsonMarket } from '../json-market.js';

/**
 * A market with no stable matching: a single and a couple chase each other. Sato wants General, which prefers
 * Yates; the couple wants City+General, but City prefers Sato to Xu. Whoever settles, the vacancy left behind
 * lets the other block.
 */
export const CHASE_MARKET: JsonMarket = {
  programs: [
    { id: 'City', positions: 1, rankList: ['Sato', 'Xu'] },
    { id: 'General', positions: 1, rankList: ['Yates', 'Sato'] },
    { id: 'Mercy', positions: 2, rankList: ['Xu', 'Yates'] },
  ],
  applicants: [{ id: 'Sato', rankList: ['General', 'City'] }],
  couples: [
    {
      id: 'Xu+Yates',
      members: ['Xu', 'Yates'],
      rankList: [
        ['City', 'General'],
        ['Mercy', 'Mercy'],
      ],
    },
  ],
};
