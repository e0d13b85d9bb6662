-- The starting content of the monitoring catalogue (docs/monitoring.md): parameters with their aliases and
-- unit conversions, the VN_AQI bands of Decision 1459, and the limits of QCVN 05:2023 and what is known of
-- QCVN 08:2023. All of it is data the administrator edits through /api/monitoring/admin/...

INSERT INTO monitoring.parameters (code, name_vi, name_en, unit, decimals, aqi_pollutant) VALUES
 ('PM2.5', 'Bụi PM2.5', 'PM2.5', 'µg/m³', 1, 'PM2.5'),
 ('PM10', 'Bụi PM10', 'PM10', 'µg/m³', 1, 'PM10'),
 ('TSP', 'Bụi tổng số lơ lửng (TSP)', 'Total suspended particulates', 'µg/m³', 1, NULL),
 ('SO2', 'Lưu huỳnh đioxit (SO2)', 'Sulphur dioxide', 'µg/m³', 1, 'SO2'),
 ('NO2', 'Nitơ đioxit (NO2)', 'Nitrogen dioxide', 'µg/m³', 1, 'NO2'),
 ('NO', 'Nitơ monoxit (NO)', 'Nitrogen monoxide', 'µg/m³', 1, NULL),
 ('NOx', 'Nitơ oxit (NOx)', 'Nitrogen oxides', 'µg/m³', 1, NULL),
 ('CO', 'Cacbon monoxit (CO)', 'Carbon monoxide', 'µg/m³', 0, 'CO'),
 ('O3', 'Ôzôn (O3)', 'Ozone', 'µg/m³', 1, 'O3'),
 ('NH3', 'Amoniac (NH3)', 'Ammonia', 'µg/m³', 1, NULL),
 ('H2S', 'Hiđro sunfua (H2S)', 'Hydrogen sulphide', 'µg/m³', 1, NULL),
 ('TEMP', 'Nhiệt độ', 'Temperature', '°C', 1, NULL),
 ('RH', 'Độ ẩm', 'Relative humidity', '%', 0, NULL),
 ('WS', 'Tốc độ gió', 'Wind speed', 'm/s', 1, NULL),
 ('WD', 'Hướng gió', 'Wind direction', '°', 0, NULL),
 ('PRESSURE', 'Áp suất', 'Pressure', 'hPa', 1, NULL),
 ('pH', 'pH', 'pH', '', 2, NULL),
 ('DO', 'Ôxy hòa tan (DO)', 'Dissolved oxygen', 'mg/L', 2, NULL),
 ('TSS', 'Chất rắn lơ lửng (TSS)', 'Total suspended solids', 'mg/L', 1, NULL),
 ('COD', 'Nhu cầu ôxy hóa học (COD)', 'Chemical oxygen demand', 'mg/L', 1, NULL),
 ('BOD5', 'Nhu cầu ôxy sinh hóa (BOD5)', 'Biochemical oxygen demand (5 days)', 'mg/L', 1, NULL),
 ('NH4+', 'Amoni (NH4+ tính theo N)', 'Ammonium (as N)', 'mg/L', 2, NULL),
 ('NO3-', 'Nitrat (NO3- tính theo N)', 'Nitrate (as N)', 'mg/L', 2, NULL),
 ('PO4', 'Phosphat (PO4 tính theo P)', 'Phosphate (as P)', 'mg/L', 3, NULL),
 ('TN', 'Tổng nitơ', 'Total nitrogen', 'mg/L', 2, NULL),
 ('TP', 'Tổng phospho', 'Total phosphorus', 'mg/L', 3, NULL),
 ('EC', 'Độ dẫn điện', 'Conductivity', 'µS/cm', 0, NULL),
 ('TURBIDITY', 'Độ đục', 'Turbidity', 'NTU', 1, NULL),
 ('COLOR', 'Độ màu', 'Colour', 'Pt-Co', 0, NULL),
 ('FLOW', 'Lưu lượng', 'Flow', 'm³/h', 1, NULL),
 ('E-DUST', 'Bụi tổng (khí thải)', 'Dust (stack)', 'mg/Nm³', 1, NULL),
 ('E-SO2', 'SO2 (khí thải)', 'SO2 (stack)', 'mg/Nm³', 1, NULL),
 ('E-NOX', 'NOx (khí thải)', 'NOx (stack)', 'mg/Nm³', 1, NULL),
 ('E-CO', 'CO (khí thải)', 'CO (stack)', 'mg/Nm³', 1, NULL),
 ('E-O2', 'Ôxy dư (khí thải)', 'Oxygen (stack)', '%', 1, NULL);

