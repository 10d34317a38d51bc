// The question banks are big enough for the mock exams and quizzes: the minimum bank size per
// certification, a quiz's worth of questions in every topic, every official objective asked about,
// enough questions in each domain for a full exam, and every question type in use.
import * as assert from 'assert';
import * as path from 'path';
import { domainQuotas, QUIZ_SIZE } from '../../src/core/exam';
import { ExamCertification, Question, QuestionType } from '../../src/core/model';
import { ROOT, shippedSyllabus } from './helpers';
import { isVerifiable, shippedQuestions } from './questionCheck';

/** Minimum bank size per certification (issue: ≥ 80 PCEP and PCAP, ≥ 45 each PCPP). */
const MINIMUM: Record<string, number> = { pcep: 80, pcap: 80, pcpp1: 45, pcpp2: 45 };
const TYPES: QuestionType[] = ['single', 'multiple', 'output', 'raises', 'fill'];

describe('question bank coverage', () => {
  const syllabus = shippedSyllabus();
  const { questions } = shippedQuestions(process.env.CERT_PATH_SYLLABUS_DIR || path.join(ROOT, 'syllabus'), syllabus);
  const certs = syllabus.certifications.filter((c): c is ExamCertification => c.kind === 'exam');

  for (const cert of certs) {
    const bank = questions.filter((q) => q.cert === cert.id);

    it(`${cert.shortTitle}: at least ${MINIMUM[cert.id] ?? 1} questions, ${QUIZ_SIZE} or more in every topic`, () => {
      assert.ok(bank.length >= (MINIMUM[cert.id] ?? 1), `${bank.length} questions`);
      const thin = cert.domains.flatMap((d) => d.topics).map((t) => [t.id, bank.filter((q) => q.topic === t.id).length] as const).filter(([, n]) => n < QUIZ_SIZE);
      assert.deepStrictEqual(thin, [], 'topics without a full quiz');
    });

    it(`${cert.shortTitle}: every objective code is asked about, and every domain can fill its share of an exam`, () => {
      const asked = new Set(bank.map((q) => q.objective));
      assert.deepStrictEqual(Object.keys(cert.objectives).filter((code) => !asked.has(code)), [], 'objectives without questions');
      const available = new Map(cert.domains.map((d) => [d.id, bank.filter((q) => q.domain === d.id).length]));
      const quotas = domainQuotas(cert, available, cert.exam.items);
      assert.strictEqual([...quotas.values()].reduce((a, b) => a + b, 0), cert.exam.items);
      for (const d of cert.domains) {
        const fair = Math.floor((cert.exam.items * d.weight) / 100);
        assert.ok((available.get(d.id) ?? 0) >= fair * 1.5, `${d.id} has ${available.get(d.id)} questions for a share of ${fair}: too few to vary between attempts`);
      }
    });

    it(`${cert.shortTitle}: uses every question type, and the interpreter backs at least 80 % of the answers`, () => {
      const byType = (t: QuestionType) => bank.filter((q: Question) => q.type === t).length;
      for (const t of TYPES) assert.ok(byType(t) > 0, `no ${t} questions`);
      const verified = bank.filter(isVerifiable).length;
      assert.ok(verified / bank.length >= 0.8, `${verified} of ${bank.length} verified`);
      console.log(`      ${cert.shortTitle}: ${bank.length} questions (${TYPES.map((t) => `${byType(t)} ${t}`).join(', ')}); ${verified} verified by the interpreter`);
    });
  }
});
