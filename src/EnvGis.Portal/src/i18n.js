// Every string of the portal's own UI, in Vietnamese (the default) and English. Texts that come with
// the data (layer and category titles, attribute labels, legend rule titles) are {vi, en} objects from
// the server and go through `localized`.

const STORAGE_KEY = 'envgis.lang';
export const LANGUAGES = ['vi', 'en'];

const REGULATION_VI =
  'Quy chế quản lý, vận hành hệ thống thông tin môi trường, cơ sở dữ liệu môi trường thành phố Hải Phòng';
const REGULATION_EN =
  'Regulation on managing and operating the environmental information system and database of Hải Phòng city';

const STRINGS = {
  vi: {
    appTitle: 'Bản đồ môi trường thành phố Hải Phòng',
    'search.label': 'Tìm theo tên',
    'search.placeholder': 'Tìm theo tên (khu, sự cố, trạm…)',
    'search.go': 'Tìm',
    'search.none': 'Không tìm thấy.',
    'search.failed': 'Không tìm được lúc này. Vui lòng thử lại.',
    'attach.title': 'Tài liệu đính kèm',
    'attach.none': 'Chưa có tài liệu.',
    'attach.file': 'Tệp đính kèm',
    'attach.upload': 'Tải lên',
    'attach.choose': 'Chọn một tệp để tải lên.',
    'attach.hint': 'PDF, ảnh (PNG, JPEG, TIFF), Word, Excel, PowerPoint, OpenDocument; tối đa {max}.',
    'attach.tooLarge': 'Tệp lớn hơn {max}.',
    'attach.uploaded': 'Đã tải lên “{name}” (SHA-256 {sha}).',
    'attach.delete': 'Xoá',
    'attach.deleteTitle': 'Xoá tài liệu đính kèm?',
    'attach.deleteText': 'Tài liệu “{name}” sẽ không còn hiển thị; việc xoá được ghi vào nhật ký.',
    'attach.deleted': 'Đã xoá tài liệu.',
    appSubtitle: 'Hệ thống thông tin, cơ sở dữ liệu môi trường thành phố Hải Phòng',
    mapLabel: 'Bản đồ môi trường',
    layers: 'Lớp bản đồ',
    showLayers: 'Hiện danh sách lớp bản đồ',
    hideLayers: 'Ẩn danh sách lớp bản đồ',
    language: 'Ngôn ngữ',
    langVi: 'Tiếng Việt',
    langEn: 'English',
    noLayers: 'Chưa có lớp dữ liệu công khai',
    legendOf: 'Chú giải: {layer}',
    outOfScale: 'Không hiển thị ở mức thu phóng này',
    layerUnavailable: 'Không tải được lớp này',
    loading: 'Đang tải bản đồ…',
    loadError: 'Không tải được dữ liệu bản đồ. Vui lòng thử lại sau.',
    close: 'Đóng',
    featureInfo: 'Thông tin đối tượng',
    yes: 'Có',
    no: 'Không',
    recordId: 'Mã bản ghi',
    status: 'Trạng thái',
    validFrom: 'Hiệu lực từ',
    validTo: 'Hiệu lực đến',
    source: 'Nguồn dữ liệu',
    citation: 'Trích dẫn',
    'status.draft': 'Bản nháp',
    'status.submitted': 'Chờ duyệt',
    'status.approved': 'Đã duyệt',
    'status.published': 'Đã công bố',
    'status.rejected': 'Bị từ chối',
    'status.archived': 'Lưu trữ',
    about: 'Giới thiệu',
    aboutTitle: 'Về bản đồ này',
    aboutText:
      'Thông tin, dữ liệu môi trường của thành phố Hải Phòng được công khai trên hệ thống theo Điều 8 ' +
      REGULATION_VI + '.',
    citeRule:
      'Khi khai thác, sử dụng thông tin, dữ liệu phải sử dụng đúng mục đích và trích dẫn nguồn ' +
      '(khoản 5 Điều 3 Quy chế).',
    noCommercialUse:
      'Không sử dụng dữ liệu chưa được công khai vào mục đích kinh doanh khi chưa được cơ quan nhà nước ' +
      'có thẩm quyền cho phép (khoản 3 Điều 9 Quy chế).',
    mapData: 'Dữ liệu nền:',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    attributions: 'Nguồn bản đồ',
    scaleLine: 'Thước tỷ lệ',
  },
  en: {
    appTitle: 'Hải Phòng environmental map',
    appSubtitle: 'Environmental information system and database of Hải Phòng city',
    mapLabel: 'Environmental map',
    layers: 'Map layers',
    showLayers: 'Show the map layers',
    hideLayers: 'Hide the map layers',
    language: 'Language',
    langVi: 'Tiếng Việt',
    langEn: 'English',
    noLayers: 'No public layers yet',
    legendOf: 'Legend: {layer}',
    outOfScale: 'Not shown at this zoom level',
    layerUnavailable: 'This layer could not be loaded',
    loading: 'Loading the map…',
    loadError: 'The map data could not be loaded. Please try again later.',
    close: 'Close',
    featureInfo: 'Feature information',
    yes: 'Yes',
    no: 'No',
    recordId: 'Record ID',
    status: 'Status',
    validFrom: 'Valid from',
    validTo: 'Valid to',
    source: 'Source',
    citation: 'Citation',
    'status.draft': 'Draft',
    'status.submitted': 'Submitted',
    'status.approved': 'Approved',
    'status.published': 'Published',
    'status.rejected': 'Rejected',
    'status.archived': 'Archived',
    about: 'About',
    aboutTitle: 'About this map',
    aboutText:
      'The environmental information and data of Hải Phòng city are published on this system under ' +
      'Article 8 of the ' + REGULATION_EN + '.',
    citeRule:
      'Whoever uses this information and data must use it for its proper purpose and cite the source ' +
      '(Article 3.5 of the Regulation).',
    noCommercialUse:
      'Data that has not been published may not be used commercially without the permission of the ' +
      'competent state authority (Article 9.3 of the Regulation).',
    mapData: 'Base data:',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    attributions: 'Map sources',
    scaleLine: 'Scale bar',
    'search.label': 'Search by name',
    'search.placeholder': 'Search by name (zone, incident, station…)',
    'search.go': 'Search',
    'search.none': 'Nothing found.',
    'search.failed': 'Search is unavailable right now. Please try again.',
    'attach.title': 'Attached documents',
    'attach.none': 'No documents yet.',
    'attach.file': 'File to attach',
    'attach.upload': 'Upload',
    'attach.choose': 'Choose a file to upload.',
    'attach.hint': 'PDF, images (PNG, JPEG, TIFF), Word, Excel, PowerPoint, OpenDocument; at most {max}.',
    'attach.tooLarge': 'The file is larger than {max}.',
    'attach.uploaded': 'Uploaded “{name}” (SHA-256 {sha}).',
    'attach.delete': 'Delete',
    'attach.deleteTitle': 'Delete the attached document?',
    'attach.deleteText': 'The document “{name}” will no longer be shown; the deletion is logged.',
    'attach.deleted': 'Document deleted.',
  },
};