-- Every code is an alias of itself; then the names vendors use (docs/monitoring.md).
INSERT INTO monitoring.parameter_aliases (alias, station_type, parameter_id)
SELECT upper(code), NULL, id FROM monitoring.parameters;

INSERT INTO monitoring.parameter_aliases (alias, station_type, parameter_id)
SELECT a.alias, a.station_type, p.id
FROM (VALUES
  ('PM-2-5', NULL, 'PM2.5'), ('PM25', NULL, 'PM2.5'), ('PM2_5', NULL, 'PM2.5'), ('PM 2.5', NULL, 'PM2.5'), ('BUI PM2.5', NULL, 'PM2.5'),
  ('PM-10', NULL, 'PM10'), ('PM 10', NULL, 'PM10'), ('BUI PM10', NULL, 'PM10'),
  ('BUI TSP', NULL, 'TSP'), ('BUI TONG', NULL, 'TSP'),
  ('TEMPERATURE', NULL, 'TEMP'), ('NHIET DO', NULL, 'TEMP'), ('T', NULL, 'TEMP'),
  ('HUMIDITY', NULL, 'RH'), ('DO AM', NULL, 'RH'), ('HUM', NULL, 'RH'),
  ('WIND SPEED', NULL, 'WS'), ('TOC DO GIO', NULL, 'WS'),
  ('WIND DIRECTION', NULL, 'WD'), ('HUONG GIO', NULL, 'WD'),
  ('P', NULL, 'PRESSURE'), ('AP SUAT', NULL, 'PRESSURE'), ('BAR', NULL, 'PRESSURE'),
  ('NH4', NULL, 'NH4+'), ('N-NH4', NULL, 'NH4+'), ('NH4-N', NULL, 'NH4+'), ('N-NH4+', NULL, 'NH4+'), ('AMONI', NULL, 'NH4+'),
  ('NO3', NULL, 'NO3-'), ('N-NO3', NULL, 'NO3-'), ('NO3-N', NULL, 'NO3-'), ('NITRAT', NULL, 'NO3-'),
  ('P-PO4', NULL, 'PO4'), ('PO43-', NULL, 'PO4'),
  ('TOC DO DONG CHAY', NULL, 'FLOW'), ('LUU LUONG', NULL, 'FLOW'), ('Q', NULL, 'FLOW'),
  ('DO DUC', NULL, 'TURBIDITY'), ('TUR', NULL, 'TURBIDITY'),
  ('DO MAU', NULL, 'COLOR'), ('COLOUR', NULL, 'COLOR'),
  ('DO DAN DIEN', NULL, 'EC'), ('COND', NULL, 'EC'),
  ('OXY HOA TAN', NULL, 'DO'),
  ('BOD', NULL, 'BOD5'),
  -- A stack's gases and dust are the emission parameters, in mg/Nm³.
  ('SO2', 'emission', 'E-SO2'), ('NOX', 'emission', 'E-NOX'), ('CO', 'emission', 'E-CO'),
  ('DUST', 'emission', 'E-DUST'), ('BUI', 'emission', 'E-DUST'), ('BUI TONG', 'emission', 'E-DUST'), ('TSP', 'emission', 'E-DUST'),
  ('PM', 'emission', 'E-DUST'), ('O2', 'emission', 'E-O2')
) AS a (alias, station_type, code)
JOIN monitoring.parameters AS p ON p.code = a.code;

