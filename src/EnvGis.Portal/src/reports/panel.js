// The "Reports" tab (Báo cáo, docs/operations.md): a unit's monthly obligations and its "no change this
// month" declaration, the Department's compliance board, statistics with downloads, and the enterprise
// reports owed. Each part is a collapsible section loaded when opened.

import * as api from './api.js';
import { h, replaceChildren } from '../core/dom.js';
import { formatValue } from '../core/format.js';
import { language, t } from '../core/i18n.js';
import { button, describeError } from '../core/ui.js';
import { openReport } from './reportform.js';

const when = (value) => (value ? formatValue(value, 'datetime') : '—');
const number = (value, digits = 0) => Number(value).toLocaleString(language() === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: digits });
const label = (row) => (language() === 'en' ? row.labelEn : row.labelVi) || row.key || '—';

function loading(body) {
  replaceChildren(body, [h('p', { class: 'field-hint', text: t('loading') })]);
}

function failed(body, error) {
  replaceChildren(body, [h('p', { class: 'message error', text: describeError(error) })]);
}

function statusCell(status, overdue) {
  return h('span', { class: `compliance-status ${status}`, dataset: { status }, text: t(`compliance.status.${status}`) + (overdue ? ` · ${t('compliance.overdue')}` : '') });
}

/** The unit's own months, and the declaration for a month without change. */
async function loadObligations(body) {
  loading(body);
  try {
    const mine = await api.myObligations();
    if (!mine.obliged) {
      replaceChildren(body, [h('p', { class: 'field-hint', text: t('compliance.notObliged') })]);
      return;
    }
    const message = h('p', { class: 'message', dataset: { testid: 'declare-message' } });
    const month = h('select', { name: 'declareMonth' }, mine.months.filter((m) => m.status === 'missing').map((m) => h('option', { value: m.month, text: m.month })));
    const comment = h('textarea', { name: 'declareComment', rows: 2, maxlength: 2000 });
    const declare = async () => {
      try {
        await api.declare(month.value, comment.value);
        await loadObligations(body);
        body.querySelector('[data-testid=declare-message]').textContent = t('compliance.declared', { month: month.value });
      } catch (error) {
        message.className = 'message error';
        message.textContent = describeError(error);
      }
    };
    replaceChildren(body, [
      h('p', { class: 'field-hint', text: t('compliance.deadline', { month: mine.currentMonth, at: when(mine.currentDeadline) }) }),
      h('table', { class: 'data-table', dataset: { testid: 'my-months' } }, [
        h('thead', {}, [h('tr', {}, [h('th', { text: t('compliance.month') }), h('th', { text: t('compliance.status') }), h('th', { text: t('compliance.lastUpdate') })])]),
        h('tbody', {}, mine.months.map((m) => h('tr', { dataset: { month: m.month } }, [h('td', { text: m.month }), h('td', {}, [statusCell(m.status, m.overdue)]), h('td', { text: when(m.lastUpdate) })]))),
      ]),
      month.options.length ? h('fieldset', { class: 'declare' }, [
        h('legend', { text: t('compliance.declareTitle') }),
        h('label', {}, [t('compliance.month'), month]),
        h('label', {}, [t('compliance.comment'), comment]),
        button('compliance.declare', declare, { kind: 'primary' }),
      ]) : null,
      message,
      h('h4', { text: t('compliance.notices') }),
      mine.notices.length ? h('ul', { class: 'plain small', dataset: { testid: 'notices' } }, mine.notices.map((n) => h('li', { text: `${when(n.createdAt)} · ${language() === 'en' ? n.subjectEn : n.subjectVi}` })))
        : h('p', { class: 'field-hint', text: t('admin.none') }),
    ]);
  } catch (error) {
    failed(body, error);
  }
}

/** The Department's board for one month: late first. */
async function loadBoard(body, monthValue) {
  loading(body);
  try {
    const rows = await api.complianceMonth(monthValue);
    const picker = h('input', { type: 'month', name: 'boardMonth', value: monthValue ?? rows[0]?.month ?? '' });
    picker.addEventListener('change', () => loadBoard(body, picker.value));
    replaceChildren(body, [
      h('label', {}, [t('compliance.month'), picker]),
      h('table', { class: 'data-table', dataset: { testid: 'compliance-board' } }, [
        h('thead', {}, [h('tr', {}, ['unit', 'status', 'lastUpdate', 'records'].map((k) => h('th', { text: t(`compliance.${k}`) })))]),
        h('tbody', {}, rows.map((r) => h('tr', { dataset: { unit: r.unit } }, [
          h('td', { text: language() === 'en' ? r.unitNameEn : r.unitNameVi }),
          h('td', {}, [statusCell(r.status, r.overdue)]),
          h('td', { text: when(r.lastUpdate) }),
          h('td', { text: String(r.changes.reduce((sum, c) => sum + c.records, 0)) }),
        ]))),
      ]),
    ]);
  } catch (error) {
    failed(body, error);
  }
}

