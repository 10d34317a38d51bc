// The verdict: ready when the last three mocks each scored at least ten points over the pass mark
// and every section's readiness is at the pass mark or more. A pass mark reached once can be luck;
// three mocks with a margin, and no weak section behind an average, are not. Otherwise the reasons
// say what is missing.
import { RECENT } from './evidence';
import { CertReadiness, Reason, Verdict, VerdictLevel } from './types';

/** Points over the pass mark each of the last mocks needs (70 % + 10 = 80 %). */
export const MOCK_MARGIN = 10;
/** How many of the latest mocks must clear the mark. */
export const MOCKS_NEEDED = RECENT;

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** A small count in words ("three"), larger ones in digits. */
export const inWords = (n: number): string => WORDS[n] ?? String(n);

function mockReasons(r: CertReadiness, mockMark: number): Reason[] {
  const recent = r.mocks.slice(-MOCKS_NEEDED).reverse();
  if (!recent.length) return [{ kind: 'noMock', text: 'No mock exam yet: take one to see where you stand.' }];
  const reasons: Reason[] = [];
  if (recent.length < MOCKS_NEEDED) {
    const n = recent.length;
    reasons.push({
      kind: 'fewMocks',
      text: `Only ${n} mock${n === 1 ? '' : 's'} so far: the verdict needs your last ${inWords(MOCKS_NEEDED)}.`,
    });
  }
  const low = recent.filter((m) => m.percent < mockMark);
  if (low.length) {
    const scores = `below ${mockMark} % (${low.map((m) => `${m.percent} %`).join(', ')})`;
    let text = `${low.length} of your last ${inWords(recent.length)} mocks scored ${scores}.`;
    if (recent.length === 1) text = `Your mock scored ${scores}.`;
    else if (low.length === recent.length) text = `Your last ${inWords(recent.length)} mocks all scored ${scores}.`;
    reasons.push({ kind: 'lowMocks', text });
  }
  return reasons;
}

function sectionReasons(r: CertReadiness, sectionMark: number): Reason[] {
  return r.sections
    .filter((s) => s.percent < sectionMark)
    .map((s) => ({
      kind: 'lowSection',
      section: s.id,
      text: s.evidenced
        ? `${s.title} is at ${s.percent} % (needs ${sectionMark} %).`
        : `${s.title}: no exercise, quiz or mock yet (needs ${sectionMark} %).`,
    }));
}

/** The verdict on a certification's readiness. */
export function verdict(r: CertReadiness): Verdict {
  const mockMark = r.passMark + MOCK_MARGIN;
  const sectionMark = r.passMark;
  const sections = sectionReasons(r, sectionMark);
  const reasons = [...mockReasons(r, mockMark), ...sections];
  let level: VerdictLevel = 'notYet';
  let headline = `Not ready yet: ${sections.length} section${sections.length === 1 ? '' : 's'} below ${sectionMark} %.`;
  if (!reasons.length) {
    level = 'ready';
    headline = `Ready: the last ${inWords(MOCKS_NEEDED)} mocks ≥ ${mockMark} % and every section ≥ ${sectionMark} %.`;
  } else if (!sections.length) {
    level = 'close';
    headline = `Close: every section ≥ ${sectionMark} %; now the last ${inWords(MOCKS_NEEDED)} mocks need ≥ ${mockMark} %.`;
  }
  return { level, headline, reasons, mockMark, sectionMark };
}
