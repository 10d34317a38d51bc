// Writing a learner's code into a practice file the way a learner would: in the editor, saved.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { learnerSpan } from '../../src/core/practice/practiceFile';

/** Replaces the learner part of the practice file in its editor (and with `keepChecks: false`, the checks too), then saves. */
export async function writeLearnerCode(uri: vscode.Uri, code: string, keepChecks = true): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const text = document.getText();
  const { start, end } = learnerSpan(text);
  assert.ok(end > start, 'the practice file has a header and a check section');
  await editor.edit((e) =>
    e.replace(
      new vscode.Range(document.positionAt(start), document.positionAt(keepChecks ? end : text.length)),
      `${code}\n\n\n`,
    ),
  );
  assert.ok(await document.save(), 'the practice file was saved');
}