/** Statistics by a chosen grouping, with the downloads. */
async function loadStatistics(body, group = 'layer') {
  loading(body);
  try {
    const answer = await api.statistics(group);
    const select = h('select', { name: 'statisticsGroup' }, ['category', 'layer', 'status', 'unit', 'commune', 'month'].map((g) =>
      h('option', { value: g, text: t(`statistics.group.${g}`), selected: g === group })));
    select.addEventListener('change', () => loadStatistics(body, select.value));
    const download = (format) => h('a', { class: 'btn', href: api.statisticsUrl(group, format), download: format === 'html' ? null : '', target: format === 'html' ? '_blank' : null, rel: 'noopener', dataset: { format }, text: t(`statistics.download.${format}`) });
    const max = Math.max(1, ...answer.rows.map((r) => r.count));
    replaceChildren(body, [
      h('label', {}, [t('statistics.groupBy'), select]),
      h('div', { class: 'actions' }, ['csv', 'xlsx', 'html'].map(download)),
      h('table', { class: 'data-table', dataset: { testid: 'statistics' } }, [
        h('thead', {}, [h('tr', {}, ['name', 'count', 'area', 'length'].map((k) => h('th', { text: t(`statistics.${k}`) })))]),
        h('tbody', {}, [...answer.rows, answer.total].map((r) => h('tr', { dataset: { key: r.key } }, [
          h('td', { text: label(r) }),
          // A bar in the cell: the count as a share of the largest (the chart of the table).
          h('td', { class: 'n' }, [h('span', { class: 'bar', style: null, dataset: { share: String(Math.round((100 * r.count) / max)) } }), number(r.count)]),
          h('td', { class: 'n', text: r.areaHa ? `${number(r.areaHa, 1)} ha` : '' }),
          h('td', { class: 'n', text: r.lengthKm ? `${number(r.lengthKm, 1)} km` : '' }),
        ]))),
      ]),
    ]);
    for (const bar of body.querySelectorAll('.bar')) {
      bar.style.width = `${bar.dataset.share}%`;
    }
  } catch (error) {
    failed(body, error);
  }
}

/** Enterprise reports: an enterprise's obligations (start or open each); the Department's submitted and overdue ones. */
async function loadEnterpriseReports(body, department) {
  loading(body);
  const reload = () => loadEnterpriseReports(body, department);
  try {
    const [rows, submitted, notices] = department ? [...await Promise.all([api.overdueReports(), api.submittedReports()]), null]
      : await Promise.all([api.reportObligations(), [], api.myNotices()]);
    const open = (o) => async () => {
      try {
        const id = o.reportId ?? (await api.startReport(o.type, o.period, o.facilityId)).report.id;
        await openReport(id, { department, changed: reload });
      } catch (error) {
        replaceChildren(body, [h('p', { class: 'message error', text: describeError(error) })]);
      }
    };
    replaceChildren(body, [
      department ? h('h4', { text: t('reports.toReview') }) : null,
      department ? h('ul', { class: 'plain', dataset: { testid: 'reports-submitted' } }, submitted.map((r) =>
        h('li', { dataset: { report: String(r.id) } }, [`${r.typeCode} · ${r.period} · ${r.unit} `, button('reports.open', () => openReport(r.id, { department, changed: reload }))]))) : null,
      department ? h('h4', { text: t('reports.overdueTitle') }) : null,
      rows.length ? h('table', { class: 'data-table', dataset: { testid: 'report-obligations' } }, [
        h('thead', {}, [h('tr', {}, ['type', 'period', 'facility', 'dueDay', 'status'].map((k) => h('th', { text: t(`reports.${k}`) })).concat(department ? [] : [h('th')]))]),
        h('tbody', {}, rows.map((o) => h('tr', { dataset: { type: o.type, period: o.period } }, [
          h('td', { text: language() === 'en' ? o.typeNameEn : o.typeNameVi }),
          h('td', { text: o.period }),
          h('td', {}, [h('a', { href: `#layers=${o.facilityLayer}&sel=${o.facilityLayer}.${o.facilityId}`, text: o.facilityName })]),
          h('td', { text: o.dueDay }),
          h('td', { text: t(`reports.status.${o.status}`) + (o.overdue ? ` · ${t('compliance.overdue')}` : '') }),
          department ? null : h('td', {}, [button(o.reportId ? 'reports.open' : 'reports.start', open(o))]),
        ]))),
      ]) : h('p', { class: 'field-hint', text: t('admin.none') }),
      notices ? noticeList(notices, 'report-notices') : null,
    ]);
  } catch (error) {
    failed(body, error);
  }
}

/** A unit's reminders and notices (due and overdue), newest first. */
function noticeList(notices, testid) {
  return h('div', {}, [
    h('h4', { text: t('compliance.notices') }),
    notices.length ? h('ul', { class: 'plain small', dataset: { testid } }, notices.map((n) =>
      h('li', { dataset: { kind: n.kind }, text: `${when(n.createdAt)} · ${language() === 'en' ? n.subjectEn : n.subjectVi}` })))
      : h('p', { class: 'field-hint', text: t('admin.none') }),
  ]);
}

export function createReportsPanel(container, ctx) {
  const acc = ctx.account;
  const department = acc.role === 'administrator' || acc.unit?.kind === 'department';
  const sections = [];
  const section = (key, load, open = false) => {
    const body = h('div', { class: 'admin-body' });
    const details = h('details', { class: 'admin-section', open, dataset: { section: key } }, [h('summary', { text: t(`reports.section.${key}`) }), body]);
    let loaded = false;
    const ensure = () => {
      if (details.open && !loaded) {
        loaded = true;
        load(body);
      }
    };
    details.addEventListener('toggle', ensure);
    sections.push({ details, ensure });
  };
  if (acc.role === 'editor' || acc.role === 'approver') {
    section('obligations', loadObligations, !department);
  }
  if (department) {
    section('board', (body) => loadBoard(body), true);
  }
  section('statistics', (body) => loadStatistics(body));
  if (acc.role === 'reporter' || department) {
    section('enterprise', (body) => loadEnterpriseReports(body, department), acc.role === 'reporter');
  }
  replaceChildren(container, [h('div', { class: 'actions' }, [button('reports.refresh', () => createReportsPanel(container, ctx))]), ...sections.map((s) => s.details)]);
  sections.forEach((s) => s.ensure());
  return { destroy: () => container.replaceChildren() };
}
