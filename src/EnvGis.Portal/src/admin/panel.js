// The administrator's tab (the Department, Art. 4, 10, 11): accounts, units and their scopes, the
// layer catalogue and the account review, each in a collapsible section; details open in the drawer.

import * as adminApi from './api.js';
import { createReviewSection } from './accountreview.js';
import { createCatalogueSection } from './catalogue.js';
import { createUnitsSection } from './units.js';
import { createUsersSection } from './users.js';
import { h, replaceChildren } from '../core/dom.js';
import { t } from '../core/i18n.js';

export function createAdminPanel(container, ctx, { open = ['users'] } = {}) {
  let unitsPromise = null;
  const shared = {
    ...ctx,
    units: () => {
      unitsPromise ??= adminApi.listUnits().catch((error) => {
        unitsPromise = null;
        throw error;
      });
      return unitsPromise;
    },
    invalidateUnits: () => {
      unitsPromise = null;
    },
  };
  const section = (key, open) => {
    const body = h('div', { class: 'admin-body' });
    const details = h('details', { class: 'admin-section', open, dataset: { section: key } }, [h('summary', { text: t(`admin.section.${key}`) }), body]);
    return { details, body };
  };
  const users = section('users', open.includes('users'));
  const units = section('units', open.includes('units'));
  const catalogue = section('catalogue', open.includes('catalogue'));
  const review = section('review', open.includes('review'));
  replaceChildren(container, [users.details, units.details, catalogue.details, review.details]);
  createUsersSection(users.body, shared);
  createUnitsSection(units.body, shared);
  let catalogueLoaded = false;
  const loadCatalogue = () => {
    if (catalogue.details.open && !catalogueLoaded) {
      catalogueLoaded = true;
      createCatalogueSection(catalogue.body);
    }
  };
  catalogue.details.addEventListener('toggle', loadCatalogue);
  loadCatalogue();
  let reviewLoaded = false;
  const loadReview = () => {
    if (review.details.open && !reviewLoaded) {
      reviewLoaded = true;
      createReviewSection(review.body);
    }
  };
  review.details.addEventListener('toggle', loadReview);
  loadReview();
  return { destroy: () => container.replaceChildren() };
}