-- Units (normalised: lower case, µ/μ → u, ³ → 3, no spaces) and their factor to the canonical unit. ppb/ppm of
-- the gases at 25 °C and 1 atm (QCVN 05's reference conditions): 1 ppb = M / 24.45 µg/m³.
INSERT INTO monitoring.parameter_units (parameter_id, unit, factor)
SELECT p.id, u.unit, u.factor
FROM monitoring.parameters AS p
JOIN (VALUES
  ('PM2.5', 'ug/m3', 1), ('PM2.5', 'ug/nm3', 1), ('PM2.5', 'mg/m3', 1000), ('PM2.5', 'mg/nm3', 1000),
  ('PM10', 'ug/m3', 1), ('PM10', 'ug/nm3', 1), ('PM10', 'mg/m3', 1000), ('PM10', 'mg/nm3', 1000),
  ('TSP', 'ug/m3', 1), ('TSP', 'ug/nm3', 1), ('TSP', 'mg/m3', 1000), ('TSP', 'mg/nm3', 1000),
  ('SO2', 'ug/m3', 1), ('SO2', 'ug/nm3', 1), ('SO2', 'mg/m3', 1000), ('SO2', 'mg/nm3', 1000), ('SO2', 'ppb', 64.066 / 24.45), ('SO2', 'ppm', 64066 / 24.45),
  ('NO2', 'ug/m3', 1), ('NO2', 'ug/nm3', 1), ('NO2', 'mg/m3', 1000), ('NO2', 'mg/nm3', 1000), ('NO2', 'ppb', 46.0055 / 24.45), ('NO2', 'ppm', 46005.5 / 24.45),
  ('NO', 'ug/m3', 1), ('NO', 'ug/nm3', 1), ('NO', 'mg/m3', 1000), ('NO', 'ppb', 30.006 / 24.45),
  ('NOx', 'ug/m3', 1), ('NOx', 'ug/nm3', 1), ('NOx', 'mg/m3', 1000),
  ('CO', 'ug/m3', 1), ('CO', 'ug/nm3', 1), ('CO', 'mg/m3', 1000), ('CO', 'mg/nm3', 1000), ('CO', 'ppm', 28010 / 24.45), ('CO', 'ppb', 28.010 / 24.45),
  ('O3', 'ug/m3', 1), ('O3', 'ug/nm3', 1), ('O3', 'mg/m3', 1000), ('O3', 'ppb', 47.997 / 24.45), ('O3', 'ppm', 47997 / 24.45),
  ('NH3', 'ug/m3', 1), ('NH3', 'mg/m3', 1000), ('H2S', 'ug/m3', 1), ('H2S', 'mg/m3', 1000),
  ('TEMP', '°c', 1), ('TEMP', 'oc', 1), ('TEMP', 'c', 1), ('TEMP', 'degc', 1), ('TEMP', 'doc', 1),
  ('RH', '%', 1), ('RH', '%rh', 1),
  ('WS', 'm/s', 1), ('WS', 'km/h', 1 / 3.6),
  ('WD', '°', 1), ('WD', 'deg', 1), ('WD', 'do', 1), ('WD', '', 1),
  ('PRESSURE', 'hpa', 1), ('PRESSURE', 'mbar', 1), ('PRESSURE', 'kpa', 10), ('PRESSURE', 'mmhg', 1.333224),
  ('pH', '', 1), ('pH', '-', 1), ('pH', 'ph', 1),
  ('DO', 'mg/l', 1), ('DO', 'g/m3', 1), ('TSS', 'mg/l', 1), ('TSS', 'g/m3', 1), ('COD', 'mg/l', 1), ('COD', 'g/m3', 1),
  ('BOD5', 'mg/l', 1), ('NH4+', 'mg/l', 1), ('NH4+', 'ug/l', 0.001), ('NO3-', 'mg/l', 1), ('PO4', 'mg/l', 1),
  ('TN', 'mg/l', 1), ('TP', 'mg/l', 1),
  ('EC', 'us/cm', 1), ('EC', 'ms/cm', 1000), ('TURBIDITY', 'ntu', 1), ('TURBIDITY', 'ftu', 1),
  ('COLOR', 'pt-co', 1), ('COLOR', 'ptco', 1),
  ('FLOW', 'm3/h', 1), ('FLOW', 'nm3/h', 1), ('FLOW', 'm3/s', 3600), ('FLOW', 'l/s', 3.6), ('FLOW', 'm3/day', 1 / 24.0), ('FLOW', 'm3/ngay', 1 / 24.0),
  ('E-DUST', 'mg/nm3', 1), ('E-DUST', 'mg/m3', 1), ('E-SO2', 'mg/nm3', 1), ('E-SO2', 'mg/m3', 1),
  ('E-NOX', 'mg/nm3', 1), ('E-NOX', 'mg/m3', 1), ('E-CO', 'mg/nm3', 1), ('E-CO', 'mg/m3', 1),
  ('E-O2', '%', 1), ('E-O2', '%vol', 1)
) AS u (code, unit, factor) ON u.code = p.code;

-- The bands of Decision 1459/QĐ-TCMT: ranges and colours as the Decision gives them; the meaning and
-- advice as the Decision's table reads in our copy (docs/monitoring.md: to be checked against the
-- signed text — the administrator corrects it here), English by the EnvGis team.
INSERT INTO monitoring.aqi_bands (band, low, high, colour, name_vi, name_en, meaning_vi, meaning_en,
                                  advice_general_vi, advice_general_en, advice_sensitive_vi, advice_sensitive_en, source) VALUES
 ('good', 0, 50, '#00e400', 'Tốt', 'Good',
  'Chất lượng không khí tốt, không ảnh hưởng tới sức khỏe.',
  'Air quality is good and does not affect health.',
  'Tự do thực hiện các hoạt động ngoài trời.', 'Enjoy outdoor activities freely.',
  'Tự do thực hiện các hoạt động ngoài trời.', 'Enjoy outdoor activities freely.',
  'Decision 1459/QĐ-TCMT (2019), band table; wording UNVERIFIED against the signed text'),
 ('moderate', 51, 100, '#ffff00', 'Trung bình', 'Moderate',
  'Chất lượng không khí ở mức chấp nhận được. Tuy nhiên, đối với những người nhạy cảm (người già, trẻ em, người mắc các bệnh hô hấp, tim mạch…) có thể chịu những tác động nhất định tới sức khỏe.',
  'Air quality is acceptable; however, sensitive people (the elderly, children, people with respiratory or heart disease) may feel some effects on their health.',
  'Tự do thực hiện các hoạt động ngoài trời.', 'Enjoy outdoor activities freely.',
  'Nên theo dõi các triệu chứng như ho hoặc khó thở, nhưng vẫn có thể hoạt động bên ngoài.',
  'Watch for symptoms such as coughing or shortness of breath; outdoor activities remain possible.',
  'Decision 1459/QĐ-TCMT (2019), band table; wording UNVERIFIED against the signed text'),
 ('poor', 101, 150, '#ff7e00', 'Kém', 'Poor',
  'Những người nhạy cảm gặp phải các vấn đề về sức khỏe, những người bình thường ít ảnh hưởng.',
  'Sensitive people experience health problems; the general public is less affected.',
  'Những người thấy có triệu chứng đau mắt, ho hoặc đau họng… nên cân nhắc giảm các hoạt động ngoài trời.',
  'People with sore eyes, a cough or a sore throat should consider reducing outdoor activities.',
  'Nên giảm các hoạt động mạnh và giảm thời gian hoạt động ngoài trời. Những người mắc bệnh hen suyễn có thể cần sử dụng thuốc thường xuyên hơn.',
  'Reduce strenuous activity and time spent outdoors. People with asthma may need their medicine more often.',
  'Decision 1459/QĐ-TCMT (2019), band table; wording UNVERIFIED against the signed text'),
 ('bad', 151, 200, '#ff0000', 'Xấu', 'Bad',
  'Những người bình thường bắt đầu có các ảnh hưởng tới sức khỏe, nhóm người nhạy cảm có thể gặp những vấn đề sức khỏe nghiêm trọng hơn.',
  'Everyone may begin to feel health effects; sensitive people may have more serious health problems.',
  'Mọi người nên giảm các hoạt động mạnh khi ở ngoài trời, tránh tập thể dục kéo dài và nghỉ ngơi nhiều hơn trong nhà.',
  'Everyone should reduce strenuous outdoor activity, avoid prolonged exercise and rest more indoors.',
  'Nên ở trong nhà và giảm hoạt động mạnh. Nếu cần thiết phải ra ngoài, hãy đeo khẩu trang đạt tiêu chuẩn.',
  'Stay indoors and reduce strenuous activity. If you must go out, wear a mask that meets the standard.',
  'Decision 1459/QĐ-TCMT (2019), band table; wording UNVERIFIED against the signed text'),
 ('very_bad', 201, 300, '#8f3f97', 'Rất xấu', 'Very bad',
  'Cảnh báo hưởng tới sức khỏe: mọi người bị ảnh hưởng tới sức khỏe nghiêm trọng hơn.',
  'Health warning: everyone may experience more serious health effects.',
  'Mọi người hạn chế tối đa các hoạt động ngoài trời và chuyển tất cả các hoạt động vào trong nhà. Nếu cần thiết phải ra ngoài, hãy đeo khẩu trang đạt tiêu chuẩn.',
  'Everyone should keep outdoor activity to a minimum and move activities indoors. If you must go out, wear a mask that meets the standard.',
  'Nên ở trong nhà và giảm hoạt động mạnh.', 'Stay indoors and reduce strenuous activity.',
  'Decision 1459/QĐ-TCMT (2019), band table; wording UNVERIFIED against the signed text'),
 ('hazardous', 301, 500, '#7e0023', 'Nguy hại', 'Hazardous',
  'Cảnh báo khẩn cấp về sức khỏe: toàn bộ dân số bị ảnh hưởng tới sức khỏe tới mức nghiêm trọng.',
  'Health alert: the whole population may experience serious health effects.',
  'Mọi người nên ở trong nhà, đóng cửa ra vào và cửa sổ. Nếu cần thiết phải ra ngoài, hãy đeo khẩu trang đạt tiêu chuẩn.',
  'Everyone should stay indoors with doors and windows closed. If you must go out, wear a mask that meets the standard.',
  'Mọi người nên ở trong nhà, đóng cửa ra vào và cửa sổ. Nếu cần thiết phải ra ngoài, hãy đeo khẩu trang đạt tiêu chuẩn.',
  'Everyone should stay indoors with doors and windows closed. If you must go out, wear a mask that meets the standard.',
  'Decision 1459/QĐ-TCMT (2019), band table; wording UNVERIFIED against the signed text');

