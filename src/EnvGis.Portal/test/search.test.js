import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatSize, ACCEPTED, MAX_BYTES } from '../src/map/attachments.js';
import { searchPath } from '../src/map/search.js';

describe('search', () => {
  it('asks only for two characters or more, encoded, at most 100', () => {
    assert.equal(searchPath(''), null);
    assert.equal(searchPath(' a '), null);
    assert.equal(searchPath(' Tràn dầu '), `api/search?q=${encodeURIComponent('Tràn dầu')}`);
    assert.equal(searchPath('50%_&x=1'), 'api/search?q=50%25_%26x%3D1');
    assert.equal(decodeURIComponent(searchPath('x'.repeat(300)).split('=')[1]).length, 100);
  });
});

describe('attachments', () => {
  it('formats sizes for people (Vietnamese decimal comma)', () => {
    assert.equal(formatSize(512), '512 B');
    assert.equal(formatSize(1536), '1,5 kB');
    assert.equal(formatSize(20 * 1024 * 1024), '20 MB');
  });

  it('offers the types the server accepts, up to 20 MB', () => {
    assert.equal(MAX_BYTES, 20 * 1024 * 1024);
    for (const ext of ['.pdf', '.png', '.jpg', '.docx', '.xlsx', '.doc']) {
      assert.ok(ACCEPTED.split(',').includes(ext), ext);
    }
    assert.ok(!ACCEPTED.includes('.html') && !ACCEPTED.includes('.svg') && !ACCEPTED.includes('.exe'));
  });
});
