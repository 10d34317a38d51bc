// One webview panel of a kind (the exam, a lesson, the readiness dashboard): created on demand or
// restored after a reload, with the shared page, checked incoming messages and clean disposal.
import * as vscode from 'vscode';
import { pageHtml, panelOptions } from './page';

/** What a panel kind needs. */
export interface PanelKind<M> {
  viewType: string;
  /** The script (dist/<script>.js) and stylesheet (media/<script>.css) of the page. */
  script: string;
  title: string;
  /** The message if it has one of the expected shapes, else undefined (it is then ignored). */
  parse(raw: unknown): M | undefined;
  onMessage(message: M): Promise<void> | void;
  /** Called when the learner closes the panel. */
  onClose?(): void;
}

/** Hosts at most one panel of a kind. */
export class PanelHost<M> implements vscode.Disposable {
  private current?: vscode.WebviewPanel;
  private subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly kind: PanelKind<M>,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** The open panel, if any. */
  get panel(): vscode.WebviewPanel | undefined {
    return this.current;
  }

  /** Opens the panel (or reveals it); returns whether it was newly created. */
  open(column: vscode.ViewColumn = vscode.ViewColumn.Active, preserveFocus = false): boolean {
    if (this.current) {
      this.current.reveal(undefined, preserveFocus);
      return false;
    }
    const panel = vscode.window.createWebviewPanel(
      this.kind.viewType,
      this.kind.title,
      { viewColumn: column, preserveFocus },
      panelOptions(this.extensionUri),
    );
    this.attach(panel);
    return true;
  }

  /** Takes over a panel (one restored after a window reload). */
  attach(panel: vscode.WebviewPanel): void {
    this.current = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'cert-path.svg');
    panel.webview.options = panelOptions(this.extensionUri);
    panel.webview.html = pageHtml(panel.webview, this.extensionUri, this.kind.script, this.kind.title);
    this.subscriptions = [
      panel.webview.onDidReceiveMessage((raw: unknown) => {
        // Every message is checked before use; anything else is ignored (and logged).
        const m = this.kind.parse(raw);
        if (m) void Promise.resolve(this.kind.onMessage(m)).catch((e: unknown) => console.error('Cert Path:', e));
        else
          console.warn(`Cert Path: ignored an unexpected message from a panel: ${JSON.stringify(raw)?.slice(0, 200)}`);
      }),
      panel.onDidDispose(() => {
        this.current = undefined;
        for (const d of this.subscriptions) d.dispose();
        this.subscriptions = [];
        this.kind.onClose?.();
      }),
    ];
  }

  /** Sends a message to the page (dropped when no panel is open). */
  post(message: unknown): void {
    void this.current?.webview.postMessage(message);
  }

  /** Sets the panel's title. */
  setTitle(title: string): void {
    if (this.current) this.current.title = title;
  }

  /** Closes the panel. */
  close(): void {
    this.current?.dispose();
  }

  dispose(): void {
    this.close();
    for (const d of this.subscriptions) d.dispose();
  }
}
