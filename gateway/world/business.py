"""Companies and taxes: №2, 15, 16, 25–28, 31–34, 36, 39 (R-Q-1)."""

from __future__ import annotations

from gateway.world.codes import rng
from gateway.world.common import (
    CITIES,
    COUNTRIES,
    NO,
    YES,
    Record,
    count,
    day,
    label,
    office,
    plus_years,
)
from gateway.world.core import Company, Subject, World

_REGISTERED = "ТІРКЕЛГЕН / ЗАРЕГИСТРИРОВАН"
_TAXES = (
    ("101111", "КТС / КПН"),
    ("101201", "ЖТС / ИПН"),
    ("105101", "ҚҚС / НДС"),
    ("103101", "ӘС / СОЦ. НАЛОГ"),
    ("104101", "МҮЛІК САЛЫҒЫ / НАЛОГ НА ИМУЩЕСТВО"),
)


def _names(world: World, indexes: tuple[int, ...]) -> str:
    return "; ".join(label(world.person_subject(i)) for i in indexes)


def legal_entity(world: World, s: Subject) -> list[Record]:
    c = world.company(s.index)
    r = rng(world.seed, "le", s.index)
    return [
        {
            "bin": c.bin,
            "name": c.name,
            "registered_on": c.registered_on.isoformat(),
            "legal_form": c.legal_form,
            "address": f"{r.choice(CITIES)} қ., {r.randrange(1, 200)} үй",
            "director": label(world.person_subject(c.director)),
            "founders": _names(world, c.founders),
            "oked": c.oked,
            "status": "ӘРЕКЕТ ЕТУШІ / ДЕЙСТВУЮЩЕЕ"
            if r.random() < 0.9
            else "ТАРАТЫЛДЫ / ЛИКВИДИРОВАНО",
        }
    ]


def statistics(world: World, s: Subject) -> list[Record]:
    c = world.company(s.index)
    r = rng(world.seed, "stat", s.index)
    employees = r.choice((1, 3, 8, 15, 40, 120, 600))
    size = "ШАҒЫН / МАЛОЕ" if employees < 100 else "ОРТА / СРЕДНЕЕ"
    return [
        {
            "bin": c.bin,
            "name": c.name,
            "oked": c.oked,
            "enterprise_size": size,
            "employees": str(employees),
            "region": r.choice(CITIES),
        }
    ]


def taxpayer(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "taxpayer", s.code)
    if s.kind == "person" and r.random() > 0.3:
        return []  # only those who registered as entrepreneurs or file declarations
    return [
        {
            "subject_id": s.id,
            "name": s.name,
            "taxpayer_status": r.choice((_REGISTERED, _REGISTERED, "ӘРЕКЕТСІЗ / БЕЗДЕЙСТВУЮЩИЙ")),
            "registered_on": day(r, 2000).isoformat(),
            "tax_office": office(r, "МКД / ДГД"),
            "vat_payer": YES if s.kind == "company" and r.random() < 0.4 else NO,
        }
    ]


def licences(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "licence", s.code)
    weights = (0.97, 0.03) if s.kind == "person" else (0.5, 0.3, 0.2)
    return [
        {
            "license_number": f"{r.randrange(10**8):08d}",
            "activity": r.choice(
                (
                    "ҚҰРЫЛЫС / СТРОИТЕЛЬСТВО",
                    "ФАРМАЦЕВТИКА",
                    "ТАСЫМАЛДАУ / ПЕРЕВОЗКИ",
                    "АЛКОГОЛЬ САУДАСЫ / ТОРГОВЛЯ АЛКОГОЛЕМ",
                )
            ),
            "issued_by": office(r, "әкімдігі / акимат"),
            "issued_on": day(r, 2010).isoformat(),
            "status": r.choice(("ӘРЕКЕТ ЕТЕДІ / ДЕЙСТВУЕТ", "ТОҚТАТЫЛДЫ / ПРИОСТАНОВЛЕНА")),
        }
        for _ in range(count(r, weights))
    ]


def procurement(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "procurement", s.index)
    return [
        {
            "lot_number": f"{r.randrange(10**7):07d}-ОК{r.randrange(1, 3)}",
            "customer": f"{r.choice(CITIES)} "
            f"{r.choice(('әкімдігі / акимат', 'білім басқармасы / УО'))}",
            "subject": r.choice(
                (
                    "ЖОЛ ЖӨНДЕУ / РЕМОНТ ДОРОГ",
                    "КЕҢСЕ ТАУАРЛАРЫ / КАНЦТОВАРЫ",
                    "ТАМАҚТАНДЫРУ / ПИТАНИЕ",
                    "ЖАНАР-ЖАҒАРМАЙ / ГСМ",
                )
            ),
            "contract_date": day(r, 2018).isoformat(),
            "contract_amount": f"{r.randrange(100, 90_000) * 1000:,}".replace(",", " ") + ".00",
            "status": r.choice(("ОРЫНДАЛДЫ / ИСПОЛНЕН", "ОРЫНДАЛУДА / ИСПОЛНЯЕТСЯ")),
        }
        for _ in range(count(r, (0.6, 0.2, 0.1, 0.1)))
    ]


def foreign_trade(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "ved", s.code)
    if r.random() > (0.01 if s.kind == "person" else 0.25):
        return []
    return [
        {
            "subject_id": s.id,
            "name": s.name,
            "activity": r.choice(("ИМПОРТ", "ЭКСПОРТ", "ИМПОРТ / ЭКСПОРТ")),
            "registered_on": day(r, 2010).isoformat(),
            "customs_office": r.choice(("Астана КД / ДГД", "Алматы КД / ДГД", "Қорғас / Хоргос")),
        }
    ]


