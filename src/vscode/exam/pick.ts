// Starting an attempt: which certification, what to do with an attempt already in progress, and the
// result page's links to a topic or to the next attempt of the same kind.
import * as vscode from 'vscode';
import { sectionSupply } from '../../core/exam/draw';
import { Question } from '../../core/exam/question';
import { SeenLog } from '../../core/exam/seen';
import { ExamSession } from '../../core/exam/session';
import { ExamCertification, findTopic } from '../../core/syllabus/model';
import { ExamResult } from '../../core/exam/scoring';
import { Commands } from '../../ids';

/** Asks which certification's mock exam to start, with each one's format and unseen questions. */
export async function pickCertification(
  certs: ExamCertification[],
  bank: readonly Question[],
  seen: Readonly<SeenLog>,
): Promise<ExamCertification | undefined> {
  const detail = (c: ExamCertification) => {
    const supply = sectionSupply(c, bank, seen);
    const unseen = supply.reduce((sum, x) => sum + x.unseen, 0);
    const pool = supply.reduce((sum, x) => sum + x.pool, 0);
    const by = c.blueprint ? `the official ${c.blueprint.draft ? 'draft ' : ''}blueprint` : 'domain weights';
    return `${pool} questions, drawn by ${by}; ${unseen} you have not seen yet`;
  };
  const picked = await vscode.window.showQuickPick(
    certs.map((c) => ({
      label: c.shortTitle,
      description: `${c.examCode} · ${c.exam.items} questions in ${c.exam.minutes} min · pass ${c.exam.passMark} %`,
      detail: detail(c),
      cert: c,
    })),
    { title: 'Cert Path: Start Mock Exam', placeHolder: 'Which certification?' },
  );
  return picked?.cert;
}

/** Asks whether to resume or discard the attempt in progress (undefined: neither, keep it). */
export async function askResumeOrDiscard(
  current: ExamSession,
  certTitle: string,
): Promise<'Resume' | 'Discard' | undefined> {
  const what = current.kind === 'quiz' ? 'A quiz' : `A ${certTitle} mock exam`;
  const answered = current.answers.filter((a) => a.length).length;
  return vscode.window.showWarningMessage(
    `${what} is in progress (${answered} of ${current.items.length} answered).`,
    { modal: true },
    'Resume',
    'Discard',
  );
}

/** Follows a result page link: a topic's lesson, or another attempt like this one. */
export async function followResultLink(
  m: { type: 'openTopic'; topic: string } | { type: 'again' },
  result: ExamResult,
  cert: ExamCertification,
): Promise<void> {
  const topicNode = (id: string) => {
    const found = findTopic(cert, id);
    return found && { kind: 'topic', cert, ...found };
  };
  if (m.type === 'openTopic') {
    const node = topicNode(m.topic);
    if (node) await vscode.commands.executeCommand(Commands.openTopic, node);
  } else if (result.kind === 'review') await vscode.commands.executeCommand(Commands.reviewDueItems, cert.id);
  else if (result.kind === 'quiz' && result.topic) {
    const node = topicNode(result.topic);
    if (node) await vscode.commands.executeCommand(Commands.startTopicQuiz, node);
  } else await vscode.commands.executeCommand(Commands.startMockExam, cert.id);
}
