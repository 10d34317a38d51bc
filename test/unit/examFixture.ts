// A small certification with an official blueprint, a bank sized for five fresh mocks, and helpers.
import { Question } from '../../src/core/exam/question';
import { ExamCertification, Topic } from '../../src/core/syllabus/model';

export function topic(id: string, objectives: string[]): Topic {
  return { id, title: `Topic ${id}`, summary: '', objectives, covers: [], exercises: [] };
}

/** Blueprint: 4 + 5 + 3 items weighing 180 / 290 / 250 (PCEP-style raw points); t4 is off the blueprint. */
export const CERT: ExamCertification = {
  kind: 'exam',
  id: 'demo',
  title: 'Demo',
  shortTitle: 'DEMO',
  examCode: 'DEMO-1',
  order: 1,
  summary: '',
  file: 'demo.yaml',
  exam: { items: 12, minutes: 30, passMark: 70, feeUsd: 0, prerequisites: [], delivery: '' },
  blueprint: {
    source: 'DEMO-1 syllabus',
    draft: false,
    sections: [
      { id: '1', title: 'Section one', items: 4, weight: 180, objectives: ['1.1'] },
      { id: '2', title: 'Section two', items: 5, weight: 290, objectives: ['2.1', '2.2'] },
      { id: '3', title: 'Section three', items: 3, weight: 250, objectives: ['3.1'] },
    ],
  },
  objectives: { '1.1': 'One', '2.1': 'Two', '2.2': 'Two more', '3.1': 'Three', '9.9': 'Extra' },
  outline: [],
  // Domains deliberately cut across the sections: mocks follow the blueprint, not the tree.
  domains: [
    { id: 'd1', title: 'Domain 1', weight: 70, topics: [topic('t1', ['1.1']), topic('t2', ['2.1', '2.2'])] },
    { id: 'd2', title: 'Domain 2', weight: 30, topics: [topic('t3', ['3.1']), topic('t4', ['9.9'])] },
  ],
};

export function question(id: string, t: string, objective: string, extra: Partial<Question> = {}): Question {
  return {
    id,
    cert: 'demo',
    domain: t === 't1' || t === 't2' ? 'd1' : 'd2',
    topic: t,
    objective,
    type: 'single',
    prompt: `Prompt ${id}`,
    choices: ['a', 'b', 'c', 'd'],
    answer: [1],
    explanation: 'Because.',
    file: 'q.yaml',
    line: 1,
    ...extra,
  };
}

export const BANK: Question[] = [
  ...Array.from({ length: 20 }, (_, i) => question(`a${i}`, 't1', '1.1')),
  ...Array.from({ length: 25 }, (_, i) => question(`b${i}`, 't2', i % 2 ? '2.2' : '2.1')),
  ...Array.from({ length: 15 }, (_, i) =>
    question(`c${i}`, 't3', '3.1', i === 0 ? { type: 'multiple', answer: [0, 2, 3] } : {}),
  ),
  ...Array.from({ length: 6 }, (_, i) => question(`x${i}`, 't4', '9.9')),
];

export const NOW = Date.UTC(2026, 10, 24, 9, 0, 0);

export const byId = (id: string): Question => BANK.find((q) => q.id === id)!;
