"""Closed vocabularies of the atlas, with Russian and English labels."""

from __future__ import annotations

SPECIALIZATIONS: dict[str, tuple[str, str]] = {
    "ferrous_metallurgy": ("Чёрная металлургия", "Ferrous metallurgy"),
    "nonferrous_metallurgy": ("Цветная металлургия", "Non-ferrous metallurgy"),
    "coal_mining": ("Добыча угля", "Coal mining"),
    "ore_mining": ("Добыча руд и минералов", "Ore and mineral mining"),
    "oil_gas": ("Нефть и газ", "Oil and gas"),
    "chemicals": ("Химия и нефтехимия", "Chemicals"),
    "automotive": ("Автомобилестроение", "Automotive"),
    "machine_building": ("Машиностроение", "Machine building"),
    "defence_aerospace": ("Оборонная и авиакосмическая", "Defence and aerospace"),
    "nuclear": ("Атомная промышленность", "Nuclear industry"),
    "timber_pulp": ("Лесная и ЦБП", "Timber, pulp and paper"),
    "food": ("Пищевая промышленность", "Food industry"),
    "light_industry": ("Лёгкая промышленность", "Light industry"),
    "building_materials": ("Стройматериалы", "Building materials"),
    "energy": ("Энергетика", "Energy"),
    "transport": ("Транспорт (ж.-д. узел)", "Transport (rail junction)"),
}

