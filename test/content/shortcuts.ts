// Test-wise strategies: ways to answer without knowing Python. Each returns the expected score of the
// strategy on one question (ties split evenly), so a bank can be measured against blind guessing.
import { Question } from '../../src/core/exam/question';
import { parseRaisesChoice, raisesInOutput } from '../../src/core/exam/raises';
import { editDistance } from '../../src/core/syllabus/yamlReader';

/** One multiple-choice decision: the options, the right ones, how many to pick, whether the order is fixed. */
export interface Decision {
  id: string;
  type: Question['type'];
  options: string[];
  right: number[];
  fixedOrder: boolean;
}

/** The choice decisions of a question: its choices, or each gap of a gaps question. */
export function decisions(q: Question): Decision[] {
  if (q.type === 'gaps')
    return (q.gaps ?? []).map((g, i) => ({
      id: `${q.id}#${i + 1}`,
      type: q.type,
      options: g.choices,
      right: [g.answer],
      fixedOrder: false,
    }));
  if (q.type === 'order' || !q.choices.length) return [];
  return [
    { id: q.id, type: q.type, options: q.choices, right: q.answer, fixedOrder: !!q.keepOrder || q.type === 'raises' },
  ];
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** Blind guessing: the chance of picking exactly the right set. */
export function chance(d: Decision): number {
  return 1 / binomial(d.options.length, d.right.length);
}

/** Picks the k best-scoring options (ties broken evenly); the chance that the picked set is right. */
function pickBest(d: Decision, score: (i: number) => number): number {
  const k = d.right.length;
  const order = d.options.map((_, i) => i).sort((a, b) => score(b) - score(a));
  const cut = score(order[k - 1]);
  const sure = order.filter((i) => score(i) > cut);
  const tied = order.filter((i) => score(i) === cut);
  const need = k - sure.length;
  if (!sure.every((i) => d.right.includes(i))) return 0;
  const rightTied = tied.filter((i) => d.right.includes(i)).length;
  if (rightTied < need) return 0;
  return binomial(rightTied, need) / binomial(tied.length, need);
}

/** Similarity of two option texts, 0 … 1. */
function similarity(a: string, b: string): number {
  const x = a.slice(0, 160);
  const y = b.slice(0, 160);
  const longest = Math.max(x.length, y.length);
  return longest ? 1 - editDistance(x, y) / longest : 1;
}

/** The strategies, each an expected score on one decision. */
export const STRATEGIES: Record<string, (d: Decision) => number> = {
  /** The option most like the others (distractors built around the key give it away). */
  'most similar': (d) =>
    pickBest(d, (i) => d.options.reduce((s, o, j) => (j === i ? s : s + similarity(d.options[i], o)), 0)),
  /** The longest option. */
  longest: (d) => pickBest(d, (i) => d.options[i].length),
  /** The first option as written (only where the order is not shuffled). */
  first: (d) => (d.fixedOrder ? pickBest(d, (i) => -i) : chance(d)),
  /** Never "nothing" / "raises X": guess among the other options. */
  'never nothing': (d) => {
    const excluded = d.options.map((o, i) => (isNothing(d, o) ? i : -1)).filter((i) => i >= 0);
    if (!excluded.length || excluded.length === d.options.length) return chance(d);
    return pickBest(d, (i) => (excluded.includes(i) ? 0 : 1));
  },
};

/** Whether an option says that nothing is raised (raises items) or that the code raises (output items). */
export function isNothing(d: Decision, option: string): boolean {
  if (d.type === 'raises') return !!parseRaisesChoice(option)?.nothing;
  if (d.type === 'output') return raisesInOutput(option) !== undefined;
  return false;
}

/** Mean score in percent of a strategy over decisions. */
export function meanScore(list: Decision[], strategy: (d: Decision) => number): number {
  return list.length ? (100 * list.reduce((s, d) => s + strategy(d), 0)) / list.length : 0;
}
