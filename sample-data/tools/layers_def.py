"""The approximate and illustrative records of EnvGis sample data (used by build_sample_data.py).

Everything here is either APPROXIMATE (real things, positions/shapes drawn by hand from general
geographic knowledge) or ILLUSTRATIVE (invented records: enterprises, inspections, incidents ...).
Invented organisations carry "(minh họa)" in their names; invented decision/permit numbers start
with "MH-" so that they can never be mistaken for real documents.
"""

D_VI = 'Dữ liệu minh họa EnvGis, không phải số liệu chính thức'
CC0 = 'EnvGis sample data (illustrative), CC0 1.0'
APPROX = 'EnvGis sample data (approximate geometry), CC0 1.0'

# Invented enterprises: code, name_vi, name_en, location (lon, lat)
ENTERPRISES = [
    ('dn-thep-hai-long', 'Công ty TNHH Thép Hải Long (minh họa)', 'Hai Long Steel Co., Ltd. (illustrative)',
     (106.6255, 20.9380)),
    ('dn-giay-song-cam', 'Công ty Cổ phần Giấy Sông Cấm (minh họa)', 'Song Cam Paper JSC (illustrative)',
     (106.6410, 20.9150)),
    ('dn-vlxd-da-trang', 'Công ty Cổ phần Vật liệu xây dựng Đá Trắng (minh họa)',
     'Da Trang Building Materials JSC (illustrative)', (106.6000, 21.0400)),
    ('dn-det-nhuom-tu-ky', 'Công ty TNHH Dệt nhuộm Tứ Kỳ Xanh (minh họa)',
     'Tu Ky Xanh Textile Dyeing Co., Ltd. (illustrative)', (106.4050, 20.8250)),
    ('dn-nhua-dinh-vu', 'Công ty TNHH Nhựa tái sinh Đình Vũ (minh họa)',
     'Dinh Vu Recycled Plastics Co., Ltd. (illustrative)', (106.7850, 20.8460)),
]
ENT = {code: (name_vi, loc) for code, name_vi, _, loc in ENTERPRISES}

AIR_PARAMS = 'PM2.5, PM10, TSP, SO2, NO2, CO, O3'
WATER_PARAMS = 'Nhiệt độ, pH, DO, TSS, COD, N-NH4+, P-PO4 3-'
MEASURED = '2025-11-20T14:00:00+07:00'


def build(b):
    h = b.helpers
    units(b)
    monitoring_stations(b, h)
    protected_areas(b, h)
    species(b, h)
    eia(b, h)
    waste_sources(b, h)
    scrap(b, h)
    polluted(b, h)
    sensitive(b, h)
    incidents(b, h)
    industrial_parks(b, h)
    craft_villages(b, h)
    rivers(b, h)
    river_basins(b, h)
    treatment(b, h)
    inspections(b, h)


def pt(lon, lat):
    return {'type': 'Point', 'coordinates': [round(lon, 6), round(lat, 6)]}


def units(b):
    head = [
        ('so-nnmt', 'Sở Nông nghiệp và Môi trường', 'Department of Agriculture and Environment', 'department'),
        ('so-xay-dung', 'Sở Xây dựng', 'Department of Construction', 'city_department'),
        ('so-cong-thuong', 'Sở Công Thương', 'Department of Industry and Trade', 'city_department'),
        ('so-y-te', 'Sở Y tế', 'Department of Health', 'city_department'),
        ('so-khcn', 'Sở Khoa học và Công nghệ', 'Department of Science and Technology', 'city_department'),
        ('bql-kkt', 'Ban Quản lý khu kinh tế Hải Phòng', 'Hai Phong Economic Zone Authority',
         'economic_zone_authority'),
    ]
    lst = [{'code': c, 'name_vi': vi, 'name_en': en, 'kind': k, 'commune_code': None, 'self_approve': True}
           for c, vi, en, k in head]
    lst += b.units
    for code, vi, en, (lon, lat) in ENTERPRISES:
        cc = b.commune_at(lon, lat)
        assert cc, code
        lst.append({'code': code, 'name_vi': vi, 'name_en': en, 'kind': 'enterprise', 'commune_code': cc,
                    'self_approve': False})
    lst.append({'code': 'ket-noi-bo-nnmt', 'name_vi': 'Kết nối Bộ Nông nghiệp và Môi trường',
                'name_en': 'Ministry of Agriculture and Environment connection', 'kind': 'client',
                'commune_code': None, 'self_approve': False})
    b.units = lst


def commune_owner(b, lon, lat, expected):
    """Unit code of the commune containing lon/lat; checks it is the expected commune."""
    code = b.commune_at(lon, lat)
    want = b.commune_by_name[expected]
    assert code == want, 'point %f %f is in %s, not %s (%s)' % (lon, lat, code, want, expected)
    return 'xa-' + code.lower(), code


