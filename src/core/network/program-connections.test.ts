import { describe, expect, it } from 'vitest';
import { connectionsAtProgram, connectionsById } from './program-connections.js';
import {
  contact,
  drLee,
  event,
  LAKESHORE,
  letter,
  RIVERSIDE,
  rotationEndedYesterday,
} from './test-support.js';

const chief = contact({
  id: 'c-chief',
  name: 'Omar Haddad',
  role: 'chief-resident',
  affiliation: { acgmeId: LAKESHORE, institution: null },
});
const network = {
  contacts: [drLee, chief],
  interactions: [rotationEndedYesterday],
  letters: [letter({ id: 'l1', writerContactId: drLee.id, agreedOn: '2026-11-20' })],
  events: [event({ id: 'e1', name: 'AAFP National Conference', contactIds: [chief.id] })],
};

describe('connections at a program, for SmartPick', () => {
  it('at Riverside: rotated there with Dr. Lee, who also writes a letter', () => {
    expect(connectionsAtProgram(RIVERSIDE, network)).toEqual({
      acgmeId: RIVERSIDE,
      rotated: true,
      letterWriter: true,
      contact: true,
      rotatedWith: ['Anna Lee'],
      letterWriters: ['Anna Lee'],
      byCircle: { inner: [], middle: ['Anna Lee'], outer: [] },
      metAtEvent: [],
    });
  });

  it('at Lakeshore: an outer-circle chief resident met at a fair', () => {
    expect(connectionsAtProgram(LAKESHORE, network)).toMatchObject({
      rotated: false,
      letterWriter: false,
      contact: true,
      byCircle: { inner: [], middle: [], outer: ['Omar Haddad'] },
      metAtEvent: ['Omar Haddad'],
    });
  });

  it('at a program the network does not touch: nothing', () => {
    expect(connectionsAtProgram('1201299999', network)).toMatchObject({
      rotated: false,
      letterWriter: false,
      contact: false,
    });
  });

  it('gives the interview model its flags keyed by ACGME id', () => {
    expect(connectionsById(network)).toEqual({
      [RIVERSIDE]: { rotated: true, letterWriter: true, contact: true },
      [LAKESHORE]: { rotated: false, letterWriter: false, contact: true },
    });
  });
});
