// "Read the lesson" as a quick fix on a failed check's diagnostic: the topic's lesson opens at the
// section that explains what the check tests.
import * as vscode from 'vscode';
import { Commands } from '../../ids';
import { lessonLinks } from './diagnostics';

/** Offers the lesson of each Cert Path diagnostic under the cursor. */
export class LessonActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(
    _document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const seen = new Set<string>();
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const found = lessonLinks.get(diagnostic);
      if (!found || seen.has(found.link.label)) continue;
      seen.add(found.link.label);
      const action = new vscode.CodeAction(found.link.label, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      const { ref, link } = found;
      action.command = {
        command: Commands.openTopic,
        title: link.label,
        arguments: [
          { kind: 'topic', cert: ref.cert, domain: ref.domain, topic: ref.topic },
          link.section ? { section: link.section } : {},
        ],
      };
      actions.push(action);
    }
    return actions;
  }
}