# ------------------------------------------------------------------------------------------------
def monitoring_stations(b, h):
    L = 'monitoring_stations'
    src_named = ('Tên trạm: mạng quan trắc tự động tỉnh Hải Dương cũ (docs/vietnam-gis.md); vị trí GẦN ĐÚNG '
                 'gần địa danh, chưa đối chiếu tọa độ chính thức; giá trị AQI minh họa')
    named = [
        # code, name, type, lon, lat, aqi
        ('KK-HD-01', 'Trạm không khí tự động Tân Bình', 'air', 106.3250, 20.9450, 68),
        ('KK-HD-02', 'Trạm không khí tự động An Lưu', 'air', 106.5400, 20.9930, 104),
        ('KK-HD-03', 'Trạm không khí tự động Duy Tân', 'air', 106.5850, 21.0400, 131),
        ('KK-HD-04', 'Trạm không khí tự động Sao Đỏ', 'air', 106.3920, 21.1080, 57),
        ('KK-HD-05', 'Trạm không khí tự động Cổ Dũng', 'air', 106.4750, 20.9450, 82),
        ('NM-HD-01', 'Trạm nước mặt tự động sông Thái Bình – Nhân Huệ', 'surface_water', 106.3200, 21.0730, None),
        ('NM-HD-02', 'Trạm nước mặt tự động sông Sặt – Cống Tranh', 'surface_water', 106.2850, 20.8745, None),
        ('NM-HD-03', 'Trạm nước mặt tự động sông Cửu An – Chùa Khu', 'surface_water', 106.1900, 20.7840, None),
        ('NM-HD-04', 'Trạm nước mặt tự động sông Luộc – Mỹ Động', 'surface_water', 106.3300, 20.7130, None),
        ('NM-HD-05', 'Trạm nước mặt tự động sông Thứa – Mậu Duyệt', 'surface_water', 106.2300, 20.9050, None),
    ]
    for code, name, typ, lon, lat, aqi in named:
        b.add(L, pt(lon, lat), {
            'code': code, 'name': name, 'station_type': typ, 'automatic': True,
            'operator': 'Sở Nông nghiệp và Môi trường Hải Phòng',
            'parameters': AIR_PARAMS if typ == 'air' else WATER_PARAMS,
            'aqi': aqi, 'measured_at': MEASURED,
        }, owner='so-nnmt', status='published', source=src_named, citation=APPROX)
    extra = [
        # code, name, type, automatic, lon, lat, aqi, owner, status, extra kwargs
        ('KK-HP-01', 'Điểm quan trắc không khí nút giao Lạch Tray (minh họa)', 'air', False, 106.6900, 20.8380,
         88, 'so-nnmt', 'published', {}),
        ('NM-HP-01', 'Trạm nước mặt tự động sông Cấm – Hồng Bàng (minh họa)', 'surface_water', True,
         106.6600, 20.8750, None, 'so-nnmt', 'published', {}),
        ('NB-HP-01', 'Điểm quan trắc nước biển ven bờ bãi tắm Đồ Sơn (minh họa)', 'coastal_water', False,
         106.7950, 20.7050, None, 'so-nnmt', 'published', {}),
        ('NT-KKT-01', 'Trạm nước thải tự động nhà máy XLNT tập trung KCN Đình Vũ (minh họa)', 'wastewater',
         True, 106.7800, 20.8470, None, 'bql-kkt', 'published', {}),
        ('KT-DN-01', 'Trạm khí thải tự động ống khói lò điện hồ quang – Thép Hải Long (minh họa)', 'emission',
         True, 106.6262, 20.9384, None, 'dn-thep-hai-long', 'submitted', {}),
        ('NN-HP-01', 'Giếng quan trắc nước dưới đất Kiến An (minh họa)', 'groundwater', False, 106.6300,
         20.8050, None, 'so-nnmt', 'draft', {}),
        ('KK-HP-00', 'Điểm quan trắc không khí Cầu Rào cũ (đã ngừng, minh họa)', 'air', False, 106.6760,
         20.8330, 120, 'so-nnmt', 'archived', {'valid_from': '2015-01-01', 'valid_to': '2024-12-31'}),
    ]
    params = {'air': AIR_PARAMS, 'surface_water': WATER_PARAMS, 'coastal_water': WATER_PARAMS + ', dầu mỡ khoáng',
              'wastewater': 'Lưu lượng, pH, COD, TSS, N-NH4+, nhiệt độ',
              'emission': 'Lưu lượng, bụi tổng, SO2, NOx, CO, O2, nhiệt độ',
              'groundwater': 'pH, độ cứng, Fe, Mn, As, N-NH4+, Cl-'}
    for code, name, typ, auto, lon, lat, aqi, owner, status, kw in extra:
        b.add(L, pt(lon, lat), {
            'code': code, 'name': name, 'station_type': typ, 'automatic': auto,
            'operator': {'bql-kkt': 'Công ty hạ tầng KCN (minh họa)',
                         'dn-thep-hai-long': ENT['dn-thep-hai-long'][0]}.get(owner, 'Sở Nông nghiệp và Môi trường Hải Phòng'),
            'parameters': params[typ], 'aqi': aqi,
            'measured_at': MEASURED if status != 'archived' else '2024-12-31T23:00:00+07:00',
        }, owner=owner, status=status, source=D_VI, citation=CC0, **kw)


# ------------------------------------------------------------------------------------------------
NP = [(106.975, 20.790), (106.985, 20.830), (107.010, 20.855), (107.050, 20.856), (107.090, 20.845),
      (107.140, 20.830), (107.170, 20.800), (107.160, 20.770), (107.110, 20.760), (107.080, 20.770),
      (107.055, 20.760), (107.030, 20.745), (107.000, 20.755), (106.980, 20.770)]
# Decision 79-CT (1986): 20°43'50"–20°51'29" N, 106°58'20"–107°10'05" E (docs/vietnam-gis.md gives 107°10'50" E;
# the stricter east bound satisfies both)
NP_BBOX = (106 + 58 / 60 + 20 / 3600, 20 + 43 / 60 + 50 / 3600, 107 + 10 / 60 + 5 / 3600, 20 + 51 / 60 + 29 / 3600)
CORE = [(106.990, 20.790), (107.000, 20.825), (107.030, 20.845), (107.065, 20.840), (107.085, 20.815),
        (107.080, 20.785), (107.055, 20.770), (107.020, 20.768)]
CAT_HAI_ISLAND = [(106.845, 20.795), (106.850, 20.813), (106.895, 20.816), (106.912, 20.800), (106.880, 20.789)]


def scaled(h, coords, s):
    g = h.lit(h.poly(coords))
    return 'ST_Scale(%s::geometry, ST_MakePoint(%f, %f), ST_Centroid(%s::geometry))' % (g, s, s, g)


