// The readiness feature: the review deck fed by failed checks and missed questions, the daily readiness
// snapshots, the dashboard, Review Due Items, Next Best Step and the deck's status bar item.
import * as vscode from 'vscode';
import { certReadiness } from '../../core/readiness/readiness';
import { addSnapshot, snapshotOf } from '../../core/readiness/history';
import { addAttempt, addExerciseRun } from '../../core/review/deck';
import { Commands, Views } from '../../ids';
import { CheckService } from '../checks/service';
import { ExamController, ExamStartOptions } from '../exam/controller';
import { ExamStore } from '../exam/store';
import { PracticeFiles } from '../practice/files';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { TreeNode } from '../syllabus/tree';
import { examCerts, ReadinessDashboard, utcOffset } from './dashboard';
import { reviewDueItems } from './review';
import { ReviewStatus } from './status';
import { runStep, stepFor } from './steps';
import { ReadinessStore } from './store';

/** What the readiness feature needs. */
export interface ReadinessDeps {
  context: vscode.ExtensionContext;
  syllabus: SyllabusService;
  progress: ProgressStore;
  practice: PracticeFiles;
  checks: CheckService;
  examStore: ExamStore;
  exams: ExamController;
}

/** The certification of a tree node (a certification row's actions) or an id. */
function certOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const node = arg as TreeNode | undefined;
  return node && 'cert' in node ? node.cert.id : undefined;
}

/** Today's readiness of every certification, kept as the day's snapshot (written only when it changed). */
async function recordSnapshots(deps: ReadinessDeps, store: ReadinessStore): Promise<void> {
  const now = Date.now();
  let history = store.history;
  for (const cert of examCerts(deps.syllabus))
    history = addSnapshot(
      history,
      snapshotOf(certReadiness(cert, deps.progress.current, deps.examStore.history), now, utcOffset()),
    );
  if (JSON.stringify(history) !== JSON.stringify(store.history)) await store.setHistory(history);
}

/** The certification to act on: the active practice file's, else the first with progress, else the first. */
function currentCert(deps: ReadinessDeps): string | undefined {
  const editor = vscode.window.activeTextEditor;
  const ref = editor && deps.practice.exerciseFor(editor.document.uri, editor.document.getText());
  if (ref) return ref.cert.id;
  const started = Object.keys(deps.progress.current.exercises)[0]?.split('/')[0];
  return started ?? examCerts(deps.syllabus)[0]?.id;
}

/** Creates the readiness services and registers the dashboard, the commands and the status item. */
export function registerReadiness(deps: ReadinessDeps): { readiness: ReadinessStore; dashboard: ReadinessDashboard } {
  const { context } = deps;
  const readiness = new ReadinessStore(context.workspaceState);
  const dashboard = new ReadinessDashboard({
    ...deps,
    exams: deps.examStore,
    readiness,
    extensionUri: context.extensionUri,
  });
  const status = new ReviewStatus(readiness);
  const review = { readiness, exams: deps.exams, syllabus: deps.syllabus };
  context.subscriptions.push(
    readiness,
    dashboard,
    status,
    vscode.window.registerWebviewPanelSerializer(Views.readinessPanel, dashboard),
    deps.checks.onDidFinish(({ ref, report }) =>
      readiness.setDeck(addExerciseRun(readiness.deck, ref.key, report.result.outcome, Date.now())),
    ),
    deps.exams.onDidSubmit(({ result, bank }) =>
      readiness.setDeck(addAttempt(readiness.deck, result, bank, Date.now())),
    ),
    deps.progress.onDidChange(() => void recordSnapshots(deps, readiness)),
    deps.examStore.onDidChange(() => void recordSnapshots(deps, readiness)),
    vscode.commands.registerCommand(Commands.showReadiness, (arg?: unknown) => dashboard.open(certOf(arg))),
    vscode.commands.registerCommand(Commands.reviewDueItems, (cert?: unknown, options?: ExamStartOptions) =>
      reviewDueItems(review, certOf(cert), options),
    ),
    vscode.commands.registerCommand(Commands.nextStep, async (arg?: unknown) => {
      const id = certOf(arg) ?? currentCert(deps);
      const cert = examCerts(deps.syllabus).find((c) => c.id === id);
      if (!cert) return undefined;
      const step = stepFor(cert, { progress: deps.progress, exams: deps.examStore, readiness });
      await runStep(step, deps.syllabus);
      return step;
    }),
  );
  return { readiness, dashboard };
}
