// Chart geometry as plain numbers, so the webview only places SVG elements: the readiness bars per
// section and the line of mock scores with the pass line. Coordinates are in the viewBox's units.
import { BarChart, LineChart, MockPoint, SectionReadiness } from './types';

const W = 560;
const round1 = (n: number) => Math.round(n * 10) / 10;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A short date ("24 Nov", with the year when `withYear`) on a clock `utcOffsetMinutes` ahead of UTC. */
export function shortDate(at: number, utcOffsetMinutes = 0, withYear = false): string {
  const d = new Date(at + utcOffsetMinutes * 60_000);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${withYear ? ` ${d.getUTCFullYear()}` : ''}`;
}

/** Indexes of at most `max` labels spread over `n` points, always the first and the last. */
export function labelIndexes(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const step = (n - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => Math.round(i * step));
}

/** The mock scores over time: attempts evenly spaced in order, labelled by date, 0–100 % up the side. */
export function mockChart(mocks: readonly MockPoint[], passMark: number, utcOffsetMinutes = 0): LineChart {
  const [left, right, top, bottom] = [44, W - 16, 12, 184];
  const y = (p: number) => round1(bottom - (Math.min(100, Math.max(0, p)) / 100) * (bottom - top));
  const x = (i: number) =>
    round1(mocks.length === 1 ? (left + right) / 2 : left + (i * (right - left)) / (mocks.length - 1));
  const years = new Set(mocks.map((m) => new Date(m.at + utcOffsetMinutes * 60_000).getUTCFullYear()));
  const date = (at: number) => shortDate(at, utcOffsetMinutes, years.size > 1);
  const dots = mocks.map((m, i) => ({
    x: x(i),
    y: y(m.percent),
    passed: m.passed,
    label: `${date(m.at)}: ${m.percent} %`,
  }));
  const first = mocks[0];
  const last = mocks[mocks.length - 1];
  let ariaLabel = `Mock exam scores: no attempt yet; pass mark ${passMark} %.`;
  if (mocks.length === 1)
    ariaLabel = `Mock exam scores: one attempt, ${first.percent} % on ${date(first.at)}; pass mark ${passMark} %.`;
  else if (mocks.length > 1)
    ariaLabel = `Mock exam scores: ${mocks.length} attempts, from ${first.percent} % on ${date(first.at)} to ${last.percent} % on ${date(last.at)}; pass mark ${passMark} %.`;
  return {
    viewBox: `0 0 ${W} 220`,
    left,
    right,
    top,
    bottom,
    points: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    passY: y(passMark),
    passLabel: `pass ${passMark} %`,
    xTicks: labelIndexes(mocks.length, 6).map((i) => ({ at: x(i), label: date(mocks[i].at) })),
    yTicks: [0, 20, 40, 60, 80, 100].map((p) => ({ at: y(p), label: `${p} %` })),
    ariaLabel,
  };
}

/** One bar per section: its title above, the bar, its percent at the right, the pass mark across all. */
export function sectionBars(sections: readonly SectionReadiness[], passMark: number): BarChart {
  const [rowHeight, barHeight, trackWidth] = [44, 16, W - 72];
  const rows = sections.map((s, i) => ({
    id: s.id,
    label: s.title,
    labelY: i * rowHeight + 14,
    y: i * rowHeight + 20,
    height: barHeight,
    width: round1((Math.min(100, Math.max(0, s.percent)) / 100) * trackWidth),
    valueLabel: `${s.percent} %`,
    clears: s.percent >= passMark,
  }));
  const parts = sections.map((s) => `${s.title} ${s.percent} %`).join('; ');
  return {
    viewBox: `0 0 ${W} ${Math.max(1, sections.length) * rowHeight}`,
    trackWidth,
    valueX: trackWidth + 8,
    passX: round1((passMark / 100) * trackWidth),
    passLabel: `${passMark} %`,
    rows,
    ariaLabel: `Readiness by official exam section (pass mark ${passMark} %): ${parts || 'no sections'}.`,
  };
}
