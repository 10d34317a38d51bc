// The dashboard's charts as SVG, placed from the geometry core computed (src/core/readiness/chart.ts).
// Elements are made with createElementNS and text set with textContent; colours come from classes in
// media/readiness.css, which take them from the VS Code theme.
import type { BarChart, LineChart } from '../../core/readiness/types';

const NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and children (strings become text nodes). */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | undefined> = {},
  ...children: (Node | string | null)[]
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, String(v));
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

/** The outer element of a chart: an image to assistive technology, named by its label. */
function frame(viewBox: string, label: string, className: string, ...children: SVGElement[]): SVGSVGElement {
  return svg(
    'svg',
    { viewBox, role: 'img', 'aria-label': label, class: `chart ${className}`, preserveAspectRatio: 'xMinYMin meet' },
    svg('title', {}, label),
    ...children,
  );
}

/** The readiness bars: a track and a filled part per section, its percent, the pass mark as a line. */
export function barChart(chart: BarChart): SVGSVGElement {
  const height = Number(chart.viewBox.split(' ')[3]);
  const rows = chart.rows.flatMap((r) => [
    svg('text', { x: 0, y: r.labelY, class: 'label' }, r.label),
    svg('rect', { x: 0, y: r.y, width: chart.trackWidth, height: r.height, class: 'track', rx: 2 }),
    svg('rect', {
      x: 0,
      y: r.y,
      width: r.width,
      height: r.height,
      class: `fill ${r.clears ? 'clears' : 'short'}`,
      rx: 2,
    }),
    svg('text', { x: chart.valueX, y: r.y + r.height - 3, class: 'value' }, r.valueLabel),
  ]);
  const pass = svg('line', { x1: chart.passX, x2: chart.passX, y1: 0, y2: height, class: 'pass' });
  return frame(chart.viewBox, chart.ariaLabel, 'bars', ...rows, pass);
}

function axes(chart: LineChart): SVGElement[] {
  const grid = chart.yTicks.flatMap((t) => [
    svg('line', { x1: chart.left, x2: chart.right, y1: t.at, y2: t.at, class: 'grid' }),
    svg('text', { x: chart.left - 6, y: t.at + 4, class: 'tick', 'text-anchor': 'end' }, t.label),
  ]);
  const dates = chart.xTicks.map((t) =>
    svg('text', { x: t.at, y: chart.bottom + 18, class: 'tick', 'text-anchor': 'middle' }, t.label),
  );
  return [...grid, ...dates];
}

/** The mock scores over time with the pass line; each attempt a dot with its date and score. */
export function lineChart(chart: LineChart): SVGSVGElement {
  const pass = [
    svg('line', { x1: chart.left, x2: chart.right, y1: chart.passY, y2: chart.passY, class: 'pass' }),
    svg('text', { x: chart.right, y: chart.passY - 5, class: 'pass-label', 'text-anchor': 'end' }, chart.passLabel),
  ];
  const data: SVGElement[] = chart.dots.length
    ? [
        svg('polyline', { points: chart.points, class: 'line' }),
        ...chart.dots.map((d) =>
          svg(
            'circle',
            { cx: d.x, cy: d.y, r: 4, class: d.passed ? 'dot passed' : 'dot failed' },
            svg('title', {}, d.label),
          ),
        ),
      ]
    : [
        svg(
          'text',
          {
            x: (chart.left + chart.right) / 2,
            y: (chart.top + chart.bottom) / 2,
            class: 'empty',
            'text-anchor': 'middle',
          },
          'No mock exam yet',
        ),
      ];
  return frame(chart.viewBox, chart.ariaLabel, 'line-chart', ...axes(chart), ...pass, ...data);
}
