// Cert Path: Export Progress…, Import Progress… and Reset All Progress…. The file format and the
// merge rules are in core/progressTransfer; this layer asks for files and confirmations and reports.
import * as os from 'os';
import * as vscode from 'vscode';
import { HISTORY_LIMIT } from '../../core/exam/history';
import { mergeSeen } from '../../core/exam/seen';
import { mergeReadinessHistory } from '../../core/readiness/history';
import { emptyDeck } from '../../core/review/deck';
import { mergeDecks } from '../../core/review/store';
import { ReadinessStore } from '../readiness/store';
import { emptyProgress } from '../../core/progress/progress';
import {
  exportFileName,
  exportProgress,
  mergeHistory,
  MergeSummary,
  mergeProgress,
  parseProgressExport,
  progressCounts,
  serializeExport,
} from '../../core/progress/transfer';
import { Commands, Views } from '../../ids';
import { ExamController } from '../exam/controller';
import { ExamStore } from '../exam/store';
import { SyllabusService } from '../syllabus/service';
import { ProgressStore } from '../progress/store';

/** What the progress transfer commands need. */
export interface ProgressTransferDeps {
  context: vscode.ExtensionContext;
  syllabus: SyllabusService;
  progress: ProgressStore;
  examStore: ExamStore;
  exams: ExamController;
  readiness: ReadinessStore;
}

/** Written into each export, so a later import can say which version made the file. */
function extensionVersion(deps: ProgressTransferDeps): string {
  return String(deps.context.extension.packageJSON.version);
}

/** What Import Progress… returns: what it merged, or why it imported nothing. */
export type ImportOutcome =
  | { uri: vscode.Uri; summary: MergeSummary; examAttemptsAdded: number; examAttemptsDropped: number; skipped: number }
  | { error: string };

const RESET = 'Reset All Progress';
const EXPORT_FIRST = 'Export First…';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function attempts(n: number): string {
  return plural(n, 'mock exam/quiz attempt');
}

function label(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri);
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Where the dialogs start: the first workspace folder, else the home folder. */
function startFolder(): vscode.Uri {
  return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}

/** Closes exam panels, so a discarded exam or an erased result is no longer shown. */
async function closeExamPanels(): Promise<void> {
  // The tab's view type may carry VS Code's own prefix before ours.
  const tabs = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(Views.examPanel));
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
}

/** Export Progress…: `target` (a file URI) instead of the save dialog, for tests and scripts. */
async function exportCommand(deps: ProgressTransferDeps, target?: unknown): Promise<vscode.Uri | undefined> {
  const now = new Date();
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          title: 'Cert Path: Export Progress',
          saveLabel: 'Export',
          filters: { JSON: ['json'] },
          defaultUri: vscode.Uri.joinPath(startFolder(), exportFileName(now)),
        });
  if (!uri) return undefined;
  const data = exportProgress(deps.progress.current, deps.examStore.history, extensionVersion(deps), now, {
    seen: deps.examStore.seen,
    review: deps.readiness.deck,
    readiness: deps.readiness.history,
  });
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(serializeExport(data)));
  } catch (error) {
    void vscode.window.showErrorMessage(
      `Cert Path could not write the progress file ${label(uri)}: ${reason(error)}. Export to a folder you can write to.`,
    );
    return undefined;
  }
  const c = progressCounts(data.progress, data.examHistory);
  void vscode.window
    .showInformationMessage(
      `Exported progress on ${plural(c.exercises, 'exercise')} (${c.passed} passed) and ${attempts(c.examAttempts)} to ${label(uri)}.`,
      'Open',
    )
    .then((action) => action && vscode.window.showTextDocument(uri));
  return uri;
}

