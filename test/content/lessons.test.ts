// Every lesson example prints exactly what its lesson says, on every interpreter of the matrix
// (3.8 … 3.13), and raises what it says it raises; examples marked for some versions run only there.
import * as assert from 'assert';
import { ExamCertification } from '../../src/core/syllabus/model';
import { checkLessons } from './contentCheck';
import { matrixPythons, shippedSyllabus } from './helpers';
import { lessonExamples } from './lessonCheck';

describe('lesson examples verified by the interpreter', function () {
  this.timeout(30 * 60 * 1000);
  const certs = shippedSyllabus().certifications.filter((c): c is ExamCertification => c.kind === 'exam');
  const topics = certs.flatMap((cert) => cert.domains.flatMap((d) => d.topics).map((topic) => ({ cert, topic })));
  const pythons = matrixPythons();
  let problems: string[] = [];

  before(async () => {
    const started = Date.now();
    problems = await checkLessons(topics, pythons, false);
    const examples = topics.reduce((n, { cert, topic }) => n + lessonExamples(cert.id, topic).length, 0);
    console.log(
      `      ${examples} examples in ${topics.filter((t) => t.topic.lesson).length} lessons, on ${pythons.map((p) => p.version).join(', ')}, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  });

  it('every example prints what its lesson says on every interpreter', () => {
    assert.deepStrictEqual(problems, [], `\n${problems.join('\n')}`);
  });
});
