// The public map's search box: records by name (GET /api/search, which only ever returns what the
// visitor may read). A hit turns its layer on and zooms to it. Names are untrusted: textContent only.

import { transformExtent } from 'ol/proj.js';
import { h, replaceChildren } from '../core/dom.js';
import { localized, onLanguageChange, t } from '../core/i18n.js';
import { request } from '../core/http.js';

const MIN_LENGTH = 2;
const DELAY_MS = 300;

/** The search request's path for a text (null when too short to search). */
export function searchPath(text) {
  const q = String(text ?? '').trim();
  return q.length < MIN_LENGTH ? null : `api/search?q=${encodeURIComponent(q.slice(0, 100))}`;
}

/**
 * Adds the search box.
 * @param {HTMLElement} container Where it goes.
 * @param {{map: import('ol/Map.js').default, catalogue: Map<string, Object>}} ctx The map and the catalogue by layer name.
 */
export function setUpSearch(container, { map, catalogue, popup }) {
  const input = h('input', { type: 'search', id: 'search-input', name: 'q', autocomplete: 'off', maxlength: '100' });
  const label = h('label', { for: 'search-input', class: 'visually-hidden' });
  const submit = h('button', { type: 'submit', class: 'btn small' });
  const results = h('ul', { class: 'search-results', dataset: { testid: 'search-results' } });
  const note = h('p', { class: 'field-hint', role: 'status', hidden: true });
  const form = h('form', { class: 'search', role: 'search' }, [label, h('div', { class: 'search-row' }, [input, submit]), h('div', { class: 'search-popover' }, [note, results])]);
  let timer = null;
  let asked = 0;

  function texts() {
    label.textContent = t('search.label');
    input.placeholder = t('search.placeholder');
    submit.textContent = t('search.go');
  }

  async function run() {
    const path = searchPath(input.value);
    const ticket = ++asked;
    if (!path) {
      replaceChildren(results, []);
      note.hidden = true;
      return;
    }
    let answer;
    try {
      answer = await request('GET', path, { retry: false });
    } catch {
      answer = null;
    }
    if (ticket !== asked) {
      return; // a newer search is under way
    }
    const hits = answer?.results ?? [];
    note.hidden = hits.length > 0;
    note.textContent = answer ? t('search.none') : t('search.failed');
    replaceChildren(results, hits.map((hit) => h('li', {}, [
      h('button', {
        type: 'button',
        class: 'search-hit',
        dataset: { feature: hit.featureId },
        onclick: () => show(hit),
      }, [
        h('span', { class: 'search-label', text: hit.label }),
        h('span', { class: 'search-layer', text: localized(catalogue.get(hit.layer)?.title) || hit.layer }),
      ]),
    ])));
    document.body.dataset.searchResults = String(hits.length);
  }

  function show(hit) {
    const box = document.querySelector(`li.layer[data-layer="${CSS.escape(hit.layer)}"] input[type=checkbox]`);
    if (box && !box.checked) {
      box.click();
    }
    const extent = transformExtent(hit.bbox, 'EPSG:4326', map.getView().getProjection());
    map.getView().fit(extent, { padding: [60, 60, 60, 60], maxZoom: 17, duration: 300 });
    replaceChildren(results, []);
    popup?.openRecord(hit.layer, hit.id).catch(() => {});
    document.body.dataset.searchShown = hit.featureId;
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DELAY_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  onLanguageChange(() => {
    texts();
    if (results.childElementCount) {
      run();
    }
  });
  texts();
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      replaceChildren(results, []);
      note.hidden = true;
    }
  });
  container.replaceChildren(form);
}
