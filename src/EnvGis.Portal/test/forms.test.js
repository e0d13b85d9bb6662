import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DraftStore, MAX_DRAFTS, MemoryStorage } from '../src/edit/drafts.js';
import { defaultTexts, fieldsFor, optionsFor, parseField, textOf, textsFromProperties, textsFromRecord, validateForm } from '../src/edit/forms.js';

// A catalogue layer as /api/layers gives it.
const layer = {
  name: 'polluted_zones',
  geometryType: 'MultiPolygon',
  attributes: [
    { name: 'name', type: 'text', required: true, label: { vi: 'Tên khu vực', en: 'Name' } },
    { name: 'pollutant', type: 'text', required: false, allowedValues: ['air', 'water'], label: { vi: 'Chất ô nhiễm', en: 'Pollutant' },
      valueLabels: { air: { vi: 'Không khí', en: 'Air' }, water: { vi: 'Nước', en: 'Water' } } },
    { name: 'households', type: 'integer', required: false, label: { vi: 'Số hộ', en: 'Households' } },
    { name: 'area_ha', type: 'number', required: false, label: { vi: 'Diện tích (ha)', en: 'Area (ha)' } },
    { name: 'treated', type: 'boolean', required: true, label: { vi: 'Đã xử lý', en: 'Treated' } },
    { name: 'found_on', type: 'date', required: false, label: { vi: 'Ngày phát hiện', en: 'Found on' } },
    { name: 'measured_at', type: 'datetime', required: false, label: { vi: 'Thời điểm đo', en: 'Measured at' } },
  ],
};
const fields = fieldsFor(layer);
const field = (name) => fields.find((f) => f.name === name);
const localized = (text) => text.vi;
const t = (key) => ({ 'form.choose': '— chọn —', yes: 'Có', no: 'Không' })[key];

describe('fields from the catalogue', () => {
  it('gives each type its input, then the record metadata', () => {
    assert.deepEqual(fields.map((f) => [f.name, f.input]), [
      ['name', 'text'], ['pollutant', 'select'], ['households', 'number'], ['area_ha', 'number'], ['treated', 'select'],
      ['found_on', 'date'], ['measured_at', 'datetime'],
      ['valid_from', 'date'], ['valid_to', 'date'], ['source', 'textarea'], ['citation', 'textarea'], ['restricted', 'select'],
    ]);
    assert.ok(field('name').required);
  });

  it('labels choices with their catalogue labels and yes/no in Vietnamese', () => {
    assert.deepEqual(optionsFor(field('pollutant'), localized, t), [
      { value: '', label: '— chọn —' }, { value: 'air', label: 'Không khí' }, { value: 'water', label: 'Nước' }]);
    assert.deepEqual(optionsFor(field('treated'), localized, t).map((o) => o.label), ['— chọn —', 'Có', 'Không']);
    assert.deepEqual(optionsFor(field('restricted'), localized, t).map((o) => o.value), ['true', 'false']);
    assert.equal(defaultTexts(fields).restricted, 'false');
  });
});