def tune(b, expr_of, target_ha, lo, hi, steps=40):
    """Bisection on a parameter so that the area of expr_of(p) reaches target_ha (monotone increasing)."""
    for _ in range(steps):
        mid = (lo + hi) / 2
        ha = b.helpers.one('SELECT ST_Area((%s)::geography) / 10000 AS ha' % expr_of(mid))['ha']
        if ha < target_ha:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def protected_areas(b, h):
    L = 'protected_areas'
    bbox = 'ST_MakeEnvelope(%f, %f, %f, %f, 4326)' % NP_BBOX
    # national park: hand-drawn, clipped to its published bbox, scaled to about 16 300 ha
    np_of = lambda s: 'ST_Intersection(%s, %s)' % (scaled(h, NP, s), bbox)
    s_np = tune(b, np_of, 16300, 0.8, 1.2)
    np_sql = np_of(s_np)
    g, ha, _ = b.geom(np_sql, 'MultiPolygon')
    src_np = ('Quyết định 79-CT (31/3/1986): thành lập, phạm vi tọa độ 20°43′50″–20°51′29″ N, 106°58′20″–107°10′05″ E; '
              'diện tích ~16 000–17 000 ha (tài liệu công khai); ranh giới GẦN ĐÚNG vẽ tay trong phạm vi đó')
    b.add(L, g, {'name': 'Vườn quốc gia Cát Bà', 'kind': 'national_park', 'area_ha': round(ha),
                 'established_year': 1986,
                 'decision': 'Quyết định số 79-CT ngày 31/3/1986 của Chủ tịch Hội đồng Bộ trưởng',
                 'managing_body': 'Ban Quản lý Vườn quốc gia Cát Bà'},
          owner='so-nnmt', status='published', source=src_np, citation=APPROX)
    # biosphere reserve zones (UNESCO 2004): core 8 500, buffer 7 741, transition 10 000 ha
    core_of = lambda s: 'ST_Intersection(%s, %s)' % (scaled(h, CORE, s), np_sql)
    core_sql = core_of(tune(b, core_of, 8500, 0.9, 1.6))
    buf_of = lambda s: 'ST_Difference(ST_Intersection(%s, %s), %s)' % (scaled(h, NP, s), bbox, core_sql)
    s_buf = tune(b, buf_of, 7741, 0.8, 1.3)
    buf_outer = 'ST_Intersection(%s, %s)' % (scaled(h, NP, s_buf), bbox)
    buf_sql = buf_of(s_buf)
    tr_of = lambda d: ('ST_Difference(ST_Union(ST_Buffer((%s)::geography, %f)::geometry, %s::geometry), %s)'
                       % (buf_outer, d, h.lit(h.poly(CAT_HAI_ISLAND)), buf_outer))
    tr_sql = tr_of(tune(b, tr_of, 10000, 200, 4000))
    src_br = ('Khu dự trữ sinh quyển quần đảo Cát Bà (UNESCO, 2004): 26 240 ha gồm vùng lõi 8 500 ha, vùng đệm '
              '7 741 ha, vùng chuyển tiếp 10 000 ha. Ranh giới MINH HỌA dựng quanh VQG Cát Bà, diện tích hình '
              'xấp xỉ số liệu công bố')
    for name, kind, sql, pub_ha in (('Khu dự trữ sinh quyển quần đảo Cát Bà – vùng lõi', 'biosphere_core', core_sql, 8500),
                                    ('Khu dự trữ sinh quyển quần đảo Cát Bà – vùng đệm', 'biosphere_buffer', buf_sql, 7741),
                                    ('Khu dự trữ sinh quyển quần đảo Cát Bà – vùng chuyển tiếp', 'biosphere_transition', tr_sql, 10000)):
        g, ha, _ = b.geom(sql, 'MultiPolygon')
        b.add(L, g, {'name': name, 'kind': kind, 'area_ha': pub_ha, 'established_year': 2004,
                     'decision': 'UNESCO MAB, 2004',
                     'managing_body': 'Ban Quản lý Khu dự trữ sinh quyển quần đảo Cát Bà'},
              owner='so-nnmt', status='published', source=src_br, citation=CC0)
    # Bạch Long Vĩ marine protected area: island plus waters (30 m isobath approximated by a blob)
    g, ha, _ = b.geom(h.lit(h.blob(107.724, 20.133, 7500, seed=7, n=14, jitter=0.18, stretch=1.25, angle=35)),
                      'MultiPolygon')
    b.add(L, g, {'name': 'Khu bảo tồn biển Bạch Long Vĩ', 'kind': 'marine_protected_area', 'area_ha': round(ha),
                 'established_year': 2013, 'decision': 'Quyết định số 2630/QĐ-TTg năm 2013 của Thủ tướng Chính phủ',
                 'managing_body': 'UBND đặc khu Bạch Long Vĩ'},
          owner='so-nnmt', status='published',
          source='Quyết định 2630/QĐ-TTg (2013): đảo và vùng nước đến đường đẳng sâu 30 m; ranh giới MINH HỌA '
                 '(hình bao gần đúng quanh đảo), area_ha là diện tích hình vẽ',
          citation=CC0)
    # Côn Sơn – Kiếp Bạc historical forest (landscape protection), approximate
    g, ha, _ = b.geom(h.lit(h.blob(106.405, 21.140, 2300, seed=11, n=12, jitter=0.2, stretch=1.4, angle=-30)),
                      'MultiPolygon')
    b.add(L, g, {'name': 'Rừng đặc dụng di tích lịch sử Côn Sơn – Kiếp Bạc', 'kind': 'landscape_protection',
                 'area_ha': round(ha), 'managing_body': 'Ban Quản lý di tích Côn Sơn – Kiếp Bạc'},
          owner='so-nnmt', status='published',
          source='Khu rừng di tích Côn Sơn – Kiếp Bạc (Chí Linh); vị trí GẦN ĐÚNG, ranh giới MINH HỌA',
          citation=CC0)
    # proposed bird habitat at the Văn Úc mouth / Tiên Lãng coast (draft)
    g, ha, _ = b.geom(h.lit(h.poly([(106.668, 20.640), (106.690, 20.668), (106.722, 20.676), (106.748, 20.660),
                                     (106.728, 20.628), (106.690, 20.622)])), 'MultiPolygon')
    b.add(L, g, {'name': 'Sinh cảnh chim di cư cửa sông Văn Úc – bãi bồi Tiên Lãng (đề xuất, minh họa)',
                 'kind': 'species_habitat', 'area_ha': round(ha)},
          owner='so-nnmt', status='draft', source=D_VI, citation=CC0)


# ------------------------------------------------------------------------------------------------
def species(b, h):
    L = 'species_occurrences'
    langur = ('Trachypithecus poliocephalus', 'Voọc Cát Bà (voọc đầu vàng)', 'mammal', 'CR')
    spoonbill = ('Platalea minor', 'Cò thìa', 'bird', 'EN')
    recs = [
        (langur, 107.0300, 20.8150, '2025-03-14', 12, 'so-nnmt', 'published'),
        (langur, 107.0650, 20.8000, '2024-10-02', 7, 'so-nnmt', 'approved'),
        (spoonbill, 106.7000, 20.6520, '2025-01-18', 35, 'so-nnmt', 'published'),
    ]
    src = ('Loài và mức đe dọa: Sách Đỏ Việt Nam; vị trí, ngày, số cá thể MINH HỌA (dữ liệu hạn chế, '
           'không công khai)')
    for (sci, vi, grp, rb), lon, lat, day, n, owner, status in recs:
        b.add(L, pt(lon, lat), {'species_name': sci, 'common_name_vi': vi, 'species_group': grp,
                                'red_book_status': rb, 'observed_on': day, 'individuals': n},
              owner=owner, status=status, source=src, citation=CC0)
    owner, cc = commune_owner(b, 107.0450, 20.7450, 'Cát Hải')
    b.add(L, pt(107.0450, 20.7450), {'species_name': langur[0], 'common_name_vi': langur[1], 'species_group': 'mammal',
                                     'red_book_status': 'CR', 'observed_on': '2025-11-02', 'individuals': 3},
          owner=owner, status='draft', commune_code=cc, source=src, citation=CC0)


