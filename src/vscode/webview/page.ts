// The page every Cert Path webview loads: a strict content security policy (no inline script or
// style, scripts only with this page's nonce), the shared and the page's own stylesheet, and the
// page's script, which builds everything it shows from the messages it receives.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** Panel options: scripts on, only the extension's dist and media folders readable. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The page loading `dist/<script>.js` with `media/webview.css` and `media/<script>.css`. */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri, script: string, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const uri = (...parts: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts));
  const escaped = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${uri('media', 'webview.css')}">
<link rel="stylesheet" href="${uri('media', `${script}.css`)}">
<title>${escaped}</title>
</head>
<body>
<div id="app" aria-live="off"><p>Loading…</p></div>
<script nonce="${nonce}" src="${uri('dist', `${script}.js`)}"></script>
</body>
</html>`;
}
