// The "Reports" area's API (docs/operations.md): compliance, notices, statistics, enterprise reports.

import { request } from '../core/http.js';

export const myObligations = () => request('GET', 'api/compliance/mine');
export const complianceMonth = (month) => request('GET', `api/compliance${month ? `?month=${encodeURIComponent(month)}` : ''}`);
export const declare = (month, comment) => request('POST', 'api/compliance/declarations', { body: { month, comment } });
export const statistics = (group) => request('GET', `api/statistics?group=${encodeURIComponent(group)}`);
export const statisticsUrl = (group, format) => `api/statistics?group=${encodeURIComponent(group)}&format=${format}`;
export const reportObligations = () => request('GET', 'api/reports/obligations');
export const overdueReports = () => request('GET', 'api/reports/overdue');
