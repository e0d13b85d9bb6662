// A monitoring station in its popup (loaded on demand by panel.js): the latest hourly VN_AQI with its
// band, colour and the health advice of Decision 1459 for everyone and for sensitive groups; a chart of
// the last 24 hours, 7 or 30 days (hourly AQI or any parameter's hourly means) with the applicable limit
// and the calibrating/fault hours; the "provisional data" label; a CSV download. Text from the server
// goes into the DOM with textContent only. A language switch re-renders the popup, and with it this view.
//
// Test hooks: the section's data-state (loading → ready | error), the chart's data-points, data-limit,
// data-flagged and data-series.

import { h, replaceChildren } from '../core/dom.js';
import { language, locale, localized, t } from '../core/i18n.js';
import { csvUrl, getAqi, getBands, getHourly, getStations } from './api.js';
import { drawChart } from './chart.js';
import { PERIODS, flaggedRanges, limitToDraw, windowOf } from './series.js';

const AQI = 'aqi';

/**
 * Fills a station's section.
 * @param {HTMLElement} section The placeholder of panel.js.
 * @param {string} code Station code.
 * @param {string} type Station type.
 */
export async function renderStation(section, code, type) {
  replaceChildren(section, [h('p', { class: 'message', text: t('mon.loading') })]);
  let station;
  let bands;
  try {
    [station, bands] = await Promise.all([getStations().then((all) => all.find((s) => s.code === code)), getBands()]);
  } catch (error) {
    console.error('EnvGis: monitoring data could not be loaded', error);
    replaceChildren(section, [h('p', { class: 'message error', role: 'alert', text: t('mon.failed') })]);
    section.dataset.state = 'error';
    return;
  }
  if (!station) {
    section.hidden = true;
    section.dataset.state = 'ready';
    return;
  }

  const choices = [
    ...(type === 'air' ? [{ key: AQI, label: () => t('mon.aqiHourly') }] : []),
    ...station.latest.map((v) => ({ key: v.parameter, label: () => `${v.parameter} (${t('mon.hourly')})`, unit: v.unit })),
  ];
  const state = { period: '24h', series: choices[0]?.key ?? null };
  const chart = h('div', { class: 'station-chart', dataset: { testid: 'station-chart' } });
  const note = h('p', { class: 'message', hidden: true, role: 'status' });
  const legend = h('p', { class: 'station-legend' });
  const download = h('a', { class: 'station-csv', download: '', dataset: { testid: 'station-csv' } });
  const periods = h('div', { class: 'station-periods', role: 'group' });
  const select = h('select', { class: 'station-series', dataset: { testid: 'station-series' } });

  async function update() {
    section.dataset.state = 'loading';
    const { from, to } = windowOf(state.period, new Date());
    download.href = csvUrl(code, state.series === AQI ? null : state.series, from, to);
    download.textContent = t('mon.csv');
    note.hidden = true;
    try {
      const data = state.series === AQI ? await aqiData(code, from, to, bands) : await parameterData(code, state.series, from, to);
      chart.dataset.series = state.series ?? '';
      chart.dataset.points = String(data.values.filter((v) => v !== null).length);
      chart.dataset.limit = data.limit === null ? '' : String(data.limit);
      chart.dataset.flagged = String(data.flagged.length);
      if (!data.values.some((v) => v !== null)) {
        note.textContent = t('mon.noData');
        note.hidden = false;
      }
      drawChart(chart, data);
      chart.setAttribute('role', 'img');
      chart.setAttribute('aria-label', t('mon.chartLabel', { series: data.label, station: code }));
      replaceChildren(legend, [
        data.limitText ? h('span', { class: 'legend-limit', text: data.limitText }) : null,
        data.flagged.length ? h('span', { class: 'legend-flagged', text: t('mon.flagged') }) : null,
      ]);
      section.dataset.state = 'ready';
    } catch (error) {
      console.error('EnvGis: the station chart could not be loaded', error);
      note.textContent = t('mon.failed');
      note.hidden = false;
      section.dataset.state = 'error';
    }
  }

  function renderControls() {
    replaceChildren(periods, Object.keys(PERIODS).map((period) => h('button', {
      type: 'button',
      class: period === state.period ? 'active' : '',
      'aria-pressed': String(period === state.period),
      dataset: { period },
      text: t(`mon.period.${period}`),
      onclick: () => {
        state.period = period;
        renderControls();
        update();
      },
    })));
    periods.setAttribute('aria-label', t('mon.period'));
    select.setAttribute('aria-label', t('mon.series'));
    replaceChildren(select, choices.map((c) => h('option', { value: c.key, selected: c.key === state.series, text: c.label() })));
  }
  select.addEventListener('change', () => {
    state.series = select.value;
    update();
  });

  const header = () => [
    h('h4', { text: t('mon.title') }),
    h('p', { class: 'provisional', dataset: { testid: 'provisional' }, text: t('mon.provisional') }),
    station.silent && station.automatic ? h('p', { class: 'message warning', text: t('mon.silent') }) : null,
    adviceBlock(station, bands),
  ];
  // A station that has sent nothing yet still says what its data will be (provisional) and that there are none.
  const body = choices.length
    ? [h('div', { class: 'station-controls' }, [periods, select]), chart, legend, note, download]
    : [h('p', { class: 'message', role: 'status', dataset: { testid: 'station-no-data' }, text: t('mon.noReadings') })];
  replaceChildren(section, [...header(), ...body]);
  renderControls();
  if (choices.length) {
    await update();
  } else {
    section.dataset.state = 'ready';
  }
}

