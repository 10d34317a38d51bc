// The next best step, worked out and carried out: due reviews, the weakest section's next exercise
// or its lesson, or a mock exam.
import * as vscode from 'vscode';
import { nextStep } from '../../core/readiness/nextStep';
import { certReadiness } from '../../core/readiness/readiness';
import { NextStep } from '../../core/readiness/types';
import { findExercise } from '../../core/syllabus/index';
import { ExamCertification, findTopic } from '../../core/syllabus/model';
import { Commands } from '../../ids';
import { ExamStore } from '../exam/store';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { ReadinessStore } from './store';

/** The next best step for a certification, from the progress, the attempts and the deck as they are now. */
export function stepFor(
  cert: ExamCertification,
  deps: { progress: ProgressStore; exams: ExamStore; readiness: ReadinessStore },
): NextStep {
  const progress = deps.progress.current;
  const history = deps.exams.history;
  return nextStep({
    cert,
    readiness: certReadiness(cert, progress, history),
    progress,
    history,
    deck: deps.readiness.deck,
    now: Date.now(),
  });
}

/** Carries out a step. */
export async function runStep(step: NextStep, syllabus: SyllabusService): Promise<void> {
  if (step.kind === 'review') {
    await vscode.commands.executeCommand(Commands.reviewDueItems, step.cert);
  } else if (step.kind === 'mock') {
    await vscode.commands.executeCommand(Commands.startMockExam, step.cert);
  } else if (step.kind === 'exercise' && step.exercise) {
    const ref = findExercise(syllabus.syllabus, step.exercise);
    if (ref) await vscode.commands.executeCommand(Commands.generatePracticeFile, { kind: 'exercise', ref });
  } else if (step.topic) {
    const cert = syllabus.syllabus.certifications.find(
      (c): c is ExamCertification => c.kind === 'exam' && c.id === step.cert,
    );
    const found = cert && findTopic(cert, step.topic);
    if (cert && found) await vscode.commands.executeCommand(Commands.openTopic, { kind: 'topic', cert, ...found });
  }
}
