// Allowed values of an attribute as the administrator types them in the catalogue forms (docs/catalogue.md).

/**
 * Allowed values as the administrator types them, one a line: `value = Nhãn tiếng Việt / English label`.
 * @param {string} text The lines.
 * @return {?{allowedValues: string[], valueLabels: Object}} Null when there are none (free text).
 */
export function parseValues(text) {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.length === 0) {
    return null;
  }
  const allowedValues = [];
  const valueLabels = {};
  for (const line of lines) {
    const [value, labels = ''] = line.split(/\s*=\s*(.*)/s);
    const [vi = '', en = ''] = labels.split(/\s*\/\s*(.*)/s);
    allowedValues.push(value.trim());
    valueLabels[value.trim()] = { vi: vi.trim() || value.trim(), en: en.trim() || vi.trim() || value.trim() };
  }
  return { allowedValues, valueLabels };
}

/** The allowed values of an attribute in the form's line format. */
export function formatValues(attribute) {
  return (attribute.allowedValues ?? []).map((value) => {
    const label = attribute.valueLabels?.[value];
    return label ? `${value} = ${label.vi} / ${label.en}` : value;
  }).join('\n');
}
