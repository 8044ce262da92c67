"""What the registries hold about one person: №11–14, 17–20, 37, 38, 40, 41, 43, 52 (R-Q-1)."""

from __future__ import annotations

import base64

from gateway.population import Person
from gateway.world import codes
from gateway.world.codes import rng
from gateway.world.common import CITIES, NO, TODAY, YES, Record, count, day, office, plus_years
from gateway.world.core import Subject, World, document_of, full_name
from gateway.world.portrait import portrait_png

_PHONES = codes.Scrambler(codes.PHONE_SPACE, 65_537)
MAX_PHONES = 2
_ARTICLES = (
    "190 (алаяқтық / мошенничество)",
    "218 (заңдастыру / легализация)",
    "189 (иемдену / присвоение)",
    "245 (салықтан жалтару / уклонение от налогов)",
)


def _age(p: Person) -> int:
    return (TODAY - p.birth_date).days // 365


def pension(world: World, s: Subject) -> list[Record]:
    """№11 is truncated (R-Q-1): which employer paid for which month, never how much."""
    p = world.person(s.index)
    r = rng(world.seed, "pension", s.code)
    if not 18 <= _age(p) < 63 or world.company_count == 0 or r.random() < 0.25:
        return []
    employer = world.company(r.randrange(world.company_count))
    months = r.randrange(1, 7)
    return [
        {
            "iin": p.iin,
            "pension_fund": "БЖЗҚ / ЕНПФ",
            "employer_bin": employer.bin,
            "employer_name": employer.name,
            "period": f"{2024 - (k >= 12)}-{12 - k % 12:02d}",
            "contributions_made": YES,
        }
        for k in range(months)
    ]


def disability(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "disability", s.code)
    if r.random() > 0.04:
        return []
    since = day(r, 2005)
    return [
        {
            "iin": s.id,
            "disability_group": r.choice(("I", "II", "III")),
            "reason": r.choice(("ЖАЛПЫ АУРУ / ОБЩЕЕ ЗАБОЛЕВАНИЕ", "ЖАРАҚАТ / ТРАВМА")),
            "established_on": since.isoformat(),
            "valid_until": "МЕРЗІМСІЗ / БЕССРОЧНО"
            if r.random() < 0.5
            else plus_years(since, 2).isoformat(),
        }
    ]


def services(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "psc", s.code)
    return [
        {
            "service_name": r.choice(
                (
                    "ЖЕКЕ КУӘЛІК БЕРУ / ВЫДАЧА УДОСТОВЕРЕНИЯ",
                    "ТІРКЕУ / РЕГИСТРАЦИЯ ПО МЕСТУ ЖИТЕЛЬСТВА",
                    "КӨЛІКТІ ТІРКЕУ / РЕГИСТРАЦИЯ ТС",
                    "ЖЫЛЖЫМАЙТЫН МҮЛІКТІ ТІРКЕУ / РЕГИСТРАЦИЯ НЕДВИЖИМОСТИ",
                )
            ),
            "service_centre": office(r, "ХҚКО / ЦОН"),
            "received_on": day(r, 2018).isoformat(),
            "status": r.choice(
                ("ОРЫНДАЛДЫ / ИСПОЛНЕНО", "ОРЫНДАЛДЫ / ИСПОЛНЕНО", "БАС ТАРТУ / ОТКАЗ")
            ),
        }
        for _ in range(count(r, (0.3, 0.3, 0.2, 0.1, 0.1)))
    ]


def special_records(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "special", s.code)
    return [
        {
            "record_type": r.choice(
                ("СОТТАЛҒАНДЫҚ / СУДИМОСТЬ", "ӘКІМШІЛІК ҚҰҚЫҚ БҰЗУ / АДМ. ПРАВОНАРУШЕНИЕ")
            ),
            "authority": office(r, "ПД / ДП"),
            "article": r.choice(_ARTICLES),
            "record_date": day(r, 2005).isoformat(),
        }
        for _ in range(count(r, (0.9, 0.08, 0.02)))
    ]


def court_cards(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "cards", s.code)
    return [
        {
            "card_number": f"{r.randrange(10**10):010d}",
            "court": office(r, "қалалық соты / городской суд"),
            "article": r.choice(_ARTICLES),
            "verdict": r.choice(
                ("АЙЫПТАУ / ОБВИНИТЕЛЬНЫЙ", "АҚТАУ / ОПРАВДАТЕЛЬНЫЙ", "ҚЫСҚАРТЫЛДЫ / ПРЕКРАЩЕНО")
            ),
            "verdict_date": day(r, 2005).isoformat(),
        }
        for _ in range(count(r, (0.95, 0.04, 0.01)))
    ]


def _servant(world: World, s: Subject) -> tuple[str, str] | None:
    r = rng(world.seed, "servant", s.code)
    if r.random() > 0.06 or _age(world.person(s.index)) < 21:
        return None
    return (
        f"{r.choice(CITIES)} {r.choice(('әкімдігі / акимат', 'МКД / ДГД', 'ПД / ДП'))}",
        r.choice(
            (
                "БАС МАМАН / ГЛАВНЫЙ СПЕЦИАЛИСТ",
                "БӨЛІМ БАСШЫСЫ / РУКОВОДИТЕЛЬ ОТДЕЛА",
                "САРАПШЫ / ЭКСПЕРТ",
            )
        ),
    )


def civil_servant(world: World, s: Subject) -> list[Record]:
    """№18: answers for anyone in the registry: yes with the post, or no."""
    post = _servant(world, s)
    return [
        {
            "iin": s.id,
            "full_name": s.name,
            "civil_servant": YES if post else NO,
            "organization": post[0] if post else "",
            "position": post[1] if post else "",
        }
    ]


