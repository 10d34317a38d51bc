import * as assert from 'assert';
import { allExercises } from '../../src/core/syllabus/model';
import { keyFromRelativePath, renderPracticeFile, seedFromHeader } from '../../src/core/practice/practiceFile';
import { formatProblem, loadSyllabus } from '../../src/core/syllabus/loader';
import {
  drawParams,
  fill,
  instantiate,
  newSeed,
  ParamSpec,
  placeholders,
  pythonLiteral,
} from '../../src/core/syllabus/variants';
import runnerSource from '../../src/python/checklib.py';
import { edit } from './fixtures';

const SPECS: Record<string, ParamSpec> = {
  n: { int: [3, 9] },
  price: { float: [1, 10], digits: 2 },
  fruit: { choice: ['apple', 'kiwi', 'plum'] },
  picked: { sample: [1, 2, 3, 4, 5], k: 3 },
  order: { shuffle: ['a', 'b', 'c'] },
};

const PARAMETRIZED = edit(
  '            prompt: Write add(a, b) that returns a + b.\n',
  `            prompt: Write add(a, b); add({{n}}, 1) is {{n}} plus one, and {{word!r}} is a string.
            params:
              n: {int: [10, 99]}
              word: {choice: [alpha, "it's"]}
`,
)
  .replace('code: expect(solution.add(2, 3), 5)', 'code: expect(solution.add(params["n"], 1), {{n}} + 1)')
  .replace('message: add(2, 3) should return 5.', 'message: add({{n}}, 1) should return {{n}} plus one.');

describe('exercise variants', () => {
  it('draws the same values from the same seed, within the specs', () => {
    const a = drawParams(SPECS, 42);
    assert.deepStrictEqual(drawParams(SPECS, 42), a);
    for (let seed = 1; seed <= 200; seed++) {
      const p = drawParams(SPECS, seed);
      assert.ok(Number.isInteger(p.n) && (p.n as number) >= 3 && (p.n as number) <= 9);
      assert.ok(
        (p.price as number) >= 1 && (p.price as number) <= 10 && Number((p.price as number).toFixed(2)) === p.price,
      );
      assert.ok(['apple', 'kiwi', 'plum'].includes(p.fruit as string));
      assert.strictEqual(new Set(p.picked as number[]).size, 3);
      assert.deepStrictEqual([...(p.order as string[])].sort(), ['a', 'b', 'c']);
    }
  });

  it('varies across seeds', () => {
    const seen = new Set(Array.from({ length: 50 }, (_, i) => JSON.stringify(drawParams(SPECS, i + 1))));
    assert.ok(seen.size > 40, `${seen.size} distinct draws of 50`);
  });

  it('fills {{name}} as text and {{name!r}} as a Python literal', () => {
    const params = { n: 7, s: "it's", xs: [1, 'a', true, null], d: { k: 1.5 } };
    assert.strictEqual(
      fill('{{n}} {{ s }} {{s!r}} {{xs}} {{d!r}} {{missing}}', params),
      `7 it's "it's" [1, "a", True, None] {"k": 1.5} {{missing}}`,
    );
    assert.deepStrictEqual(placeholders('{{a}} and {{ b!r }}'), ['a', 'b']);
    assert.strictEqual(pythonLiteral('tab\there'), '"tab\\there"');
  });

  it('instantiates every text of an exercise and passes params to the checks', () => {
    const s = loadSyllabus([{ file: 'demo.yaml', text: PARAMETRIZED }]);
    assert.deepStrictEqual(s.problems.map(formatProblem), []);
    const ref = allExercises(s)[0];
    const { exercise, params } = instantiate(ref.exercise, 7);
    const n = params.n as number;
    assert.ok(exercise.prompt.startsWith(`Write add(a, b); add(${n}, 1) is ${n} plus one`));
    assert.ok(exercise.prompt.includes(params.word === 'alpha' ? '"alpha" is a string' : `"it's" is a string`));
    assert.strictEqual(exercise.checks[0].code.trim(), `expect(solution.add(params["n"], 1), ${n} + 1)`);
    assert.strictEqual(exercise.checks[0].message, `add(${n}, 1) should return ${n} plus one.`);
  });

  it('fills placeholders in the wrong solutions too, code and extra files alike', () => {
    const ref = allExercises(loadSyllabus([{ file: 'demo.yaml', text: PARAMETRIZED }]))[0];
    const wrong = [
      { note: 'off by {{n}}', code: 'def add(a, b):\n    return {{n}}\n', files: { 'data.py': 'N = {{n}}' } },
    ];
    const { exercise, params } = instantiate({ ...ref.exercise, wrong }, 7);
    const n = params.n as number;
    assert.deepStrictEqual(exercise.wrong, [
      {
        note: `off by ${n}`,
        code: `def add(a, b):\n    return ${n}\n`,
        files: { 'data.py': `N = ${n}` },
      },
    ]);
  });

  it('records the seed in the practice file and embeds the drawn params', () => {
    const ref = allExercises(loadSyllabus([{ file: 'demo.yaml', text: PARAMETRIZED }]))[0];
    const { exercise, params } = instantiate(ref.exercise, 12345);
    const text = renderPracticeFile({ ...ref, exercise }, runnerSource, { seed: 12345, params });
    assert.strictEqual(seedFromHeader(text), 12345);
    assert.ok(
      text.includes(
        `, "function", {"n": ${pythonLiteral(params.n)}, "word": ${pythonLiteral(params.word)}}, None, [])`,
      ),
    );
    assert.strictEqual(
      seedFromHeader(text.replace('# cert-path-variant: 12345', '# cert-path-variant: banana')),
      undefined,
    );
    assert.strictEqual(seedFromHeader(renderPracticeFile(ref, runnerSource)), undefined);
  });

  it('makes seeds that are positive 31-bit numbers', () => {
    assert.strictEqual(
      newSeed(() => 0),
      1,
    );
    assert.strictEqual(
      newSeed(() => 0.9999999999),
      0x7ffffffe,
    );
  });

  it('maps files inside a multi-file exercise folder to the exercise', () => {
    assert.strictEqual(keyFromRelativePath(['pcap', 'packages', 'shop', 'shop.py']), 'pcap/packages/shop');
    assert.strictEqual(
      keyFromRelativePath(['pcap', 'packages', 'shop', 'shapes', '__init__.py']),
      'pcap/packages/shop',
    );
    assert.strictEqual(keyFromRelativePath(['pcap', 'packages', 'shop', 'notes.txt']), undefined);
  });
});

