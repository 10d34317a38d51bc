// The content checks shared by the content tests and `npm run check:content`: lesson rules and examples
// on every interpreter, and exercises verified through warm interpreters (solution, starter, wrong
// solutions, and mutants of the solution).
import * as os from 'os';
import * as path from 'path';
import { Candidate } from '../../src/core/interpreter/interpreter';
import { ExamCertification, ExerciseRef, Topic } from '../../src/core/syllabus/model';
import { ExerciseVerification, verifyExercises } from '../../src/node/verify';
import { gateSeeds } from '../../src/core/verify/variants';
import { exampleDiffers, exampleRun, lessonExamples, lessonProblems, outsideExample } from './lessonCheck';
import { observe } from './questionCheck';
import { ROOT, runnerSource, tempDir } from './helpers';

const WORKER = path.join(ROOT, 'test', 'content', 'questions.py');
/** Multiprocessing exercises must work under "spawn" (the macOS and Windows default), so test with it. */
export const CONTENT_ENV = { CERT_PATH_MP_START: 'spawn' };

/** A topic with its certification. */
export interface TopicRef {
  cert: ExamCertification;
  topic: Topic;
}

/** Lesson problems of the topics: the shipped rules, then every example on every interpreter. */
export async function checkLessons(
  topics: TopicRef[],
  pythons: { candidate: Candidate; version: string }[],
  rules = true,
): Promise<string[]> {
  const problems: string[] = [];
  if (rules)
    for (const { cert, topic } of topics)
      for (const p of lessonProblems(topic)) problems.push(`${cert.id}/${topic.id}: ${p}`);
  const examples = topics.flatMap(({ cert, topic }) => lessonExamples(cert.id, topic));
  for (const { candidate, version } of pythons) {
    const here = examples.filter((e) => !outsideExample(e.example, version));
    const seen = await observe(
      candidate,
      WORKER,
      here.map((e) => exampleRun(e.key, e.example)),
      Math.max(1, Math.min(os.cpus().length, 4)),
    );
    for (const e of here) {
      const differs = exampleDiffers(e.example, seen.get(e.key));
      if (differs) problems.push(`${e.where} on Python ${version}: ${differs}`);
    }
  }
  return problems;
}

/** Verifies exercises on one interpreter; with mutants, each parametrized exercise at two draws. */
export function checkExercises(
  refs: ExerciseRef[],
  python: Candidate,
  options: { mutants: boolean; draws?: number; progress?: (done: number, total: number) => void },
): Promise<ExerciseVerification[]> {
  const draws = options.draws ?? (options.mutants ? 2 : 1);
  return verifyExercises(refs, {
    interpreter: python,
    runnerSource,
    dir: tempDir('cert-path-verify-'),
    workers: os.cpus().length,
    // With mutants: the gate's draws (every drawn choice value comes up); otherwise the first `draws`.
    seeds: (ref) => {
      if (options.mutants) return gateSeeds(ref.exercise);
      return ref.exercise.params ? Array.from({ length: draws }, (_, i) => i + 1) : [1];
    },
    mutants: options.mutants,
    env: CONTENT_ENV,
    progress: options.progress,
  });
}
