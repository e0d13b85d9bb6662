// One enterprise report in the drawer (docs/operations.md "Enterprise reports"): the enterprise fills
// the form, attaches the required documents and submits; the Department accepts or asks for changes.
// The history of every step is shown below.

import * as api from './api.js';
import { openDrawer } from '../core/drawer.js';
import { h } from '../core/dom.js';
import { formatValue } from '../core/format.js';
import { language, t } from '../core/i18n.js';
import { button, describeError, labelled, message } from '../core/ui.js';

const text = (vi, en) => (language() === 'en' ? en : vi);

/** Opens report `id`; `changed` is called after every change. */
export async function openReport(id, { department, changed }) {
  let detail;
  try {
    detail = await api.getReport(id);
  } catch (error) {
    openDrawer(t('reports.title'), [h('p', { class: 'message error', text: describeError(error) })], null, 'report');
    return;
  }
  const { report, type } = detail;
  const status = h('p', { class: 'message', dataset: { testid: 'report-message' } });
  const editable = !department && (report.status === 'draft' || report.status === 'changes-requested');
  const inputs = type.fields.map((field) => {
    const value = report.values[field.name];
    const input = field.type === 'text'
      ? h('textarea', { name: field.name, rows: 2, disabled: !editable })
      : h('input', { name: field.name, type: field.type === 'number' ? 'number' : 'date', step: field.type === 'number' ? 'any' : null, disabled: !editable });
    input.value = value ?? '';
    return { field, input };
  });
  const values = () => Object.fromEntries(inputs.map(({ field, input }) =>
    [field.name, input.value === '' ? null : field.type === 'number' ? Number(input.value) : input.value]));
  const act = (work, done) => async () => {
    try {
      await work();
      changed?.();
      await openReport(id, { department, changed });
      message(document.querySelector('#drawer [data-testid=report-message]'), t(done), 'ok');
    } catch (error) {
      message(status, describeError(error), 'error');
    }
  };
  const file = (kind) => {
    const input = h('input', { type: 'file', name: `file-${kind.code}` });
    input.addEventListener('change', act(() => api.attachDocument(id, kind.code, input.files[0]), 'reports.attached'));
    return labelled(text(kind.labelVi, kind.labelEn), input);
  };
  const comment = h('textarea', { name: 'reviewComment', rows: 2 });
  openDrawer(`${text(type.nameVi, type.nameEn)} · ${report.period}`, [
    h('p', { dataset: { testid: 'report-status', status: report.status }, text: `${t('reports.status')}: ${t(`reports.status.${report.status}`)}` }),
    h('p', {}, [h('a', { href: detail.facilityMap, text: detail.facilityName ?? `${report.facilityLayer}.${report.facilityId}` })]),
    h('form', { class: 'report-form', onsubmit: (event) => event.preventDefault() }, inputs.map(({ field, input }) =>
      labelled(text(field.labelVi, field.labelEn), input, { required: field.required }))),
    h('ul', { class: 'plain small', dataset: { testid: 'report-files' } }, detail.files.map((f) => h('li', {}, [h('a', { href: f.href, text: `${f.fileName} (${f.kind})` })]))),
    ...(editable ? type.attachmentKinds.map(file) : []),
    editable ? h('div', { class: 'actions' }, [
      button('reports.save', act(() => api.saveReport(id, report.version, values()), 'reports.saved')),
      button('reports.submit', act(async () => {
        const saved = await api.saveReport(id, report.version, values());
        await api.submitReport(id, saved.report.version);
      }, 'reports.submitted'), { kind: 'primary' }),
    ]) : null,
    department && report.status === 'submitted' ? h('div', { class: 'review' }, [
      labelled(t('compliance.comment'), comment),
      h('div', { class: 'actions' }, [
        button('reports.requestChanges', act(() => api.reviewReport(id, report.version, 'request-changes', comment.value), 'reports.returned')),
        button('reports.accept', act(() => api.reviewReport(id, report.version, 'accept', comment.value || null), 'reports.acceptedMessage'), { kind: 'primary' }),
      ]),
    ]) : null,
    status,
    h('h4', { text: t('reports.history') }),
    h('ol', { class: 'plain small', dataset: { testid: 'report-history' } }, detail.history.map((e) =>
      h('li', { dataset: { action: e.action }, text: `${formatValue(e.at, 'datetime')} · ${e.userName} · ${t(`reports.action.${e.action}`)}${e.comment ? ` · ${e.comment}` : ''}` }))),
  ], null, 'report');
}
