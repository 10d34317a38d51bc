// The tree rows: label, description, icon, tooltip and context value of each kind of node.
import * as path from 'path';
import * as vscode from 'vscode';
import { examSections, isExtraTopic } from '../../core/exam/sections';
import { settingId } from '../../core/config';
import {
  Credential,
  Domain,
  ExamCertification,
  ExerciseRef,
  Syllabus,
  SyllabusProblem,
  Topic,
} from '../../core/syllabus/model';
import {
  certExerciseTally,
  credentialStanding,
  exerciseStatus,
  ProgressState,
  Status,
  topicsTally,
  topicTally,
} from '../../core/progress/progress';
import { formatProblem } from '../../core/syllabus/model';
import { Commands } from '../../ids';

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
  md.appendMarkdown(
    `| Items | ${e.items} |\n| Time | ${e.minutes} minutes |\n| Pass mark | ${e.passMark} % |\n| Fee | USD ${e.feeUsd} |\n`,
  );
  md.appendMarkdown(
    `| Prerequisites | ${e.prerequisites.length ? e.prerequisites.join(', ').toUpperCase() : 'none'} |\n| Delivery | ${e.delivery} |\n`,
  );
  return md;
}

/** A certification row: topics complete, exam facts in the tooltip. */
export function certItem(cert: ExamCertification, state: ProgressState): vscode.TreeItem {
  const topics = topicsTally(
    state,
    cert.id,
    cert.domains.flatMap((d) => d.topics),
  );
  const exercises = certExerciseTally(state, cert);
  const item = new vscode.TreeItem(cert.shortTitle, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `cert:${cert.id}`;
  item.description = `${topics.passed}/${topics.total} topics · ${cert.title}`;
  item.iconPath = topics.status === 'passed' ? ICONS.passed : new vscode.ThemeIcon('mortar-board');
  const tooltip = examFacts(cert);
  tooltip.appendMarkdown(
    `\n${topics.passed} of ${topics.total} topics complete · ${exercises.passed} of ${exercises.total} exercises passed`,
  );
  item.tooltip = tooltip;
  item.contextValue = 'certPath.cert';
  return item;
}

/** A credential row: earned, or what is still needed. */
export function credentialItem(credential: Credential, state: ProgressState, syllabus: Syllabus): vscode.TreeItem {
  const standing = credentialStanding(state, syllabus, credential.requires);
  const item = new vscode.TreeItem(credential.shortTitle, vscode.TreeItemCollapsibleState.None);
  item.id = `credential:${credential.id}`;
  item.iconPath = standing.earned
    ? new vscode.ThemeIcon('verified-filled', new vscode.ThemeColor('testing.iconPassed'))
    : new vscode.ThemeIcon('lock');
  item.description = `${standing.earned ? 'earned' : `still needed: ${standing.missing.map((c) => c.shortTitle).join(', ')}`} · ${credential.title}`;
  item.tooltip = new vscode.MarkdownString(
    `**${credential.title}**\n\n${credential.summary.trim()}\n\nEarned by completing: ${credential.requires.map((id) => id.toUpperCase()).join(', ')}.`,
  );
  item.contextValue = 'certPath.credential';
  return item;
}

/** How a topic outside the official exam is marked in the tree. */
export const EXTRA_TOPIC = 'extra — not on the exam';

/** The official sections the topics count toward, as text (empty without a blueprint). */
function sectionsOfTopics(cert: ExamCertification, topics: Topic[]): string {
  const sections = examSections(cert).filter(
    (s) => cert.blueprint && topics.some((t) => t.objectives.some((o) => s.objectives.includes(o))),
  );
  return sections.map((s) => `section ${s.id}, ${s.title}`).join('; ');
}

/** A domain row: topics complete and its share of the exam. */
export function domainItem(cert: ExamCertification, domain: Domain, state: ProgressState): vscode.TreeItem {
  const t = topicsTally(state, cert.id, domain.topics);
  const item = new vscode.TreeItem(domain.title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `domain:${cert.id}/${domain.id}`;
  // With an official blueprint the exam is drawn by its sections, which the domains need not match.
  item.description = cert.blueprint ? `${t.passed}/${t.total}` : `${t.passed}/${t.total} · ${domain.weight}%`;
  item.iconPath = t.status === 'passed' ? ICONS.passed : new vscode.ThemeIcon('library');
  const sections = sectionsOfTopics(cert, domain.topics);
  item.tooltip = new vscode.MarkdownString(
    cert.blueprint
      ? `**${domain.title}**${sections ? ` — on the ${cert.examCode} exam in: ${sections}` : ''}\n\n${t.passed} of ${t.total} topics complete`
      : `**${domain.title}** — ${domain.weight} % of the ${cert.examCode} exam\n\n${t.passed} of ${t.total} topics complete`,
  );
  item.contextValue = 'certPath.domain';
  return item;
}

/** A topic row: exercises passed, the summary in the tooltip. */
export function topicItem(cert: ExamCertification, topic: Topic, state: ProgressState): vscode.TreeItem {
  const t = topicTally(state, cert.id, topic);
  const item = new vscode.TreeItem(topic.title, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `topic:${cert.id}/${topic.id}`;
  const extra = isExtraTopic(cert, topic);
  item.description = [`${t.passed}/${t.total}`, topic.origin ? 'pack' : '', extra ? EXTRA_TOPIC : '']
    .filter(Boolean)
    .join(' · ');
  item.iconPath = ICONS[t.status];
  const sections = sectionsOfTopics(cert, [topic]);
  const where = extra
    ? `not on the ${cert.examCode} exam (its official syllabus has no section for it): practice only, never in a mock`
    : `objectives ${topic.objectives.join(', ')}${sections ? ` (${sections})` : ''}`;
  const md = new vscode.MarkdownString(`**${topic.title}** — ${where}\n\n${topic.summary.trim()}\n\n`);
  md.appendMarkdown(t.status === 'passed' ? '**Topic complete.**' : `${t.passed} of ${t.total} exercises passed.`);
  if (topic.origin) md.appendMarkdown(`\n\nAdded by the syllabus pack \`${topic.origin}\`.`);
  item.tooltip = md;
  item.contextValue = 'certPath.topic';
  return item;
}

/** An exercise row: difficulty and status; a click opens (or generates) its practice file. */
export function exerciseItem(node: Extract<TreeNode, { kind: 'exercise' }>, state: ProgressState): vscode.TreeItem {
  const { ref } = node;
  const entry = state.exercises[ref.key];
  const status = exerciseStatus(entry);
  const item = new vscode.TreeItem(ref.exercise.title, vscode.TreeItemCollapsibleState.None);
  item.id = `exercise:${ref.key}`;
  item.description = `${ref.exercise.difficulty}${status === 'notStarted' ? '' : ` · ${STATUS_TEXT[status]}`}`;
  item.iconPath = ICONS[status];
  const md = new vscode.MarkdownString(
    `**${ref.exercise.title}** (${ref.exercise.difficulty}, ${ref.exercise.checks.length} checks)\n\n`,
  );
  md.appendText(ref.exercise.prompt.trim().split('\n').slice(0, 8).join('\n'));
  md.appendMarkdown(
    `\n\n*${STATUS_TEXT[status]}${entry?.runs ? ` · ${entry.runs} run${entry.runs === 1 ? '' : 's'}` : ''}*`,
  );
  item.tooltip = md;
  item.contextValue = 'certPath.exercise';
  item.command = { command: Commands.generatePracticeFile, title: 'Open Practice File', arguments: [node] };
  return item;
}

/** What clicking a problem row does: a pack's problem opens its file, a setting's the setting, the rest the output. */
function problemCommand(p: SyllabusProblem): vscode.Command {
  if (path.isAbsolute(p.file))
    return {
      command: 'vscode.open',
      title: 'Open File',
      arguments: [vscode.Uri.file(p.file), { selection: new vscode.Range(p.line - 1, 0, p.line - 1, 0) }],
    };
  if (p.line === 0)
    return { command: 'workbench.action.openSettings', title: 'Open Setting', arguments: [settingId('syllabusPaths')] };
  return { command: Commands.showOutput, title: 'Show Problems' };
}

/** A syllabus problem row. */
export function problemItem(p: SyllabusProblem): vscode.TreeItem {
  const text = p.line > 0 ? formatProblem(p) : `${p.file}: ${p.message}`;
  const item = new vscode.TreeItem(text, vscode.TreeItemCollapsibleState.None);
  item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  item.tooltip = p.line > 0 ? `This syllabus file was not loaded: ${text}` : text;
  item.contextValue = 'certPath.problem';
  item.command = problemCommand(p);
  return item;
}
