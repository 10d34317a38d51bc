// Quick picks for commands started without a tree node: an exercise, or a topic.
import * as vscode from 'vscode';
import { indexOf } from '../../core/syllabus/index';
import { ExerciseRef, findTopic } from '../../core/syllabus/model';
import { exerciseStatus } from '../../core/progress/progress';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { TreeNode } from '../syllabus/tree';

/** A topic node (the argument of the topic commands). */
export type TopicNode = Extract<TreeNode, { kind: 'topic' }>;

const STATUS_ICON = {
  notStarted: '$(circle-large-outline)',
  attempted: '$(circle-large-filled)',
  failed: '$(error)',
  passed: '$(pass-filled)',
};

/** Asks for an exercise, grouped by topic, with its status. */
export async function pickExercise(
  syllabus: SyllabusService,
  progress: ProgressStore,
  title: string,
): Promise<ExerciseRef | undefined> {
  type Item = vscode.QuickPickItem & { ref?: ExerciseRef };
  const items: Item[] = [];
  let lastTopic = '';
  for (const ref of indexOf(syllabus.syllabus).exercises) {
    const topic = `${ref.cert.shortTitle} › ${ref.topic.title}`;
    if (topic !== lastTopic) {
      items.push({ label: topic, kind: vscode.QuickPickItemKind.Separator });
      lastTopic = topic;
    }
    const status = exerciseStatus(progress.current.exercises[ref.key]);
    items.push({
      label: `${STATUS_ICON[status]} ${ref.exercise.title}`,
      description: ref.exercise.difficulty,
      detail: ref.exercise.prompt.split('\n')[0],
      ref,
    });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title,
    matchOnDescription: true,
    matchOnDetail: true,
    placeHolder: 'Type to search exercises',
  });
  return picked?.ref;
}

/** Asks for a topic in a quick pick grouped by certification. */
export async function pickTopic(syllabus: SyllabusService, title: string): Promise<TopicNode | undefined> {
  type Item = vscode.QuickPickItem & { node?: TopicNode };
  const items: Item[] = [];
  for (const cert of indexOf(syllabus.syllabus).certs.values()) {
    items.push({ label: cert.shortTitle, kind: vscode.QuickPickItemKind.Separator });
    for (const domain of cert.domains) {
      for (const topic of domain.topics)
        items.push({ label: topic.title, description: domain.title, node: { kind: 'topic', cert, domain, topic } });
    }
  }
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true }))?.node;
}

/** The topic a tree node (topic or exercise) belongs to. */
export function topicFrom(arg: unknown): TopicNode | undefined {
  const node = arg as TreeNode | undefined;
  if (node?.kind === 'topic') return node;
  if (node?.kind === 'exercise')
    return { kind: 'topic', cert: node.ref.cert, domain: node.ref.domain, topic: node.ref.topic };
  return undefined;
}

/** The topic node of a topic id within a certification id, if the syllabus has it. */
export function topicNode(syllabus: SyllabusService, certId: string, topicId: string): TopicNode | undefined {
  const cert = indexOf(syllabus.syllabus).certs.get(certId);
  const found = cert && findTopic(cert, topicId);
  return cert && found ? { kind: 'topic', cert, ...found } : undefined;
}
