// The Testing API view of practice: certification → domain → topic → exercise → check, for the
// practice files that exist. Every run (Test Explorer, gutter, palette, watch) goes through here,
// so the Test Results, diagnostics and progress all come from one RunReport.
import * as vscode from 'vscode';
import { indexOf } from '../../core/syllabus/index';
import { ExerciseRef } from '../../core/syllabus/model';
import { affectedBy } from '../../core/practice/location';
import { checkLines, practiceRelativePath } from '../../core/practice/practiceFile';
import { CheckResult, RunResult } from '../../core/runner/results';
import { RunReport } from '../../node/runner/run';
import { PracticeFiles } from '../practice/files';
import { SyllabusService } from '../syllabus/service';
import { CheckService, RunOutcome } from './service';
import { SaveWatch } from './watch';

/** What was last reported for a test item: the same values handed to the TestRun. */
export interface ReportedState {
  state: 'passed' | 'failed' | 'errored' | 'skipped';
  message?: vscode.TestMessage;
  durationMs?: number;
}

interface ExerciseEntry {
  ref: ExerciseRef;
  uri: vscode.Uri;
  item: vscode.TestItem;
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

/** One test controller, "Cert Path". */
export class CheckTests implements vscode.Disposable {
  readonly controller: vscode.TestController;
  private readonly entries = new Map<string, ExerciseEntry>(); // by exercise key
  private readonly reported = new Map<string, ReportedState>(); // by test item id
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly syllabus: SyllabusService,
    private readonly practice: PracticeFiles,
    private readonly checks: CheckService,
    private readonly watch: SaveWatch,
  ) {
    this.controller = vscode.tests.createTestController('certPath', 'Cert Path');
    this.controller.resolveHandler = async (item) => {
      if (!item) await this.discover();
    };
    this.controller.refreshHandler = () => this.discover();
    const profile = this.controller.createRunProfile(
      'Run checks',
      vscode.TestRunProfileKind.Run,
      (request, token) => this.handle(request, token),
      true,
    );
    profile.supportsContinuousRun = true;
    this.disposables.push(
      this.controller,
      syllabus.onDidChange(() => void this.discover()),
    );
  }

  /** The state last reported for a test item id (used by the integration tests). */
  lastReported(id: string): ReportedState | undefined {
    return this.reported.get(id);
  }

  /** Test item id of an exercise, or of one of its checks. */
  static itemId(key: string, checkId?: string): string {
    return checkId ? `${key}#${checkId}` : key;
  }

  /** Finds every existing practice file and mirrors it as test items. */
  async discover(): Promise<void> {
    const found: { ref: ExerciseRef; uri: vscode.Uri }[] = [];
    const roots = this.practice.roots();
    for (const ref of indexOf(this.syllabus.syllabus).exercises) {
      for (const root of roots) {
        const uri = vscode.Uri.joinPath(root, ...practiceRelativePath(ref));
        if (
          await Promise.resolve(vscode.workspace.fs.stat(uri)).then(
            () => true,
            () => false,
          )
        ) {
          found.push({ ref, uri });
          break;
        }
      }
    }
    this.controller.items.replace([]);
    this.entries.clear();
    for (const { ref, uri } of found) await this.add(ref, uri);
  }

  private child(parent: vscode.TestItemCollection, id: string, label: string, uri?: vscode.Uri): vscode.TestItem {
    let item = parent.get(id);
    if (!item) {
      item = this.controller.createTestItem(id, label, uri);
      parent.add(item);
    }
    return item;
  }

  /** Adds (or refreshes) the items of one practice file; check items point at their lines in it. */
  async add(ref: ExerciseRef, uri: vscode.Uri): Promise<vscode.TestItem> {
    const cert = this.child(this.controller.items, ref.cert.id, `${ref.cert.shortTitle} — ${ref.cert.title}`);
    const domain = this.child(cert.children, `${ref.cert.id}/${ref.domain.id}`, ref.domain.title);
    const topic = this.child(domain.children, `${ref.cert.id}/${ref.topic.id}`, ref.topic.title);
    let item = topic.children.get(CheckTests.itemId(ref.key));
    if (!item || item.uri?.toString() !== uri.toString()) {
      item = this.controller.createTestItem(CheckTests.itemId(ref.key), ref.exercise.title, uri);
      topic.children.add(item);
    }
    item.range = new vscode.Range(0, 0, 0, 0);
    item.description = ref.exercise.difficulty;
    const text = await vscode.workspace.fs.readFile(uri).then(
      (b) => new TextDecoder().decode(b),
      () => '',
    );
    const lines = checkLines(text);
    item.children.replace(
      ref.exercise.checks.map((check) => {
        const child = this.controller.createTestItem(CheckTests.itemId(ref.key, check.id), check.title, uri);
        const line = lines.get(check.id);
        child.range = new vscode.Range((line ?? 1) - 1, 0, (line ?? 1) - 1, 0);
        return child;
      }),
    );
    this.entries.set(ref.key, { ref, uri, item });
    return item;
  }

  /** Drops the items of practice files that are gone: the file itself, or a folder holding them (one event for a folder). */
  remove(uri: vscode.Uri): void {
    for (const [key, entry] of this.entries) {
      if (!affectedBy(uri.fsPath, entry.uri.fsPath)) continue;
      entry.item.parent?.children.delete(entry.item.id);
      this.entries.delete(key);
    }
  }

  private exercisesOf(items: readonly vscode.TestItem[]): ExerciseEntry[] {
    const keys = new Set<string>();
    const walk = (item: vscode.TestItem) => {
      const key = item.id.split('#')[0];
      if (this.entries.has(key)) keys.add(key);
      else item.children.forEach(walk);
    };
    items.forEach(walk);
    return [...keys].map((k) => this.entries.get(k)!);
  }

