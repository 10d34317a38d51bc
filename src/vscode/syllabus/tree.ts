// The Syllabus tree: certification → domain → topic → exercise, with progress.
import * as path from 'path';
import * as vscode from 'vscode';
import { Credential, Domain, ExamCertification, ExerciseRef, exerciseKey, SyllabusProblem, Topic } from '../../core/syllabus/model';
import {
  certExerciseTally, credentialStanding, exerciseStatus, ProgressState, Status, topicsTally, topicTally,
} from '../../core/progress/progress';
import { formatProblem } from '../../core/syllabus/loader';
import { Commands, Settings } from '../../ids';
import { SyllabusService } from './service';
import { ProgressStore } from '../progress/store';

/** A node of the Syllabus tree. */
export type TreeNode =
  | { kind: 'cert'; cert: ExamCertification }
  | { kind: 'credential'; credential: Credential }
  | { kind: 'domain'; cert: ExamCertification; domain: Domain }
  | { kind: 'topic'; cert: ExamCertification; domain: Domain; topic: Topic }
  | { kind: 'exercise'; ref: ExerciseRef }
  | { kind: 'problem'; problem: SyllabusProblem };

const ICONS: Record<Status, vscode.ThemeIcon> = {
  notStarted: new vscode.ThemeIcon('circle-large-outline'),
  attempted: new vscode.ThemeIcon('circle-large-filled', new vscode.ThemeColor('testing.iconQueued')),
  failed: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  passed: new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('testing.iconPassed')),
};

const STATUS_TEXT: Record<Status, string> = {
  notStarted: 'not started',
  attempted: 'started, not run yet',
  failed: 'failed last run',
  passed: 'passed',
};

