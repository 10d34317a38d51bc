// The exam feature: question banks, the exam store, the exam panel (restored after a reload), and
// Start Mock Exam / Start Topic Quiz.
import * as vscode from 'vscode';
import { Commands, Views } from '../../ids';
import { SyllabusService } from '../syllabus/service';
import { TreeNode } from '../syllabus/tree';
import { ExamController, ExamStartOptions } from './controller';
import { QuestionService } from './questions';
import { ExamStore } from './store';

/** The certification id of a tree node (the Start Mock Exam action on a certification). */
function certOf(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  const n = node as TreeNode | undefined;
  return n && (n.kind === 'cert' || n.kind === 'domain' || n.kind === 'topic') ? n.cert.id : undefined;
}

/** Creates the exam services and registers the panel serializer and the commands. */
export function registerExam(deps: {
  context: vscode.ExtensionContext;
  output: vscode.OutputChannel;
  syllabus: SyllabusService;
}): { questions: QuestionService; examStore: ExamStore; exams: ExamController } {
  const { context, syllabus } = deps;
  const questions = new QuestionService(
    vscode.Uri.joinPath(context.extensionUri, 'syllabus', 'questions'),
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'questions.json'),
    syllabus,
    deps.output,
  );
  const examStore = new ExamStore(context.workspaceState);
  const exams = new ExamController(syllabus, questions, examStore, context.extensionUri);
  context.subscriptions.push(
    questions,
    examStore,
    exams,
    vscode.window.registerWebviewPanelSerializer(Views.examPanel, exams),
    vscode.commands.registerCommand(Commands.startMockExam, (cert?: unknown, options?: ExamStartOptions) =>
      exams.startExam(certOf(cert), options),
    ),
    vscode.commands.registerCommand(Commands.startTopicQuiz, (node?: unknown, options?: ExamStartOptions) =>
      exams.startQuiz(node, options),
    ),
  );
  return { questions, examStore, exams };
}
