// Cert Path: Review Due Items — a short session of what is due again: the missed questions as an
// untimed review in the exam panel, the failed exercises to run once more. Answers and runs move each
// item along its schedule (see src/core/review).
import * as vscode from 'vscode';
import { dueItems, nextDue, reviewSession, whenText } from '../../core/review/queue';
import { findExercise } from '../../core/syllabus/index';
import { Commands } from '../../ids';
import { ExamController, ExamStartOptions } from '../exam/controller';
import { SyllabusService } from '../syllabus/service';
import { utcOffset } from './dashboard';
import { ReadinessStore } from './store';

/** What a review session started. */
export interface ReviewStarted {
  cert: string;
  questions: string[];
  exercises: string[];
}

function certWithMostDue(store: ReadinessStore, now: number): string | undefined {
  const counts = new Map<string, number>();
  for (const item of dueItems(store.deck, now)) counts.set(item.cert, (counts.get(item.cert) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Offers the due exercises: each opens its practice file, whose next run counts as the review. */
async function offerExercises(keys: string[], syllabus: SyllabusService): Promise<void> {
  const refs = keys.map((k) => findExercise(syllabus.syllabus, k)).filter((r) => !!r);
  if (!refs.length) return;
  const open = refs.length === 1 ? `Open "${refs[0].exercise.title}"` : 'Choose One';
  const action = await vscode.window.showInformationMessage(
    `${refs.length} exercise${refs.length === 1 ? ' is' : 's are'} due again: run ${refs.length === 1 ? 'its' : 'their'} checks once more. A pass moves ${refs.length === 1 ? 'it' : 'each'} to a later review.`,
    open,
  );
  if (!action) return;
  const ref =
    refs.length === 1
      ? refs[0]
      : (
          await vscode.window.showQuickPick(
            refs.map((r) => ({
              label: r.exercise.title,
              description: `${r.cert.shortTitle} › ${r.topic.title}`,
              ref: r,
            })),
            { title: 'Cert Path: exercises due for review' },
          )
        )?.ref;
  if (ref) await vscode.commands.executeCommand(Commands.generatePracticeFile, { kind: 'exercise', ref });
}

/** Starts a review of the items due (of `cert`, else of the certification with the most due). */
export async function reviewDueItems(
  deps: { readiness: ReadinessStore; exams: ExamController; syllabus: SyllabusService },
  certArg?: unknown,
  options: ExamStartOptions = {},
): Promise<ReviewStarted | undefined> {
  const now = Date.now();
  const cert = (typeof certArg === 'string' ? certArg : undefined) ?? certWithMostDue(deps.readiness, now);
  const session = cert ? reviewSession(deps.readiness.deck, now, undefined, cert) : [];
  if (!cert || !session.length) {
    const next = nextDue(deps.readiness.deck, now, cert);
    void vscode.window.showInformationMessage(
      next === undefined
        ? 'Nothing is waiting for review: missed mock and quiz questions and failed exercises come back here on a schedule.'
        : `Nothing is due for review yet; the next item is due ${whenText(next, now, utcOffset())}.`,
    );
    return undefined;
  }
  const questions = session.filter((i) => i.kind === 'question').map((i) => i.key.slice(i.key.indexOf('/') + 1));
  const exercises = session.filter((i) => i.kind === 'exercise').map((i) => i.key.slice('exercise:'.length));
  if (questions.length) await deps.exams.startReview(cert, questions, options);
  if (exercises.length) void offerExercises(exercises, deps.syllabus);
  return { cert, questions, exercises };
}
