import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartValues, type ReportView } from './report-view.js';

interface ReportChartProps {
  readonly view: ReportView;
  /** What each row is called on the x axis. */
  readonly labels: readonly string[];
  /** One per amount column. */
  readonly series: readonly ChartSeries[];
  readonly locale: string;
}

export interface ChartSeries {
  readonly label: string;
  /** A CSS custom property of styles.css, so the chart follows light and dark themes. */
  readonly colour: '--accent' | '--in' | '--out';
  readonly shape: 'bars' | 'line';
}

const HEIGHT = 260;
const AXIS_FONT = '12px system-ui, sans-serif';
/** The least room between two month labels under the chart. */
const TICK_GAP = 8;

/** One canvas measures every label: making one per label made each drawing of the chart slower. */
let measuring: CanvasRenderingContext2D | null | undefined;

/** How wide a text is in the axis font, in CSS pixels: the y axis is made as wide as its widest label. */
function textWidth(text: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return text.length * 8;
  measuring.font = AXIS_FONT;
  return measuring.measureText(text).width;
}

/**
 * Writes the x axis's labels as text under the chart, each centred under its month: every month
 * when they fit, else every second, third… from the first, the smallest step at which no two touch
 * and none reaches past the chart's edge — so on a narrow phone no two names overlap.
 */
function placeLabels(plot: uPlot, into: HTMLElement, labels: readonly string[]): void {
  const width = into.clientWidth;
  const left = plot.bbox.left / devicePixelRatio;
  const ticks = labels.map((label) => {
    const tick = document.createElement('span');
    tick.className = 'report-chart__label';
    tick.dataset.testid = 'report-chart-label';
    tick.textContent = label;
    return tick;
  });
  into.replaceChildren(...ticks);
  const placed = ticks.map((tick, index) => {
    const size = tick.offsetWidth;
    const start = Math.min(Math.max(0, left + plot.valToPos(index, 'x') - size / 2), width - size);
    return { tick, start, end: start + size };
  });
  const fits = (step: number): boolean =>
    placed.every(
      (label, index) =>
        index % step !== 0 ||
        (label.start >= 0 && (index < step || label.start >= (placed[index - step]?.end ?? 0) + TICK_GAP)),
    );
  let step = 1;
  while (step < placed.length && !fits(step)) step += 1;
  for (const [index, label] of placed.entries()) {
    if (index % step === 0 && label.start >= 0) label.tick.style.left = `${label.start}px`;
    else label.tick.remove();
  }
}

/**
 * The picture of a report over months, drawn on a canvas by uPlot, with the months named in text
 * under it. Hidden from assistive technology: the table beside it holds the same numbers.
 */
export function ReportChart({ view, labels, series, locale }: ReportChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const labelBox = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = box.current;
    const labelRow = labelBox.current;
    if (!element || !labelRow) return;
    const style = getComputedStyle(element);
    const axisFormat = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: view.currency,
      notation: 'compact',
      maximumFractionDigits: 1,
    });
    const x = view.rows.map((_, index) => index);
    const bars = uPlot.paths.bars;
    const grouped = series.filter((item) => item.shape === 'bars').length;
    const axis = {
      stroke: style.getPropertyValue('--muted'),
      grid: { stroke: style.getPropertyValue('--line') },
      ticks: { show: false },
      font: AXIS_FONT,
    };
    const options: uPlot.Options = {
      width: element.clientWidth,
      height: HEIGHT,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: { x: { time: false, range: (_, min, max) => [min - 0.5, max + 0.5] } },
      axes: [
        // The months are named in text under the chart (placeLabels), so they can be measured and thinned.
        { ...axis, splits: () => x, values: (_, splits) => splits.map(() => ''), size: 4 },
        {
          ...axis,
          values: (_, splits) => splits.map((split) => axisFormat.format(split)),
          size: (_, values) => Math.ceil(Math.max(24, ...(values ?? []).map(textWidth))) + 14,
        },
      ],
      hooks: { draw: [(plot) => placeLabels(plot, labelRow, labels)] },
      series: [
        {},
        ...series.map((item, index) => {
          const colour = style.getPropertyValue(item.colour);
          const align = grouped < 2 ? 0 : index === 0 ? -1 : 1;
          return item.shape === 'bars'
            ? {
                label: item.label,
                fill: colour,
                stroke: colour,
                ...(bars && { paths: bars({ size: [grouped < 2 ? 0.6 : 0.35, 64], align }) }),
              }
            : { label: item.label, stroke: colour, width: 2, points: { show: true, size: 6, fill: colour } };
        }),
      ],
    };
    const plot = new uPlot(options, [x, ...chartValues(view)], element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [view, labels, series, locale]);

  return (
    <div aria-hidden="true" data-testid="report-chart">
      <div ref={box} className="report-chart" />
      <div ref={labelBox} className="report-chart__labels" />
    </div>
  );
}
