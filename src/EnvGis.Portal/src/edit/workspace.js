// Signed-in work next to the public map: tabs in the side panel for editing, the approver's queue
// and administration, shown only when the account's role and scope allow them; the user's scope on
// the map; record actions in the feature popup; everything torn down at sign-out.

import { closeDrawer } from '../core/drawer.js';
import { createAdminPanel } from '../admin/panel.js';
import { createReportsPanel } from '../reports/panel.js';
import { createEditPanel } from './editpanel.js';
import { showHistory } from './historyview.js';
import { onLanguageChange, t } from '../core/i18n.js';
import { createReviewPanel } from './review.js';
import { loadScope } from './scope.js';
import { account, capabilities } from '../account/session.js';
import { recordActions } from '../account/permissions.js';
import { createEditLayers } from './editlayers.js';
import { button } from '../core/ui.js';

const TABS = ['layers', 'edit', 'review', 'admin', 'reports'];

/**
 * @param {Object} base map, catalogue (Map name → entry), categories, layers (tile layers by name), editLayers.
 * @return {{popupActions: function(Object, Object): Array<Node>, panels: function(): Object}} Hooks.
 */
export function setUpWorkspace(shared) {
  // The editing layers (scope, snapping, the shape being edited, problems, comparisons) exist only
  // once someone signs in: the public map never loads their code.
  const base = { ...shared, editLayers: createEditLayers(shared.map) };
  const tabs = new Map(TABS.map((name) => [name, document.getElementById(`tab-${name}`)]));
  const panels = new Map(TABS.map((name) => [name, document.getElementById(`tabpanel-${name}`)]));
  const tabBar = document.getElementById('panel-tabs');
  let live = {};
  let ctx = null;

  const select = (name) => {
    for (const tabName of TABS) {
      const active = tabName === name;
      tabs.get(tabName).setAttribute('aria-selected', String(active));
      tabs.get(tabName).tabIndex = active ? 0 : -1;
      panels.get(tabName).hidden = !active;
    }
    document.body.dataset.tab = name;
  };
  for (const [name, tab] of tabs) {
    tab.addEventListener('click', () => select(name));
    tab.addEventListener('keydown', (event) => {
      const visible = TABS.filter((n) => !tabs.get(n).hidden);
      const index = visible.indexOf(name);
      const next = event.key === 'ArrowRight' ? visible[(index + 1) % visible.length]
        : event.key === 'ArrowLeft' ? visible[(index - 1 + visible.length) % visible.length] : null;
      if (next) {
        event.preventDefault();
        select(next);
        tabs.get(next).focus();
      }
    });
  }

  const refreshLayer = (name) => base.layers.get(name)?.getSource()?.refresh();

  function teardown() {
    Object.values(live).forEach((panel) => panel?.destroy?.());
    live = {};
    closeDrawer();
    base.editLayers.setScope([]);
    base.editLayers.showCompare([]);
    base.editLayers.showProblems([], null);
    base.editLayers.setSnapLayer(null);
    for (const name of ['edit', 'review', 'admin', 'reports']) {
      tabs.get(name).hidden = true;
      panels.get(name).replaceChildren();
    }
  }

  async function build(acc) {
    teardown();
    if (!acc) {
      tabBar.hidden = true;
      select('layers');
      delete document.body.dataset.user;
      return;
    }
    const caps = capabilities(acc);
    const scope = await loadScope(acc).catch(() => ({ wholeCity: false, none: false, features: [], polygons: [], names: [] }));
    if (account()?.userName !== acc.userName) {
      return;
    }
    base.editLayers.setScope(scope.features.map((f) => f.geometry));
    ctx = {
      ...base,
      account: acc,
      capabilities: caps,
      scope,
      refreshLayer,
      ownScopeGeometries: () => scope.features.map((f) => f.geometry),
      showHistory: (layer, id) => showHistory(ctx, layer, id),
      onRestored: () => live.edit?.refresh(),
    };
    tabBar.hidden = false;
    if (caps.edit) {
      tabs.get('edit').hidden = false;
      live.edit = createEditPanel(panels.get('edit'), ctx);
    }
    if (caps.review) {
      tabs.get('review').hidden = false;
      live.review = createReviewPanel(panels.get('review'), ctx);
    }
    if (caps.admin) {
      tabs.get('admin').hidden = false;
      live.admin = createAdminPanel(panels.get('admin'), ctx);
    }
    // Reports (docs/operations.md): every signed-in account has its part (obligations, board, statistics, enterprise reports).
    tabs.get('reports').hidden = false;
    live.reports = createReportsPanel(panels.get('reports'), ctx);
    // Approvers start with their queue, editors with editing, the administrator with administration.
    const first = caps.admin ? 'admin' : caps.review && acc.role === 'approver' ? 'review' : caps.edit ? 'edit' : caps.review ? 'review'
      : acc.role === 'reporter' ? 'reports' : 'layers';
    select(first);
    document.body.dataset.user = acc.userName;
  }

  onLanguageChange(() => {
    if (live.admin && ctx) {
      // Rebuilt in the new language with the same sections open.
      const open = [...panels.get('admin').querySelectorAll('details[open]')].map((d) => d.dataset.section);
      live.admin.destroy();
      live.admin = createAdminPanel(panels.get('admin'), ctx, { open });
    }
    if (live.reports && ctx) {
      live.reports.destroy();
      live.reports = createReportsPanel(panels.get('reports'), ctx);
    }
  });
  select('layers');

  return {
    /** Buttons in the feature card for signed-in users: only what the server allows on this record. */
    popupActions(entry, feature) {
      const id = Number(feature.getId());
      if (!ctx || !Number.isInteger(id) || !account()) {
        return [];
      }
      const status = feature.get('status');
      // Tiles do not carry the owner: what a unit sees unpublished is its own; published records are checked by the server.
      const owner = feature.get('owner_unit') ?? (status !== 'published' || ctx.capabilities.layers.includes(entry.name) ? ctx.account.unit.code : null);
      const allowed = recordActions(ctx.account, entry.name, { status, owner_unit: owner });
      const actions = [];
      if (allowed.edit && live.edit) {
        actions.push(button(allowed.edit === 'propose' ? 'edit.propose' : 'edit.edit', () => {
          select('edit');
          live.edit.editRecord(entry.name, id);
        }, { kind: 'small', title: allowed.edit === 'propose' ? t('edit.proposeHint') : null }));
      }
      if (allowed.history) {
        actions.push(button('edit.history', () => ctx.showHistory(entry.name, id), { kind: 'small' }));
      }
      return actions;
    },
    build(acc) {
      document.body.dataset.workspace = 'building';
      return build(acc).finally(() => {
        document.body.dataset.workspace = 'ready';
      });
    },
    editLayers: base.editLayers,
    panels: () => live,
    select,
    tabTitle: (name) => t(`tab.${name}`),
  };
}