-- QCVN 05:2023/BTNMT Table 1 (µg/Nm³ at 25 °C, 760 mmHg) and two substances of Table 2, for air stations.
-- PM2.5's 24-hour limit is 50 until 31 Dec 2025 and 45 from 1 Jan 2026.
INSERT INTO monitoring.limits (standard, parameter_id, averaging, station_types, high, valid_from, valid_to, source, verified)
SELECT 'QCVN 05:2023/BTNMT', p.id, l.averaging, '{air}', l.high, l.valid_from::date, l.valid_to::date,
       'QCVN 05:2023/BTNMT (Circular 01/2023/TT-BTNMT), ' || l.tbl, true
FROM (VALUES
  ('SO2', '1h', 350, NULL, NULL, 'Table 1'), ('SO2', '24h', 125, NULL, NULL, 'Table 1'), ('SO2', 'year', 50, NULL, NULL, 'Table 1'),
  ('CO', '1h', 30000, NULL, NULL, 'Table 1'), ('CO', '8h', 10000, NULL, NULL, 'Table 1'),
  ('NO2', '1h', 200, NULL, NULL, 'Table 1'), ('NO2', '24h', 100, NULL, NULL, 'Table 1'), ('NO2', 'year', 40, NULL, NULL, 'Table 1'),
  ('O3', '1h', 200, NULL, NULL, 'Table 1'), ('O3', '8h', 120, NULL, NULL, 'Table 1'),
  ('TSP', '1h', 300, NULL, NULL, 'Table 1'), ('TSP', '24h', 200, NULL, NULL, 'Table 1'), ('TSP', 'year', 100, NULL, NULL, 'Table 1'),
  ('PM10', '24h', 100, NULL, NULL, 'Table 1'), ('PM10', 'year', 50, NULL, NULL, 'Table 1'),
  ('PM2.5', '24h', 50, NULL, '2026-01-01', 'Table 1'), ('PM2.5', '24h', 45, '2026-01-01', NULL, 'Table 1'),
  ('PM2.5', 'year', 25, NULL, NULL, 'Table 1'),
  ('NH3', '1h', 200, NULL, NULL, 'Table 2'), ('H2S', '1h', 42, NULL, NULL, 'Table 2')
) AS l (code, averaging, high, valid_from, valid_to, tbl)
JOIN monitoring.parameters AS p ON p.code = l.code;

-- QCVN 08:2023/BTNMT for surface water stations: the health limit of ammonium (every class) and the
-- class A/B values known to us (UNVERIFIED: verified = false until checked against the Circular).
INSERT INTO monitoring.limits (standard, parameter_id, averaging, zone, station_types, low, high, source, verified, note)
SELECT 'QCVN 08:2023/BTNMT', p.id, '1h', l.zone, '{surface_water}', l.low, l.high, 'QCVN 08:2023/BTNMT', l.verified,
       'Continuous readings compared as hourly means (docs/monitoring.md)'
FROM (VALUES
  ('NH4+', NULL, NULL, 0.3, true),
  ('pH', 'A', 6.0, 8.5, false), ('pH', 'B', 6.0, 8.5, false),
  ('BOD5', 'A', NULL, 4, false), ('BOD5', 'B', NULL, 6, false),
  ('COD', 'A', NULL, 10, false), ('COD', 'B', NULL, 15, false)
) AS l (code, zone, low, high, verified)
JOIN monitoring.parameters AS p ON p.code = l.code;