def foreign_workers(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "foreign-labour", s.index)
    out = []
    for _ in range(count(r, (0.8, 0.1, 0.05, 0.05))):
        issued = day(r, 2021, 2024)
        out.append(
            {
                "worker": r.choice(("WANG LEI", "YILMAZ MEHMET", "KARIMOV SHERZOD", "LI NA")),
                "citizenship": r.choice(COUNTRIES),
                "permit_number": f"ШЖК-{r.randrange(10**6):06d}",
                "position": r.choice(("ИНЖЕНЕР", "ДӘНЕКЕРЛЕУШІ / СВАРЩИК", "МЕНЕДЖЕР")),
                "valid_until": plus_years(issued, 1).isoformat(),
            }
        )
    return out


def subsoil(world: World, s: Subject, kind: str) -> list[Record]:
    """№32 hydrocarbons, №33 solid minerals and groundwater."""
    r = rng(world.seed, "subsoil", kind, s.index)
    oil = kind == "hydrocarbons"
    if r.random() > (0.03 if oil else 0.04):
        return []
    signed = day(r, 2000, 2020)
    return [
        {
            "contract_number": f"{r.randrange(1000, 9999)}-{'УВС' if oil else 'ТПИ'}",
            "deposit": r.choice(
                ("Қарашығанақ", "Теңіз", "Құмкөл", "Ақтоғай", "Бозшакөл", "Жезқазған")
            ),
            "mineral": r.choice(("МҰНАЙ / НЕФТЬ", "ГАЗ"))
            if oil
            else r.choice(("МЫС / МЕДЬ", "АЛТЫН / ЗОЛОТО", "ЖЕРАСТЫ СУЫ / ПОДЗЕМНЫЕ ВОДЫ")),
            "signed_on": signed.isoformat(),
            "valid_until": plus_years(signed, 25).isoformat(),
            "region": r.choice(
                ("Атырау облысы", "Маңғыстау облысы", "Қарағанды облысы", "Ұлытау облысы")
            ),
        }
    ]


def budget_receipts(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "budget", s.code)
    weights = (0.6, 0.2, 0.1, 0.1) if s.kind == "person" else (0.1, 0.2, 0.3, 0.2, 0.2)
    out = []
    for _ in range(count(r, weights)):
        code, tax = r.choice(_TAXES)
        out.append(
            {
                "payment_date": day(r, 2021).isoformat(),
                "budget_code": code,
                "tax_name": tax,
                "amount": f"{r.randrange(5_000, 5_000_000):,}".replace(",", " ") + ".00",
                "tax_office": office(r, "МКД / ДГД"),
            }
        )
    return sorted(out, key=lambda x: x["payment_date"])


def telecom(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "kaztel", s.code)
    if r.random() > (0.35 if s.kind == "person" else 0.6):
        return []
    city = r.choice(CITIES)
    return [
        {
            "phone_number": f"+77{r.choice(('172', '272', '252', '212'))}{r.randrange(10**6):06d}",
            "address": f"{city} қ., {r.randrange(1, 200)} үй",
            "contract_number": f"KT-{r.randrange(10**8):08d}",
            "connected_on": day(r, 2005).isoformat(),
            "service": r.choice(("ТЕЛЕФОНИЯ", "ИНТЕРНЕТ", "ТЕЛЕФОНИЯ + ИНТЕРНЕТ")),
        }
    ]


def unreliable(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "unreliable", s.code)
    if r.random() > (0.002 if s.kind == "person" else 0.05):
        return []
    included = day(r, 2021, 2024)
    return [
        {
            "subject_id": s.id,
            "name": s.name,
            "included_on": included.isoformat(),
            "reason": r.choice(
                (
                    "ШАРТТЫ ОРЫНДАМАУ / НЕИСПОЛНЕНИЕ ДОГОВОРА",
                    "ЖАЛҒАН АҚПАРАТ / НЕДОСТОВЕРНЫЕ СВЕДЕНИЯ",
                )
            ),
            "valid_until": plus_years(included, 2).isoformat(),
        }
    ]


def court_cases(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "cases", s.code)
    weights = (0.85, 0.1, 0.05) if s.kind == "person" else (0.5, 0.3, 0.2)
    return [
        {
            "case_number": f"{r.randrange(1000, 9999)}-{r.randrange(19, 25)}-00-2/"
            f"{r.randrange(1, 9999)}",
            "court": office(
                r, "МАЭС / СМЭС" if s.kind == "company" else "аудандық соты / районный суд"
            ),
            "case_category": r.choice(
                ("АЗАМАТТЫҚ / ГРАЖДАНСКОЕ", "ӘКІМШІЛІК / АДМИНИСТРАТИВНОЕ", "ҚЫЛМЫСТЫҚ / УГОЛОВНОЕ")
            ),
            "party_role": r.choice(
                ("ТАЛАПКЕР / ИСТЕЦ", "ЖАУАПКЕР / ОТВЕТЧИК", "ҮШІНШІ ТҰЛҒА / ТРЕТЬЕ ЛИЦО")
            ),
            "filed_on": day(r, 2015).isoformat(),
            "status": r.choice(("ҚАРАЛДЫ / РАССМОТРЕНО", "ӨНДІРІСТЕ / В ПРОИЗВОДСТВЕ")),
        }
        for _ in range(count(r, weights))
    ]


def company_of(world: World, s: Subject) -> Company:
    return world.company(s.index)
