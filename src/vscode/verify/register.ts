// The pack gate: Cert Path: Verify Syllabus Pack, with its own Problems view entries.
import * as vscode from 'vscode';
import { Commands } from '../../ids';
import { verifyPacks, VerifyDeps } from './packs';

/** Registers Verify Syllabus Pack. */
export function registerVerify(deps: Omit<VerifyDeps, 'diagnostics'> & { context: vscode.ExtensionContext }): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('cert-path-verify');
  deps.context.subscriptions.push(
    diagnostics,
    vscode.commands.registerCommand(Commands.verifySyllabusPack, () => verifyPacks({ ...deps, diagnostics })),
  );
}
