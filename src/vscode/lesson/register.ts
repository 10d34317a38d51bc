// The lesson feature: Open Topic shows the topic's page with its lesson (restored after a reload).
import * as vscode from 'vscode';
import { Commands, Views } from '../../ids';
import { pickTopic, topicFrom } from '../practice/pickers';
import { LessonDeps, LessonPages } from './pages';

/** Options of Open Topic: the lesson section to show (a failed check's or a question's link). */
export interface OpenTopicOptions {
  section?: string;
}

/** Creates the lesson pages and registers Open Topic and the panel serializer. */
export function registerLessons(deps: LessonDeps & { context: vscode.ExtensionContext }): LessonPages {
  const lessons = new LessonPages(deps);
  deps.context.subscriptions.push(
    lessons,
    vscode.window.registerWebviewPanelSerializer(Views.lessonPanel, lessons),
    vscode.commands.registerCommand(Commands.openTopic, async (arg?: unknown, options?: OpenTopicOptions) => {
      const node = topicFrom(arg) ?? (await pickTopic(deps.syllabus, 'Cert Path: Open Topic'));
      if (!node) return false;
      await lessons.open(node, typeof options?.section === 'string' ? options.section : undefined);
      return true;
    }),
  );
  return lessons;
}
