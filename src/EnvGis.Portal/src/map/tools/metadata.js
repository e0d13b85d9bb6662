// A layer's metadata page (from the catalogue today): title, abstract, Article 5 category, geometry,
// attribution, licence, the citation rule, its attributes; the downloads (GeoPackage, Shapefile,
// GeoJSON, CSV, KML, GML) and service links (including the ISO 19139 record and CSW), and the OGC API
// collection page of the layer.

import { h } from '../../core/dom.js';
import { openDrawer } from '../../core/drawer.js';
import { localized, t } from '../../core/i18n.js';
import { definitions } from '../../core/ui.js';
import { DOWNLOAD_FORMATS, serviceLinks } from '../downloads.js';

/** The licence of a layer's data, from its attribution (the catalogue has no licence field yet). */
export function licenceOf(attribution) {
  return /openstreetmap/i.test(attribution ?? '') ? 'ODbL 1.0' : null;
}

async function copy(text, note) {
  try {
    await navigator.clipboard.writeText(text);
    note.textContent = t('meta.copied');
  } catch {
    note.textContent = text;
  }
  note.hidden = false;
  document.body.dataset.copied = text;
}

/**
 * @param {Object} entry Catalogue layer.
 * @param {Array<Object>} categories Categories.
 */
export function openMetadata(entry, categories) {
  const category = categories.find((c) => c.id === entry.category);
  const note = h('p', { class: 'message ok', hidden: true, role: 'status' });
  const licence = licenceOf(entry.attribution);
  const links = serviceLinks(entry.name, document.baseURI);
  openDrawer(localized(entry.title), [
    h('p', { class: 'meta-abstract', text: localized(entry.abstract) }),
    definitions([
      [t('meta.name'), entry.name],
      [t('meta.category'), `${entry.category}. ${localized(category?.title)}`],
      [t('meta.geometry'), t(`meta.geometry.${entry.geometryType}`)],
      [t('meta.attribution'), entry.attribution || t('meta.attributionDefault')],
      [t('meta.licence'), licence ?? t('meta.licenceDefault')],
      [t('citation'), t('citeRule')],
    ]),
    h('h3', { text: t('meta.attributes') }),
    h('ul', { class: 'plain meta-attributes' }, (entry.attributes ?? []).map((a) =>
      h('li', { text: `${localized(a.label) || a.name} (${a.name}, ${a.type})` }))),
    h('h3', { text: t('meta.download') }),
    h('p', { class: 'meta-download-note', text: t('meta.downloadNote') }),
    h('ul', { class: 'plain meta-downloads' }, DOWNLOAD_FORMATS.map((format) => h('li', {}, [
      h('a', { href: new URL(format.path(entry.name), document.baseURI).href, download: `${entry.name}.${format.extension}`, dataset: { format: format.id }, text: format.label }),
    ]))),
    h('h3', { text: t('meta.services') }),
    h('ul', { class: 'plain meta-links' }, links.map((link) => h('li', { dataset: { link: link.id } }, [
      h('a', { href: link.url, text: link.label, rel: 'noopener' }),
      ' ',
      h('button', { type: 'button', class: 'btn small', dataset: { copy: link.id }, text: t('meta.copy'), onclick: () => copy(link.url, note) }),
    ]))),
    note,
  ], null, 'metadata');
}