describe('validation before sending', () => {
  it('types valid values', () => {
    assert.deepEqual(parseField(field('households'), '1 250'), { value: 1250, error: null });
    assert.deepEqual(parseField(field('area_ha'), '12,5'), { value: 12.5, error: null });
    assert.deepEqual(parseField(field('treated'), 'true'), { value: true, error: null });
    assert.deepEqual(parseField(field('found_on'), '2025-02-28'), { value: '2025-02-28', error: null });
    assert.deepEqual(parseField(field('measured_at'), '2025-07-01T10:30'), { value: '2025-07-01T10:30:00+07:00', error: null });
    assert.deepEqual(parseField(field('name'), '<script>alert(1)</script>'), { value: '<script>alert(1)</script>', error: null });
    assert.deepEqual(parseField(field('pollutant'), ''), { value: null, error: null });
  });

  it('names every problem', () => {
    assert.equal(parseField(field('name'), '   ').error, 'form.required');
    assert.equal(parseField(field('households'), '12,5').error, 'form.integer');
    assert.equal(parseField(field('households'), '99999999999').error, 'form.outOfRange');
    assert.equal(parseField(field('area_ha'), 'abc').error, 'form.number');
    assert.equal(parseField(field('pollutant'), 'fire').error, 'form.choice');
    assert.equal(parseField(field('found_on'), '2025-02-30').error, 'form.date');
    assert.equal(parseField(field('measured_at'), 'yesterday').error, 'form.datetime');
    assert.equal(parseField(field('source'), 'x'.repeat(5000)).error, 'form.tooLong');
  });

  it('checks the validity period and collects values and errors', () => {
    const { values, errors } = validateForm(fields, { ...defaultTexts(fields), name: 'Khu A', treated: 'false', valid_from: '2025-07-01', valid_to: '2025-01-01' });
    assert.equal(values.name, 'Khu A');
    assert.equal(values.restricted, false);
    assert.equal(values.households, null);
    assert.deepEqual(Object.keys(errors), ['valid_to']);
    assert.equal(errors.valid_to.key, 'form.validPeriod');
    assert.deepEqual(Object.keys(validateForm(fields, {}).errors).sort(), ['name', 'restricted', 'treated']);
  });
});

describe('texts from records and imports', () => {
  it('shows stored values in their inputs', () => {
    const texts = textsFromRecord(fields, { name: 'A', treated: false, found_on: '2025-02-01', measured_at: '2025-07-01T03:30:00Z', households: 12 });
    assert.equal(texts.treated, 'false');
    assert.equal(texts.found_on, '2025-02-01');
    assert.equal(texts.measured_at, '2025-07-01T10:30');
    assert.equal(texts.households, '12');
    assert.equal(texts.restricted, 'false');
    assert.equal(textOf(field('treated'), null), '');
  });

  it('matches imported properties by name or label, without case or accents', () => {
    const texts = textsFromProperties(fields, { NAME: 'Khu B', 'Chất ô nhiễm': 'Nước', 'so_ho': 3, treated: 'Y', 'Diện tích (ha)': 4.5, other: 'x' });
    assert.equal(texts.name, 'Khu B');
    assert.equal(texts.pollutant, 'water');
    assert.equal(texts.treated, 'true');
    assert.equal(texts.area_ha, '4.5');
    assert.equal(texts.households, '3', 'so_ho matches the label Số hộ');
    assert.equal(texts.found_on, undefined);
  });
});

describe('drafts that survive a new sign-in', () => {
  it('keeps drafts per user across store instances', () => {
    const storage = new MemoryStorage();
    const first = new DraftStore(storage, 'xa.an_lu');
    const [draft] = first.add([{ layer: 'polluted_zones', geometry: { type: 'Point', coordinates: [1, 2] }, texts: { name: 'A' } }]);
    first.update(draft.id, { texts: { name: 'A <b>' } });
    const again = new DraftStore(storage, 'xa.an_lu');
    assert.equal(again.list().length, 1);
    assert.equal(again.get(draft.id).texts.name, 'A <b>');
    assert.equal(new DraftStore(storage, 'someone.else').list().length, 0);
    again.remove(draft.id);
    assert.equal(first.list().length, 0);
  });

  it('finds the draft of a record and refuses too many', () => {
    const store = new DraftStore(new MemoryStorage(), 'u');
    store.add([{ layer: 'l', recordId: 7, version: 2 }]);
    assert.equal(store.forRecord('l', 7).version, 2);
    assert.throws(() => store.add(new Array(MAX_DRAFTS).fill({ layer: 'l' })), /drafts.full/);
  });

  it('reports a full browser storage', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => { throw new Error('QuotaExceededError'); };
    assert.throws(() => new DraftStore(storage, 'u').add([{ layer: 'l' }]), /drafts.quota/);
  });
});