/** The latest AQI, its band in its colour, the dominant pollutant and the health advice. */
function adviceBlock(station, bands) {
  const band = bands.find((b) => b.band === station.aqiBand);
  if (station.aqi === null || station.aqi === undefined || !band) {
    return null;
  }
  const vi = language() === 'vi';
  const time = station.aqiAt ? new Date(Date.parse(station.aqiAt) + 3600 * 1000)
    .toLocaleString(locale(), { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit' }) : '';
  const swatch = h('span', { class: 'aqi-swatch', 'aria-hidden': 'true' });
  swatch.style.backgroundColor = band.colour;
  return h('div', { class: 'station-aqi', dataset: { testid: 'station-aqi', band: band.band } }, [
    h('p', { class: 'aqi-value' }, [swatch, t('mon.currentAqi', { aqi: String(station.aqi), band: vi ? band.nameVi : band.nameEn }),
      time ? ` ${t('mon.measuredAt', { time })}` : '']),
    station.aqiDominant ? h('p', { text: t('mon.dominant', { pollutant: station.aqiDominant }) }) : null,
    h('p', { class: 'aqi-meaning', text: vi ? band.meaningVi : band.meaningEn }),
    h('dl', { class: 'aqi-advice', dataset: { testid: 'aqi-advice' } }, [
      h('dt', { text: t('mon.adviceGeneral') }), h('dd', { text: vi ? band.adviceGeneralVi : band.adviceGeneralEn }),
      h('dt', { text: t('mon.adviceSensitive') }), h('dd', { text: vi ? band.adviceSensitiveVi : band.adviceSensitiveEn }),
    ]),
  ]);
}

async function aqiData(code, from, to, bands) {
  const points = await getAqi(code, from, to);
  const { times, values } = hourlyAxis(from, to, points, (p) => p.aqi);
  const last = points[points.length - 1];
  return {
    times, values, unit: 'VN_AQI', label: t('mon.aqiHourly'), limit: null, limitText: '', flagged: [],
    colour: bands.find((b) => b.band === last?.band)?.colour === '#ffff00' ? '#b59f00' : bands.find((b) => b.band === last?.band)?.colour,
  };
}

async function parameterData(code, parameter, from, to) {
  const answer = await getHourly(code, parameter, from, to);
  const series = answer.series[0];
  const { times, values } = hourlyAxis(from, to, series.values, (v) => v.value);
  const limit = limitToDraw(series.limits, new Date());
  return {
    times,
    values,
    unit: series.unit,
    label: `${series.parameter} – ${localized({ vi: series.nameVi, en: series.nameEn })}`,
    limit: limit?.high ?? null,
    limitText: limit ? t('mon.limit', { standard: limit.standard, averaging: limit.averaging }) : '',
    flagged: flaggedRanges(series.values),
  };
}

/** One slot per hour of the window, null where there is no value (so gaps show as gaps). */
function hourlyAxis(from, to, points, valueOf) {
  const byTime = new Map(points.map((p) => [Date.parse(p.time) / 1000, valueOf(p)]));
  const times = [];
  const values = [];
  for (let s = from.getTime() / 1000; s < to.getTime() / 1000; s += 3600) {
    times.push(s);
    const v = byTime.get(s);
    values.push(v === undefined || v === null ? null : v);
  }
  return { times, values };
}
