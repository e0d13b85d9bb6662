// Print / export: the map as it is on screen, with a title, the legend of the layers shown, a scale
// bar and the attribution, as a PNG image or a PDF page (jsPDF, fetched when first used).

import { getPointResolution } from 'ol/proj.js';
import { h } from '../../core/dom.js';
import { localized, t } from '../../core/i18n.js';
import { button, labelled, message } from '../../core/ui.js';
import { ruleSwatch, hasLegend } from '../legend.js';
import { formatLength } from './units.js';

const MARGIN = 16;
const TITLE_HEIGHT = 44;
const LEGEND_WIDTH = 260;

/** A "nice" scale bar length (1, 2, 5 × 10^n metres) at most `maxMetres` (pure, unit tested). */
export function niceLength(maxMetres) {
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  return [5, 2, 1].map((f) => f * power).find((v) => v <= maxMetres) ?? power;
}

/** The map's layer canvases drawn into one canvas (as OpenLayers' export example does). */
function mapCanvas(map) {
  const size = map.getSize();
  const out = document.createElement('canvas');
  out.width = size[0];
  out.height = size[1];
  const context = out.getContext('2d');
  context.fillStyle = getComputedStyle(map.getTargetElement()).backgroundColor || '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  for (const canvas of map.getViewport().querySelectorAll('.ol-layer canvas, canvas.ol-layer')) {
    if (canvas.width === 0) {
      continue;
    }
    const opacity = canvas.parentNode.style.opacity || canvas.style.opacity;
    context.globalAlpha = opacity === '' ? 1 : Number(opacity);
    const match = canvas.style.transform.match(/^matrix\(([^(]*)\)$/);
    const matrix = match
      ? match[1].split(',').map(Number)
      : [parseFloat(canvas.style.width) / canvas.width, 0, 0, parseFloat(canvas.style.height) / canvas.height, 0, 0];
    context.setTransform(...matrix);
    context.drawImage(canvas, 0, 0);
  }
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalAlpha = 1;
  return out;
}

/**
 * The page: title, map, legend, scale bar, attribution.
 * @return {HTMLCanvasElement} Canvas.
 */
export function composeMap(map, { title, layers, catalogue, styles, attribution }) {
  const drawn = mapCanvas(map);
  const legendEntries = [...layers].filter(([name, layer]) => layer.getVisible() && styles?.get(name))
    .flatMap(([name]) => styles.get(name).rules.filter(hasLegend).map((rule) => ({ rule, text: `${localized(catalogue.get(name)?.title)}: ${localized(rule.title) || rule.name}` })));
  const page = document.createElement('canvas');
  page.width = drawn.width + LEGEND_WIDTH + 3 * MARGIN;
  page.height = Math.max(drawn.height, legendEntries.length * 22 + 30) + TITLE_HEIGHT + 3 * MARGIN + 20;
  const c = page.getContext('2d');
  c.fillStyle = '#ffffff';
  c.fillRect(0, 0, page.width, page.height);
  c.fillStyle = '#0b4f6c';
  c.font = 'bold 22px "Noto Sans", "DejaVu Sans", sans-serif';
  c.fillText(title, MARGIN, MARGIN + 24);
  const top = TITLE_HEIGHT + MARGIN;
  c.drawImage(drawn, MARGIN, top);
  c.strokeStyle = '#5b6b76';
  c.strokeRect(MARGIN, top, drawn.width, drawn.height);

  // Legend.
  const x = drawn.width + 2 * MARGIN;
  c.fillStyle = '#1d2a33';
  c.font = 'bold 14px "Noto Sans", "DejaVu Sans", sans-serif';
  c.fillText(t('legend'), x, top + 14);
  c.font = '12px "Noto Sans", "DejaVu Sans", sans-serif';
  legendEntries.forEach(({ rule, text }, i) => {
    const y = top + 28 + i * 22;
    c.drawImage(ruleSwatch(rule), x, y);
    c.fillText(text.length > 34 ? `${text.slice(0, 33)}…` : text, x + 30, y + 13, LEGEND_WIDTH - 30);
  });

  // Scale bar at the bottom left of the map.
  const view = map.getView();
  const metresPerPixel = getPointResolution(view.getProjection(), view.getResolution(), view.getCenter(), 'm');
  const length = niceLength(metresPerPixel * 150);
  const pixels = length / metresPerPixel;
  const sy = top + drawn.height - 16;
  c.fillStyle = 'rgba(255, 255, 255, 0.85)';
  c.fillRect(MARGIN + 6, sy - 18, pixels + 70, 26);
  c.fillStyle = '#1d2a33';
  c.fillRect(MARGIN + 12, sy, pixels, 4);
  c.fillText(formatLength(length), MARGIN + 18 + pixels, sy + 5);

  // Attribution and the citation rule under the map.
  c.font = '12px "Noto Sans", "DejaVu Sans", sans-serif';
  c.fillText(`${t('mapData')} ${attribution}`, MARGIN, top + drawn.height + 16);
  return page;
}

function download(href, name) {
  const link = h('a', { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

/** Opens the export dialog. */
export function openExportDialog(map, base) {
  const dialog = h('dialog', { class: 'modal export', 'aria-labelledby': 'export-title' });
  const title = h('input', { name: 'title', value: t('appTitle'), maxlength: '120' });
  const format = h('select', { name: 'format' }, [h('option', { value: 'png', text: 'PNG' }), h('option', { value: 'pdf', text: 'PDF' })]);
  const note = h('p', { class: 'message', hidden: true });
  const close = () => {
    dialog.close();
    dialog.remove();
  };
  const go = async () => {
    message(note, t('tools.exporting'), 'info');
    await new Promise((resolve) => {
      map.once('rendercomplete', resolve);
      map.renderSync();
    });
    const page = composeMap(map, { title: title.value.trim() || t('appTitle'), layers: base.layers, catalogue: base.catalogue, styles: base.styles, attribution: base.config.attribution });
    const stamp = new Date().toISOString().slice(0, 10);
    if (format.value === 'pdf') {
      const { jsPDF } = await import('jspdf');
      const pdf = new jsPDF({ orientation: page.width > page.height ? 'landscape' : 'portrait', unit: 'px', format: [page.width, page.height], hotfixes: ['px_scaling'] });
      pdf.addImage(page, 'PNG', 0, 0, page.width, page.height);
      const blob = pdf.output('blob');
      document.body.dataset.exported = `pdf:${blob.size}`;
      download(URL.createObjectURL(blob), `envgis-${stamp}.pdf`);
    } else {
      const blob = await new Promise((resolve) => page.toBlob(resolve, 'image/png'));
      document.body.dataset.exported = `png:${blob.size}`;
      download(URL.createObjectURL(blob), `envgis-${stamp}.png`);
    }
    close();
  };
  dialog.append(
    h('h2', { id: 'export-title', text: t('tools.exportTitle') }),
    h('p', { class: 'field-hint', text: t('tools.exportHint') }),
    labelled(t('tools.exportMapTitle'), title),
    labelled(t('tools.exportFormat'), format),
    note,
    h('div', { class: 'actions' }, [button('cancel', close), button('tools.exportGo', go, { kind: 'primary' })]),
  );
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    close();
  });
  document.body.append(dialog);
  dialog.showModal();
}
