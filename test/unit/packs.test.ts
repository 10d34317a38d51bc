import * as assert from 'assert';
import { allExercises, ExamCertification } from '../../src/core/syllabus/model';
import { formatProblem, loadSyllabus } from '../../src/core/syllabus/loader';
import { edit, VALID } from './fixtures';

// A pack file adding one topic to the `arithmetic` domain of the fixture's `demo` certification.
const EXTENSION = `extends: demo
domains:
  - id: arithmetic
    topics:
      - id: doubling
        title: Doubling
        summary: Twice a number.
        objectives: ["1.1"]
        exercises:
          - id: double
            title: Double a number
            difficulty: easy
            prompt: Write double(n).
            starter: |
              def double(n):
                  pass
            solution: |
              def double(n):
                  return 2 * n
            checks:
              - id: two
                title: two
                target: double
                code: expect(solution.double(2), 4)
                message: double(2) should return 4.
            hints:
              - Multiply by 2.
`;

const base = () => loadSyllabus([{ file: 'syllabus/demo.yaml', text: VALID }]).certifications;
const topicIds = (certs: ReturnType<typeof base>) => (certs[0] as ExamCertification).domains[0].topics.map((t) => t.id);

describe('syllabus packs', () => {
  it("adds an extension's topics to a certification loaded before (e.g. the compiled built-in one)", () => {
    const s = loadSyllabus([{ file: '/course/extra.yaml', text: EXTENSION }], base());
    assert.deepStrictEqual(s.problems, []);
    assert.deepStrictEqual(topicIds(s.certifications), ['adding', 'doubling']);
    const added = allExercises(s).find((r) => r.exercise.id === 'double')!;
    assert.strictEqual(added.key, 'demo/doubling/double');
    assert.strictEqual(added.topic.origin, '/course/extra.yaml');
  });

  it('never changes the base certifications it was given', () => {
    const certs = base();
    loadSyllabus([{ file: 'extra.yaml', text: EXTENSION }], certs);
    assert.deepStrictEqual(topicIds(certs), ['adding']);
  });

  it('loads a whole new certification from a pack beside the built-in ones', () => {
    const course = edit('id: demo', 'id: course').replace('order: 1', 'order: 7');
    const s = loadSyllabus([{ file: '/school/course.yaml', text: course }], base());
    assert.deepStrictEqual(
      s.certifications.map((c) => c.id),
      ['demo', 'course'],
    );
    assert.strictEqual(s.certifications[1].file, '/school/course.yaml');
  });

  const broken: { name: string; text: string; expect: string }[] = [
    {
      name: 'an unknown target',
      text: EXTENSION.replace('extends: demo', 'extends: pcep'),
      expect: 'extra.yaml:1: `extends: pcep`: no loaded certification has that id (loaded: demo)',
    },
    {
      name: 'an unknown domain',
      text: EXTENSION.replace('id: arithmetic', 'id: algebra'),
      expect: 'extra.yaml:3: `algebra` is not a domain of DEMO (its domains: arithmetic)',
    },
    {
      name: 'a topic id the certification already has',
      text: EXTENSION.replace('id: doubling', 'id: adding'),
      expect: 'extra.yaml:5: topic id `adding` is already used in DEMO (domain `arithmetic`); pick another id',
    },
    {
      name: 'an objective code the certification lacks',
      text: EXTENSION.replace('objectives: ["1.1"]', 'objectives: ["7.7"]'),
      expect: 'extra.yaml:8: topic `doubling` names objective 7.7, which DEMO does not have (its codes: 1.1, 1.10)',
    },
    {
      name: 'an exam field in an extension',
      text: EXTENSION.replace('domains:', 'exam: {items: 3}\ndomains:'),
      expect: 'extra.yaml:2: unknown field `exam` in pack for `demo`',
    },
    {
      name: 'a missing solution',
      text: EXTENSION.replace(/ {12}solution: \|\n.*\n.*\n/, ''),
      expect: 'extra.yaml:10: missing field `solution` in exercise `double`',
    },
    {
      name: 'a number among the hints',
      text: EXTENSION.replace('- Multiply by 2.', '- 2'),
      expect: 'extra.yaml:27: every entry of `hints` in exercise `double` must be text (quote numbers, e.g. "1.1")',
    },
  ];
  for (const c of broken) {
    it(`reports ${c.name} at its line and leaves the base untouched`, () => {
      const s = loadSyllabus([{ file: 'extra.yaml', text: c.text }], base());
      const problems = s.problems.map(formatProblem);
      assert.ok(
        problems.some((p) => p.startsWith(c.expect)),
        `expected a problem starting with\n  ${c.expect}\ngot\n  ${problems.join('\n  ')}`,
      );
      assert.deepStrictEqual(topicIds(s.certifications), ['adding']);
    });
  }

  it('tells a pack that reuses a built-in certification id to extend it instead', () => {
    const s = loadSyllabus([{ file: 'mine.yaml', text: VALID }], base());
    assert.strictEqual(s.certifications.length, 1);
    assert.match(
      formatProblem(s.problems[0]),
      /^mine\.yaml:1: duplicate certification id `demo` \(also in syllabus\/demo\.yaml\); to add topics to it, write `extends: demo` instead/,
    );
  });

  it('applies a good pack even when another pack is broken', () => {
    const s = loadSyllabus(
      [
        { file: 'bad.yaml', text: 'extends: demo\n' },
        { file: 'good.yaml', text: EXTENSION },
      ],
      base(),
    );
    assert.deepStrictEqual(topicIds(s.certifications), ['adding', 'doubling']);
    assert.deepStrictEqual(s.problems.map(formatProblem), ['bad.yaml:1: missing field `domains` in pack for `demo`']);
  });
});
