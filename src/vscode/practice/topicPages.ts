// The read-only Markdown topic pages (`cert-path-topic:/cert/topic.md`), refreshed as progress changes.
import * as vscode from 'vscode';
import { renderTopicPage } from '../../core/practice/topicPage';
import { TOPIC_SCHEME } from '../../ids';
import { ProgressStore } from '../progress/store';
import { SyllabusService } from '../syllabus/service';
import { topicNode } from './pickers';

/** Serves topic pages. */
export class TopicPages implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly syllabus: SyllabusService,
    private readonly progress: ProgressStore,
  ) {
    this.subscription = progress.onDidChange(() => {
      for (const uri of this.open) this.changed.fire(vscode.Uri.parse(uri));
    });
  }

  /** The page's URI for a topic. */
  uriFor(certId: string, topicId: string): vscode.Uri {
    return vscode.Uri.from({ scheme: TOPIC_SCHEME, path: `/${certId}/${topicId}.md` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    this.open.add(uri.toString());
    const [, certId, file] = uri.path.split('/');
    const topicId = file?.replace(/\.md$/, '') ?? '';
    const node = topicNode(this.syllabus, certId, topicId);
    if (node) return renderTopicPage(node.cert, node.domain, node.topic, this.progress.current);
    return `# Topic not found\n\nThe syllabus has no topic \`${certId}/${topicId}\`.`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
