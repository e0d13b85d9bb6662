-- What the open-data pages and downloads say about each layer: its licence (terms of use) and how to
-- cite it (Art. 3.5, 8 and 9.3 of the regulation; docs/ogcapi.md).
ALTER TABLE catalogue.layers
    ADD COLUMN licence_vi text NOT NULL DEFAULT
        'Dữ liệu mở của thành phố Hải Phòng: dữ liệu đã công bố được sử dụng tự do, kể cả cho mục đích thương mại, với điều kiện trích dẫn nguồn (Điều 3, 8 và 9 của Quy chế).',
    ADD COLUMN licence_en text NOT NULL DEFAULT
        'Open data of Hải Phòng city: published data may be used freely, commercial use included, provided the source is cited (Articles 3, 8 and 9 of the regulation).',
    ADD COLUMN licence_url text,
    ADD COLUMN citation_vi text NOT NULL DEFAULT
        'Khi sử dụng thông tin, dữ liệu phải trích dẫn nguồn: Hệ thống thông tin môi trường thành phố Hải Phòng (Sở Nông nghiệp và Môi trường).',
    ADD COLUMN citation_en text NOT NULL DEFAULT
        'When using this information or data, cite the source: Hải Phòng City Environmental Information System (Department of Agriculture and Environment).';

-- Layers derived from OpenStreetMap carry its licence.
UPDATE catalogue.layers
SET licence_vi = 'Giấy phép Cơ sở dữ liệu mở (ODbL) 1.0 — © những người đóng góp OpenStreetMap',
    licence_en = 'Open Database License (ODbL) 1.0 — © OpenStreetMap contributors',
    licence_url = 'https://opendatacommons.org/licenses/odbl/1-0/'
WHERE attribution = '© OpenStreetMap contributors';
