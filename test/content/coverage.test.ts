// Coverage: every official objective code of an exam, and every subtopic in a certification's
// outline (the syllabus as learners read it), is practised by at least one topic.
import * as assert from 'assert';
import { allExercises, ExamCertification } from '../../src/core/syllabus/model';
import { shippedSyllabus } from './helpers';
import { lessonProblems } from './lessonCheck';
import { WRONG_SOLUTIONS } from './rules';
import { textProblems } from './textCheck';

/** The official objective codes per exam (see shared reference official-objectives.md). */
const OFFICIAL: Record<string, string[]> = {
  'PCEP-30-02': [
    '1.1',
    '1.2',
    '1.3',
    '1.4',
    '1.5',
    '2.1',
    '2.2',
    '3.1',
    '3.2',
    '3.3',
    '3.4',
    '4.1',
    '4.2',
    '4.3',
    '4.4',
  ],
  'PCAP-31-03': [
    '1.1',
    '1.2',
    '1.3',
    '1.4',
    '1.5',
    '2.1',
    '2.2',
    '3.1',
    '3.2',
    '3.3',
    '4.1',
    '4.2',
    '4.3',
    '4.4',
    '4.5',
    '4.6',
    '5.1',
    '5.2',
    '5.3',
    '5.4',
    '5.5',
  ],
  'PCPP-32-101': [
    '1.1',
    '1.2',
    '1.3',
    '1.4',
    '1.5',
    '1.6',
    '1.7',
    '1.8',
    '1.9',
    '1.10',
    '1.11',
    '1.12',
    '2.1',
    '2.2',
    '2.3',
    '3.1',
    '3.2',
    '3.3',
    '4.1',
    '4.2',
    '4.3',
    '4.4',
    '5.1',
    '5.2',
  ],
  // Only the five blocks of the 2019 draft are published for PCPP 32-2.
  'PCPP-32-2': ['1', '2', '3', '4', '5'],
};

describe('syllabus coverage', () => {
  const certs = shippedSyllabus().certifications.filter((c): c is ExamCertification => c.kind === 'exam');

  it('has certifications to check', () => {
    assert.ok(certs.length > 0);
  });

  for (const cert of certs) {
    const topics = cert.domains.flatMap((d) => d.topics);

    it(`${cert.examCode}: every official objective is listed and mapped to a topic`, () => {
      const official = OFFICIAL[cert.examCode];
      assert.ok(official, `the test knows the official objectives of ${cert.examCode}`);
      assert.deepStrictEqual(Object.keys(cert.objectives).sort(), [...official].sort(), 'objective codes in the file');
      const unmapped = official.filter((code) => !topics.some((t) => t.objectives.includes(code)));
      assert.deepStrictEqual(unmapped, [], 'objectives with no topic');
    });

    it(`${cert.examCode}: every outline subtopic is covered by a topic`, () => {
      assert.ok(cert.outline.length > 0, `${cert.id} has an outline`);
      const uncovered = cert.outline.filter((o) => !topics.some((t) => t.covers.includes(o.id))).map((o) => o.id);
      assert.deepStrictEqual(uncovered, [], 'outline entries with no topic');
    });

    it(`${cert.examCode}: every topic has an easy, a medium and a hard exercise`, () => {
      const short = topics
        .filter((t) => !['easy', 'medium', 'hard'].every((d) => t.exercises.some((e) => e.difficulty === d)))
        .map((t) => t.id);
      assert.deepStrictEqual(short, []);
    });
  }

  it('every exercise has at least three checks and two hints', () => {
    const thin = certs.flatMap((c) =>
      c.domains.flatMap((d) =>
        d.topics.flatMap((t) =>
          t.exercises.filter((e) => e.checks.length < 3 || e.hints.length < 2).map((e) => `${c.id}/${t.id}/${e.id}`),
        ),
      ),
    );
    assert.deepStrictEqual(thin, []);
  });

  it(`every topic has a lesson (words, examples and traps), every exercise ${WRONG_SOLUTIONS} or more wrong solutions`, () => {
    const missing = certs.flatMap((c) =>
      c.domains.flatMap((d) => d.topics.flatMap((t) => lessonProblems(t).map((p) => `${c.id}/${t.id}: ${p}`))),
    );
    const refs = allExercises({ certifications: certs, problems: [] });
    const fewWrong = refs
      .filter((r) => (r.exercise.wrong?.length ?? 0) < WRONG_SOLUTIONS)
      .map((r) => `${r.key}: ${r.exercise.wrong?.length ?? 0} wrong solutions`);
    assert.deepStrictEqual([...missing, ...fewWrong], []);
  });

  it('every task, hint and message reads right for every draw (no placeholder or unevaluated expression)', () => {
    const refs = allExercises({ certifications: certs, problems: [] });
    const found = refs.flatMap((r) => textProblems(r).map((p) => `${r.key}: ${p}`));
    assert.deepStrictEqual(found, []);
  });

  it('at least a third of all exercises are parametrized', () => {
    const exercises = certs.flatMap((c) => c.domains.flatMap((d) => d.topics.flatMap((t) => t.exercises)));
    const parametrized = exercises.filter((e) => e.params).length;
    assert.ok(
      parametrized * 3 >= exercises.length,
      `${parametrized} of ${exercises.length} exercises are parametrized`,
    );
  });
});