def service_history(world: World, s: Subject) -> list[Record]:
    """№41: the posts held, the current one last."""
    post = _servant(world, s)
    if post is None:
        return []
    r = rng(world.seed, "service", s.code)
    start = day(r, 2008, 2015)
    mid = day(r, 2016, 2020)
    return [
        {
            "organization": office(r, "әкімдігі / акимат"),
            "position": "МАМАН / СПЕЦИАЛИСТ",
            "from": start.isoformat(),
            "to": mid.isoformat(),
        },
        {"organization": post[0], "position": post[1], "from": mid.isoformat(), "to": ""},
    ]


def registry_record(world: World, s: Subject) -> list[Record]:
    """№1: the registry's record, with the passport a foreigner is known by (R-Q-1)."""
    return [{**world.person(s.index).fields(), "document": document_of(world, s)}]


def _document(world: World, s: Subject) -> tuple[str, str]:
    r = rng(world.seed, "docissue", s.id)
    return document_of(world, s), day(r, 2015).isoformat()


def photo(world: World, s: Subject) -> list[Record]:
    p = world.person(s.index)
    doc, issued = _document(world, s)
    # The sandbox has no photographs: it draws a synthetic portrait from the person (base64
    # PNG, a few KB) and keeps the reference a real answer would link to.
    return [
        {
            "iin": p.iin,
            "full_name": s.name,
            "photo_ref": f"udp://photo/{p.iin}.jpg",
            "photo_png": base64.b64encode(portrait_png(p.iin, p.sex == "F")).decode("ascii"),
            "document": doc,
            "issued_on": issued,
        }
    ]


def form1(world: World, s: Subject) -> list[Record]:
    p = world.person(s.index)
    doc, issued = _document(world, s)
    r = rng(world.seed, "form1", s.code)
    return [
        {
            "iin": p.iin,
            "full_name": s.name,
            "birth_place": f"{r.choice(CITIES)} қ.",
            "document": doc,
            "issued_by": "ІІМ / МВД РК",
            "issued_on": issued,
            "address": p.address,
        }
    ]


def _flag(world: World, s: Subject, kind: str, rate: float) -> bool:
    return rng(world.seed, kind, s.code).random() < rate


def fugitive(world: World, s: Subject) -> list[Record]:
    if not _flag(world, s, "wanted", 0.004):
        return []
    r = rng(world.seed, "wanted-card", s.code)
    return [
        {
            "iin": s.id,
            "full_name": s.name,
            "wanted_since": day(r, 2018).isoformat(),
            "initiator": office(r, "ПД / ДП"),
            "article": r.choice(_ARTICLES),
            "search_type": r.choice(("ЖЕРГІЛІКТІ / МЕСТНЫЙ", "РЕСПУБЛИКАЛЫҚ / РЕСПУБЛИКАНСКИЙ")),
        }
    ]


def missing(world: World, s: Subject) -> list[Record]:
    if not _flag(world, s, "missing", 0.003):
        return []
    r = rng(world.seed, "missing-card", s.code)
    return [
        {
            "iin": s.id,
            "full_name": s.name,
            "missing_since": day(r, 2018).isoformat(),
            "initiator": office(r, "ПД / ДП"),
            "last_seen": f"{r.choice(CITIES)} қ.",
        }
    ]


def dispensary(world: World, s: Subject) -> list[Record]:
    """№43 is sensitive: whether and where registered, since when — never a diagnosis."""
    r = rng(world.seed, "dispensary", s.code)
    if r.random() > 0.05:
        return []
    return [
        {
            "iin": s.id,
            "dispensary_registered": YES,
            "institution": office(r, "емханасы / поликлиника"),
            "since": day(r, 2010).isoformat(),
        }
    ]


def phones(world: World, s: Subject) -> list[str]:
    """Mobile numbers of a person: the number encodes (person, k), so a reverse lookup is O(1)."""
    r = rng(world.seed, "phones", s.code)
    n = count(r, (0.1, 0.7, 0.2))
    return [
        codes.phone(_PHONES.encode(s.code * MAX_PHONES + k), r.choice(codes.MOBILE_CODES))
        for k in range(n)
    ]


def person_by_phone(world: World, number: str) -> Subject | None:
    parsed = codes.phone_code(number)
    if parsed is None:
        return None
    code, _k = divmod(_PHONES.decode(parsed[1]), MAX_PHONES)
    if code >= world.population.subject_count:
        return None
    s = world.person_subject(code)
    return s if number in phones(world, s) else None


def _operator(number: str) -> str:
    return {
        "701": "Kcell",
        "702": "Kcell",
        "775": "Kcell",
        "778": "Kcell",
        "705": "Beeline",
        "771": "Beeline",
        "777": "Beeline",
        "707": "Tele2",
        "747": "Tele2",
    }[number[2:5]]


def mobile(world: World, s: Subject) -> list[Record]:
    r = rng(world.seed, "mobile-since", s.code)
    return [
        {
            "iin": s.id,
            "full_name": s.name,
            "phone_number": n,
            "operator": _operator(n),
            "registered_on": day(r, 2012).isoformat(),
        }
        for n in phones(world, s)
    ]


def contacts(world: World, s: Subject) -> list[Record]:
    p = world.person(s.index)
    out = [{"address": p.address, "phone_number": "", "source": "ЖТ МБД / ГБД ФЛ"}]
    out += [
        {"address": p.address, "phone_number": n, "source": "ұялы байланыс / мобильная связь"}
        for n in phones(world, s)
    ]
    return out


def full_name_of(world: World, index: int) -> str:
    return full_name(world.person(index))
