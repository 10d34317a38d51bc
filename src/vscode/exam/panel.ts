// The exam panel's page: a strict content security policy, the stylesheet and the webview script.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** Panel options: scripts on, only the extension's dist and media folders readable. */
export function examPanelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The page: everything it shows is built by dist/exam.js from the messages it receives. */
export function examPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'exam.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'exam.css'));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Cert Path Exam</title>
</head>
<body>
<div id="app" aria-live="off"><p>Loading the exam…</p></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
