// The syllabus feature: the loaded syllabus with its packs, the Syllabus tree, its problems in the
// Problems view, and Refresh. Packs reload when their setting changes or a pack file is saved.
import * as vscode from 'vscode';
import { Commands, ContextKeys, Views } from '../../ids';
import { Configuration } from '../config';
import { ProgressStore } from '../progress/store';
import { PackReader } from './packs';
import { SyllabusProblems } from './problems';
import { SyllabusService } from './service';
import { SyllabusTree, TreeNode } from './tree';

/** What the syllabus feature needs. */
export interface SyllabusDeps {
  context: vscode.ExtensionContext;
  output: vscode.OutputChannel;
  config: Configuration;
  progress: ProgressStore;
}

/** Creates the syllabus service and tree; everything disposable goes into context.subscriptions. */
export function registerSyllabus(deps: SyllabusDeps): { syllabus: SyllabusService; tree: SyllabusTree } {
  const { context, output, config, progress } = deps;
  const packs = new PackReader(config);
  const syllabus = new SyllabusService(
    vscode.Uri.joinPath(context.extensionUri, 'syllabus'),
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'syllabus.json'),
    packs,
  );
  const problems = new SyllabusProblems(context.extensionUri, output);
  const tree = new SyllabusTree(syllabus, progress);
  const view = vscode.window.createTreeView<TreeNode>(Views.syllabus, {
    treeDataProvider: tree,
    showCollapseAll: true,
  });
  const setTrustMessage = () => {
    view.message = vscode.workspace.isTrusted
      ? undefined
      : 'Restricted Mode: you can browse and generate practice files; checks run once you trust this workspace.';
  };
  setTrustMessage();
  context.subscriptions.push(
    syllabus,
    problems,
    tree,
    view,
    vscode.workspace.onDidGrantWorkspaceTrust(setTrustMessage),
    config.onChange(['syllabusPaths'], () => void syllabus.load()),
    vscode.workspace.onDidSaveTextDocument((d) => packs.isPackFile(d.uri) && void syllabus.load()),
    syllabus.onDidChange((s) => {
      problems.show(s);
      void vscode.commands.executeCommand('setContext', ContextKeys.syllabusEmpty, s.certifications.length === 0);
    }),
    // Problems of the reload reach the Problems view and the output through SyllabusProblems.
    vscode.commands.registerCommand(Commands.refresh, async () => {
      await syllabus.load();
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => output.show()),
  );
  return { syllabus, tree };
}