let current = initialLanguage();
const listeners = new Set();

function initialLanguage() {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.includes(stored)) {
      return stored;
    }
  } catch {
    // Storage may be unavailable (privacy mode): Vietnamese is the default.
  }
  return 'vi';
}

/** @return {string} The current language code ('vi' or 'en'). */
export function language() {
  return current;
}

/** @return {string} The BCP 47 locale used for numbers and dates. */
export function locale() {
  return current === 'en' ? 'en-GB' : 'vi-VN';
}

/**
 * Switches the language, remembers it and tells every listener.
 * @param {string} lang 'vi' or 'en'.
 */
export function setLanguage(lang) {
  if (!LANGUAGES.includes(lang) || lang === current) {
    return;
  }
  current = lang;
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered; the switch still works for this page.
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) {
    listener(lang);
  }
}

/**
 * @param {function(string):void} listener Called with the new language after every switch.
 * @return {function(): void} Stops the calls.
 */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Adds UI strings (the editing portal keeps its own table in strings-edit.js).
 * @param {{vi: Object<string, string>, en: Object<string, string>}} table Strings by language.
 */
export function addStrings(table) {
  for (const lang of LANGUAGES) {
    Object.assign(STRINGS[lang], table[lang]);
  }
}

/**
 * A UI string in the current language.
 * @param {string} key Key in the table.
 * @param {Object<string, string>} [params] Values for `{name}` placeholders.
 * @return {string} The text.
 */
export function t(key, params) {
  const text = STRINGS[current][key] ?? STRINGS.vi[key];
  if (text === undefined) {
    throw new Error(`Missing UI string "${key}"`);
  }
  return params ? text.replace(/\{(\w+)\}/g, (_, name) => params[name] ?? '') : text;
}

/**
 * Whether the table has a string for the key.
 * @param {string} key Key.
 * @return {boolean} True when present.
 */
export function has(key) {
  return key in STRINGS.vi;
}

/**
 * Picks the current language out of a {vi, en} text from the server.
 * @param {{vi?: string, en?: string}|string|null|undefined} text Localized text.
 * @return {string} The text, falling back to the other language, or ''.
 */
export function localized(text) {
  if (text === null || text === undefined) {
    return '';
  }
  if (typeof text === 'string') {
    return text;
  }
  return text[current] || text.vi || text.en || '';
}

/**
 * Fills the static strings of a subtree: `data-i18n` (text), `data-i18n-aria-label`,
 * `data-i18n-title`.
 * @param {ParentNode} root Root.
 */
export function translateStatic(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  }
  for (const element of root.querySelectorAll('[data-i18n-title]')) {
    element.setAttribute('title', t(element.dataset.i18nTitle));
  }
}

/** Exposed for tests: the whole table. */
export const strings = STRINGS;
