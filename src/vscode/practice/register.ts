// The practice feature: practice files, the topic pages, solution documents, the CodeLens row and the
// practice commands.
import * as vscode from 'vscode';
import { ExerciseRef } from '../../core/syllabus/model';
import { SOLUTION_SCHEME, TOPIC_SCHEME } from '../../ids';
import { Configuration } from '../config';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { registerPracticeCommands } from './commands';
import { PracticeFiles } from './files';
import { PracticeLenses } from './lenses';
import { SolutionDocuments } from './solutions';
import { TopicPages } from './topicPages';

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
  topicPages: TopicPages;
  /** Set by the checks feature: mirror a written or reset file in the Test Explorer and clear its diagnostics. */
  onChanged?: (ref: ExerciseRef, uri: vscode.Uri, reset: boolean) => Promise<void>;
}

/** Creates the practice services and registers their providers and commands. */
export function registerPractice(deps: PracticeFeatureDeps): PracticeFeature {
  const { context, syllabus, progress, config } = deps;
  const practice = new PracticeFiles(syllabus, progress, config, context.globalStorageUri, deps.runnerSource);
  const topicPages = new TopicPages(syllabus, progress);
  const lenses = new PracticeLenses(practice, progress, config);
  const feature: PracticeFeature = { practice, topicPages };
  context.subscriptions.push(
    practice,
    topicPages,
    lenses,
    vscode.workspace.registerTextDocumentContentProvider(TOPIC_SCHEME, topicPages),
    vscode.workspace.registerTextDocumentContentProvider(SOLUTION_SCHEME, new SolutionDocuments(syllabus)),
    vscode.languages.registerCodeLensProvider({ language: 'python' }, lenses),
    ...registerPracticeCommands({
      syllabus,
      progress,
      practice,
      config,
      topicPages,
      changed: (ref, uri, reset) => feature.onChanged?.(ref, uri, reset) ?? Promise.resolve(),
    }),
  );
  return feature;
}
