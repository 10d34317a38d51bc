import * as assert from 'assert';
import { allExercises } from '../../src/core/syllabus/model';
import {
  backupName,
  checkLines,
  CHECKS_MARKER,
  keyFromHeader,
  keyFromRelativePath,
  practiceRelativePath,
  pythonString,
  renderPracticeFile,
} from '../../src/core/practice/practiceFile';
import { loadSyllabus } from '../../src/core/syllabus/loader';
import runnerSource from '../../src/python/checklib.py';
import { VALID } from './fixtures';

const ref = allExercises(loadSyllabus([{ file: 'demo.yaml', text: VALID }]))[0];

describe('practice file rendering', () => {
  const text = renderPracticeFile(ref, runnerSource);
  const lines = text.split('\n');

  it('starts with a header naming certification, domain, topic, objectives and the exercise', () => {
    assert.strictEqual(lines[1], '# Cert Path · DEMO (DEMO-10-01) › Arithmetic › Adding');
    assert.strictEqual(lines[2], '# Exercise: Add two numbers (easy)');
    assert.strictEqual(lines[3], '# Objectives: 1.1 Adding numbers');
    assert.strictEqual(lines[4], '#             1.10 Subtracting numbers');
    assert.strictEqual(keyFromHeader(text), 'demo/adding/add-two');
  });

  it('puts the task as comments, then the starter code before the check section', () => {
    assert.ok(lines.includes('# Write add(a, b) that returns a + b.'));
    const starter = text.indexOf('def add(a, b):\n    pass\n');
    const marker = lines.findIndex((l) => l.startsWith(CHECKS_MARKER));
    assert.ok(starter > 0 && starter < text.indexOf(CHECKS_MARKER));
    assert.strictEqual(lines.filter((l) => l.startsWith(CHECKS_MARKER)).length, 1, 'exactly one marker line');
    assert.strictEqual(lines[marker + 4], 'if __name__ == "__main__":');
  });

  it('embeds every check and the runner, and keeps lines of the header within 80 columns', () => {
    for (const check of ref.exercise.checks) assert.ok(text.includes(`"id": ${JSON.stringify(check.id)}`));
    assert.ok(text.includes("_CERT_PATH_RUNNER = r'''"));
    for (const line of lines.slice(0, lines.findIndex((l) => l.startsWith(CHECKS_MARKER)) + 1))
      assert.ok(line.length <= 80, line);
  });

  it('refuses a runner that could not be embedded', () => {
    assert.throws(() => renderPracticeFile(ref, "x = '''"), /must not contain/);
  });

  it('writes Python string literals that survive quotes and backslashes', () => {
    assert.strictEqual(pythonString('a "b" \\n'), "r'''a \"b\" \\n'''");
    assert.strictEqual(pythonString("x = '''y'''"), JSON.stringify("x = '''y'''"));
    assert.strictEqual(pythonString('ends with \\'), JSON.stringify('ends with \\'));
  });

  it('maps practice paths to progress keys and back', () => {
    assert.deepStrictEqual(practiceRelativePath(ref), ['demo', 'adding', 'add-two.py']);
    assert.strictEqual(keyFromRelativePath(['demo', 'adding', 'add-two.py']), 'demo/adding/add-two');
    assert.strictEqual(keyFromRelativePath(['demo', 'adding', 'add-two.txt']), undefined);
    assert.strictEqual(keyFromRelativePath(['adding', 'add-two.py']), undefined);
    assert.strictEqual(keyFromRelativePath(['demo', '..', 'x.py']), undefined);
    assert.strictEqual(keyFromHeader('print(1)\n'), undefined);
  });
});

describe('practice file helpers', () => {
  it('picks a backup name that is not taken', () => {
    const taken = new Set(['add-two.bak.py', 'add-two.bak-2.py']);
    assert.strictEqual(
      backupName('fresh.py', (n) => taken.has(n)),
      'fresh.bak.py',
    );
    assert.strictEqual(
      backupName('add-two.py', (n) => taken.has(n)),
      'add-two.bak-3.py',
    );
  });

  it('finds the line of each embedded check, and none once the section is gone', () => {
    const text = renderPracticeFile(ref, runnerSource);
    const lines = checkLines(text);
    assert.deepStrictEqual([...lines.keys()], ['small', 'negative']);
    assert.strictEqual(text.split('\n')[lines.get('small')! - 1].trim(), '"id": "small",');
    assert.strictEqual(checkLines(text.slice(0, text.indexOf(CHECKS_MARKER))).size, 0);
  });
});
