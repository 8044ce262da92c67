"""Property and transport of people and companies: №3–10, №30 (R-Q-1)."""

from __future__ import annotations

from gateway.world import codes
from gateway.world.codes import rng
from gateway.world.common import CITIES, COUNTRIES, Record, count, day, label, plus_years
from gateway.world.core import Subject, World

MAX_VEHICLES = 4  # vehicle k of owner c is number c * MAX_VEHICLES + k before scrambling
_PLATES = codes.Scrambler(codes.PLATE_SPACE, 7919)
_VINS = codes.Scrambler(codes.VIN_SPACE, 104_729)
_MAKES = (
    ("TOYOTA CAMRY", "JTN", "AXVH71"),
    ("HYUNDAI TUCSON", "KMH", "J3813G"),
    ("LADA GRANTA", "XTA", "219010"),
    ("KIA RIO", "Z94", "C241BB"),
    ("CHEVROLET COBALT", "XWB", "JF69VY"),
    ("VOLKSWAGEN POLO", "XW8", "ZZZ61Z"),
    ("LEXUS RX", "JTJ", "BZMCA1"),
    ("JAC S3", "LJ1", "2EKS3K"),
)
_COLOURS = ("АҚ / БЕЛЫЙ", "ҚАРА / ЧЁРНЫЙ", "СҰР / СЕРЫЙ", "КҮМІС / СЕРЕБРИСТЫЙ", "КӨК / СИНИЙ")


def _vehicle_count(world: World, code: int) -> int:
    weights = (
        (0.55, 0.35, 0.08, 0.02) if code < world.population.subject_count else (0.3, 0.3, 0.2, 0.2)
    )
    return count(rng(world.seed, "vehicles", code), weights)


def _vehicle(world: World, owner: Subject, k: int) -> Record:
    r = rng(world.seed, "vehicle", owner.code, k)
    make, wmi, vds = r.choice(_MAKES)
    n = owner.code * MAX_VEHICLES + k
    return {
        "plate": codes.plate(_PLATES.encode(n), r.choice(codes.REGIONS)),
        "vin": codes.vin(_VINS.encode(n), wmi, vds),
        "make_model": make,
        "year": str(r.randrange(2005, 2025)),
        "colour": r.choice(_COLOURS),
        "owner": label(owner),
        "registered_on": day(r, 2010).isoformat(),
    }


def vehicles(world: World, owner: Subject) -> list[Record]:
    return [_vehicle(world, owner, k) for k in range(_vehicle_count(world, owner.code))]


def _vehicle_from(world: World, n: int) -> tuple[Subject, int] | None:
    code, k = divmod(n, MAX_VEHICLES)
    owner = world.subject_by_code(code)
    if owner is None or k >= _vehicle_count(world, code):
        return None
    return owner, k


def vehicle_by_plate(world: World, plate: str) -> list[Record]:
    """O(1): the plate encodes its owner and the vehicle's number."""
    x = codes.plate_code(plate)
    found = None if x is None else _vehicle_from(world, _PLATES.decode(x))
    if found is None:
        return []
    rec = _vehicle(world, *found)
    return [rec] if rec["plate"] == plate else []


def vehicle_by_vin(world: World, vin: str) -> list[Record]:
    x = codes.vin_code(vin)
    found = None if x is None else _vehicle_from(world, _VINS.decode(x))
    if found is None:
        return []
    rec = _vehicle(world, *found)
    return [rec] if rec["vin"] == vin else []


def _cadastral(r_code: int, k: int, region: int) -> str:
    n = codes.Scrambler(10**9, 31).encode((r_code * 8 + k) % 10**9)
    return f"{region:02d}:{n // 10**6:03d}:{n // 1000 % 1000:03d}:{n % 1000:03d}"


def real_estate(world: World, owner: Subject) -> list[Record]:
    r = rng(world.seed, "realty", owner.code)
    out = []
    for k in range(count(r, (0.4, 0.4, 0.15, 0.05))):
        kind = r.choice(
            (
                "ПӘТЕР / КВАРТИРА",
                "ТҰРҒЫН ҮЙ / ЖИЛОЙ ДОМ",
                "ҚОЙМА / СКЛАД",
                "КЕҢСЕ / ОФИС",
                "ГАРАЖ / ГАРАЖ",
            )
        )
        out.append(
            {
                "cadastral_number": _cadastral(owner.code, k, r.randrange(1, 21)),
                "object_type": kind,
                "address": f"{r.choice(CITIES)} қ., {r.randrange(1, 300)} үй, "
                f"{r.randrange(1, 200)} п.",
                "area": f"{r.randrange(25, 400)}.{r.randrange(10)} м²",
                "rights_holder": label(owner),
                "right_type": "МЕНШІК / СОБСТВЕННОСТЬ" if r.random() < 0.9 else "ЖАЛҒА / АРЕНДА",
                "registered_on": day(r, 2000).isoformat(),
            }
        )
    return out


def land(world: World, owner: Subject) -> list[Record]:
    r = rng(world.seed, "land", owner.code)
    out = []
    for k in range(count(r, (0.6, 0.3, 0.1))):
        out.append(
            {
                "cadastral_number": _cadastral(owner.code, 4 + k, r.randrange(1, 21)),
                "purpose": r.choice(
                    (
                        "ЖЕКЕ ТҰРҒЫН ҮЙ ҚҰРЫЛЫСЫ / ИЖС",
                        "АУЫЛ ШАРУАШЫЛЫҒЫ / С/Х",
                        "САУДА / ТОРГОВЛЯ",
                        "САЯЖАЙ / ДАЧА",
                    )
                ),
                "address": f"{r.choice(CITIES)} өңірі, {r.randrange(1, 90)} учаске",
                "area": f"{r.randrange(1, 500) / 100:.2f} га",
                "rights_holder": label(owner),
                "right_type": r.choice(
                    (
                        "ЖЕКЕ МЕНШІК / ЧАСТНАЯ СОБСТВЕННОСТЬ",
                        "ҰЗАҚ МЕРЗІМДІ ЖАЛҒА / ДОЛГОСРОЧНАЯ АРЕНДА",
                    )
                ),
                "registered_on": day(r, 2000).isoformat(),
            }
        )
    return out


