import * as assert from 'assert';
import * as path from 'path';
import { allExercises } from '../../src/core/syllabus/model';
import { formatProblem, loadSyllabus } from '../../src/core/syllabus/loader';
import { readYamlFiles } from '../../src/node/files';
import { edit, VALID } from './fixtures';

function problemsOf(text: string): string[] {
  return loadSyllabus([{ file: 'demo.yaml', text }]).problems.map(formatProblem);
}

describe('syllabus loader', () => {
  it('loads a valid file with every field in place', () => {
    const s = loadSyllabus([{ file: 'demo.yaml', text: VALID }]);
    assert.deepStrictEqual(s.problems, []);
    const [ref] = allExercises(s);
    assert.strictEqual(ref.key, 'demo/adding/add-two');
    assert.strictEqual(ref.exercise.kind, 'function');
    assert.deepStrictEqual(ref.topic.objectives, ['1.1', '1.10']);
    assert.strictEqual(ref.exercise.checks[1].target, 'add');
  });

  // The bad-file corpus: each case names the exact `file:line: message` it must produce.
  const corpus: { name: string; text: string; expect: string }[] = [
    { name: 'YAML syntax error', text: edit('  items: 10', '  items: [10'), expect: 'demo.yaml:9: YAML syntax' },
    { name: 'top level is a list', text: '- id: demo\n', expect: 'demo.yaml:1: a syllabus file must be a mapping' },
    {
      name: 'missing title',
      text: edit('title: Demo Certification\n', ''),
      expect: 'demo.yaml:1: missing field `title` in certification',
    },
    {
      name: 'wrong type for items',
      text: edit('items: 10', 'items: ten'),
      expect: 'demo.yaml:8: `items` in exam must be a whole number',
    },
    {
      name: 'pass mark out of range',
      text: edit('passMark: 70', 'passMark: 170'),
      expect: 'demo.yaml:10: `passMark` in exam must be between 1 and 100',
    },
    {
      name: 'unknown field with suggestion',
      text: edit('            prompt:', '            promt:'),
      expect: 'demo.yaml:30: unknown field `promt` in exercise `add-two` (did you mean `prompt`?)',
    },
    {
      name: 'bad id form',
      text: edit('id: add-two', 'id: Add_Two'),
      expect: 'demo.yaml:27: id `Add_Two` in exercise of topic `adding` must be lower-case',
    },
    {
      name: 'duplicate check id',
      text: edit('id: negative', 'id: small'),
      expect: 'demo.yaml:43: duplicate check id `small` (first used on line 38)',
    },
    {
      name: 'unquoted objective code',
      text: edit('"1.1": Adding numbers', '1.1: Adding numbers'),
      expect: 'demo.yaml:15: objective codes must be quoted text',
    },
    {
      name: 'unknown objective code',
      text: edit('objectives: ["1.1", "1.10"]', 'objectives: ["1.1", "9.9"]'),
      expect: 'demo.yaml:25: topic `adding` names objective 9.9',
    },
    {
      name: 'check targets nothing',
      text: edit(
        'target: add\n                code: expect(solution.add(-2',
        'target: subtract\n                code: expect(solution.add(-2',
      ),
      expect:
        'demo.yaml:45: check `negative` of exercise `add-two` targets `subtract`, which the reference solution does not define',
    },
    {
      name: 'empty check code',
      text: edit('code: expect(solution.add(2, 3), 5)', 'code: ""'),
      expect: 'demo.yaml:41: `code` in check `small` of exercise `add-two` is empty',
    },
    {
      name: 'bad difficulty',
      text: edit('difficulty: easy', 'difficulty: trivial'),
      expect: 'demo.yaml:29: `difficulty` in exercise `add-two` must be one of easy, medium, hard',
    },
    {
      name: 'no checks',
      text: edit('            checks:\n', '            checks: []\n            old-checks:\n'),
      expect: 'demo.yaml:37: `checks` in exercise `add-two` must be a non-empty list',
    },
    {
      name: 'no objective and nothing covered',
      text: edit('objectives: ["1.1", "1.10"]', 'objectives: []'),
      expect: 'demo.yaml:22: topic `adding` needs at least one objective code',
    },
    {
      name: 'no hints',
      text: edit('            hints:\n              - The + operator adds.\n', ''),
      expect: 'demo.yaml:27: missing field `hints` in exercise `add-two`',
    },
    {
      name: 'weights do not add up',
      text: edit('weight: 100', 'weight: 90'),
      expect: 'demo.yaml:18: domain weights add up to 90%, not 100%',
    },
    {
      name: 'unknown prerequisite',
      text: edit('prerequisites: []', 'prerequisites: [pcap]'),
      expect: 'demo.yaml:12: unknown prerequisite `pcap` in exam.prerequisites of `demo`',
    },
    {
      name: 'duplicate key',
      text: edit('order: 1', 'order: 1\norder: 2'),
      expect: 'demo.yaml:6: YAML syntax: Map keys must be unique',
    },
    {
      name: 'missing starter',
      text: edit('            starter: |\n              def add(a, b):\n                  pass\n', ''),
      expect: 'demo.yaml:27: missing field `starter` in exercise `add-two`',
    },
  ];
  for (const c of corpus) {
    it(`reports ${c.name} at the right line`, () => {
      const problems = problemsOf(c.text);
      assert.ok(
        problems.some((p) => p.startsWith(c.expect)),
        `expected a problem starting with\n  ${c.expect}\ngot\n  ${problems.join('\n  ')}`,
      );
    });
  }

  it('leaves a broken file out entirely and still loads the others', () => {
    const broken = edit('id: demo', 'id: other').replace('passMark: 70', 'passMark: nope');
    const s = loadSyllabus([
      { file: 'demo.yaml', text: VALID },
      { file: 'other.yaml', text: broken },
    ]);
    assert.deepStrictEqual(
      s.certifications.map((c) => c.id),
      ['demo'],
    );
    assert.strictEqual(s.problems.length, 1);
    assert.match(formatProblem(s.problems[0]), /^other\.yaml:10:/);
  });

  it('rejects a second certification with the same id', () => {
    const s = loadSyllabus([
      { file: 'a.yaml', text: VALID },
      { file: 'b.yaml', text: VALID },
    ]);
    assert.strictEqual(s.certifications.length, 1);
    assert.match(formatProblem(s.problems[0]), /^b\.yaml:1: duplicate certification id `demo` \(also in a\.yaml\)/);
  });

  it('loads a credential whose requirements exist, and drops one whose requirement does not', () => {
    const credential =
      'kind: credential\nid: expert\ntitle: Expert\nshortTitle: EXP\norder: 9\nsummary: Earned.\nrequires: [demo]\n';
    const ok = loadSyllabus([
      { file: 'demo.yaml', text: VALID },
      { file: 'expert.yaml', text: credential },
    ]);
    assert.deepStrictEqual(ok.problems, []);
    assert.deepStrictEqual(
      ok.certifications.map((c) => `${c.kind}:${c.id}`),
      ['exam:demo', 'credential:expert'],
    );
    const orphan = loadSyllabus([{ file: 'expert.yaml', text: credential }]);
    assert.deepStrictEqual(orphan.certifications, []);
    assert.strictEqual(
      formatProblem(orphan.problems[0]),
      'expert.yaml:7: unknown prerequisite `demo` in requires of `expert`: no loaded certification has that id',
    );
  });

  it('drops a certification whose prerequisite was itself dropped', () => {
    const mid = edit('id: demo', 'id: mid').replace('prerequisites: []', 'prerequisites: [base]');
    const top = edit('id: demo', 'id: top').replace('prerequisites: []', 'prerequisites: [mid]');
    const s = loadSyllabus([
      { file: 'mid.yaml', text: mid },
      { file: 'top.yaml', text: top },
    ]);
    assert.deepStrictEqual(s.certifications, []);
    assert.strictEqual(s.problems.length, 2);
  });

  it('orders certifications by their place on the path', () => {
    const second = edit('id: demo', 'id: second').replace('order: 1', 'order: 2');
    const s = loadSyllabus([
      { file: 'b.yaml', text: second },
      { file: 'a.yaml', text: VALID },
    ]);
    assert.deepStrictEqual(
      s.certifications.map((c) => c.id),
      ['demo', 'second'],
    );
  });

  it('loads the shipped syllabus without a single problem', function () {
    this.timeout(20000); // the whole syllabus, on a busy machine
    const read = readYamlFiles(path.join(__dirname, '..', '..', '..', 'syllabus'), 'syllabus');
    const s = loadSyllabus(read.sources);
    assert.deepStrictEqual([...read.problems, ...s.problems].map(formatProblem), []);
    assert.ok(s.certifications.some((c) => c.id === 'pcep'));
  });
});
