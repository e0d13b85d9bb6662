// The administrator's API (/api/admin): accounts, handover, passwords, API tokens, units and their scopes, the
// account review and the sign-in log.

import { request } from '../core/http.js';

const user = (name) => `api/admin/users/${encodeURIComponent(name)}`;

export const listUsers = (unit) => request('GET', `api/admin/users${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`);
export const createUser = (body) => request('POST', 'api/admin/users', { body });
export const resetPassword = (name, password) => request('POST', `${user(name)}/password`, { body: { password: password || null } });
export const handOver = (name, body) => request('POST', `${user(name)}/handover`, { body });
export const handovers = (name) => request('GET', `${user(name)}/handovers`);
export const setDisabled = (name, disabled) => request('POST', `${user(name)}/${disabled ? 'disable' : 'enable'}`);
export const unlock = (name) => request('POST', `${user(name)}/unlock`);
export const listTokens = (name) => request('GET', `${user(name)}/tokens`);
export const createToken = (name, tokenName, expiresInDays) =>
  request('POST', `${user(name)}/tokens`, { body: { name: tokenName, expiresInDays } });
export const revokeToken = (id) => request('POST', `api/admin/tokens/${encodeURIComponent(id)}/revoke`);
export const listUnits = () => request('GET', 'api/admin/units');
export const createUnit = (body) => request('POST', 'api/admin/units', { body });
export const updateUnit = (code, body) => request('PUT', `api/admin/units/${encodeURIComponent(code)}`, { body });
export const updateUser = (name, body) => request('PUT', user(name), { body });
export const setUnitScope = (code, body) => request('PUT', `api/admin/units/${encodeURIComponent(code)}/scope`, { body });
export const accountReview = () => request('GET', 'api/admin/account-review');
export const signIns = (name, limit = 200) =>
  request('GET', `api/admin/sign-ins?limit=${limit}${name ? `&user=${encodeURIComponent(name)}` : ''}`);
