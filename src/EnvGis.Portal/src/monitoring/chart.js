// The station chart with uPlot: one series over time, the applicable limit as a dashed red line, hours
// with calibrating or fault readings shaded. Sizes fit the popup; no uPlot CSS is needed (no legend,
// cursor points only), so nothing is injected into the page.

import uPlot from 'uplot';
import { flaggedRanges } from './series.js';

const WIDTH = 300;
const HEIGHT = 170;

/**
 * Draws a chart into `target` (replacing what was there).
 * @param {HTMLElement} target Container.
 * @param {Object} data `{times: number[] (Unix s), values: (number|null)[], unit, label, limit: number|null, flagged: [[s, e]], colour}`.
 * @return {uPlot} The chart.
 */
export function drawChart(target, data) {
  target.replaceChildren();
  const { times, values, limit, flagged } = data;
  const finite = values.filter((v) => v !== null && Number.isFinite(v));
  const top = Math.max(limit ?? 0, ...finite, 1) * 1.1;
  const options = {
    width: WIDTH,
    height: HEIGHT,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true }, y: { range: [0, top] } },
    axes: [
      { size: 28, font: '10px sans-serif', stroke: '#444' },
      { size: 40, font: '10px sans-serif', stroke: '#444', label: data.unit || undefined, labelSize: 12, labelFont: '10px sans-serif' },
    ],
    series: [{}, { label: data.label, stroke: data.colour ?? '#1f5fa8', width: 1.5, points: { size: 3 }, spanGaps: false }],
    hooks: {
      drawAxes: [
        (u) => {
          // Calibrating / fault hours behind the line.
          const { ctx } = u;
          ctx.save();
          ctx.fillStyle = 'rgba(120, 120, 120, 0.25)';
          for (const [start, end] of flagged) {
            const x0 = u.valToPos(start, 'x', true);
            const x1 = u.valToPos(end, 'x', true);
            ctx.fillRect(x0, u.bbox.top, Math.max(1, x1 - x0), u.bbox.height);
          }
          ctx.restore();
        },
      ],
      draw: [
        (u) => {
          if (limit === null || limit === undefined) {
            return;
          }
          const { ctx } = u;
          const y = u.valToPos(limit, 'y', true);
          ctx.save();
          ctx.strokeStyle = '#d00000';
          ctx.lineWidth = 1.5 * devicePixelRatio;
          ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
          ctx.beginPath();
          ctx.moveTo(u.bbox.left, y);
          ctx.lineTo(u.bbox.left + u.bbox.width, y);
          ctx.stroke();
          ctx.restore();
        },
      ],
    },
  };
  return new uPlot(options, [times, values], target);
}

export { flaggedRanges };
