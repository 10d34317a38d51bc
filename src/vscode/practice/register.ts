// The practice feature: practice files, solution documents, the CodeLens row and the practice commands.
import * as vscode from 'vscode';
import { ExerciseRef } from '../../core/syllabus/model';
import { SOLUTION_SCHEME } from '../../ids';
import { Configuration } from '../config';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { registerPracticeCommands } from './commands';
import { PracticeFiles } from './files';
import { PracticeLenses } from './lenses';
import { SolutionDocuments } from './solutions';

/** What the practice feature needs. */
export interface PracticeFeatureDeps {
  context: vscode.ExtensionContext;
  syllabus: SyllabusService;
  progress: ProgressStore;
  config: Configuration;
  runnerSource: string;
}

/** The practice feature's services; `onChanged` is wired by the checks feature once it exists. */
export interface PracticeFeature {
  practice: PracticeFiles;
  /** Set by the checks feature: mirror a written or reset file in the Test Explorer and clear its diagnostics. */
  onChanged?: (ref: ExerciseRef, uri: vscode.Uri, reset: boolean) => Promise<void>;
}

/** Creates the practice services and registers their providers and commands. */
export function registerPractice(deps: PracticeFeatureDeps): PracticeFeature {
  const { context, syllabus, progress, config } = deps;
  const practice = new PracticeFiles(syllabus, progress, config, context.globalStorageUri, deps.runnerSource);
  const lenses = new PracticeLenses(practice, progress, config);
  const feature: PracticeFeature = { practice };
  context.subscriptions.push(
    practice,
    lenses,
    vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, new SolutionDocuments(syllabus)),
    vscode.languages.registerCodeLensProvider({ language: 'python' }, lenses),
    ...registerPracticeCommands({
      syllabus,
      progress,
      practice,
      config,
      changed: (ref, uri, reset) => feature.onChanged?.(ref, uri, reset) ?? Promise.resolve(),
    }),
  );
  return feature;
}
