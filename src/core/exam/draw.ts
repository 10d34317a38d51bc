// Drawing mock exams and topic quizzes. A mock takes exactly the official number of items from each
// section (never-seen questions first, then the least recently seen) and mixes the sections; a quiz
// takes up to QUIZ_SIZE questions of one topic the same way.
import { generator, shuffled } from '../random';
import { ExamCertification } from '../syllabus/model';
import { Question } from './question';
import { examSections, sectionPools } from './sections';
import { freshFirst, SeenLog, unseenCount } from './seen';
import { ExamSession, newSession } from './session';

/** Questions in a topic quiz. */
export const QUIZ_SIZE = 5;

/** Draws a mock exam: each section's official item count (fewer only where its pool is smaller). */
export function drawExam(
  cert: ExamCertification,
  bank: readonly Question[],
  seen: Readonly<SeenLog>,
  seed: number,
  now: number,
): ExamSession {
  const random = generator(seed);
  const sections = examSections(cert);
  const pools = sectionPools(
    sections,
    bank.filter((q) => q.cert === cert.id),
  );
  const chosen = sections.flatMap((s) => freshFirst(pools.get(s.id) ?? [], seen, random).slice(0, s.items));
  // Real exams mix the sections; the order is part of the draw.
  return newSession('exam', cert.id, shuffled(chosen, random), random, now, cert.exam.minutes);
}

/** Draws a quiz of up to QUIZ_SIZE questions from one topic, untimed. */
export function drawQuiz(
  cert: ExamCertification,
  topicId: string,
  bank: readonly Question[],
  seen: Readonly<SeenLog>,
  seed: number,
  now: number,
): ExamSession {
  const random = generator(seed);
  const pool = bank.filter((q) => q.cert === cert.id && q.topic === topicId);
  const chosen = shuffled(freshFirst(pool, seen, random).slice(0, QUIZ_SIZE), random);
  return newSession('quiz', cert.id, chosen, random, now, undefined, topicId);
}

/** A review of the given questions (those due again), in the order given; undefined when none is in the bank. */
export function drawReview(
  cert: ExamCertification,
  bank: readonly Question[],
  ids: readonly string[],
  seed: number,
  now: number,
): ExamSession | undefined {
  const chosen = ids.map((id) => bank.find((q) => q.cert === cert.id && q.id === id)).filter((q): q is Question => !!q);
  return chosen.length ? newSession('review', cert.id, chosen, generator(seed), now) : undefined;
}

/** Per section: the official item count, the pool size and how many of its questions were never seen. */
export function sectionSupply(
  cert: ExamCertification,
  bank: readonly Question[],
  seen: Readonly<SeenLog>,
): { id: string; title: string; items: number; pool: number; unseen: number }[] {
  const sections = examSections(cert);
  const pools = sectionPools(
    sections,
    bank.filter((q) => q.cert === cert.id),
  );
  return sections.map((s) => {
    const pool = pools.get(s.id) ?? [];
    return {
      id: s.id,
      title: s.title,
      items: s.items,
      pool: pool.length,
      unseen: unseenCount(pool, seen),
    };
  });
}