function examFacts(cert: ExamCertification): vscode.MarkdownString {
  const e = cert.exam;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${cert.title}** (${cert.examCode})\n\n${cert.summary.trim()}\n\n`);
  md.appendMarkdown('| | |\n|---|---|\n');
  md.appendMarkdown(`| Items | ${e.items} |\n| Time | ${e.minutes} minutes |\n| Pass mark | ${e.passMark} % |\n| Fee | USD ${e.feeUsd} |\n`);
  md.appendMarkdown(`| Prerequisites | ${e.prerequisites.length ? e.prerequisites.join(', ').toUpperCase() : 'none'} |\n| Delivery | ${e.delivery} |\n`);
  return md;
}

/** Supplies the tree and refreshes it whenever the syllabus or progress changes. */
export class SyllabusTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly syllabus: SyllabusService, private readonly progress: ProgressStore) {
    this.subscriptions = [syllabus.onDidChange(() => this.refresh()), progress.onDidChange(() => this.refresh())];
  }

  /** Redraws the whole tree. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  private get state(): ProgressState {
    return this.progress.current;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    const syllabus = this.syllabus.syllabus;
    if (!node) {
      if (!this.syllabus.isLoaded) return [];
      return [
        ...syllabus.certifications.map((c): TreeNode => (c.kind === 'exam' ? { kind: 'cert', cert: c } : { kind: 'credential', credential: c })),
        ...syllabus.problems.map((problem): TreeNode => ({ kind: 'problem', problem })),
      ];
    }
    switch (node.kind) {
      case 'cert':
        return node.cert.domains.map((domain) => ({ kind: 'domain', cert: node.cert, domain }));
      case 'domain':
        return node.domain.topics.map((topic) => ({ kind: 'topic', cert: node.cert, domain: node.domain, topic }));
      case 'topic':
        return node.topic.exercises.map((exercise) => ({
          kind: 'exercise',
          ref: { cert: node.cert, domain: node.domain, topic: node.topic, exercise, key: exerciseKey(node.cert.id, node.topic.id, exercise.id) },
        }));
      default:
        return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    switch (node.kind) {
      case 'domain':
        return { kind: 'cert', cert: node.cert };
      case 'topic':
        return { kind: 'domain', cert: node.cert, domain: node.domain };
      case 'exercise':
        return { kind: 'topic', cert: node.ref.cert, domain: node.ref.domain, topic: node.ref.topic };
      default:
        return undefined;
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'cert': {
        const topics = topicsTally(this.state, node.cert.id, node.cert.domains.flatMap((d) => d.topics));
        const exercises = certExerciseTally(this.state, node.cert);
        const item = new vscode.TreeItem(node.cert.shortTitle, collapsed);
        item.id = `cert:${node.cert.id}`;
        item.description = `${topics.passed}/${topics.total} topics · ${node.cert.title}`;
        item.iconPath = topics.status === 'passed' ? ICONS.passed : new vscode.ThemeIcon('mortar-board');
        const tooltip = examFacts(node.cert);
        tooltip.appendMarkdown(`\n${topics.passed} of ${topics.total} topics complete · ${exercises.passed} of ${exercises.total} exercises passed`);
        item.tooltip = tooltip;
        item.contextValue = 'certPath.cert';
        return item;
      }
      case 'credential': {
        const standing = credentialStanding(this.state, this.syllabus.syllabus, node.credential.requires);
        const item = new vscode.TreeItem(node.credential.shortTitle, vscode.TreeItemCollapsibleState.None);
        item.id = `credential:${node.credential.id}`;
        item.iconPath = standing.earned ? new vscode.ThemeIcon('verified-filled', new vscode.ThemeColor('testing.iconPassed')) : new vscode.ThemeIcon('lock');
        item.description = `${standing.earned ? 'earned' : `still needed: ${standing.missing.map((c) => c.shortTitle).join(', ')}`} · ${node.credential.title}`;
        item.tooltip = new vscode.MarkdownString(`**${node.credential.title}**\n\n${node.credential.summary.trim()}\n\nEarned by completing: ${node.credential.requires.map((id) => id.toUpperCase()).join(', ')}.`);
        item.contextValue = 'certPath.credential';
        return item;
      }
      case 'domain': {
        const t = topicsTally(this.state, node.cert.id, node.domain.topics);
        const item = new vscode.TreeItem(node.domain.title, collapsed);
        item.id = `domain:${node.cert.id}/${node.domain.id}`;
        item.description = `${t.passed}/${t.total} · ${node.domain.weight}%`;
        item.iconPath = t.status === 'passed' ? ICONS.passed : new vscode.ThemeIcon('library');
        item.tooltip = new vscode.MarkdownString(`**${node.domain.title}** — ${node.domain.weight} % of the ${node.cert.examCode} exam\n\n${t.passed} of ${t.total} topics complete`);
        item.contextValue = 'certPath.domain';
        return item;
      }
      case 'topic': {
        const t = topicTally(this.state, node.cert.id, node.topic);
        const item = new vscode.TreeItem(node.topic.title, collapsed);
        item.id = `topic:${node.cert.id}/${node.topic.id}`;
        item.description = node.topic.origin ? `${t.passed}/${t.total} · pack` : `${t.passed}/${t.total}`;
        item.iconPath = ICONS[t.status];
        const md = new vscode.MarkdownString(`**${node.topic.title}** — objectives ${node.topic.objectives.join(', ')}\n\n${node.topic.summary.trim()}\n\n`);
        md.appendMarkdown(t.status === 'passed' ? '**Topic complete.**' : `${t.passed} of ${t.total} exercises passed.`);
        if (node.topic.origin) md.appendMarkdown(`\n\nAdded by the syllabus pack \`${node.topic.origin}\`.`);
        item.tooltip = md;
        item.contextValue = 'certPath.topic';
        return item;
      }
      case 'exercise': {
        const { ref } = node;
        const entry = this.state.exercises[ref.key];
        const status = exerciseStatus(entry);
        const item = new vscode.TreeItem(ref.exercise.title, vscode.TreeItemCollapsibleState.None);
        item.id = `exercise:${ref.key}`;
        item.description = `${ref.exercise.difficulty}${status === 'notStarted' ? '' : ` · ${STATUS_TEXT[status]}`}`;
        item.iconPath = ICONS[status];
        const md = new vscode.MarkdownString(`**${ref.exercise.title}** (${ref.exercise.difficulty}, ${ref.exercise.checks.length} checks)\n\n`);
        md.appendText(ref.exercise.prompt.trim().split('\n').slice(0, 8).join('\n'));
        md.appendMarkdown(`\n\n*${STATUS_TEXT[status]}${entry?.runs ? ` · ${entry.runs} run${entry.runs === 1 ? '' : 's'}` : ''}*`);
        item.tooltip = md;
        item.contextValue = 'certPath.exercise';
        item.command = { command: Commands.generatePracticeFile, title: 'Open Practice File', arguments: [node] };
        return item;
      }
      case 'problem': {
        const p = node.problem;
        const text = p.line > 0 ? formatProblem(p) : `${p.file}: ${p.message}`;
        const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.tooltip = p.line > 0 ? `This syllabus file was not loaded: ${text}` : text;
        item.contextValue = 'certPath.problem';
        // A pack's problem opens its file at the line; a setting's opens the setting; the rest the output.
        item.command = path.isAbsolute(p.file)
          ? { command: 'vscode.open', title: 'Open File', arguments: [vscode.Uri.file(p.file), { selection: new vscode.Range(p.line - 1, 0, p.line - 1, 0) }] }
          : p.line === 0
            ? { command: 'workbench.action.openSettings', title: 'Open Setting', arguments: [`${Settings.section}.${Settings.syllabusPaths}`] }
            : { command: Commands.showOutput, title: 'Show Problems' };
        return item;
      }
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
