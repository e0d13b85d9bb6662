// The account review report (Art. 11.1d): accounts never used, unused for long, without a named
// holder, expired tokens; and the sign-in log.

import * as admin from './api.js';
import { h, replaceChildren } from '../core/dom.js';
import { formatValue } from '../core/format.js';
import { t } from '../core/i18n.js';
import { button, describeError } from '../core/ui.js';

const when = (value) => (value ? formatValue(value, 'datetime') : '—');

export function createReviewSection(container) {
  const body = h('div');
  async function load() {
    replaceChildren(body, [h('p', { class: 'field-hint', text: t('loading') })]);
    try {
      const [report, signIns] = await Promise.all([admin.accountReview(), admin.signIns(null, 50)]);
      const accounts = (key, rows) => h('section', { class: 'report-part', dataset: { part: key } }, [
        h('h4', { text: `${t(`review.${key}`)} (${rows.length})` }),
        rows.length ? h('ul', { class: 'plain' }, rows.map((a) => h('li', { text: `${a.userName} · ${t(`role.${a.role}`)} · ${a.unitCode} · ${t('admin.lastUsed')}: ${when(a.lastUsedAt)}${a.disabled ? ` · ${t('admin.disabled')}` : ''}` })))
          : h('p', { class: 'field-hint', text: t('admin.none') }),
      ]);
      replaceChildren(body, [
        h('p', { class: 'field-hint', text: t('admin.reviewAt', { at: when(report.at) }) }),
        accounts('neverUsed', report.neverUsed),
        accounts('unused', report.unused),
        accounts('noNamedHolder', report.noNamedHolder),
        h('section', { class: 'report-part', dataset: { part: 'expiredTokens' } }, [
          h('h4', { text: `${t('review.expiredTokens')} (${report.expiredTokens.length})` }),
          report.expiredTokens.length ? h('ul', { class: 'plain' }, report.expiredTokens.map((x) => h('li', { text: `${x.userName} · ${x.name} (${x.prefix}…) · ${when(x.expiresAt)}` })))
            : h('p', { class: 'field-hint', text: t('admin.none') }),
        ]),
        h('h4', { text: t('admin.signIns') }),
        h('ul', { class: 'plain small' }, signIns.map((s) => h('li', { class: s.succeeded ? '' : 'failed', text: `${when(s.at)} · ${s.userName} · ${s.method} · ${s.succeeded ? t('admin.ok') : `${t('admin.failedSignIn')}: ${s.failure ?? ''}`}` }))),
      ]);
    } catch (error) {
      replaceChildren(body, [h('p', { class: 'message error', text: describeError(error) })]);
    }
  }
  replaceChildren(container, [h('div', { class: 'actions' }, [button('admin.refreshReport', load)]), body]);
  load();
  return { refresh: load };
}