/** Import Progress…: `source` (a file URI) instead of the open dialog, for tests and scripts. */
async function importCommand(deps: ProgressTransferDeps, source?: unknown): Promise<ImportOutcome | undefined> {
  const uri =
    source instanceof vscode.Uri
      ? source
      : (
          await vscode.window.showOpenDialog({
            title: 'Cert Path: Import Progress',
            openLabel: 'Import',
            canSelectMany: false,
            canSelectFolders: false,
            filters: { JSON: ['json'] },
            defaultUri: startFolder(),
          })
        )?.[0];
  if (!uri) return undefined;
  const fail = (error: string): ImportOutcome => {
    void vscode.window.showErrorMessage(error);
    return { error };
  };
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    return fail(
      `Cert Path cannot read ${label(uri)}: ${reason(error)}. Choose a progress file written by "Cert Path: Export Progress…".`,
    );
  }
  const parsed = parseProgressExport(text);
  if ('error' in parsed) return fail(`Nothing was imported from ${label(uri)}: ${parsed.error}`);
  // Everything is read and checked before anything is written, so a bad file changes nothing.
  let summary: MergeSummary = { added: 0, improved: 0, newlyPassed: 0 };
  const incoming = parsed.data.progress;
  if (Object.keys(incoming.exercises).length) {
    await deps.progress.update((s) => {
      const merged = mergeProgress(s, incoming);
      summary = merged.summary;
      return merged.state;
    });
  }
  const history = mergeHistory(deps.examStore.history, parsed.data.examHistory);
  if (history.added) await deps.examStore.setHistory(history.history);
  await deps.examStore.setSeen(mergeSeen(deps.examStore.seen, parsed.data.seen));
  await deps.readiness.setDeck(mergeDecks(deps.readiness.deck, parsed.data.review));
  await deps.readiness.setHistory(mergeReadinessHistory(deps.readiness.history, parsed.data.readiness));

  const parts: string[] = [];
  if (summary.added || summary.improved || history.added) {
    parts.push(
      `Imported ${label(uri)}: ${plural(summary.added, 'exercise')} added, ${summary.improved} improved (${summary.newlyPassed} newly passed), ${attempts(history.added)} added.`,
    );
  } else {
    parts.push(`${label(uri)} holds nothing this workspace does not already have; its progress is unchanged.`);
  }
  if (history.dropped)
    parts.push(`The ${attempts(history.dropped)} oldest beyond the ${HISTORY_LIMIT} kept dropped off.`);
  if (parsed.skipped) {
    parts.push(
      `${plural(parsed.skipped, 'entry', 'entries')} in the file could not be read and ${parsed.skipped === 1 ? 'was' : 'were'} skipped.`,
    );
    void vscode.window.showWarningMessage(parts.join(' '));
  } else {
    void vscode.window.showInformationMessage(parts.join(' '));
  }
  return {
    uri,
    summary,
    examAttemptsAdded: history.added,
    examAttemptsDropped: history.dropped,
    skipped: parsed.skipped,
  };
}

/** Reset All Progress…: `{ confirmed: true }` skips the question (tests). */
async function resetCommand(deps: ProgressTransferDeps, options?: unknown): Promise<boolean> {
  const confirmed =
    typeof options === 'object' && options !== null && (options as { confirmed?: unknown }).confirmed === true;
  let exported: vscode.Uri | undefined;
  for (;;) {
    const c = progressCounts(deps.progress.current, deps.examStore.history);
    const session = deps.examStore.session;
    if (!c.exercises && !c.examAttempts && !session) {
      void vscode.window.showInformationMessage('This workspace has no Cert Path progress to reset.');
      return false;
    }
    if (confirmed) break;
    const what =
      session &&
      (session.kind === 'quiz'
        ? 'the quiz'
        : `the ${deps.syllabus.syllabus.certifications.find((x) => x.id === session.cert)?.shortTitle ?? session.cert} mock exam`);
    const erased = [
      `${plural(c.exercises, 'exercise record')} (${c.passed} passed)`,
      attempts(c.examAttempts),
      ...(what
        ? [
            `${what} in progress (${session.answers.filter((a) => a.length).length} of ${session.items.length} answered)`,
          ]
        : []),
    ];
    const detail =
      `${exported ? `A copy was exported to ${label(exported)}.\n\n` : ''}This erases ${erased.slice(0, -1).join(', ')} and ${erased[erased.length - 1]}. ` +
      `Your practice files on disk are not touched.${exported ? '' : ` Choose "${EXPORT_FIRST}" to save a copy you can import later.`}`;
    const answer = await vscode.window.showWarningMessage(
      'Reset all Cert Path progress in this workspace?',
      { modal: true, detail },
      ...(exported ? [RESET] : [RESET, EXPORT_FIRST]),
    );
    if (answer === RESET) break;
    if (answer !== EXPORT_FIRST) return false;
    exported = await exportCommand(deps);
    if (!exported) return false; // the export was cancelled or failed: reset nothing
  }
  // The session goes first, so its clock cannot submit an attempt into the emptied history.
  await deps.exams.setSession(undefined);
  await deps.examStore.setHistory([]);
  await deps.examStore.setSeen({});
  await deps.readiness.setDeck(emptyDeck());
  await deps.readiness.setHistory([]);
  await deps.progress.update(() => emptyProgress());
  await closeExamPanels();
  void vscode.window.showInformationMessage(
    'All Cert Path progress in this workspace was reset. Your practice files are unchanged.',
  );
  return true;
}

/** Registers Export Progress…, Import Progress… and Reset All Progress…. */
export function registerProgressTransfer(deps: ProgressTransferDeps): void {
  deps.context.subscriptions.push(
    vscode.commands.registerCommand(Commands.exportProgress, (target?: unknown) => exportCommand(deps, target)),
    vscode.commands.registerCommand(Commands.importProgress, (source?: unknown) => importCommand(deps, source)),
    vscode.commands.registerCommand(Commands.resetAllProgress, (options?: unknown) => resetCommand(deps, options)),
  );
}
