// The "Reports" area's API (docs/operations.md): compliance, notices, statistics, enterprise reports.

import { request } from '../core/http.js';

export const myObligations = () => request('GET', 'api/compliance/mine');
export const complianceMonth = (month) => request('GET', `api/compliance${month ? `?month=${encodeURIComponent(month)}` : ''}`);
export const declare = (month, comment) => request('POST', 'api/compliance/declarations', { body: { month, comment } });
export const statistics = (group) => request('GET', `api/statistics?group=${encodeURIComponent(group)}`);
export const statisticsUrl = (group, format) => `api/statistics?group=${encodeURIComponent(group)}&format=${format}`;
export const reportObligations = () => request('GET', 'api/reports/obligations');
export const myNotices = () => request('GET', 'api/notices?limit=20');
export const overdueReports = () => request('GET', 'api/reports/overdue');
export const startReport = (type, period, facilityId) => request('POST', 'api/reports', { body: { type, period, facilityId } });
export const getReport = (id) => request('GET', `api/reports/${id}`);
export const saveReport = (id, version, values) => request('PUT', `api/reports/${id}`, { body: { version, values } });
export const submitReport = (id, version) => request('POST', `api/reports/${id}/submit`, { body: { version } });
export const reviewReport = (id, version, decision, comment) => request('POST', `api/reports/${id}/review`, { body: { version, decision, comment } });
export const submittedReports = () => request('GET', 'api/reports?status=submitted');
export function attachDocument(id, kind, file) {
  const body = new FormData();
  body.append('file', file);
  return request('POST', `api/reports/${id}/files?kind=${encodeURIComponent(kind)}`, { body });
}
