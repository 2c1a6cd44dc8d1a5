"""Boundary policy and attribution: stated once, used by the build, the app and exports."""

from __future__ import annotations

BOUNDARY_POLICY = {
    "ru": (
        "Границы: субъекты РФ по Natural Earth 10m admin-1 (общественное достояние). "
        "Республика Крым и Севастополь показаны как RU-CR и RU-SEV, потому что перечень "
        "моногородов (распоряжение № 1398-р) включает крымские города; их статус "
        "международно оспаривается (в Natural Earth и GeoNames они закодированы как UA). "
        "Четыре региона, объявленные присоединёнными в 2022 году, не показаны: "
        "в перечне моногородов их нет, и источник границ их не содержит."
    ),
    "en": (
        "Boundaries: Russia's federal subjects from Natural Earth 10m admin-1 (public domain). "
        "The Republic of Crimea and Sevastopol are shown as RU-CR and RU-SEV because the "
        "monotown list (order No. 1398-r) includes Crimean towns; their status is disputed "
        "internationally (Natural Earth and GeoNames code them as UA). The four regions "
        "declared annexed in 2022 are not shown: the monotown list has none of them and the "
        "boundary source does not contain them."
    ),
}

ATTRIBUTION = {
    "ru": (
        "Данные: распоряжение Правительства РФ № 1398-р от 29.07.2014; "
        "границы © Natural Earth (общественное достояние); "
        "населённые пункты © GeoNames (CC BY 4.0, geonames.org); "
        "железные и автомобильные дороги © участники OpenStreetMap (ODbL); "
        "порты — searoute (Apache-2.0); аэропорты — OurAirports (общественное достояние); "
        "факты о городах, ТОСЭР, науке и коридорах — с источником в каждой строке."
    ),
    "en": (
        "Data: Government order No. 1398-r of 29.07.2014; "
        "boundaries © Natural Earth (public domain); "
        "places © GeoNames (CC BY 4.0, geonames.org); "
        "railways and roads © OpenStreetMap contributors (ODbL); "
        "ports: searoute (Apache-2.0); airports: OurAirports (public domain); "
        "town, TOSER, science and corridor facts cited row by row."
    ),
}

SHORT_ATTRIBUTION = ("© GeoNames (CC BY 4.0) · Natural Earth · © OpenStreetMap contributors (ODbL) · "
                     "Распоряжение № 1398-р")