def weapons(world: World, owner: Subject) -> list[Record]:
    r = rng(world.seed, "weapons", owner.code)
    out = []
    for _ in range(count(r, (0.93, 0.06, 0.01))):
        issued = day(r, 2015)
        out.append(
            {
                "weapon_type": r.choice(
                    ("АҢШЫЛЫҚ МЫЛТЫҒЫ / ОХОТНИЧЬЕ РУЖЬЁ", "ТРАВМАТИКАЛЫҚ / ТРАВМАТИЧЕСКОЕ")
                ),
                "model": r.choice(("МР-153", "САЙГА-12", "БЕКАС-12М", "МР-80-13Т")),
                "serial_number": f"{r.randrange(10**7):07d}",
                "permit_number": f"ЖТ-{r.randrange(10**6):06d}",
                "valid_until": plus_years(issued, 5).isoformat(),
                "issued_by": f"{r.choice(CITIES)} ПД / ДП",
            }
        )
    return out


def _rare(world: World, owner: Subject, kind: str, p_person: float, p_company: float) -> int:
    r = rng(world.seed, kind, "has", owner.code)
    return (
        1 + count(r, (0.7, 0.3))
        if r.random() < (p_person if owner.kind == "person" else p_company)
        else 0
    )


def wagons(world: World, owner: Subject) -> list[Record]:
    r = rng(world.seed, "wagons", owner.code)
    return [
        {
            "wagon_number": f"{r.randrange(5 * 10**7, 10**8)}",
            "wagon_type": r.choice(("ЦИСТЕРНА", "ПОЛУВАГОН", "КРЫТЫЙ ВАГОН", "ПЛАТФОРМА")),
            "owner": label(owner),
            "registered_on": day(r, 2005).isoformat(),
        }
        for _ in range(_rare(world, owner, "wagons", 0.0, 0.08))
    ]


def river_craft(world: World, owner: Subject) -> list[Record]:
    r = rng(world.seed, "river", owner.code)
    return [
        {
            "vessel_name": r.choice(("АҚҚУ", "ЕРТІС", "ЖАЙЫҚ", "БАЛҚАШ", "ЧАЙКА")),
            "hull_number": f"Р{r.randrange(10**4):04d}ҚЗ",
            "vessel_type": r.choice(("МОТОРЛЫ ҚАЙЫҚ / МОТОРНАЯ ЛОДКА", "КАТЕР", "ГИДРОЦИКЛ")),
            "home_port": r.choice(("Павлодар", "Өскемен", "Семей", "Атырау", "Балқаш")),
            "owner": label(owner),
            "registered_on": day(r, 2005).isoformat(),
        }
        for _ in range(_rare(world, owner, "river", 0.02, 0.03))
    ]


def sea_vessels(world: World, owner: Subject) -> list[Record]:
    r = rng(world.seed, "sea", owner.code)
    return [
        {
            "vessel_name": r.choice(("КАСПИЙ ЖҰЛДЫЗЫ", "ТҮПҚАРАҒАН", "АҚТАУ", "МАҢҒЫСТАУ")),
            "imo_number": f"IMO {r.randrange(9_000_000, 9_999_999)}",
            "vessel_type": r.choice(("ТАНКЕР", "СҮЙРЕТКІШ / БУКСИР", "ЖҮК КЕМЕСІ / СУХОГРУЗ")),
            "home_port": r.choice(("Ақтау", "Құрық", "Баутино")),
            "owner": label(owner),
            "registered_on": day(r, 2005).isoformat(),
        }
        for _ in range(_rare(world, owner, "sea", 0.0, 0.02))
    ]


def machinery(world: World, owner: Subject) -> list[Record]:
    r = rng(world.seed, "agri", owner.code)
    return [
        {
            "machine_type": r.choice(("ТРАКТОР", "КОМБАЙН", "СЕЯЛКА", "ПОГРУЗЧИК")),
            "model": r.choice(("БЕЛАРУС-82.1", "JOHN DEERE 8R", "ACROS 595", "КИРОВЕЦ К-744")),
            "reg_number": f"{r.randrange(10**5):05d}{r.choice(codes.REGIONS)}",
            "serial_number": f"{r.randrange(10**8):08d}",
            "owner": label(owner),
            "registered_on": day(r, 2005).isoformat(),
        }
        for _ in range(_rare(world, owner, "agri", 0.03, 0.12))
    ]


def vehicle_declarations(world: World, owner: Subject) -> list[Record]:
    """№30: imported vehicles are declared by their owners."""
    out = []
    for rec in vehicles(world, owner):
        r = rng(world.seed, "vdecl", rec["vin"])
        if r.random() < 0.3:
            out.append(
                {
                    "declaration_number": f"55{r.randrange(100, 999)}/{day(r, 2015):%d%m%y}/"
                    f"{r.randrange(10**7):07d}",
                    "vin": rec["vin"],
                    "make_model": rec["make_model"],
                    "declared_on": day(r, 2015).isoformat(),
                    "customs_office": r.choice(
                        (
                            "Қорғас / Хоргос",
                            "Жібек жолы / Жибек жолы",
                            "Қайрақ / Кайрак",
                            "Ақтау порты / порт Актау",
                        )
                    ),
                    "origin_country": r.choice(COUNTRIES),
                }
            )
    return out
