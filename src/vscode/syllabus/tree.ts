// The Syllabus tree: certification → domain → topic → exercise, with progress.
import * as vscode from 'vscode';
import { exerciseKey } from '../../core/syllabus/model';
import { certItem, credentialItem, domainItem, exerciseItem, problemItem, topicItem, TreeNode } from './treeItems';
import { SyllabusService } from './service';
import { ProgressStore } from '../progress/store';

export type { TreeNode } from './treeItems';

/** Supplies the tree and refreshes it whenever the syllabus or progress changes. */
export class SyllabusTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly syllabus: SyllabusService,
    private readonly progress: ProgressStore,
  ) {
    this.subscriptions = [syllabus.onDidChange(() => this.refresh()), progress.onDidChange(() => this.refresh())];
  }

  /** Redraws the whole tree. */
  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    const syllabus = this.syllabus.syllabus;
    if (!node) {
      if (!this.syllabus.isLoaded) return [];
      return [
        ...syllabus.certifications.map((c): TreeNode =>
          c.kind === 'exam' ? { kind: 'cert', cert: c } : { kind: 'credential', credential: c },
        ),
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
          ref: {
            cert: node.cert,
            domain: node.domain,
            topic: node.topic,
            exercise,
            key: exerciseKey(node.cert.id, node.topic.id, exercise.id),
          },
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
    const state = this.progress.current;
    switch (node.kind) {
      case 'cert':
        return certItem(node.cert, state);
      case 'credential':
        return credentialItem(node.credential, state, this.syllabus.syllabus);
      case 'domain':
        return domainItem(node.cert, node.domain, state);
      case 'topic':
        return topicItem(node.cert, node.topic, state);
      case 'exercise':
        return exerciseItem(node, state);
      case 'problem':
        return problemItem(node.problem);
    }
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
