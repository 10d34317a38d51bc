import * as assert from 'assert';
import { allExercises } from '../../src/core/syllabus/model';
import { formatProblem, loadSyllabus, SyllabusSource } from '../../src/core/syllabus/loader';
import { edit, VALID } from './fixtures';

// VALID with its one topic moved into its own file, as the built-in syllabus is laid out.
const start = VALID.indexOf('      - id: adding');
const CERT = `${VALID.slice(0, start)}      - adding\n`;
const TOPIC = VALID.slice(start)
  .split('\n')
  .map((line, i) => (i === 0 ? line.slice(8) : line.slice(8)))
  .join('\n');

const LESSON = `lesson:
  sections:
    - id: plus
      title: The plus operator
      text: Adding two numbers uses \`+\`.
      examples:
        - code: print(2 + 3)
          output: "5\\n"
  traps:
    - Adding a string to a number raises TypeError.
`;

function load(topic: string, cert = CERT, extra: SyllabusSource[] = []) {
  return loadSyllabus([
    { file: 'syllabus/demo.yaml', text: cert },
    { file: 'syllabus/demo/adding.yaml', text: topic },
    ...extra,
  ]);
}

function problems(topic: string, cert = CERT, extra: SyllabusSource[] = []): string[] {
  return load(topic, cert, extra).problems.map(formatProblem);
}

function expectProblem(list: string[], start: string): void {
  assert.ok(
    list.some((p) => p.startsWith(start)),
    `expected a problem starting with\n  ${start}\ngot\n  ${list.join('\n  ')}`,
  );
}

describe('topic files', () => {
  it('reads a topic listed by id from the folder named after its certification file', () => {
    assert.ok(TOPIC.startsWith('id: adding\n'), TOPIC.slice(0, 40));
    const s = load(TOPIC);
    assert.deepStrictEqual(s.problems.map(formatProblem), []);
    const [ref] = allExercises(s);
    assert.strictEqual(ref.key, 'demo/adding/add-two');
    assert.strictEqual(ref.topic.file, 'syllabus/demo/adding.yaml');
  });

  it('gives the same certification as the topic written out in place', () => {
    const inline = loadSyllabus([{ file: 'syllabus/demo.yaml', text: VALID }]).certifications[0];
    const split = load(TOPIC).certifications[0];
    const strip = (value: unknown) => JSON.stringify(value, (k, v) => (k === 'file' ? undefined : v));
    assert.strictEqual(strip(split), strip(inline));
  });

  it('reports a missing topic file at the line that lists it, and leaves the certification out', () => {
    const s = loadSyllabus([{ file: 'syllabus/demo.yaml', text: CERT }]);
    assert.deepStrictEqual(s.certifications, []);
    expectProblem(
      s.problems.map(formatProblem),
      'syllabus/demo.yaml:22: topic `adding` is listed here, but there is no topic file `syllabus/demo/adding.yaml`',
    );
  });

  it('names problems inside a topic file by that file and line, and leaves its certification out', () => {
    const s = load(edit('difficulty: easy', 'difficulty: trivial', TOPIC));
    assert.deepStrictEqual(s.certifications, []);
    expectProblem(
      s.problems.map(formatProblem),
      'syllabus/demo/adding.yaml:8: `difficulty` in exercise `add-two` must be one of easy, medium, hard',
    );
  });

  it('checks objective codes of a topic file against its certification', () => {
    expectProblem(
      problems(edit('objectives: ["1.1", "1.10"]', 'objectives: ["1.1", "7.7"]', TOPIC)),
      'syllabus/demo/adding.yaml:4: topic `adding` names objective 7.7',
    );
  });

  it('insists that the file name and the id agree', () => {
    const s = loadSyllabus([
      { file: 'syllabus/demo.yaml', text: CERT.replace('      - adding', '      - adding-up') },
      { file: 'syllabus/demo/adding-up.yaml', text: TOPIC },
    ]);
    expectProblem(
      s.problems.map(formatProblem),
      'syllabus/demo/adding-up.yaml:1: this topic file is listed as `adding-up` in syllabus/demo.yaml, but its id is `adding`',
    );
  });

  it('reports a topic file no domain lists', () => {
    const extra = [{ file: 'syllabus/demo/stray.yaml', text: TOPIC.replace('id: adding', 'id: stray') }];
    expectProblem(
      problems(TOPIC, CERT, extra),
      'syllabus/demo/stray.yaml:1: this topic file is not listed in the `topics` of any domain of syllabus/demo.yaml: add `stray` there',
    );
  });

  it('reports the same topic listed twice', () => {
    expectProblem(problems(TOPIC, `${CERT}      - adding\n`), 'syllabus/demo.yaml:23: duplicate topic id `adding`');
  });
});