# What each sector means, and where one ends and the next begins. A town gets the sector of the enterprise
# (or group of enterprises) it depends on today; where that changed, the profile keeps the older sector in
# ``specialization_historical`` with a note. Boundaries follow the kind of product (roughly the OKVED
# division), not the owner: a mine of a steel group is mining, a boiler plant of a nuclear holding is
# machine building.
SPECIALIZATION_DEFINITIONS: dict[str, tuple[str, str]] = {
    "ferrous_metallurgy": (
        "Выплавка чугуна, стали и ферросплавов, прокат, трубы, метизы (проволока, крепёж из стали), кокс для "
        "металлургии, крупные кузнечные производства. Рудники и ГОКи металлургических холдингов сюда не "
        "относятся (это добыча руд), литейные цеха машиностроительных заводов — тоже (машиностроение), как и "
        "крепёж, который завод делает как комплектующие для автозаводов (автомобилестроение).",
        "Making iron, steel and ferroalloys, rolling, pipes, steel hardware (wire, fasteners), metallurgical "
        "coke and large forging works. Mines and concentrators owned by steel groups are ore mining, not "
        "metallurgy; foundries that serve a machine-building plant are machine building, and fasteners made as "
        "components for vehicle makers are automotive."),
    "nonferrous_metallurgy": (
        "Получение и передел цветных металлов: глинозём и алюминий, медь, никель, цинк, титан, редкие "
        "металлы, обработка цветных металлов (прокат, проволока). Добыча и обогащение руды цветных металлов — "
        "это добыча руд; уран и ядерное топливо — атомная промышленность.",
        "Producing and working non-ferrous metals: alumina and aluminium, copper, nickel, zinc, titanium, rare "
        "metals, and rolling or drawing them. Mining and concentrating their ores is ore mining; uranium and "
        "nuclear fuel belong to the nuclear industry."),
    "coal_mining": (
        "Подземная и открытая добыча каменного и бурого угля и других твёрдых горючих ископаемых (горючий "
        "сланец) вместе с обогатительными фабриками. Угольная электростанция, даже со своим разрезом, — "
        "энергетика; коксохимия — чёрная металлургия.",
        "Underground and open-pit mining of hard coal, lignite and other solid fuels (oil shale), with the "
        "washing plants. A coal-fired power station, even with its own pit, is energy; coke-making is ferrous "
        "metallurgy."),
    "ore_mining": (
        "Добыча и обогащение руд металлов (железо, медь, никель, бокситы, вольфрам, молибден, олово, золото) "
        "и нерудного сырья, которое не идёт на стройматериалы: апатит и фосфориты, калийные соли, поваренная "
        "соль, плавиковый шпат, асбест, нефелин, алмазы и самоцветы. Рудник или ГОК металлургического "
        "холдинга — тоже здесь. Карьеры известняка, глины, песка, щебня для цемента, кирпича и стройки — "
        "стройматериалы; уран — атомная промышленность.",
        "Mining and concentrating metal ores (iron, copper, nickel, bauxite, tungsten, molybdenum, tin, gold) "
        "and minerals that are not building materials: apatite and phosphate rock, potash, rock salt, "
        "fluorspar, asbestos, nepheline, diamonds and gemstones. A mine or concentrator owned by a steel or "
        "aluminium group belongs here too. Quarries of limestone, clay, sand or crushed stone for cement, "
        "bricks and construction are building materials; uranium is the nuclear industry."),
    "oil_gas": (
        "Добыча нефти и газа, газоперерабатывающие и нефтеперерабатывающие заводы, магистральные трубопроводы "
        "и компрессорные станции. Нефтехимия и газохимия (полимеры, каучуки) — химия.",
        "Oil and gas production, gas-processing plants and refineries, trunk pipelines and compressor "
        "stations. Petrochemicals and gas chemicals (polymers, rubbers) are chemicals."),
    "chemicals": (
        "Основная химия, минеральные удобрения, сода, хлор, бор, сульфат натрия, синтетический каучук, "
        "пластмассы и изделия из полимеров, пигменты, фармацевтика. Если предприятие само добывает сырьё, но "
        "продаёт химический продукт, — это химия. Порох и взрывчатка для армии — оборонная промышленность.",
        "Basic chemicals, fertilisers, soda, chlorine, boron, sodium sulphate, synthetic rubber, plastics and "
        "polymer products, pigments, pharmaceuticals. A plant that mines its own raw material but sells a "
        "chemical product is chemicals. Military propellants and explosives are defence."),
    "automotive": (
        "Автомобили, автобусы, кузова и прицепы, двигатели и комплектующие для автозаводов (раздел 29 ОКВЭД). "
        "Машины на покупном шасси, которые по сути — подъёмное или пожарное оборудование (автокраны), — "
        "машиностроение.",
        "Cars, trucks, buses, bodies and trailers, engines and components for vehicle makers (OKVED division "
        "29). Machines built on a bought-in chassis that are really lifting or fire-fighting equipment (truck "
        "cranes) are machine building."),
    "machine_building": (
        "Гражданское машиностроение и металлообработка: станки и оборудование, арматура, насосы, краны, "
        "вагоны и подвижной состав, гражданские суда и их ремонт, электрооборудование (кабель, светотехника), "
        "приборы, металлоизделия и литьё. Оружие, боеприпасы, военные корабли, авиация и ракеты — оборонная "
        "промышленность; автомобили и автокомпоненты — автомобилестроение.",
        "Civil engineering and metalworking: machine tools and equipment, valves, pumps, cranes, railway cars, "
        "civil ships and their repair, electrical equipment (cable, lighting), instruments, metal products and "
        "castings. Weapons, ammunition, warships, aircraft and missiles are defence; vehicles and their parts "
        "are automotive."),
    "defence_aerospace": (
        "Предприятия, главный заказчик которых — оборона и космос: оружие и боеприпасы, порох и взрывчатые "
        "вещества, военное судостроение, авиация и вертолёты, ракетная и космическая техника, военная "
        "электроника и оптика. Ядерный оружейный комплекс — атомная промышленность.",
        "Works whose main customer is defence or space: weapons and ammunition, propellants and explosives, "
        "naval shipbuilding, aircraft and helicopters, missiles and space hardware, military electronics and "
        "optics. The nuclear weapons complex is the nuclear industry."),
    "nuclear": (
        "Атомная отрасль (Росатом): добыча и обогащение урана, ядерное топливо, ядерные центры и оружейный "
        "комплекс, исследовательские реакторы, АЭС и города при них.",
        "The nuclear industry (Rosatom): uranium mining and enrichment, nuclear fuel, the weapons complex and "
        "nuclear centres, research reactors, nuclear power plants and their towns."),
    "timber_pulp": (
        "Лесозаготовка, лесопиление и деревообработка, фанера и плиты, целлюлоза, бумага и картон.",
        "Logging, sawmilling and woodworking, plywood and boards, pulp, paper and board."),
    "food": (
        "Пищевая промышленность: сахар, молоко, мясо, консервы, соки, спирт и ликёро-водочные изделия, табак.",
        "Food processing: sugar, dairy, meat, canning, juices, spirits and vodka, tobacco."),
    "light_industry": (
        "Текстиль (лён, хлопок, синтетические ткани), швейные, кожевенные и обувные фабрики, а также "
        "фарфоровая и фаянсовая посуда как потребительский товар.",
        "Textiles (linen, cotton, synthetic fabrics), clothing, leather and footwear, and porcelain or faience "
        "tableware as a consumer good."),
    "building_materials": (
        "Неметаллические минеральные продукты: цемент, известь, кирпич, бетон, стекло и стеклотара, огнеупоры, "
        "асбестоцемент — и карьеры их сырья (известняк, мел, глина, песок, щебень). Добыча и обогащение "
        "асбеста, апатита, соли и руд — добыча руд.",
        "Non-metallic mineral products: cement, lime, bricks, concrete, glass and glass containers, "
        "refractories, asbestos cement — and the quarries of their raw material (limestone, chalk, clay, sand, "
        "crushed stone). Mining and concentrating asbestos, apatite, salt or ores is ore mining."),
    "energy": (
        "Тепловые и гидроэлектростанции, ради которых построен город или которые в нём главный работодатель. "
        "АЭС — атомная промышленность.",
        "Thermal and hydro power stations that the town was built for or that employ most of it. Nuclear power "
        "plants are the nuclear industry."),
    "transport": (
        "Город при железнодорожном узле, сортировочной станции, депо или порту, где главный работодатель — "
        "РЖД или порт. Вагоностроительные заводы — машиностроение, трубопроводы — нефть и газ.",
        "A company town of a railway junction, marshalling yard, depot or port, where the railway or the port "
        "is the main employer. Railcar-building plants are machine building; pipelines are oil and gas."),
}

