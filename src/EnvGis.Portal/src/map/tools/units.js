// Lengths and areas for people, in the current language's number format (pure, unit tested).

import { locale } from '../../core/i18n.js';

const number = (value, digits) => value.toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** @param {number} metres Length. @return {string} "850 m", "12,35 km". */
export function formatLength(metres) {
  return metres < 1000 ? `${number(metres, 0)} m` : `${number(metres / 1000, 2)} km`;
}

/** @param {number} squareMetres Area. @return {string} "950 m²", "12,5 ha", "3,21 km²". */
export function formatArea(squareMetres) {
  if (squareMetres < 10000) {
    return `${number(squareMetres, 0)} m²`;
  }
  return squareMetres < 1e6 ? `${number(squareMetres / 10000, 2)} ha` : `${number(squareMetres / 1e6, 2)} km²`;
}
