// Lesson examples run from the lesson page: the same supervisor and limits as check runs, the output
// the learner would see from `python example.py`, and a traceback of the example's own lines.
import * as assert from 'assert';
import { ExamCertification } from '../../src/core/syllabus/model';
import { runSnippet } from '../../src/node/runner/snippet';
import { runnerSource, shippedSyllabus, testPython } from './helpers';
import { lessonExamples } from './lessonCheck';

const python = testPython();
const run = (code: string, extra: { stdin?: string; timeoutSeconds?: number; memoryLimitMB?: number } = {}) =>
  runSnippet({ interpreter: python, code, runnerSource, timeoutSeconds: 5, ...extra });

describe('running a lesson example', function () {
  this.timeout(60000);

  it('prints what the example prints and reads the given input', async () => {
    const r = await run('name = input()\nprint("hello", name)\nprint(__name__)\n', { stdin: 'Ada\n' });
    assert.strictEqual(r.stdout, 'hello Ada\n__main__\n');
    assert.strictEqual(r.exitCode, 0);
    assert.strictEqual(r.problem, undefined);
  });

  it('shows an uncaught exception as a traceback of the example’s own lines', async () => {
    const r = await run('def f(x):\n    return 1 / x\n\nprint("before")\nf(0)\n');
    assert.strictEqual(r.stdout, 'before\n');
    assert.strictEqual(r.exitCode, 1);
    assert.match(r.stderr, /^Traceback \(most recent call last\):\n {2}File "example\.py", line 5, in <module>\n/);
    assert.match(r.stderr, /line 2, in f\n.*\nZeroDivisionError: division by zero\n$/s);
    assert.doesNotMatch(r.stderr, /runpy|cert_path_runner/, 'no harness frames');
  });

  it('stops an endless example at the timeout and a greedy one at the memory limit', async () => {
    const slow = await run('while True:\n    pass\n', { timeoutSeconds: 1 });
    assert.strictEqual(slow.problem, 'The example did not finish within 1 s and was stopped.');
    const greedy = await run('x = bytearray(3 * 1024 ** 3)\n', { memoryLimitMB: 512 });
    assert.match(greedy.problem ?? '', /more than the 512 MB the certPath\.memoryLimitMB setting allows/);
  });

  it('prints exactly what the lesson says for the first example of every certification’s first lesson', async () => {
    const certs = shippedSyllabus().certifications.filter((c): c is ExamCertification => c.kind === 'exam');
    let tried = 0;
    for (const cert of certs) {
      const topic = cert.domains.flatMap((d) => d.topics).find((t) => t.lesson);
      const example = topic && lessonExamples(cert.id, topic).find((e) => !e.example.raises && !e.example.minPython);
      if (!example) continue;
      const r = await run(example.example.code, { stdin: example.example.stdin });
      assert.strictEqual(r.stdout, example.example.output, `${example.where}`);
      tried++;
    }
    assert.ok(tried >= 3, `${tried} certifications have a lesson example`);
  });
});