TOSER_KINDS: dict[str, tuple[str, str]] = {
    "monotown": ("ТОСЭР в моногороде", "Monotown TOSER"),
    "far_east": ("ТОР Дальнего Востока", "Far Eastern TOR"),
    "arctic": ("Арктическая зона", "Arctic TOR"),
}

CATEGORIES: dict[int, tuple[str, str]] = {
    1: ("1 — наиболее сложное положение", "1 — most difficult situation"),
    2: ("2 — риски ухудшения", "2 — risk of deterioration"),
    3: ("3 — стабильное положение", "3 — stable situation"),
}

SCIENCE_KINDS: dict[str, tuple[str, str]] = {
    "naukograd": ("Наукоград", "Naukograd (science city)"),
    "naukograd_lapsed": ("Наукоград (статус утрачен)", "Naukograd (status lapsed)"),
    "ras_centre": ("Научный центр РАН", "RAS research centre"),
    "federal_university": ("Федеральный университет", "Federal university"),
    "national_research_university": ("Национальный исследовательский университет",
                                     "National research university"),
    "academic_town": ("Академгородок", "Academic town"),
    "frc_ras": ("Федеральный исследовательский центр (ФИЦ) РАН",
                "Federal research centre (Academy of Sciences)"),
    "ras_regional_centre": ("Научный центр РАН (не ФИЦ)", "Regional scientific centre of the Academy"),
    "nuclear_centre": ("Федеральный ядерный центр", "Federal nuclear centre"),
    "state_research_centre": ("Государственный научный центр РФ", "State research centre of Russia"),
    "priority2030": ("Университет программы «Приоритет-2030»", "«Priority 2030» university"),
}

SIDES: dict[str, tuple[str, str]] = {
    "left": ("слева", "left"),
    "right": ("справа", "right"),
}

CORRIDOR_MODES: dict[str, tuple[str, str]] = {
    "rail": ("Железная дорога", "Rail"),
    "road": ("Автодорога", "Road"),
    "sea": ("Морской путь", "Sea route"),
    "multimodal": ("Мультимодальный", "Multimodal"),
}


FEDERAL_DISTRICTS: dict[str, tuple[str, str]] = {  # Указ № 849 от 13.05.2000 (ред. 2016, 2018)
    "central": ("Центральный федеральный округ", "Central Federal District"),
    "northwestern": ("Северо-Западный федеральный округ", "Northwestern Federal District"),
    "southern": ("Южный федеральный округ", "Southern Federal District"),
    "north_caucasian": ("Северо-Кавказский федеральный округ", "North Caucasian Federal District"),
    "volga": ("Приволжский федеральный округ", "Volga Federal District"),
    "ural": ("Уральский федеральный округ", "Ural Federal District"),
    "siberian": ("Сибирский федеральный округ", "Siberian Federal District"),
    "far_eastern": ("Дальневосточный федеральный округ", "Far Eastern Federal District"),
}

NODE_KINDS: dict[str, tuple[str, str]] = {
    "seaport": ("Морской порт", "Seaport"),
    "border_rail": ("Ж.-д. погранпереход", "Rail border crossing"),
    "border_road": ("Автомобильный погранпереход", "Road border crossing"),
}


def label(vocab: dict, key, lang: str = "ru") -> str:
    """Human label of a vocabulary key in the chosen language (the key itself if unknown).

    Kept for existing callers; new code uses ``atlas.i18n.vocab_label(name, code, lang)``.
    """
    from atlas.i18n import pick

    pair = vocab.get(key)
    if pair is None:
        return "" if key is None else str(key)
    return pick(pair, lang)
