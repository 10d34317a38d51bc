// The question banks are fit for mock exams that measure readiness: big enough for five fresh mocks
// per certification (every official section's pool at least five times its items), a quiz in every
// topic, every objective asked about, the official item types (order and gaps at 10 % each), and no
// test-wise shortcut that beats blind guessing by more than 10 points.
import * as assert from 'assert';
import * as path from 'path';
import { QUIZ_SIZE } from '../../src/core/exam/draw';
import { ExamCertification } from '../../src/core/syllabus/model';
import { Question, QuestionType } from '../../src/core/exam/question';
import { ROOT, shippedSyllabus } from './helpers';
import { isVerifiable, shippedQuestions } from './questionCheck';
import { chance, decisions, isNothing, meanScore, STRATEGIES } from './shortcuts';

/** Minimum bank size per certification: five mocks without a repeat. */
const MINIMUM: Record<string, number> = { pcep: 150, pcap: 200, pcpp1: 225, pcpp2: 225 };
/** Fresh mocks every section's pool must allow. */
const MOCKS = 5;
const TYPES: QuestionType[] = ['single', 'multiple', 'output', 'raises', 'fill', 'order', 'gaps'];

const pct = (part: number, whole: number) => (whole ? (100 * part) / whole : 0);

describe('question bank coverage', () => {
  const syllabus = shippedSyllabus();
  const { questions } = shippedQuestions(process.env.CERT_PATH_SYLLABUS_DIR || path.join(ROOT, 'syllabus'), syllabus);
  const only = process.env.CERT_PATH_CERTS?.split(',').filter(Boolean);
  const certs = syllabus.certifications.filter(
    (c): c is ExamCertification => c.kind === 'exam' && (!only || only.includes(c.id)),
  );

  for (const cert of certs) {
    const bank = questions.filter((q) => q.cert === cert.id);

    it(`${cert.shortTitle}: at least ${MINIMUM[cert.id] ?? 1} questions, ${QUIZ_SIZE} or more in every topic, every objective asked about`, () => {
      assert.ok(bank.length >= (MINIMUM[cert.id] ?? 1), `${bank.length} questions`);
      const thin = cert.domains
        .flatMap((d) => d.topics)
        .map((t) => [t.id, bank.filter((q) => q.topic === t.id).length] as const)
        .filter(([, n]) => n < QUIZ_SIZE);
      assert.deepStrictEqual(thin, [], 'topics without a full quiz');
      const asked = new Set(bank.map((q) => q.objective));
      assert.deepStrictEqual(
        Object.keys(cert.objectives).filter((code) => !asked.has(code)),
        [],
        'objectives without questions',
      );
    });

    it(`${cert.shortTitle}: follows the official blueprint, with ${MOCKS} fresh mocks in every section`, () => {
      assert.ok(cert.blueprint, `${cert.id}.yaml has no blueprint`);
      const short = cert.blueprint.sections
        .map((s) => ({
          s,
          pool: bank.filter((q) => q.objective !== undefined && s.objectives.includes(q.objective)).length,
        }))
        .filter(({ s, pool }) => pool < MOCKS * s.items)
        .map(
          ({ s, pool }) =>
            `section ${s.id} (${s.title}): ${pool} questions for ${s.items} items per exam (${MOCKS * s.items} needed)`,
        );
      assert.deepStrictEqual(short, [], short.join('\n'));
    });

    it(`${cert.shortTitle}: uses the official item types (order and gaps each 10 % or more), multiple-select asking for 2 to 4`, () => {
      const byType = (t: QuestionType) => bank.filter((q: Question) => q.type === t).length;
      for (const t of TYPES) assert.ok(byType(t) > 0, `no ${t} questions`);
      for (const t of ['order', 'gaps'] as const)
        assert.ok(pct(byType(t), bank.length) >= 10, `${t}: ${byType(t)} of ${bank.length} questions`);
      const multiple = bank.filter((q) => q.type === 'multiple');
      const more = multiple.filter((q) => q.answer.length >= 3).length;
      assert.ok(
        pct(more, multiple.length) >= 25,
        `${more} of ${multiple.length} multiple-select questions ask for 3 or 4 answers`,
      );
      const verified = bank.filter(isVerifiable).length;
      assert.ok(verified / bank.length >= 0.8, `${verified} of ${bank.length} verified`);
      console.log(
        `      ${cert.shortTitle}: ${bank.length} questions (${TYPES.map((t) => `${byType(t)} ${t}`).join(', ')}); ${verified} verified by the interpreter`,
      );
    });

    it(`${cert.shortTitle}: every which-line-raises prompt says which line is meant`, () => {
      // A call site and the line inside the function are both "where it raised": the prompt must pick one.
      const says = /\bline\b.*\b(raised|raises|raising|fails|stops)\b|\bwhere\b.*\braised\b|\bwhich line\b/i;
      const vague = bank
        .filter((q) => q.type === 'raises' && q.choices.some((c) => /^line \d+/.test(c)))
        .filter((q) => !says.test(q.prompt.replace(/\s+/g, ' ')))
        .map((q) => `${q.file}:${q.line}: ${q.id}`);
      assert.deepStrictEqual(
        vague,
        [],
        `say which line is meant (e.g. "the line where the error is raised"):\n${vague.join('\n')}`,
      );
    });

    it(`${cert.shortTitle}: no answer can be guessed without Python (every strategy within 10 points of chance)`, () => {
      const list = bank.flatMap(decisions);
      const guess = meanScore(list, chance);
      const report = Object.entries(STRATEGIES).map(([name, strategy]) => ({ name, score: meanScore(list, strategy) }));
      console.log(
        `      ${cert.shortTitle}: blind guessing ${guess.toFixed(1)} %; ${report.map((r) => `${r.name} ${r.score.toFixed(1)} %`).join(', ')}`,
      );
      const beaten = report
        .filter((r) => r.score > guess + 10)
        .map((r) => `${r.name}: ${r.score.toFixed(1)} % against ${guess.toFixed(1)} % for guessing`);
      assert.deepStrictEqual(beaten, [], beaten.join('\n'));
      for (const type of ['raises', 'output'] as const) {
        const offering = list.filter((d) => d.type === type && d.options.some((o) => isNothing(d, o)));
        const keyed = offering.filter((d) => d.right.some((i) => isNothing(d, d.options[i]))).length;
        const share = pct(keyed, offering.length);
        const what = type === 'raises' ? '"nothing is raised"' : '"the code raises"';
        assert.ok(
          !offering.length || (share >= 15 && share <= 30),
          `${what} is the answer in ${keyed} of the ${offering.length} ${type} questions that offer it (${share.toFixed(0)} %; 15–30 % wanted)`,
        );
      }
    });
  }
});
