// A panel over the right side of the map for one piece of work at a time (a record's history, a
// record under review): a title, a close button, the content.

import { h, replaceChildren } from './dom.js';
import { t } from './i18n.js';

let element = null;
let onClose = null;

function ensure() {
  if (!element) {
    element = h('aside', { id: 'drawer', class: 'drawer', hidden: true, 'aria-labelledby': 'drawer-title', tabindex: '-1' });
    document.querySelector('.layout').appendChild(element);
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        closeDrawer();
      }
    });
  }
  return element;
}

/**
 * Shows content in the drawer (replacing what was there).
 * @param {string} title Title.
 * @param {Array<Node>} content Content.
 * @param {?function(): void} [closed] Called when the drawer closes.
 * @param {string} [name] data-drawer name for tests.
 */
export function openDrawer(title, content, closed = null, name = '') {
  const drawer = ensure();
  const previous = onClose;
  onClose = null;
  previous?.();
  onClose = closed;
  drawer.dataset.drawer = name;
  replaceChildren(drawer, [
    h('div', { class: 'drawer-head' }, [
      h('h2', { id: 'drawer-title', text: title }),
      h('button', { type: 'button', class: 'drawer-close', 'aria-label': t('close'), title: t('close'), text: '×', onclick: closeDrawer }),
    ]),
    h('div', { class: 'drawer-body' }, content),
  ]);
  drawer.hidden = false;
  drawer.focus({ preventScroll: true });
}

export function closeDrawer() {
  if (element) {
    element.hidden = true;
    element.replaceChildren();
  }
  const callback = onClose;
  onClose = null;
  callback?.();
}

/** Fits the map view to an extent in the part of the map the drawer leaves visible. */
export function fitBesideDrawer(map, extent) {
  const covered = element && !element.hidden ? element.offsetWidth : 0;
  const mapWidth = map.getSize()?.[0] ?? 0;
  const right = covered && covered < mapWidth - 120 ? covered + 40 : 40;
  map.getView().fit(extent, { padding: [60, right, 60, 40], maxZoom: 16 });
}