describe('lessons, wrong solutions and lesson links', () => {
  const withLesson = TOPIC.replace('exercises:\n', `${LESSON}exercises:\n`);

  it('reads a lesson with its sections, examples and traps', () => {
    const s = load(withLesson);
    assert.deepStrictEqual(s.problems.map(formatProblem), []);
    const topic = allExercises(s)[0].topic;
    assert.strictEqual(topic.lesson?.sections[0].id, 'plus');
    assert.deepStrictEqual(topic.lesson?.sections[0].examples, [{ code: 'print(2 + 3)', output: '5\n' }]);
    assert.deepStrictEqual(topic.lesson?.traps, ['Adding a string to a number raises TypeError.']);
  });

  it('rejects an example without its output', () => {
    expectProblem(problems(withLesson.replace('          output: "5\\n"\n', '')), 'syllabus/demo/adding.yaml:');
    assert.ok(
      problems(withLesson.replace('          output: "5\\n"\n', '')).some((p) => p.includes('missing field `output`')),
    );
  });

  it('accepts check and exercise links to lesson sections, and rejects unknown ones', () => {
    const linked = withLesson.replace(
      'message: add(2, 3) should return 5.',
      'message: add(2, 3) should return 5.\n        lesson: plus',
    );
    assert.deepStrictEqual(problems(linked), []);
    const wrongLink = withLesson.replace(
      'message: add(2, 3) should return 5.',
      'message: add(2, 3) should return 5.\n        lesson: minus',
    );
    expectProblem(problems(wrongLink), 'syllabus/demo/adding.yaml:');
    assert.ok(
      problems(wrongLink).some((p) =>
        p.includes("points at lesson section `minus`, which the topic's lesson does not have (its sections: plus)"),
      ),
    );
    const noLesson = TOPIC.replace(
      'message: add(2, 3) should return 5.',
      'message: add(2, 3) should return 5.\n        lesson: plus',
    );
    assert.ok(
      problems(noLesson).some((p) => p.includes('points at lesson section `plus`, but the topic has no `lesson`')),
    );
  });

  it('reads wrong solutions and equivalent mutants, with placeholders checked', () => {
    const wrong = TOPIC.replace(
      '    hints:\n',
      '    wrong:\n      - note: subtracts instead\n        code: |\n          def add(a, b):\n              return a - b\n    equivalentMutants:\n      - mutant: "L2 swap: a + b → b + a"\n        reason: addition of numbers is commutative\n    hints:\n',
    );
    const s = load(wrong);
    assert.deepStrictEqual(s.problems.map(formatProblem), []);
    const ex = allExercises(s)[0].exercise;
    assert.deepStrictEqual(ex.wrong, [{ note: 'subtracts instead', code: 'def add(a, b):\n    return a - b\n' }]);
    assert.strictEqual(ex.equivalentMutants?.[0].reason, 'addition of numbers is commutative');
    const typo = wrong.replace('return a - b', 'return a - {{n}}');
    assert.ok(problems(typo).some((p) => p.includes('uses {{n}}, but has no param `n`')));
    const noCode = TOPIC.replace('    hints:\n', '    wrong:\n      - note: nothing to run\n    hints:\n');
    assert.ok(problems(noCode).length > 0);
  });
});

describe('exam blueprints', () => {
  const blueprint = (sections: string) =>
    edit(
      'objectives:\n  "1.1"',
      `blueprint:\n  source: the official syllabus\n  sections:\n${sections}objectives:\n  "1.1"`,
      CERT,
    );
  const good =
    '    - {id: "1", title: Adding, items: 6, weight: 60, objectives: ["1.1"]}\n    - {id: "2", title: Subtracting, items: 4, weight: 40, objectives: ["1.10"]}\n';

  it('reads the sections with their items, weights and objectives', () => {
    const s = load(TOPIC, blueprint(good));
    assert.deepStrictEqual(s.problems.map(formatProblem), []);
    const cert = s.certifications[0];
    assert.ok(cert.kind === 'exam');
    assert.deepStrictEqual(cert.blueprint, {
      source: 'the official syllabus',
      draft: false,
      sections: [
        { id: '1', title: 'Adding', items: 6, weight: 60, objectives: ['1.1'] },
        { id: '2', title: 'Subtracting', items: 4, weight: 40, objectives: ['1.10'] },
      ],
    });
  });

  it('needs the items to add up to the exam and every code to exist once', () => {
    const list = problems(TOPIC, blueprint(good.replace('items: 4', 'items: 5').replace('["1.10"]', '["1.1", "3.3"]')));
    expectProblem(list, 'syllabus/demo.yaml:');
    assert.ok(
      list.some((p) => p.includes("the blueprint's sections have 11 items in all, but the exam has 10")),
      list.join('\n'),
    );
    assert.ok(
      list.some((p) => p.includes('objective 1.1 is in blueprint sections 1 and 2')),
      list.join('\n'),
    );
    assert.ok(
      list.some((p) => p.includes("blueprint section 2 names objective 3.3, which is not in this file's `objectives`")),
      list.join('\n'),
    );
  });
});
