// The monitoring API as the station view reads it (`/api/monitoring/...`, docs/monitoring.md).

import { request } from '../core/http.js';

const enc = encodeURIComponent;

/** @return {Promise<Array<Object>>} The stations the visitor may see, with latest values and AQI. */
export const getStations = () => request('GET', 'api/monitoring/stations', { retry: false });

/** @return {Promise<Array<Object>>} The VN_AQI bands with colours and advice. */
export const getBands = () => request('GET', 'api/monitoring/aqi-bands', { retry: false });

/**
 * Hourly means of one parameter.
 * @return {Promise<Object>} `{series: [{parameter, unit, limits, values}]}`.
 */
export const getHourly = (code, parameter, from, to) =>
  request('GET', `api/monitoring/stations/${enc(code)}/observations?interval=hour&parameter=${enc(parameter)}&from=${enc(from.toISOString())}&to=${enc(to.toISOString())}`, { retry: false });

/** @return {Promise<Array<Object>>} Hourly VN_AQI `[{time, aqi, band, dominant, subIndices}]`. */
export const getAqi = (code, from, to) =>
  request('GET', `api/monitoring/stations/${enc(code)}/aqi?interval=hour&from=${enc(from.toISOString())}&to=${enc(to.toISOString())}`, { retry: false });

/** The CSV download of the hourly means shown (all parameters when none). */
export const csvUrl = (code, parameter, from, to) =>
  `api/monitoring/stations/${enc(code)}/observations?interval=hour&format=csv${parameter ? `&parameter=${enc(parameter)}` : ''}&from=${enc(from.toISOString())}&to=${enc(to.toISOString())}`;
