// The citation footer and the "About" dialog: how to cite the source (Art. 3.5), why the data is
// public (Art. 8) and the licence of the base data (© OpenStreetMap contributors).

import { h, replaceChildren } from '../core/dom.js';
import { localized, onLanguageChange, t } from '../core/i18n.js';

/**
 * Fills the footer and the about dialog and keeps them in the current language.
 * @param {Object} config Portal config (`/api/portal/config`).
 */
export function setUpAbout(config) {
  const citation = document.getElementById('footer-citation');
  const dialog = /** @type {HTMLDialogElement} */ (document.getElementById('about'));
  const body = document.getElementById('about-body');
  const openButton = document.getElementById('about-open');

  const render = () => {
    replaceChildren(citation, [localized(config.citation)]);
    replaceChildren(body, [
      h('p', { text: t('aboutText') }),
      h('p', { text: t('citeRule') }),
      h('blockquote', { class: 'citation', text: localized(config.citation) }),
      h('p', { text: t('noCommercialUse') }),
      config.attribution ? h('p', {}, [h('strong', { text: t('mapData') }), ' ', config.attribution]) : null,
    ]);
  };
  render();
  onLanguageChange(render);

  openButton.addEventListener('click', () => dialog.showModal());
  dialog.addEventListener('click', (event) => {
    // A click on the backdrop closes the dialog.
    if (event.target === dialog) {
      dialog.close();
    }
  });
}
