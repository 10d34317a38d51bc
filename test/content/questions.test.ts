// Every question about code behaviour, checked by real interpreters: on each Python 3.8+ of the
// matrix the snippet (or each choice, where the choices are code) runs, and the choices that agree
// with what the interpreter did must be exactly the marked answer. On the default interpreter the
// snippets run twice under different hash seeds, so an answer cannot hang on set or dict order luck.
import * as assert from 'assert';
import * as os from 'os';
import * as path from 'path';
import { Question } from '../../src/core/exam/question';
import { matrixPythons, ROOT, shippedSyllabus, testPython, pythonVersion } from './helpers';
import {
  isVerifiable,
  judge,
  Observation,
  observe,
  outsideVersions,
  permutationRun,
  runsFor,
  shippedQuestions,
} from './questionCheck';

const WORKER = path.join(ROOT, 'test', 'content', 'questions.py');

describe('question banks verified by the interpreter', function () {
  this.timeout(30 * 60 * 1000);
  const syllabusDir = process.env.CERT_PATH_SYLLABUS_DIR || path.join(ROOT, 'syllabus');
  const syllabus = shippedSyllabus();
  // $CERT_PATH_CERTS (comma-separated ids) limits the check to some banks while authoring.
  const only = process.env.CERT_PATH_CERTS?.split(',').filter(Boolean);
  const questions = shippedQuestions(syllabusDir, syllabus).questions.filter((q) => !only || only.includes(q.cert));
  const verifiable = questions.filter(isVerifiable);
  const pythons = matrixPythons();
  const wrong: string[] = [];
  const table: string[] = [];
  const jobs = Math.max(1, Math.min(os.cpus().length, 4));

  before(async () => {
    const started = Date.now();
    const defaultVersion = pythonVersion(testPython());
    for (const { candidate, version } of pythons) {
      const here = verifiable.filter((q) => !outsideVersions(q, version));
      // Every other order of an order question's lines is tried once, on the default interpreter.
      const permutations =
        version === defaultVersion ? here.map(permutationRun).filter((r): r is NonNullable<typeof r> => !!r) : [];
      const seen = await observe(candidate, WORKER, [...here.flatMap(runsFor), ...permutations], jobs);
      let ok = 0;
      const skipped = new Map<string, number>();
      for (const q of here) {
        const verdict = judge(q, seen);
        if (verdict.status === 'ok') ok++;
        else if (verdict.status === 'skipped') skipped.set(verdict.reason, (skipped.get(verdict.reason) ?? 0) + 1);
        else wrong.push(`${q.file}:${q.line}: ${q.cert}/${q.id} on Python ${version}: ${verdict.message}`);
      }
      const needs = [...skipped].map(([why, n]) => `${n} ${why}`).join(', ');
      table.push(
        `      Python ${version.padEnd(9)} ${String(ok).padStart(9)} ${String(here.length - ok - [...skipped.values()].reduce((a, b) => a + b, 0)).padStart(7)} ${String(verifiable.length - here.length).padStart(14)}${needs ? `   skipped: ${needs}` : ''}`,
      );
    }
    // Same snippets, other hash seeds: set and dict-of-set order must not decide an answer.
    const python = testPython();
    const runs = verifiable.flatMap(runsFor);
    const [a, b] = await Promise.all(
      ['0', '4242'].map((seed) => observe(python, WORKER, runs, Math.max(1, jobs >> 1), { PYTHONHASHSEED: seed })),
    );
    for (const q of verifiable) {
      const differs = runsFor(q).filter(
        (r) => JSON.stringify(strip(a.get(r.key))) !== JSON.stringify(strip(b.get(r.key))),
      );
      if (differs.length)
        wrong.push(
          `${q.file}:${q.line}: ${q.cert}/${q.id}: the snippet behaves differently from run to run (hash seed or other chance decides it), so no single answer is right`,
        );
    }
    const perCert = new Map<string, Question[]>();
    for (const q of questions) perCert.set(q.cert, [...(perCert.get(q.cert) ?? []), q]);
    console.log(
      `      ${questions.length} questions, ${verifiable.length} verified by the interpreter (${runs.length} snippet runs each), in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const [cert, list] of perCert)
      console.log(
        `      ${cert}: ${list.length} questions, ${list.filter(isVerifiable).length} verified by the interpreter`,
      );
    console.log('      interpreter        agree   wrong   out of range');
    for (const line of table) console.log(line);
  });

  it('has questions and interpreters', () => {
    assert.ok(questions.length > 0, 'no questions found under syllabus/questions');
    assert.ok(pythons.length > 0, 'no Python 3.8+ found');
    assert.ok(pythonVersion(testPython()));
  });

  it('every marked answer is what the interpreters do', () => {
    assert.deepStrictEqual(wrong, [], `\n${wrong.join('\n')}`);
  });
});

function strip(o: Observation | undefined): unknown {
  if (!o) return undefined;
  // Messages may quote addresses (id(), repr of objects); the verdict does not read them.
  return { stdout: o.stdout, error: o.error, line: o.line, value: o.value, missing: o.missing };
}