  private async handle(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    const all: vscode.TestItem[] = [];
    this.controller.items.forEach((i) => all.push(i));
    const excluded = new Set((request.exclude ?? []).map((i) => i.id));
    const targets = this.exercisesOf(request.include ?? all).filter((e) => !excluded.has(e.item.id));
    if (request.continuous) {
      // Continuous run: the included exercises re-run whenever their file is saved, until cancelled.
      const watching = new Set(targets.map((t) => t.uri.toString()));
      const watcher = this.watch.watch({
        wants: (_ref, main) => watching.has(main.toString()),
        run: (ref, main) => this.runOne(ref, main, 'Cert Path (on save)'),
      });
      token.onCancellationRequested(() => watcher.dispose());
      return;
    }
    const run = this.controller.createTestRun(request, 'Cert Path');
    try {
      for (const target of targets) {
        if (token.isCancellationRequested) break;
        await this.execute(run, target, token);
      }
    } finally {
      run.end();
    }
  }

  /** Runs one exercise's checks in a TestRun of its own (palette, editor title, watch mode). */
  async runOne(
    ref: ExerciseRef,
    uri: vscode.Uri,
    name = 'Cert Path',
    token?: vscode.CancellationToken,
  ): Promise<RunOutcome> {
    const item = await this.add(ref, uri);
    const run = this.controller.createTestRun(new vscode.TestRunRequest([item]), name);
    const own = token ? undefined : new vscode.CancellationTokenSource();
    try {
      return await this.execute(run, this.entries.get(ref.key)!, token ?? own!.token);
    } finally {
      run.end();
      own?.dispose();
    }
  }

  private async execute(
    run: vscode.TestRun,
    entry: ExerciseEntry,
    token: vscode.CancellationToken,
  ): Promise<RunOutcome> {
    const { item, ref, uri } = entry;
    run.enqueued(item);
    item.children.forEach((c) => run.enqueued(c));
    run.started(item);
    const outcome = await this.checks.run(ref, uri, token);
    if (!outcome.report) {
      this.report(run, item, {
        state: 'errored',
        message: new vscode.TestMessage(outcome.blocked ?? outcome.interpreterProblem ?? 'The checks did not run.'),
      });
      item.children.forEach((c) => this.report(run, c, { state: 'skipped' }));
      return outcome;
    }
    this.reportRun(run, entry, outcome.report);
    return outcome;
  }

  private reportRun(run: vscode.TestRun, entry: ExerciseEntry, report: RunReport): void {
    const { item, ref, uri } = entry;
    const result: RunResult = report.result;
    run.appendOutput(crlf(`$ ${report.commandLine.join(' ')}\n`), undefined, item);
    if (report.stdout) run.appendOutput(crlf(report.stdout), undefined, item);
    if (report.stderr) run.appendOutput(crlf(report.stderr), undefined, item);
    for (const check of result.checks) {
      const child = item.children.get(CheckTests.itemId(ref.key, check.id));
      if (child) this.report(run, child, this.checkState(check, uri, report));
    }
    const duration = report.durationMs;
    if (result.outcome === 'passed') this.report(run, item, { state: 'passed', durationMs: duration });
    else if (result.outcome === 'cancelled') this.report(run, item, { state: 'skipped' });
    else if (result.outcome === 'skipped') {
      run.appendOutput(crlf(`${result.problem?.message ?? 'Skipped.'}\n`), undefined, item);
      this.report(run, item, { state: 'skipped' });
    } else if (result.problem) {
      const message = new vscode.TestMessage(
        `${result.problem.message}${report.stderr.trim() ? `\n\n${report.stderr.trim().slice(-2000)}` : ''}`,
      );
      message.location = new vscode.Location(uri, new vscode.Position((result.problem.line ?? 1) - 1, 0));
      this.report(run, item, { state: 'errored', message, durationMs: duration });
    } else {
      const failed = result.checks.filter((c) => c.status !== 'pass').length;
      this.report(run, item, {
        state: 'failed',
        message: new vscode.TestMessage(`${failed} of ${result.checks.length} checks did not pass.`),
        durationMs: duration,
      });
    }
  }

  private checkState(check: CheckResult, uri: vscode.Uri, report: RunReport): ReportedState {
    const durationMs = check.durationMs;
    if (check.status === 'pass') return { state: 'passed', durationMs };
    if (check.status === 'skipped') return { state: 'skipped' };
    const text = check.status === 'error' && check.traceback ? `${check.message}\n\n${check.traceback}` : check.message;
    const message =
      check.expected !== undefined && check.actual !== undefined
        ? vscode.TestMessage.diff(text, check.expected, check.actual)
        : new vscode.TestMessage(text);
    message.location = new vscode.Location(uri, new vscode.Position((check.line ?? 1) - 1, 0));
    if (check.status === 'error' && !check.traceback && report.stderr.trim())
      message.message = `${text}\n\n${report.stderr.trim().slice(-2000)}`;
    return { state: check.status === 'fail' ? 'failed' : 'errored', message, durationMs };
  }

  private report(run: vscode.TestRun, item: vscode.TestItem, state: ReportedState): void {
    this.reported.set(item.id, state);
    switch (state.state) {
      case 'passed':
        run.passed(item, state.durationMs);
        break;
      case 'failed':
        run.failed(item, state.message!, state.durationMs);
        break;
      case 'errored':
        run.errored(item, state.message!, state.durationMs);
        break;
      case 'skipped':
        run.skipped(item);
        break;
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