# ------------------------------------------------------------------------------------------------
def eia(b, h):
    L = 'eia_projects'
    recs = [
        ('Dự án mở rộng nhà máy luyện thép Hải Long (minh họa)', ENT['dn-thep-hai-long'][0], 'eia',
         'MH-1021/QĐ-UBND', '2024-06-12', 'issued', None, (106.6270, 20.9375, 24, 1.6, 20), 'so-nnmt', 'published', {}),
        ('Dây chuyền giấy bao bì số 2 – Giấy Sông Cấm (minh họa)', ENT['dn-giay-song-cam'][0], 'environmental_permit',
         'MH-88/GPMT-UBND', '2023-09-05', 'issued', '2030-09-05', (106.6420, 20.9155, 12, 1.3, -10), 'so-nnmt',
         'published', {'valid_from': '2023-09-05', 'valid_to': '2030-09-05'}),
        ('Quy hoạch khu đô thị sinh thái ven sông Thái Bình (minh họa)', 'Ban Quản lý dự án đô thị (minh họa)', 'sea',
         None, None, 'pending', None, (106.3900, 20.9950, 180, 1.8, 60), 'so-nnmt', 'submitted', {}),
        ('Trạm nghiền clinker Đá Trắng (minh họa)', ENT['dn-vlxd-da-trang'][0], 'eia', None, None, 'pending', None,
         (106.6010, 21.0385, 8, 1.4, 0), 'so-nnmt', 'rejected', {}),
        ('Kho hóa chất lỏng Đình Vũ – giai đoạn 1 (minh họa)', ENT['dn-nhua-dinh-vu'][0], 'environmental_permit',
         'MH-205/GPMT-BQL', '2021-04-20', 'revoked', '2028-04-20', (106.7890, 20.8430, 15, 1.5, 25), 'bql-kkt',
         'published', {}),
        ('Nhà máy gạch tuynel Tứ Kỳ (minh họa)', ENT['dn-det-nhuom-tu-ky'][0], 'environmental_permit',
         'MH-17/GPMT-UBND', '2018-03-01', 'expired', '2024-03-01', (106.4150, 20.8150, 6, 1.2, 0), 'so-nnmt',
         'archived', {'valid_from': '2018-03-01', 'valid_to': '2024-03-01'}),
    ]
    for name, inv, dt, num, day, ps, exp, (lon, lat, ha, asp, ang), owner, status, kw in recs:
        g, _, _ = b.geom(h.lit(h.rect(lon, lat, ha, asp, ang)), 'MultiPolygon')
        b.add(L, g, {'project_name': name, 'investor': inv, 'document_type': dt, 'decision_number': num,
                     'decision_date': day, 'permit_status': ps, 'expires_on': exp},
              owner=owner, status=status, source=D_VI, citation=CC0, **kw)


# ------------------------------------------------------------------------------------------------
def waste_sources(b, h):
    L = 'waste_sources'
    recs = [
        ('Xưởng "Hải & Long" <Cơ sở 2>', 'industrial', 1200, 45, True, 106.6245, 20.9372, 'dn-thep-hai-long',
         'submitted', {}),
        ('Nhà máy Giấy Sông Cấm (minh họa)', 'industrial', 5400, 1800, False, 106.6410, 20.9150,
         'dn-giay-song-cam', 'published', {}),
        ('Bệnh viện đa khoa khu vực phía tây (minh họa)', 'medical', 85, 350, True, 106.3280, 20.9330,
         'so-y-te', 'published', {}),
        ('Khu dân cư ven kênh An Kim Hải (minh họa)', 'domestic', 2600, 4200, False, 106.7120, 20.8450,
         'so-nnmt', 'published', {}),
        ('Mỏ đá vôi Nhị Chiểu – khu khai thác số 3 (minh họa)', 'mining', 15000, 120, False, 106.6000, 21.0400,
         'dn-vlxd-da-trang', 'published', {'restricted': True}),
        ('Cơ sở tái chế ắc quy chì (minh họa)', 'hazardous', 300, 15, True, 106.5700, 20.8700, 'so-nnmt',
         'draft', {}),
    ]
    for name, typ, t, m3, haz, lon, lat, owner, status, kw in recs:
        b.add(L, pt(lon, lat), {'name': name, 'source_type': typ, 'waste_tonnes_per_year': t,
                                'wastewater_m3_per_day': m3, 'hazardous': haz},
              owner=owner, status=status, source=D_VI, citation=CC0, **kw)
    # a commune's own record (approved by the commune chairman)
    owner, cc = commune_owner(b, 106.4450, 20.8920, 'Thanh Hà')
    b.add(L, pt(106.4450, 20.8920), {'name': 'Trang trại chăn nuôi lợn tập trung Thanh Hà (minh họa)',
                                     'source_type': 'agricultural', 'waste_tonnes_per_year': 900,
                                     'wastewater_m3_per_day': 60, 'hazardous': False},
          owner=owner, status='approved', commune_code=cc, source=D_VI, citation=CC0)


# ------------------------------------------------------------------------------------------------
def scrap(b, h):
    L = 'scrap_import_facilities'
    recs = [
        ('Kho phế liệu thép nhập khẩu – Thép Hải Long (minh họa)', 'steel', 'MH-12/GXN-BNNMT', '2027-03-31',
         250000, 106.6280, 20.9360, 'so-nnmt', 'published', {}),
        ('Kho giấy phế liệu nhập khẩu – Giấy Sông Cấm (minh họa)', 'paper', 'MH-07/GXN-BNNMT', '2026-08-15',
         60000, 106.6430, 20.9170, 'so-nnmt', 'published', {}),
        ('Kho nhựa phế liệu – Nhựa tái sinh Đình Vũ (minh họa)', 'plastic', 'MH-31/GXN-BTNMT', '2024-12-31',
         8000, 106.7855, 20.8465, 'bql-kkt', 'archived', {'valid_from': '2021-12-31', 'valid_to': '2024-12-31'}),
    ]
    for name, typ, cert, exp, quota, lon, lat, owner, status, kw in recs:
        b.add(L, pt(lon, lat), {'name': name, 'scrap_type': typ, 'certificate_number': cert,
                                'certificate_expires': exp, 'annual_quota_tonnes': quota},
              owner=owner, status=status, source=D_VI, citation=CC0, **kw)