describe('loader: variants, minPython and files', () => {
  const problems = (text: string) => loadSyllabus([{ file: 'demo.yaml', text }]).problems.map(formatProblem);
  const withField = (yaml: string) => edit('            hints:\n', `${yaml}            hints:\n`);

  it('accepts every param kind, minPython and extra files', () => {
    const text = withField(`            params:
              a: {int: [1, 5]}
              b: {float: [0.5, 2.5], digits: 1}
              c: {choice: [x, y]}
              d: {sample: [1, 2, 3], k: 2}
              e: {shuffle: [p, q]}
            minPython: "3.10"
            files:
              - path: shapes/__init__.py
                starter: ""
                solution: "from .circle import area\\n"
              - path: shapes/circle.py
                starter: "def area(r):\\n    pass\\n"
                solution: "def area(r):\\n    return 3.14159 * r * r\\n"
`);
    assert.deepStrictEqual(problems(text), []);
    const ref = allExercises(loadSyllabus([{ file: 'demo.yaml', text }]))[0];
    assert.strictEqual(ref.exercise.minPython, '3.10');
    assert.deepStrictEqual(
      ref.exercise.files?.map((f) => f.path),
      ['shapes/__init__.py', 'shapes/circle.py'],
    );
  });

  const cases: [string, string, string][] = [
    [
      'undefined placeholder',
      edit('prompt: Write add(a, b) that returns a + b.', 'prompt: Write add({{a}}, b).'),
      'demo.yaml:27: exercise `add-two` uses {{a}}, but has no param `a`',
    ],
    [
      'unknown param kind',
      withField('            params:\n              a: {range: [1, 5]}\n'),
      'demo.yaml:49: param `a` of exercise `add-two`: write one of',
    ],
    [
      'inverted int range',
      withField('            params:\n              a: {int: [5, 1]}\n'),
      'demo.yaml:49: param `a` of exercise `add-two`: `int` needs [low, high] with low <= high',
    ],
    [
      'sample larger than its list',
      withField('            params:\n              a: {sample: [1, 2], k: 3}\n'),
      'demo.yaml:49: param `a` of exercise `add-two`: `sample` needs `k` between 1 and 2',
    ],
    [
      'float without digits',
      withField('            params:\n              a: {float: [1, 2]}\n'),
      'demo.yaml:49: param `a` of exercise `add-two`: `float` needs `digits`',
    ],
    [
      'old minPython',
      withField('            minPython: "3.6"\n'),
      'demo.yaml:48: `minPython` in exercise `add-two`: `3.6` must be a version such as "3.10" (3.8 or newer)',
    ],
    [
      'file escaping its folder',
      withField(
        '            files:\n              - path: ../evil.py\n                starter: ""\n                solution: ""\n',
      ),
      'demo.yaml:49: `path` in a file of exercise `add-two`: `../evil.py` must be relative, with / between folders and no . or .. parts',
    ],
    [
      'file named like the main file',
      withField(
        '            files:\n              - path: add-two.py\n                starter: ""\n                solution: ""\n',
      ),
      'demo.yaml:49: file path `add-two.py` of exercise `add-two` is used twice',
    ],
  ];
  for (const [name, text, expected] of cases) {
    it(`reports ${name}`, () => {
      const found = problems(text);
      assert.ok(
        found.some((p) => p.startsWith(expected)),
        `expected ${expected}\ngot ${found.join('\n')}`,
      );
    });
  }
});
