import * as assert from 'assert';
import { loadQuestions, parseRaisesChoice } from '../../src/core/exam/questionLoader';
import { formatProblem, loadSyllabus } from '../../src/core/syllabus/loader';
import { VALID } from './fixtures';

const syllabus = loadSyllabus([{ file: 'demo.yaml', text: VALID }]);

const GOOD = `certification: demo
questions:
  - id: add-ints
    topic: adding
    objective: "1.1"
    type: output
    prompt: What does this print?
    code: |
      print(1 + 2)
    choices: [3, "12", 1.0e1, True]
    answer: 0
    explanation: Integers add.
  - id: pick-two
    topic: adding
    objective: "1.10"
    type: multiple
    prompt: Which two are true?
    choices: ["1 + 1 == 2", "1 - 1 == 1", "2 - 1 == 1"]
    answer: [0, 2]
    verify: truthy
    explanation: Arithmetic.
`;

function problems(text: string): string[] {
  return loadQuestions([{ file: 'q.yaml', text }], syllabus).problems.map(formatProblem);
}

describe('question bank loader', () => {
  it('loads valid questions with their domain, and keeps plain choices as written', () => {
    const bank = loadQuestions([{ file: 'q.yaml', text: GOOD }], syllabus);
    assert.deepStrictEqual(bank.problems, []);
    assert.strictEqual(bank.questions.length, 2);
    const [q] = bank.questions;
    assert.strictEqual(q.domain, 'arithmetic');
    assert.deepStrictEqual(q.choices, ['3', '12', '1.0e1', 'True']);
    assert.deepStrictEqual(bank.questions[1].answer, [0, 2]);
    assert.strictEqual(q.line, 3);
  });

  it('names the line and the fix for each kind of mistake', () => {
    const cases: [string, string, RegExp][] = [
      [
        'topic: adding\n    objective: "1.1"\n    type: output',
        'topic: subtracting\n    objective: "1.1"\n    type: output',
        /q\.yaml:4: question `add-ints` names topic `subtracting`, which DEMO does not have/,
      ],
      ['objective: "1.1"', 'objective: "2.1"', /names objective 2\.1, but topic `adding` covers 1\.1, 1\.10/],
      ['    objective: "1.1"\n', '', /needs `objective`: topic `adding` covers 1\.1 and 1\.10/],
      ['answer: 0', 'answer: 7', /answer of question `add-ints` must be the 0-based index of a choice \(0 to 3\)/],
      [
        'answer: [0, 2]',
        'answer: 0',
        /answer of multiple-select question `pick-two` must list 2, 3 or 4 choice indexes/,
      ],
      [
        'type: output',
        'type: essay',
        /`type` in question `add-ints` must be one of single, multiple, output, raises, fill/,
      ],
      ['choices: [3, "12", 1.0e1, True]', 'choices: [3, "3"]', /offers the choice `3` twice/],
      ['verify: truthy', 'verify: maybe', /`verify` in question `pick-two` must be one of truthy, runs/],
      ['    verify: truthy\n', '    code: x = 1\n', /shows code, so the interpreter must be able to back its answer/],
      ['type: output', 'type: fill', /must contain the gap ___ exactly once[\s\S]*needs `expect`/],
      ['type: output', 'type: raises', /choice `3` of raises question `add-ints` must be `line N`/],
      [
        'explanation: Integers add.',
        'explanaton: Integers add.',
        /unknown field `explanaton` in question `add-ints` \(did you mean `explanation`\?\)/,
      ],
      [
        'certification: demo',
        'certification: nope',
        /certification `nope` is not an exam in the loaded syllabus \(demo\)/,
      ],
    ];
    for (const [from, to, expected] of cases) {
      assert.ok(GOOD.includes(from), from);
      const found = problems(GOOD.replace(from, to)).join('\n');
      assert.match(found, expected, `${to}\n→ ${found}`);
    }
  });

  it('reads order and gaps questions, and names what each lacks', () => {
    const extra = `  - id: order-lines
    topic: adding
    objective: "1.1"
    type: order
    prompt: Put the lines in order.
    lines: ["a = 1", "b = a + 1", "print(b)"]
    expect: "2"
    explanation: b needs a first.
  - id: two-gaps
    topic: adding
    objective: "1.10"
    type: gaps
    prompt: Fill both gaps.
    code: |
      print(___ ___ 1)
    gaps:
      - choices: ["3", "4"]
        answer: 0
      - choices: ["-", "+"]
        answer: 0
    expect: "2"
    explanation: 3 - 1 is 2.
`;
    const bank = loadQuestions([{ file: 'q.yaml', text: GOOD + extra }], syllabus);
    assert.deepStrictEqual(bank.problems.map(formatProblem), []);
    const [order, gaps] = bank.questions.slice(2);
    assert.deepStrictEqual(order.lines, ['a = 1', 'b = a + 1', 'print(b)']);
    assert.deepStrictEqual(order.choices, []);
    assert.deepStrictEqual(gaps.gaps, [
      { choices: ['3', '4'], answer: 0 },
      { choices: ['-', '+'], answer: 0 },
    ]);
    const cases: [string, string, RegExp][] = [
      ['    lines: ["a = 1", "b = a + 1", "print(b)"]\n', '', /missing field `lines` in question `order-lines`/],
      ['    expect: "2"\n    explanation: b', '    explanation: b', /missing field `expect` in question `order-lines`/],
      ['print(___ ___ 1)', 'print(___ 1)', /the code of gaps question `two-gaps` has 1 gap ___, but `gaps` lists 2/],
      [
        '        answer: 0\n    expect',
        '        answer: 5\n    expect',
        /answer of gap 2 of question `two-gaps` must be the 0-based index of one of its 2 fragments/,
      ],
      [
        '    type: order\n',
        '    type: order\n    choices: ["x", "y"]\n',
        /order question `order-lines` has no `choices`/,
      ],
    ];
    for (const [from, to, expected] of cases) {
      assert.ok(extra.includes(from), from);
      const found = problems(GOOD + extra.replace(from, to)).join('\n');
      assert.match(found, expected, `${to}\n→ ${found}`);
    }
    assert.match(
      problems(GOOD.replace('answer: [0, 2]', 'answer: [0, 1, 2]')).join('\n'),
      /must offer more choices than it asks for/,
    );
  });

  it('rejects the same question twice, in one file or across files', () => {
    const twice =
      GOOD +
      GOOD.split('questions:\n')[1].replace('id: add-ints', 'id: add-again').replace('id: pick-two', 'id: pick-again');
    assert.match(problems(twice).join('\n'), /question `add-again` repeats question `add-ints` \(same code\)/);
    const across = loadQuestions(
      [
        { file: 'a.yaml', text: GOOD },
        { file: 'b.yaml', text: GOOD.replace('print(1 + 2)', 'print(2 + 1)') },
      ],
      syllabus,
    );
    assert.match(
      across.problems.map(formatProblem).join('\n'),
      /b\.yaml:3: duplicate question id `add-ints` for demo \(also in a\.yaml:3\)/,
    );
    assert.strictEqual(across.questions.length, 2, 'the clashing file contributes nothing');
  });

  it('reads what a raises choice claims', () => {
    assert.deepStrictEqual(parseRaisesChoice('line 4: TypeError'), { line: 4, error: 'TypeError' });
    assert.deepStrictEqual(parseRaisesChoice('line 2'), { line: 2 });
    assert.deepStrictEqual(parseRaisesChoice('KeyError'), { error: 'KeyError' });
    assert.deepStrictEqual(parseRaisesChoice('nothing is raised'), { nothing: true });
    assert.strictEqual(parseRaisesChoice('maybe line 3'), undefined);
  });
});