# ------------------------------------------------------------------------------------------------
def polluted(b, h):
    L = 'polluted_zones'
    # commune-owned, submitted for the chairman's approval; drawn well inside the commune
    owner, cc = commune_owner(b, 106.6020, 21.0350, 'Nhị Chiểu')
    g, _, _ = b.geom('ST_Intersection(%s::geometry, (SELECT ST_Buffer(g, -0.001) FROM scratch.sd_communes WHERE code = %s))'
                     % (h.lit(h.blob(106.6000, 21.0370, 900, seed=3, n=10)), h.lit(cc)), 'MultiPolygon')
    b.add(L, g, {'name': 'Khu vực bụi khai thác, chế biến đá vôi Nhị Chiểu (minh họa)', 'pollution_type': 'air',
                 'severity': 'high', 'main_pollutant': 'Bụi PM10, TSP', 'detected_on': '2025-10-15',
                 'mitigation': 'Phun sương dập bụi, che phủ bãi chứa, trồng cây xanh cách ly'},
          owner=owner, status='submitted', commune_code=cc, source=D_VI, citation=CC0)
    recs = [
        ('Trầm tích nhiễm dầu khu vực cảng sông Cấm (minh họa)', 'sediment', 'medium',
         'Dầu mỡ khoáng, kim loại nặng (Cu, Zn)', '2024-08-20', 'Nạo vét, xử lý bùn nạo vét như chất thải nguy hại',
         h.rect(106.7000, 20.8690, 110, 4.0, -8), 'so-nnmt', 'published', {}),
        ('Điểm ô nhiễm tồn lưu hóa chất bảo vệ thực vật (minh họa)', 'soil', 'critical', 'DDT, 666',
         '2019-05-06', 'Khoanh vùng, cấm canh tác, xử lý đất ô nhiễm', h.blob(106.3800, 20.7420, 180, seed=5, n=9),
         'so-nnmt', 'published', {'restricted': True}),
        ('Kênh tiêu nhiễm nước thải làng nghề kim hoàn (minh họa)', 'water', 'medium', 'Xyanua, kim loại nặng',
         '2023-12-01', 'Thu gom, xử lý nước thải tập trung cho làng nghề', h.rect(106.2030, 20.8640, 28, 6.0, 35),
         'so-nnmt', 'approved', {}),
        ('Khu vực tiếng ồn giao thông cảng Đình Vũ (minh họa)', 'noise', 'low', 'Tiếng ồn giao thông (dBA)',
         '2025-06-30', 'Phân luồng xe container, trồng dải cây xanh', h.rect(106.7650, 20.8500, 160, 3.0, 20),
         'bql-kkt', 'draft', {}),
    ]
    for name, typ, sev, main, day, mit, wkt, owner, status, kw in recs:
        g, _, _ = b.geom(h.lit(wkt), 'MultiPolygon')
        b.add(L, g, {'name': name, 'pollution_type': typ, 'severity': sev, 'main_pollutant': main,
                     'detected_on': day, 'mitigation': mit},
              owner=owner, status=status, source=D_VI, citation=CC0, **kw)


# ------------------------------------------------------------------------------------------------
def sensitive(b, h):
    L = 'sensitive_zones'
    recs = [
        ('Rừng ngập mặn ven biển Tiên Lãng', 'mangrove',
         'Đai rừng ngập mặn phòng hộ ven biển; vị trí gần đúng',
         h.poly([(106.640, 20.628), (106.662, 20.648), (106.690, 20.660), (106.700, 20.648), (106.675, 20.632),
                 (106.650, 20.618)]), 'so-nnmt', 'published', {}),
        ('Rừng ngập mặn Phù Long (Cát Hải)', 'mangrove', 'Rừng ngập mặn ven đảo Cát Bà, phía tây bắc; vị trí gần đúng',
         h.rect(106.9300, 20.8350, 260, 2.2, 30), 'so-nnmt', 'published', {}),
        ('Vùng bảo hộ vệ sinh khu vực lấy nước sông Rế (minh họa)', 'water_supply_source',
         'Vùng bảo hộ quanh điểm lấy nước cấp sinh hoạt; vị trí minh họa',
         h.blob(106.6000, 20.8780, 500, seed=13, n=10, jitter=0.1), 'so-xay-dung', 'published',
         {'restricted': True}),
        ('Rạn san hô vịnh Lan Hạ', 'coral_reef', 'Rạn san hô ven các đảo đá vôi phía đông nam đảo Cát Bà; '
         'vị trí gần đúng', h.blob(107.1000, 20.7550, 1000, seed=17, n=12, stretch=1.6, angle=-40), 'so-nnmt',
         'published', {}),
        ('Khu di tích Côn Sơn – Kiếp Bạc', 'cultural_heritage', 'Di tích quốc gia đặc biệt; vị trí gần đúng',
         h.blob(106.4050, 21.1400, 1500, seed=19, n=10, stretch=1.3, angle=-30), 'so-nnmt', 'published', {}),
    ]
    for name, typ, desc, wkt, owner, status, kw in recs:
        g, _, _ = b.geom(h.lit(wkt), 'MultiPolygon')
        b.add(L, g, {'name': name, 'sensitivity_type': typ, 'description': desc},
              owner=owner, status=status, source=D_VI if 'minh họa' in name else
              'Địa danh có thật; ranh giới GẦN ĐÚNG vẽ tay, không phải ranh giới chính thức', citation=CC0, **kw)
    owner, cc = commune_owner(b, 106.7650, 20.7220, 'Nam Đồ Sơn')
    g, _, _ = b.geom('ST_Intersection(%s::geometry, (SELECT ST_Buffer(g, -0.001) FROM scratch.sd_communes WHERE code = %s))'
                     % (h.lit(h.blob(106.7650, 20.7220, 700, seed=23, n=9)), h.lit(cc)), 'MultiPolygon')
    b.add(L, g, {'name': 'Vùng nuôi trồng thủy sản ven biển Nam Đồ Sơn (minh họa)', 'sensitivity_type': 'aquaculture',
                 'description': 'Đầm nuôi tôm, cá nước lợ; xã đang lập hồ sơ'},
          owner=owner, status='draft', commune_code=cc, source=D_VI, citation=CC0)


# ------------------------------------------------------------------------------------------------
def incidents(b, h):
    L = 'environmental_incidents'
    recs = [
        ('Váng dầu trên luồng Lạch Huyện (minh họa)', 'oil_spill', 'medium', '2024-09-14',
         'Phát hiện váng dầu dài khoảng 300 m, đã quây phao thấm dầu', 106.9300, 20.7900, 'so-nnmt', 'published', {}),
        ('Cá chết trên sông Sặt (minh họa)', 'fish_kill', 'high', '2025-05-22',
         'Cá chết rải rác khoảng 2 km, nghi do nước thải và thiếu oxy', 106.2400, 20.8870, 'so-nnmt', 'published', {}),
        ('Rò rỉ hóa chất tại kho Đình Vũ (minh họa)', 'chemical_leak', 'high', '2023-11-03',
         'Rò rỉ van bồn chứa, đã khoanh vùng và thu gom', 106.7885, 20.8435, 'bql-kkt', 'published', {}),
        ('Cháy bãi phế liệu (minh họa)', 'fire', 'critical', '2022-07-19', 'Cháy bãi phế liệu nhựa, khói đen lan rộng',
         106.5720, 20.8710, 'so-nnmt', 'archived', {'valid_to': '2022-12-31'}),
    ]
    for name, typ, sev, day, desc, lon, lat, owner, status, kw in recs:
        b.add(L, pt(lon, lat), {'name': name, 'incident_type': typ, 'severity': sev, 'occurred_on': day,
                                'description': desc}, owner=owner, status=status, source=D_VI, citation=CC0, **kw)
    for name, typ, sev, day, desc, lon, lat, commune, status in (
            ('Xả nước thải chưa xử lý ra kênh tiêu (minh họa)', 'wastewater_discharge', 'low', '2025-10-28',
             'Người dân phản ánh nước kênh đổi màu, có mùi', 106.4020, 20.8220, 'Tứ Kỳ', 'submitted'),
            ('Sạt lở bờ kè cửa sông Văn Úc (minh họa)', 'landslide', 'medium', '2025-09-08',
             'Báo cáo trùng với tin đã có, bị trả lại', 106.7050, 20.7250, 'Kiến Hải', 'rejected')):
        owner, cc = commune_owner(b, lon, lat, commune)
        b.add(L, pt(lon, lat), {'name': name, 'incident_type': typ, 'severity': sev, 'occurred_on': day,
                                'description': desc}, owner=owner, status=status, commune_code=cc,
              source=D_VI, citation=CC0)


