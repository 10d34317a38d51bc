// The part of `npm run bench` that runs inside a real VS Code extension host: activation time,
// and extension host memory after activation and after 10 and 100 check runs.
import * as fs from 'fs';
import * as v8 from 'v8';
import * as vm from 'vm';
import * as vscode from 'vscode';
import type { CertPathApi } from '../../../src/extension';
import { findExercise } from '../../../src/core/syllabus/index';
import { CHECKS_MARKER } from '../../../src/core/practice/practiceFile';
import { RunResult } from '../../../src/core/runner/results';
import { Commands } from '../../../src/ids';
import { concrete } from '../../integration/variant';

/** Heap after a full garbage collection, so readings compare retained memory, not garbage. */
function settledMemory(): NodeJS.MemoryUsage {
  v8.setFlagsFromString('--expose_gc');
  (vm.runInNewContext('gc') as () => void)();
  return process.memoryUsage();
}

/** How long after the window's start the extension is activated. */
export const SETTLE_MS = 3000;

/** Called by the extension host; writes the figures to $CERT_PATH_BENCH_OUT. */
export async function run(): Promise<void> {
  const python = process.env.CERT_PATH_TEST_PYTHON;
  if (python)
    await vscode.workspace.getConfiguration('certPath').update('pythonPath', python, vscode.ConfigurationTarget.Global);
  const extension = vscode.extensions.getExtension<CertPathApi>('cert-path.cert-path');
  if (!extension) throw new Error('Cert Path is not installed');
  // As a learner activates it (opening the sidebar, running a command): once the window has started,
  // not while the host is still starting the other extensions.
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const started = Date.now();
  const api = await extension.activate();
  const activateCallMs = Date.now() - started;
  const activationMs = await api.firstTreeAnswerMs;
  const ownActivationMs = api.ownActivationMs;
  if (process.env.CERT_PATH_BENCH_ACTIVATION_ONLY) {
    // One more activation sample for the median: a fresh host each time, nothing else measured.
    fs.writeFileSync(
      process.env.CERT_PATH_BENCH_OUT!,
      JSON.stringify({ vscodeVersion: vscode.version, activationMs, activateCallMs, ownActivationMs }),
    );
    return;
  }
  const afterActivation = settledMemory();

  const ref = findExercise(api.syllabus.syllabus, 'pcep/arithmetic/split-seconds');
  if (!ref) throw new Error('bench exercise missing');
  const uri = await vscode.commands.executeCommand<vscode.Uri>(Commands.generatePracticeFile, {
    kind: 'exercise',
    ref,
  });
  const text = fs.readFileSync(uri.fsPath, 'utf8');
  fs.writeFileSync(
    uri.fsPath,
    `${text.slice(0, text.indexOf('\n\n') + 2)}${concrete(ref, uri).solution}\n\n\n${text.slice(text.indexOf(CHECKS_MARKER))}`,
  );
  const memory: Record<number, NodeJS.MemoryUsage> = {};
  for (let i = 1; i <= 100; i++) {
    const result = await vscode.commands.executeCommand<RunResult>(Commands.runChecks, uri);
    if (result?.outcome !== 'passed') throw new Error(`run ${i}: ${JSON.stringify(result)}`);
    if (i === 10 || i === 100) {
      await new Promise((r) => setTimeout(r, 500)); // let pending work settle before reading memory
      memory[i] = settledMemory();
    }
  }
  const figures = {
    vscodeVersion: vscode.version,
    activationMs,
    activateCallMs,
    ownActivationMs,
    heapAfterActivation: afterActivation.heapUsed,
    rssAfterActivation: afterActivation.rss,
    heapAfter10: memory[10].heapUsed,
    heapAfter100: memory[100].heapUsed,
    rssAfter10: memory[10].rss,
    rssAfter100: memory[100].rss,
  };
  console.log(`bench (in VS Code ${vscode.version}): ${JSON.stringify(figures)}`);
  fs.writeFileSync(process.env.CERT_PATH_BENCH_OUT!, JSON.stringify(figures));
}
