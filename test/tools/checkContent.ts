// `npm run check:content -- <prefix> [--no-mutants]`: everything the content tests require of the topics
// and exercises whose key starts with a prefix (`pcep/arithmetic`, `pcap`, `pcep/loops/count-down`):
//   - the lesson's rules, and each example's output on every interpreter;
//   - solution passes, starter and wrong solutions fail (draw 1 on every interpreter);
//   - every mutant of the solution is killed (default interpreter, two draws of parametrized exercises).
// `npm run mutants -- <prefix>` is the same without the lessons, listing every survivor.
import { allExercises, ExamCertification } from '../../src/core/syllabus/model';
import { killRate } from '../../src/node/verify';
import { checkExercises, checkLessons } from '../content/contentCheck';
import { WRONG_SOLUTIONS } from '../content/rules';
import { textProblems } from '../content/textCheck';
import { matrixPythons, shippedSyllabus, testPython } from '../content/helpers';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const mutantsOnly = args.includes('--mutants-only');
  const noMutants = args.includes('--no-mutants');
  const prefixes = args.filter((a) => !a.startsWith('--'));
  if (!prefixes.length) {
    console.error('usage: npm run check:content -- <cert[/topic[/exercise]]> ... [--no-mutants]');
    process.exit(2);
  }
  const matches = (key: string) => prefixes.some((p) => key === p || key.startsWith(`${p}/`));
  const syllabus = shippedSyllabus();
  const refs = allExercises(syllabus).filter((r) => matches(r.key));
  const topics = syllabus.certifications
    .filter((c): c is ExamCertification => c.kind === 'exam')
    .flatMap((cert) => cert.domains.flatMap((d) => d.topics).map((topic) => ({ cert, topic })))
    .filter(
      ({ cert, topic }) =>
        matches(`${cert.id}/${topic.id}`) ||
        refs.some(
          (r) => r.cert.id === cert.id && r.topic.id === topic.id && prefixes.includes(`${cert.id}/${topic.id}`),
        ),
    );
  if (!refs.length) {
    console.error(`no exercise matches ${prefixes.join(', ')}`);
    process.exit(2);
  }
  const problems: string[] = [];
  const pythons = matrixPythons();
  for (const ref of refs) {
    if (!mutantsOnly && (ref.exercise.wrong?.length ?? 0) < WRONG_SOLUTIONS)
      problems.push(`${ref.key}: has ${ref.exercise.wrong?.length ?? 0} wrong solutions (${WRONG_SOLUTIONS} wanted)`);
    for (const p of textProblems(ref)) problems.push(`${ref.key}: ${p}`);
  }
  if (!mutantsOnly) {
    console.log(`lessons of ${topics.length} topic(s) on ${pythons.map((p) => p.version).join(', ')} …`);
    problems.push(...(await checkLessons(topics, pythons)));
    for (const { candidate, version } of pythons) {
      if (version === pythons.find((p) => p.candidate.command === testPython().command)?.version) continue;
      const reports = await checkExercises(refs, candidate, { mutants: false });
      for (const r of reports) for (const p of r.problems) problems.push(`${r.ref.key} on Python ${version}: ${p}`);
    }
  }
  if (!noMutants || mutantsOnly) console.log(`${refs.length} exercise(s) with mutants on the default interpreter …`);
  let last = 0;
  const reports = await checkExercises(refs, testPython(), {
    mutants: !noMutants,
    progress: (done, total) => {
      if (Date.now() - last > 5000) {
        last = Date.now();
        process.stdout.write(`  ${done}/${total} runs\n`);
      }
    },
  });
  for (const r of reports) {
    const m = r.mutants;
    const rate = killRate(m).toFixed(1);
    console.log(
      `\n${r.ref.key}: ${m.killed}/${m.total - m.equivalent} mutants killed (${rate} %), ${m.equivalent} listed as equivalent, ${r.wrongSolutions} wrong solutions${r.skipped.length ? `; skipped here: ${r.skipped.join(', ')}` : ''}`,
    );
    for (const p of r.problems) {
      console.log(`  ✗ ${p}`);
      problems.push(`${r.ref.key}: ${p}`);
    }
    for (const s of m.survivors.filter((s) => !m.unexplained.includes(s))) console.log(`  = equivalent: ${s}`);
  }
  console.log(
    `\n${problems.length ? `${problems.length} problem(s):\n${problems.map((p) => `  ${p}`).join('\n')}` : 'no problems'}`,
  );
  process.exit(problems.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