# ------------------------------------------------------------------------------------------------
EZ = [(106.700, 20.905), (106.760, 20.915), (106.785, 20.914), (106.818, 20.881), (106.852, 20.861),
      (106.864, 20.836), (106.905, 20.832), (106.955, 20.815), (106.945, 20.772), (106.880, 20.765),
      (106.830, 20.785), (106.790, 20.812), (106.745, 20.828), (106.710, 20.848), (106.698, 20.880)]


def industrial_parks(b, h):
    L = 'industrial_parks'
    src = ('Tên khu công nghiệp: danh sách công khai (docs/vietnam-gis.md); vị trí, hình dạng GẦN ĐÚNG (không có tọa độ '
           'chính thức); area_ha là diện tích hình vẽ; tỷ lệ lấp đầy, công suất XLNT minh họa')
    g, _, _ = b.geom(h.lit(h.poly(EZ)), 'MultiPolygon')
    b.add(L, g, {'name': 'Khu kinh tế Đình Vũ – Cát Hải', 'kind': 'economic_zone', 'area_ha': 22540,
                 'developer': 'Ban Quản lý khu kinh tế Hải Phòng'},
          owner='bql-kkt', status='published',
          source='Diện tích ~22 540 ha (2023, docs/vietnam-gis.md); ranh giới MINH HỌA gồm bán đảo Đình Vũ, bờ bắc sông '
                 'Cấm, đảo Cát Hải và vùng nước cảng Lạch Huyện', citation=CC0)
    parks = [
        # name, developer, lon, lat, ha, aspect, angle, occupancy, wwtp, capacity, status
        ('Khu công nghiệp Đình Vũ (DEEP C Hải Phòng I)', 'DEEP C', 106.7770, 20.8500, 520, 2.4, 18, 92, True, 22000, 'published'),
        ('Khu công nghiệp Nam Đình Vũ II (DEEP C Hải Phòng II)', 'DEEP C', 106.8190, 20.8470, 380, 2.0, 10, 45, True, 8000, 'published'),
        ('Khu công nghiệp Cửa ngõ Đình Vũ – Cát Hải (DEEP C Hải Phòng III)', 'DEEP C', 106.8760, 20.8020, 420, 2.6, 8, 35, True, 6000, 'published'),
        ('Khu công nghiệp VSIP Hải Phòng', 'VSIP Hải Phòng', 106.7350, 20.9000, 500, 1.8, -25, 80, True, 12000, 'published'),
        ('Khu công nghiệp Nomura – Hải Phòng', 'Nomura – Hải Phòng', 106.6120, 20.8880, 153, 1.5, 0, 100, True, 5000, 'published'),
        ('Khu công nghiệp Tràng Duệ', 'Tràng Duệ', 106.5750, 20.8450, 600, 1.6, 30, 90, True, 15000, 'published'),
        ('Khu công nghiệp An Dương', 'An Dương', 106.5450, 20.8720, 196, 1.5, 10, 70, True, 4000, 'published'),
        ('Khu công nghiệp Nam Cầu Kiền', 'Nam Cầu Kiền', 106.6260, 20.9370, 263, 1.7, 15, 75, True, 3500, 'published'),
        ('Khu công nghiệp Đại An', 'Đại An', 106.2700, 20.9330, 600, 2.2, 15, 95, True, 8000, 'published'),
        ('Khu công nghiệp Nam Sách', 'Nam Sách', 106.3730, 20.9720, 63, 1.4, 0, 100, True, 2000, 'published'),
        ('Khu công nghiệp Phúc Điền', 'Phúc Điền', 106.2150, 20.9520, 87, 1.4, 0, 100, True, 2500, 'published'),
        ('Khu công nghiệp Lai Vu', 'Lai Vu', 106.4450, 20.9600, 190, 1.6, 20, 60, True, 3000, 'published'),
        ('Khu công nghiệp Cộng Hòa', 'Cộng Hòa', 106.4250, 21.1250, 350, 1.8, 30, 40, False, None, 'approved'),
        ('Cụm công nghiệp Lai Cách', None, 106.1850, 20.9450, 60, 1.3, 0, 85, False, None, 'published'),
        ('Cụm công nghiệp Tân Kỳ (dự kiến, minh họa)', None, 106.3650, 20.8580, 50, 1.3, 0, None, False, None, 'draft'),
    ]
    for name, dev, lon, lat, ha_t, asp, ang, occ, wwtp, cap, status in parks:
        kind = 'industrial_cluster' if name.startswith('Cụm') else 'industrial_park'
        g, ha, _ = b.geom(h.lit(h.rect(lon, lat, ha_t, asp, ang)), 'MultiPolygon')
        # developer left out on purpose: no verified developer names were compiled
        b.add(L, g, {'name': name, 'kind': kind, 'area_ha': round(ha),
                     'occupancy_pct': occ, 'central_wastewater_plant': wwtp,
                     'wastewater_capacity_m3_day': cap},
              owner='bql-kkt', status=status, source=src if 'minh họa' not in name else D_VI, citation=APPROX)


# ------------------------------------------------------------------------------------------------
def craft_villages(b, h):
    L = 'craft_villages'
    src = 'Tên làng nghề: địa danh có thật; vị trí GẦN ĐÚNG; số hộ, mức ô nhiễm MINH HỌA'
    recs = [
        ('Làng gốm Chu Đậu', 'Gốm sứ', 120, True, 106.3980, 21.0200, 'so-cong-thuong', 'published'),
        ('Làng nghề kim hoàn Châu Khê', 'Chế tác vàng bạc', 300, True, 106.1980, 20.8680, 'so-cong-thuong', 'published'),
        ('Làng nghề đúc đồng Mỹ Đồng', 'Đúc đồng', 250, True, 106.6400, 20.9450, 'so-cong-thuong', 'published'),
        ('Làng nghề tạc tượng, khắc gỗ Bảo Hà', 'Điêu khắc gỗ', 400, False, 106.4700, 20.7000, 'so-cong-thuong', 'published'),
    ]
    for name, craft, hh, pol, lon, lat, owner, status in recs:
        b.add(L, pt(lon, lat), {'name': name, 'craft': craft, 'households': hh, 'polluting': pol},
              owner=owner, status=status, source=src, citation=APPROX)
    owner, cc = commune_owner(b, 106.3960, 20.7310, 'Ninh Giang')
    b.add(L, pt(106.3960, 20.7310), {'name': 'Làng nghề bánh gai Ninh Giang (minh họa)', 'craft': 'Chế biến thực phẩm',
                                     'households': 60, 'polluting': False},
          owner=owner, status='submitted', commune_code=cc, source=D_VI, citation=CC0)


