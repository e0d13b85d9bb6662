// The catalogue administration API (/api/admin/catalogue; docs/catalogue.md) and the layer list it edits.

import { request } from '../core/http.js';

const layer = (name) => `api/admin/catalogue/layers/${encodeURIComponent(name)}`;

export const layers = () => request('GET', 'api/layers');
export const addLayer = (body) => request('POST', 'api/admin/catalogue/layers', { body });
export const changeLayer = (name, body) => request('PUT', layer(name), { body });
export const removeLayer = (name) => request('DELETE', layer(name));
export const addAttribute = (name, body) => request('POST', `${layer(name)}/attributes`, { body });
export const changeAttribute = (name, attribute, body) => request('PUT', `${layer(name)}/attributes/${encodeURIComponent(attribute)}`, { body });
export const removeAttribute = (name, attribute) => request('DELETE', `${layer(name)}/attributes/${encodeURIComponent(attribute)}`);
export const history = (name) => request('GET', `api/admin/catalogue/history${name ? `?layer=${encodeURIComponent(name)}` : ''}`);
