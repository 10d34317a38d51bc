// The readiness dashboard's webview: shows what the extension sends and reports the learner's
// choices back. The extension sends a new view whenever checks or exams finish, so a re-render keeps
// the certification shown, the open disclosures and the focus. Everything shown is built from data
// with textContent (../dom.ts and ./charts.ts); nothing is parsed as HTML.
import type { ReadinessView } from '../../core/readiness/types';
import { vscodeApi } from '../dom';
import { PageActions, renderPage } from './page';
import type { FromReadiness, ToReadiness } from './protocol';

const root = document.getElementById('app')!;
let view: ReadinessView | undefined;
// Kept across reloads of the page: the certification shown, and the one the extension last asked for.
const saved = vscodeApi.getState() as { cert?: unknown; asked?: unknown } | undefined;
let shown: string | undefined = typeof saved?.cert === 'string' ? saved.cert : undefined;
let asked: string | undefined = typeof saved?.asked === 'string' ? saved.asked : undefined;

function send(message: FromReadiness): void {
  vscodeApi.postMessage(message);
}

/** Renders again, keeping open disclosures and the focused element (both found by id). */
function render(focus?: string): void {
  if (!view) return;
  const open = [...root.querySelectorAll('details[open]')].map((d) => d.id).filter(Boolean);
  const active = focus ?? (document.activeElement instanceof HTMLElement ? document.activeElement.id : '');
  renderPage(root, view, shown ?? view.selected, actions);
  for (const id of open) document.getElementById(id)?.setAttribute('open', '');
  if (active) document.getElementById(active)?.focus();
}

const actions: PageActions = {
  select(cert) {
    shown = cert;
    vscodeApi.setState({ cert, asked });
    render(`cert-${cert}`);
  },
  nextStep: (cert) => send({ type: 'nextStep', cert }),
  review: (cert) => send({ type: 'review', cert }),
  openTopic: (cert, topic) => send({ type: 'openTopic', cert, topic }),
};

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as Partial<ToReadiness> | undefined;
  if (message?.type !== 'show' || !message.view) return;
  const next = message.view;
  // A new request for a certification (its context menu) switches to it; a live update keeps the learner's choice.
  if (next.selected !== asked || !next.certs.some((c) => c.id === shown)) {
    shown = next.selected;
    asked = next.selected;
    vscodeApi.setState({ cert: shown, asked });
  }
  view = next;
  render();
});

send({ type: 'ready' });