# ------------------------------------------------------------------------------------------------
RIVERS = [
    # name, class, quality, coordinates
    ('Sông Thái Bình', 'main', 'B', [(106.300, 21.108), (106.318, 21.075), (106.335, 21.045), (106.348, 21.020),
                                     (106.362, 20.990), (106.372, 20.965), (106.380, 20.935), (106.392, 20.900),
                                     (106.410, 20.870), (106.430, 20.835), (106.452, 20.808), (106.472, 20.780),
                                     (106.490, 20.755), (106.515, 20.728), (106.548, 20.700), (106.578, 20.672),
                                     (106.598, 20.640), (106.606, 20.612)]),
    ('Sông Kinh Thầy', 'main', 'B', [(106.350, 21.030), (106.390, 21.046), (106.430, 21.056), (106.468, 21.062),
                                     (106.510, 21.048), (106.545, 21.046), (106.578, 21.048), (106.600, 21.047)]),
    ('Sông Đá Bạch', 'main', 'B', [(106.600, 21.047), (106.630, 21.028), (106.660, 21.019), (106.700, 21.016)]),
    ('Sông Bạch Đằng', 'main', 'B', [(106.700, 21.016), (106.733, 20.998), (106.762, 20.960), (106.786, 20.922),
                                     (106.815, 20.883), (106.848, 20.864)]),
    ('Sông Cấm', 'main', 'B', [(106.540, 20.935), (106.575, 20.915), (106.610, 20.905), (106.645, 20.890),
                               (106.672, 20.878), (106.700, 20.871), (106.730, 20.866), (106.760, 20.864),
                               (106.790, 20.862), (106.825, 20.866)]),
    ('Sông Lạch Tray', 'main', 'C', [(106.555, 20.842), (106.595, 20.831), (106.630, 20.826), (106.660, 20.830),
                                     (106.690, 20.831), (106.715, 20.822), (106.735, 20.806), (106.752, 20.788)]),
    ('Sông Văn Úc', 'main', 'B', [(106.440, 20.826), (106.480, 20.820), (106.520, 20.792), (106.555, 20.766),
                                  (106.590, 20.746), (106.625, 20.726), (106.660, 20.700), (106.690, 20.684),
                                  (106.715, 20.668)]),
    ('Sông Luộc', 'main', 'B', [(106.165, 20.752), (106.200, 20.736), (106.250, 20.726), (106.300, 20.717),
                                (106.350, 20.710), (106.390, 20.713), (106.420, 20.722), (106.455, 20.741),
                                (106.490, 20.755)]),
    ('Sông Sặt', 'tributary', 'C', [(106.135, 20.905), (106.165, 20.898), (106.200, 20.893), (106.240, 20.885),
                                    (106.280, 20.875), (106.315, 20.860), (106.345, 20.851), (106.375, 20.846),
                                    (106.410, 20.862)]),
    ('Sông Cửu An', 'tributary', 'C', [(106.150, 20.800), (106.175, 20.790), (106.208, 20.772), (106.238, 20.754),
                                       (106.262, 20.736), (106.276, 20.722)]),
]


def rivers(b, h):
    L = 'rivers'
    for name, cls, q, coords in RIVERS:
        g, _, km = b.geom(h.lit(h.line(coords)), 'MultiLineString')
        b.add(L, g, {'name': name, 'river_class': cls, 'length_km': round(km, 1), 'water_quality_class': q},
              owner='so-nnmt', status='published',
              source='Tên sông: docs/vietnam-gis.md; tuyến GẦN ĐÚNG vẽ tay theo hướng chảy (không có tọa độ chính thức); '
                     'length_km là chiều dài tuyến vẽ; phân loại chất lượng nước MINH HỌA',
              citation=APPROX)


# ------------------------------------------------------------------------------------------------
BASINS = [
    ('Lưu vực sông Kinh Thầy – Đá Bạch – Bạch Đằng (phần trong thành phố)', 'Sông Kinh Thầy',
     ['Chu Văn An', 'Chí Linh', 'Trần Hưng Đạo', 'Nguyễn Trãi', 'Trần Nhân Tông', 'Lê Đại Hành', 'Kinh Môn',
      'Nguyễn Đại Năng', 'Trần Liễu', 'Bắc An Phụ', 'Phạm Sư Mạnh', 'Nhị Chiểu', 'Nam An Phụ', 'Phú Thái',
      'Lai Khê', 'An Thành', 'Kim Thành', 'Thủy Nguyên', 'Thiên Hương', 'Hòa Bình', 'Nam Triệu', 'Bạch Đằng',
      'Lưu Kiếm', 'Lê Ích Mộc', 'Việt Khê']),
    ('Hệ thống thủy lợi Bắc Hưng Hải – sông Sặt, Cửu An (phần trong thành phố)', 'Sông Sặt',
     ['Cẩm Giang', 'Cẩm Giàng', 'Tuệ Tĩnh', 'Mao Điền', 'Kẻ Sặt', 'Bình Giang', 'Đường An', 'Thượng Hồng',
      'Gia Lộc', 'Yết Kiêu', 'Gia Phúc', 'Trường Tân', 'Thanh Miện', 'Bắc Thanh Miện', 'Nam Thanh Miện',
      'Hải Hưng', 'Nguyễn Lương Bằng', 'Việt Hòa', 'Tứ Minh', 'Lê Thanh Nghị', 'Tân Hưng']),
    ('Lưu vực sông Thái Bình – Luộc (phần trong thành phố)', 'Sông Thái Bình',
     ['Nam Sách', 'Thái Tân', 'Hợp Tiến', 'Trần Phú', 'An Phú', 'Hải Dương', 'Thành Đông', 'Nam Đồng',
      'Thạch Khôi', 'Ái Quốc', 'Thanh Hà', 'Hà Tây', 'Hà Bắc', 'Hà Nam', 'Hà Đông', 'Tứ Kỳ', 'Tân Kỳ',
      'Đại Sơn', 'Chí Minh', 'Lạc Phượng', 'Nguyên Giáp', 'Ninh Giang', 'Vĩnh Lại', 'Khúc Thừa Dụ', 'Tân An',
      'Hồng Châu', 'Vĩnh Bảo', 'Nguyễn Bỉnh Khiêm', 'Vĩnh Am', 'Vĩnh Hải', 'Vĩnh Hòa', 'Vĩnh Thuận',
      'Vĩnh Thịnh', 'Quyết Thắng', 'Tiên Lãng', 'Tân Minh', 'Tiên Minh', 'Chấn Hưng', 'Hùng Thắng']),
    ('Lưu vực sông Cấm – Lạch Tray – Văn Úc (phần trong thành phố)', 'Sông Lạch Tray',
     ['Hồng Bàng', 'Hồng An', 'Ngô Quyền', 'Gia Viên', 'Lê Chân', 'An Biên', 'Hải An', 'Đông Hải', 'Kiến An',
      'Phù Liễn', 'Nam Đồ Sơn', 'Đồ Sơn', 'Hưng Đạo', 'Dương Kinh', 'An Dương', 'An Hải', 'An Phong',
      'An Hưng', 'An Khánh', 'An Quang', 'An Trường', 'An Lão', 'Kiến Thụy', 'Kiến Minh', 'Kiến Hải',
      'Kiến Hưng', 'Nghi Dương']),
]


