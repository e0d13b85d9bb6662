import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import en from '../src/i18n/en.js';
import vi from '../src/i18n/vi.js';

const strings = { vi, en };


const source = new URL('../src/', import.meta.url);
const files = readdirSync(source, { recursive: true }).filter((f) => f.endsWith('.js') && !f.startsWith('i18n'));
const code = files.map((f) => readFileSync(new URL(f, source), 'utf8')).join('\n');

describe('UI strings', () => {
  it('has every key in Vietnamese and English', () => {
    const vi = Object.keys(strings.vi).sort();
    const en = Object.keys(strings.en).sort();
    assert.deepEqual(vi.filter((k) => !en.includes(k)), [], 'missing in English');
    assert.deepEqual(en.filter((k) => !vi.includes(k)), [], 'missing in Vietnamese');
  });

  it('has every key the code names', () => {
    const named = new Set();
    for (const match of code.matchAll(/\b(?:t|button|say|has)\(\s*'([a-zA-Z][\w.-]*\.[\w.-]+|[a-zA-Z]+)'/g)) {
      named.add(match[1]);
    }
    for (const match of code.matchAll(/'((?:geom|coord|import|form|drafts|edit|err|admin|review|history|signIn|tab)\.[\w.]+)'/g)) {
      named.add(match[1]);
    }
    const ignored = new Set(['GET', 'POST', 'PUT', 'DELETE', 'label', 'canvas', 'editing', 'picking', 'envgisLayer', 'admin', 'edit', 'review', 'role', 'base', 'layers', 'sel', 'date', 'map']);
    const missing = [...named].filter((k) => !ignored.has(k) && !(k in strings.vi));
    assert.deepEqual(missing, []);
  });

  it('has the key families built at run time', () => {
    const families = {
      role: ['administrator', 'editor', 'approver', 'reporter', 'client'],
      status: ['draft', 'submitted', 'approved', 'published', 'rejected', 'archived'],
      action: ['insert', 'update', 'delete', 'submit', 'approve', 'reject', 'publish', 'restore'],
      channel: ['portal', 'api', 'wfs-t', 'system'],
      unitKind: ['department', 'city_department', 'economic_zone_authority', 'commune', 'enterprise', 'client'],
      'edit.hint': ['Point', 'MultiLineString', 'MultiPolygon'],
      'review.done': ['approved', 'published', 'rejected'],
      'admin.section': ['users', 'units', 'review'],
      review: ['neverUsed', 'unused', 'noNamedHolder', 'expiredTokens'],
      tab: ['layers', 'edit', 'review', 'admin'],
    };
    for (const [prefix, names] of Object.entries(families)) {
      for (const name of names) {
        assert.ok(`${prefix}.${name}` in strings.vi && `${prefix}.${name}` in strings.en, `${prefix}.${name}`);
      }
    }
  });
});