def river_basins(b, h):
    L = 'river_basins'
    seen = set()
    for name, main, members in BASINS:
        codes = [b.commune_by_name[m] for m in members]
        assert not seen.intersection(codes), name
        seen.update(codes)
        sql = '(SELECT ST_Union(g) FROM scratch.sd_communes WHERE code IN (%s))' % ', '.join(h.lit(c) for c in codes)
        g, ha, _ = b.geom(sql, 'MultiPolygon')
        b.add(L, g, {'name': name, 'main_river': main, 'area_km2': round(ha / 100, 1)},
              owner='so-nnmt', status='published',
              source='MINH HỌA: hợp các đơn vị cấp xã minh họa theo hệ thống sông chính; không phải ranh giới '
                     'lưu vực thủy văn', citation='EnvGis sample data; land ' + h.OSM_ATTRIBUTION + ', ODbL 1.0')
    assert len(seen) == 112, 'basins cover %d mainland communes' % len(seen)


# ------------------------------------------------------------------------------------------------
def treatment(b, h):
    L = 'treatment_facilities'
    recs = [
        ('Nhà máy xử lý nước thải Vĩnh Niệm', 'wastewater_plant', 36000, 'm³/ngày',
         'Công ty TNHH MTV Thoát nước Hải Phòng', 106.6650, 20.8300, 'so-xay-dung', 'published', {},
         'Cơ sở có thật; vị trí, công suất GẦN ĐÚNG'),
        ('Khu xử lý chất thải rắn Tràng Cát', 'solid_waste_landfill', 1500, 'tấn/ngày',
         'Công ty TNHH MTV Môi trường đô thị Hải Phòng', 106.7600, 20.8250, 'so-xay-dung', 'published', {},
         'Cơ sở có thật; vị trí GẦN ĐÚNG; công suất MINH HỌA'),
        ('Nhà máy đốt chất thải sinh hoạt phát điện Chí Linh (minh họa)', 'incinerator', 500, 'tấn/ngày',
         'Công ty CP Năng lượng xanh (minh họa)', 106.4200, 21.0900, 'so-xay-dung', 'published', {}, D_VI),
        ('Cơ sở xử lý chất thải nguy hại Đình Vũ (minh họa)', 'hazardous_waste', 50, 'tấn/ngày',
         'Công ty TNHH Môi trường Biển Xanh (minh họa)', 106.7920, 20.8400, 'so-nnmt', 'published', {}, D_VI),
        ('Lò đốt chất thải y tế tập trung cụm Hải Dương (minh họa)', 'medical_waste', 3, 'tấn/ngày',
         'Bệnh viện đa khoa khu vực phía tây (minh họa)', 106.3450, 20.9250, 'so-y-te', 'published', {}, D_VI),
        ('Nhà máy chế biến phân compost Gia Lộc (minh họa)', 'composting', 200, 'tấn/ngày',
         'Hợp tác xã môi trường Gia Lộc (minh họa)', 106.2950, 20.8620, 'so-xay-dung', 'approved', {}, D_VI),
        ('Bãi chôn lấp chất thải cũ Kinh Môn (đã đóng cửa, minh họa)', 'solid_waste_landfill', 100, 'tấn/ngày',
         'UBND thị xã Kinh Môn cũ', 106.5250, 21.0000, 'so-xay-dung', 'archived',
         {'valid_from': '2005-01-01', 'valid_to': '2023-12-31'}, D_VI),
    ]
    for name, typ, cap, unit, op, lon, lat, owner, status, kw, src in recs:
        b.add(L, pt(lon, lat), {'name': name, 'facility_type': typ, 'capacity': cap, 'capacity_unit': unit,
                                'operator': op}, owner=owner, status=status, source=src,
              citation=CC0 if src == D_VI else APPROX, **kw)


# ------------------------------------------------------------------------------------------------
def inspections(b, h):
    L = 'inspections'
    thanh_tra = 'Thanh tra Sở Nông nghiệp và Môi trường'
    recs = [
        (ENT['dn-thep-hai-long'][0], '2025-08-12', thanh_tra, 'violation', 320000000, 'MH-4512/QĐ-XPHC',
         'Khí thải ống khói lò điện hồ quang vượt QCVN 19:2024/BNNMT (bụi tổng); chưa kết nối dữ liệu quan trắc '
         'tự động', ENT['dn-thep-hai-long'][1], 'so-nnmt', 'published', {}),
        (ENT['dn-giay-song-cam'][0], '2025-06-03', thanh_tra, 'compliant', None, None,
         'Hệ thống xử lý nước thải vận hành ổn định; hồ sơ môi trường đầy đủ', ENT['dn-giay-song-cam'][1],
         'so-nnmt', 'published', {}),
        (ENT['dn-vlxd-da-trang'][0], '2025-10-20', thanh_tra, 'follow_up', None, None,
         'Đang xác minh phản ánh về bụi; yêu cầu bổ sung kết quả quan trắc', ENT['dn-vlxd-da-trang'][1],
         'so-nnmt', 'published', {'restricted': True}),
        (ENT['dn-det-nhuom-tu-ky'][0], '2024-11-15', thanh_tra, 'violation', 180000000, 'MH-2290/QĐ-XPHC',
         'Nước thải sau xử lý vượt QCVN 40:2011/BTNMT (độ màu, COD)', ENT['dn-det-nhuom-tu-ky'][1], 'so-nnmt',
         'approved', {}),
        ('Hệ thống XLNT tập trung KCN Nam Cầu Kiền (minh họa)', '2025-03-18', 'Ban Quản lý khu kinh tế Hải Phòng',
         'compliant', None, None, 'Kết quả quan trắc nước thải đạt quy chuẩn', (106.6300, 20.9340), 'bql-kkt',
         'published', {}),
        (ENT['dn-nhua-dinh-vu'][0], '2025-11-10', thanh_tra, 'follow_up', None, None,
         'Biên bản đang hoàn thiện', ENT['dn-nhua-dinh-vu'][1], 'so-nnmt', 'draft', {}),
    ]
    for fac, day, body, res, fine, dec, findings, (lon, lat), owner, status, kw in recs:
        b.add(L, pt(lon, lat), {'facility_name': fac, 'inspected_on': day, 'inspecting_body': body, 'result': res,
                                'fine_vnd': fine, 'decision_number': dec, 'findings': findings},
              owner=owner, status=status, source=D_VI, citation=CC0, **kw)
