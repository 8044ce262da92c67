"""Result views: the records table (1,000+ rows, filter, sort), the detail pane, the photo of
№19, the links graph of №50/51, copying through the secret clipboard, and Attach."""

from __future__ import annotations

import base64
import re
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton

from resources.catalogue import resource
from tests.gui.conftest import WAIT_MS
from tests.gui.fakes import FakeDesk
from ui import clipboard, i18n
from ui.link_graph import COMPANY, PERSON, guess_kind, parse_links, subject_params
from ui.result_model import ResultFilterProxy, ResultTableModel
from ui.result_view import ResultView

pytestmark = pytest.mark.gui

SUBJECT = "900514401235"
REQ_ID = re.compile(r"\bR-[A-Z]+-\d+")
SURNAMES = ["Сәрсенбаева", "Ахметов", "Ivanov", "Қасымов", "Әбілов", "Жұмабаев", "Смирнова"]


# -- fakes ---------------------------------------------------------------------------------


def outcome(
    resource_id: int,
    rows: list[dict[str, str]],
    params: dict[str, str] | None = None,
    *,
    truncated: bool = False,
) -> Any:
    result = SimpleNamespace(
        journal_seq=7,
        issued_at="2025-11-21T14:03:12+05:00",
        records=[SimpleNamespace(fields=r) for r in rows],
        truncated=truncated,
    )
    return SimpleNamespace(
        resource=resource(resource_id),
        request=SimpleNamespace(resource=resource_id, params=params or {}),
        result=result,
        response_verified=True,
        operator_serial="OP-1",
    )


def desk(*, allow_copy: bool = True, clear_s: float = 10.0) -> FakeDesk:
    config = SimpleNamespace(
        gateway_url="https://127.0.0.1:8443",
        idle_lock_s=900.0,
        allow_copy=allow_copy,
        clipboard_clear_s=clear_s,
    )
    return FakeDesk(config=config)


def person_rows(n: int) -> list[dict[str, str]]:
    return [
        {
            "iin": f"{900000000000 + i:012d}",
            "surname": SURNAMES[i % len(SURNAMES)].upper(),
            "first_name": "Әйгерім" if i % 2 else "Ерлан",
            "patronymic": "",
            "birth_date": f"19{50 + i % 50:02d}-01-01",
            "sex": "Ә",
            "citizenship": "Қазақстан",
            "document": f"№ {i}",
            "address": "Астана қ.",
        }
        for i in range(n)
    ]


def tiny_png(w: int = 6, h: int = 8) -> str:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buf, "PNG")
    return base64.b64encode(bytes(data.data())).decode("ascii")


BIN_A, BIN_B = "131040939289", "000940662095"  # fifth digit 4: legal entities
LINKS51 = [  # what gateway.world.links.links2 returns: level 2, through level-1 subjects
    {"linked_id": BIN_B, "linked_name": "«ЕСІЛ ТРАНС» ЖШС", "linked_kind": "ЗАҢДЫ ТҰЛҒА / ЮЛ",
     "relation": "ҚҰРЫЛТАЙШЫ / УЧРЕДИТЕЛЬ", "path": f"{SUBJECT} → 010917589130 → {BIN_B}"},
    {"linked_id": "621104364492", "linked_name": "ДҮЙСЕНОВ САМАТ МҰРАТҰЛЫ",
     "linked_kind": "ЖЕКЕ ТҰЛҒА / ФЛ", "relation": f"СЕРІКТЕС: {BIN_B} / СВЯЗЬ ЧЕРЕЗ {BIN_B}",
     "path": f"{SUBJECT} → 010917589130 → 621104364492"},
    {"linked_id": "990311391960", "linked_name": "СЕЙІТОВ САМАТ ДӘУРЕНОВИЧ",
     "linked_kind": "ЖЕКЕ ТҰЛҒА / ФЛ", "relation": "ТУЫСЫ / РОДСТВЕННИК",
     "path": f"{SUBJECT} → {BIN_A} → 990311391960"},
]
LINKS50 = [
    {"linked_id": "010917589130", "linked_name": "ТОҚТАРОВ ЕРЖАН ЕРБОЛҰЛЫ",
     "linked_kind": "ЖЕКЕ ТҰЛҒА / ФЛ", "relation": "ЖҰБАЙЫ / СУПРУГ(А)",
     "path": f"{SUBJECT} → 010917589130"},
    {"linked_id": BIN_A, "linked_name": "«НҰР АГРО» ЖШС", "linked_kind": "ЗАҢДЫ ТҰЛҒА / ЮЛ",
     "relation": "ҚҰРЫЛТАЙШЫ / УЧРЕДИТЕЛЬ; БАСШЫ / РУКОВОДИТЕЛЬ",
     "path": f"{SUBJECT} → {BIN_A}"},
    {"linked_id": "690520459075", "linked_name": "СЕЙІТОВА ГҮЛМИРА ЕРЛАНҚЫЗЫ",
     "linked_kind": "ЖЕКЕ ТҰЛҒА / ФЛ", "relation": "ӘКЕСІ/ШЕШЕСІ / РОДИТЕЛЬ",
     "path": f"{SUBJECT} → 690520459075"},
]


@pytest.fixture
def view_of(qtbot: Any) -> Any:
    def make(the_outcome: Any = None, the_desk: FakeDesk | None = None) -> ResultView:
        view = ResultView(the_desk or desk())
        qtbot.addWidget(view)
        view.resize(900, 700)
        if the_outcome is not None:
            view.show_outcome(the_outcome)
        view.show()
        return view

    yield make
    clipboard.clear_if_ours()
    i18n.apply("en")


def _source_rows(proxy: ResultFilterProxy) -> list[int]:
    return [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]


# -- the table -----------------------------------------------------------------------------


def test_thousand_records_sort_and_filter_on_cyrillic(qapp: Any) -> None:
    rows = person_rows(1200)
    rows[5]["note"] = "extra"  # a field the catalogue lacks: a column of its own, at the end
    model = ResultTableModel()
    proxy = ResultFilterProxy()
    proxy.setSourceModel(model)
    model.set_result(resource(1), [SimpleNamespace(fields=r) for r in rows])
    names = model.names
    assert names[: len(resource(1).fields)] == [f.name for f in resource(1).fields]
    assert names[-1] == "note" and model.columnCount() == len(resource(1).fields) + 1
    surname = names.index("surname")

    proxy.set_filter_text("сәрсен")  # lower case finds the upper-case Kazakh surname
    assert proxy.rowCount() == len([r for r in rows if r["surname"] == "СӘРСЕНБАЕВА"])
    assert all(
        proxy.index(r, surname).data() == "СӘРСЕНБАЕВА" for r in range(proxy.rowCount())
    )
    proxy.set_filter_text("ҚАСЫМОВ әйгерім")  # every word, in any column
    assert proxy.rowCount() > 0
    for r in range(proxy.rowCount()):
        assert proxy.index(r, surname).data() == "ҚАСЫМОВ"
        assert proxy.index(r, names.index("first_name")).data() == "Әйгерім"
    proxy.set_filter_text("")
    assert proxy.rowCount() == 1200

    proxy.sort(surname, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, surname).data() for r in range(proxy.rowCount())]
    firsts = [s for s in dict.fromkeys(shown) if s != "IVANOV"]  # Latin: by the language
    # Kazakh letters in their alphabetic places (Ә right after А), not by code point.
    assert firsts == ["АХМЕТОВ", "ӘБІЛОВ", "ЖҰМАБАЕВ", "ҚАСЫМОВ", "СӘРСЕНБАЕВА", "СМИРНОВА"]
    proxy.sort(names.index("document"), Qt.SortOrder.DescendingOrder)  # numbers by value
    docs = [proxy.index(r, names.index("document")).data() for r in range(3)]
    assert docs == ["№ 1199", "№ 1198", "№ 1197"]
    proxy.sort(-1)  # back to the gateway's order
    assert _source_rows(proxy)[:3] == [0, 1, 2]


def test_header_labels_follow_the_language(qapp: Any) -> None:
    model = ResultTableModel()
    model.set_result(resource(1), [SimpleNamespace(fields=person_rows(1)[0])])
    col = model.names.index("surname")
    try:
        i18n.apply("kk")
        model.retranslate()
        assert model.headerData(col, Qt.Orientation.Horizontal) == "Тегі"
        i18n.apply("ru")
        model.retranslate()
        assert model.headerData(col, Qt.Orientation.Horizontal) == "Фамилия"
    finally:
        i18n.apply("en")
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Surname"
    assert model.headerData(4, Qt.Orientation.Vertical) == "5"  # the record's own number


def test_view_shows_every_value_and_filter_box(qtbot: Any, view_of: Any) -> None:
    rows = person_rows(40)
    view = view_of(outcome(1, rows, {"iin": SUBJECT}))
    assert sorted(view.cell_texts()) == sorted(v for r in rows for v in r.values())
    assert view.tabs.isVisible() and not view.tabs.isTabVisible(view.tabs.indexOf(view.links_tab))
    view.filter_edit.setText("смирнова")
    shown = view.proxy.rowCount()
    assert 0 < shown < 40 and f"{shown} of 40" in view.count_label.text()
    assert len(view.cell_texts()) == 40 * len(rows[0])  # every value, whatever is filtered
    assert "journal № 7" in view.verification_text()


def test_ctrl_f_focuses_the_filter(qtbot: Any, view_of: Any) -> None:
    view = view_of(outcome(51, LINKS51, {"subject": SUBJECT}))
    assert view.tabs.currentWidget() is view.links_tab
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=WAIT_MS)
    qtbot.keyClick(view.link_graph, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(view.filter_edit.hasFocus, timeout=WAIT_MS)
    assert view.tabs.currentWidget() is view.records_tab


# -- the detail pane -----------------------------------------------------------------------


def test_detail_pane_follows_selection(qtbot: Any, view_of: Any) -> None:
    rows = person_rows(5)
    rows[3]["address"] = "Астана қ., Есіл ауданы, Мәңгілік Ел даңғылы, " * 6  # long: wraps
    view = view_of(outcome(1, rows, {"iin": SUBJECT}))
    pairs = dict(view.detail_pairs())
    assert pairs["IIN"] == rows[0]["iin"]  # the first record is selected at once
    view.table.selectRow(3)
    pairs = dict(view.detail_pairs())
    assert pairs["Surname"] == rows[3]["surname"] and pairs["Registered address"] == rows[3][
        "address"
    ]
    assert view.detail.wordWrap()
    address_row = [p[0] for p in view.detail_pairs()].index("Registered address")
    assert view.detail.rowHeight(address_row) > view.detail.rowHeight(0)  # wrapped, not cut
    # Sorted differently, the pane still shows the record the selected row stands for.
    view.table.sortByColumn(view.model.names.index("iin"), Qt.SortOrder.DescendingOrder)
    view.table.selectRow(0)
    assert dict(view.detail_pairs())["IIN"] == rows[4]["iin"]
    assert "5 of 5" in view.detail_title.text()
    view.filter_edit.setText("no such thing")
    assert view.detail_pairs() == []


# -- №19: the photo ------------------------------------------------------------------------


def test_photo_of_19_shown_as_image_never_as_text(qtbot: Any, view_of: Any) -> None:
    png = tiny_png(6, 8)
    row = {"iin": SUBJECT, "full_name": "СӘРСЕНБАЕВА ӘЙГЕРІМ", "photo_ref": "DOC-0042",
           "document": "№ 041234567", "issued_on": "2015-06-01", "photo_png": png}
    view = view_of(outcome(19, [row], {"iin": SUBJECT}))
    pixmap = view.photo_pixmap()
    assert pixmap is not None and (pixmap.width(), pixmap.height()) == (6, 8)
    assert view.photo_label.isVisible()
    assert "photo_png" not in view.model.names
    assert png not in view.cell_texts()
    assert all(png not in v and label != "photo_png" for label, v in view.detail_pairs())
    assert "СӘРСЕНБАЕВА ӘЙГЕРІМ" in view.cell_texts()

    broken = dict(row, photo_png="not base64 at all!")
    view.show_outcome(outcome(19, [broken], {"iin": SUBJECT}))
    assert view.photo_pixmap() is None and "could not be shown" in view.photo_label.text()
    view.show_outcome(outcome(1, person_rows(1), {"iin": SUBJECT}))
    assert view.photo_label.isHidden()


# -- №50/51: the links graph ---------------------------------------------------------------


def test_parse_links_levels_and_kinds() -> None:
    data = parse_links(LINKS51, SUBJECT, 51)
    by_id = {n.id: n for n in data.nodes}
    assert data.centre.id == SUBJECT
    assert set(by_id) == {r["linked_id"] for r in LINKS51} | {"010917589130", BIN_A}
    assert by_id["010917589130"].level == 1 and by_id[BIN_A].level == 1
    assert by_id[BIN_A].kind == COMPANY and by_id["010917589130"].kind == PERSON
    assert by_id[BIN_B].level == 2 and by_id[BIN_B].via == "010917589130"
    assert by_id[BIN_B].kind == COMPANY
    assert {(e.source, e.target) for e in data.edges} >= {
        (SUBJECT, "010917589130"), ("010917589130", BIN_B), (BIN_A, "990311391960")
    }
    assert guess_kind("131040939289") == COMPANY and guess_kind(SUBJECT) == PERSON
    # The catalogue's parameters decide: №50/51 take one "subject", others "iin" or "bin".
    assert subject_params(resource(51), BIN_A, COMPANY) == {"subject": BIN_A}
    assert subject_params(resource(1), SUBJECT, PERSON) == {"iin": SUBJECT}
    assert subject_params(resource(2), BIN_A, COMPANY) == {"bin": BIN_A}


def _no_overlap(items: list[Any]) -> bool:
    rects = [i.sceneBoundingRect().adjusted(4, 4, -4, -4) for i in items]
    return not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


@pytest.mark.parametrize("rid, rows", [(50, LINKS50), (51, LINKS51)])
def test_links_graph_one_node_per_subject_and_click_queries_it(
    qtbot: Any, view_of: Any, rid: int, rows: list[dict[str, str]]
) -> None:
    view = view_of(outcome(rid, rows, {"subject": SUBJECT}))
    assert view.tabs.currentWidget() is view.links_tab
    graph = view.link_graph
    nodes = graph.node_items()
    expected = {r["linked_id"] for r in rows} | {
        r["path"].split(" → ")[1] for r in rows if r["path"].count("→") == 2
    }
    assert sorted(n.node.id for n in nodes) == sorted(expected)  # one node each, no more
    assert graph.centre_item() is not None and graph.centre_item().node.id == SUBJECT
    labels = {lab.full_text for lab in graph.edge_labels()}
    assert {r["relation"] for r in rows} <= labels
    assert _no_overlap([*nodes, graph.centre_item(), *graph.edge_labels()])

    target = next(n for n in nodes if n.node.id == rows[0]["linked_id"])
    graph.centerOn(target)
    point = graph.mapFromScene(target.scenePos())
    with qtbot.waitSignal(view.query_subject_requested, timeout=WAIT_MS) as sig:
        qtbot.mouseClick(graph.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert sig.args == [rid, {"subject": rows[0]["linked_id"]}]


def test_links_graph_keyboard(qtbot: Any, view_of: Any) -> None:
    view = view_of(outcome(50, LINKS50, {"subject": SUBJECT}))
    graph = view.link_graph
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=WAIT_MS)
    graph.setFocus(Qt.FocusReason.TabFocusReason)
    nodes = graph.node_items()
    qtbot.waitUntil(lambda: graph.scene().focusItem() is nodes[0], timeout=WAIT_MS)
    qtbot.keyClick(graph, Qt.Key.Key_Tab)
    assert graph.scene().focusItem() is nodes[1]
    with qtbot.waitSignal(view.query_subject_requested, timeout=WAIT_MS) as sig:
        qtbot.keyClick(graph, Qt.Key.Key_Return)
    assert sig.args == [50, {"subject": nodes[1].node.id}]
    qtbot.keyClick(graph, Qt.Key.Key_Right)
    assert graph.scene().focusItem() is nodes[2]
    qtbot.keyClick(graph, Qt.Key.Key_Tab)  # past the last node Tab leaves the graph
    assert not graph.hasFocus()


def test_non_link_resources_have_no_links_tab(qtbot: Any, view_of: Any) -> None:
    view = view_of(outcome(1, person_rows(2), {"iin": SUBJECT}))
    assert not view.tabs.isTabVisible(view.tabs.indexOf(view.links_tab))
    assert view.link_graph.node_items() == []


# -- copying (R-RES-3) ---------------------------------------------------------------------


def _clip() -> Any:
    return QGuiApplication.clipboard()


@pytest.mark.req("R-RES-3")
def test_copy_is_marked_secret_and_taken_back(qtbot: Any, view_of: Any) -> None:
    rows = person_rows(3)
    view = view_of(outcome(1, rows, {"iin": SUBJECT}), desk(clear_s=0.4))
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(1, view.model.names.index("surname")))
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = _clip().mimeData()
    assert mime.text() == rows[1]["surname"]
    assert bytes(mime.data("x-kde-passwordManagerHint").data()) == b"secret"
    win = 'application/x-qt-windows-mime;value="{}"'
    assert mime.hasFormat(win.format("ExcludeClipboardContentFromMonitorProcessing"))
    for name in ("CanIncludeInClipboardHistory", "CanUploadToCloudClipboard"):
        assert bytes(mime.data(win.format(name)).data()) == b"\x00\x00\x00\x00"
    assert "emptied in 0.4 s" in view.copy_status.text()
    assert clipboard.holds_our_copy()
    qtbot.waitUntil(lambda: not _clip().text(), timeout=WAIT_MS)
    assert not clipboard.holds_our_copy()


@pytest.mark.req("R-RES-3")
def test_something_copied_since_is_left_alone(qtbot: Any, view_of: Any) -> None:
    view = view_of(outcome(1, person_rows(2), {"iin": SUBJECT}), desk(clear_s=0.3))
    assert view.copy_current()
    assert _clip().text() == person_rows(2)[0]["iin"]
    _clip().setText("the analyst's own note")
    qtbot.wait(700)
    assert _clip().text() == "the analyst's own note"


@pytest.mark.req("R-RES-3")
def test_copy_value_from_the_context_menus(qtbot: Any, view_of: Any) -> None:
    rows = person_rows(2)
    view = view_of(outcome(1, rows, {"iin": SUBJECT}))
    col = view.model.names.index("first_name")
    rect = view.table.visualRect(view.proxy.index(1, col))
    view._table_menu(rect.center())
    menu = view.context_menu
    assert menu is not None
    action = menu.actions()[0]
    assert action.text().replace("&", "") == "Copy value" and action.isEnabled()
    action.trigger()
    menu.close()
    assert _clip().text() == rows[1]["first_name"]
    assert _clip().mimeData().hasFormat(clipboard.KDE_PASSWORD_HINT)
    # The detail pane: the value of the field picked, not its label.
    row = [p[0] for p in view.detail_pairs()].index("Citizenship")
    view._detail_menu(view.detail.visualItemRect(view.detail.item(row, 0)).center())
    view.context_menu.actions()[0].trigger()
    view.context_menu.close()
    assert _clip().text() == rows[1]["citizenship"]
    # Leaving the view takes a copy still on the clipboard with it.
    view.clear_view()
    assert not _clip().text()


@pytest.mark.req("R-RES-3")
def test_copy_forbidden_by_policy_says_why(qtbot: Any, view_of: Any) -> None:
    view = view_of(outcome(1, person_rows(2), {"iin": SUBJECT}), desk(allow_copy=False))
    assert "administrator" in view.copy_status.text()  # said before anyone tries
    _clip().setText("before")
    view.table.setFocus()
    view.table.setCurrentIndex(view.proxy.index(0, 0))
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    view.detail.setCurrentCell(0, 1)
    qtbot.keyClick(view.detail, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert _clip().text() == "before"
    assert not view.copy_current()
    status = view.copy_status.text()
    assert "administrator" in status and "paragraph 19" in status
    assert not REQ_ID.search(status)
    view._table_menu(view.table.visualRect(view.proxy.index(0, 0)).center())
    copy_action = view.context_menu.actions()[0]
    assert not copy_action.isEnabled() and "administrator" in copy_action.toolTip()
    copy_action.trigger()
    view.context_menu.close()
    assert _clip().text() == "before"


# -- Attach, and what is gone --------------------------------------------------------------


@pytest.mark.req("R-RES-1")
def test_attach_button_and_shortcut_emit_the_outcome(qtbot: Any, view_of: Any) -> None:
    the_outcome = outcome(1, person_rows(1), {"iin": SUBJECT})
    view = view_of()
    assert not view.attach_button.isEnabled()  # nothing to attach yet
    view.show_outcome(the_outcome)
    button = view.attach_button
    assert button.isEnabled() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    tip = button.toolTip()
    assert "Ctrl+Shift+A" in tip and "case material" in tip and "destroyed" in tip
    with qtbot.waitSignal(view.attach_requested, timeout=WAIT_MS) as sig:
        button.click()
    assert sig.args == [the_outcome]
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=WAIT_MS)
    with qtbot.waitSignal(view.attach_requested, timeout=WAIT_MS) as sig:
        qtbot.keyClick(
            view.table, Qt.Key.Key_A,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert sig.args == [the_outcome]


@pytest.mark.req("R-RES-1")
def test_no_clear_button_and_clear_view_keeps_the_desk_copy(qtbot: Any, view_of: Any) -> None:
    fake = desk()
    fake.results.append("pending")
    view = view_of(outcome(1, [], {"iin": SUBJECT}), fake)
    assert view.empty_label.text() == "No records found" and view.tabs.isHidden()
    assert view.attach_button.isEnabled()  # an empty answer is attached (and destroyed) too
    assert view.findChild(QPushButton, "clearButton") is None
    texts = [b.text().replace("&", "") for b in view.findChildren(QAbstractButton)]
    assert not any("Clear" in t for t in texts)
    with qtbot.waitSignal(view.cleared, timeout=WAIT_MS):
        view.clear_view()
    assert view.outcome is None and view.verification_text() == ""
    assert fake.results == ["pending"]  # results go by Attach or retention, not by the view


def test_no_requirement_ids_in_what_users_read(qtbot: Any, view_of: Any) -> None:
    view = view_of(outcome(11, [{"iin": SUBJECT, "pension_fund": "ЕНПФ"}], {"iin": SUBJECT},
                           truncated=True), desk(allow_copy=False))
    assert "amounts are not returned" in view.verification_text()
    texts = [lab.text() for lab in view.findChildren(QLabel)]
    texts += [w.toolTip() for w in view.findChildren(QAbstractButton)]
    texts += [view.filter_edit.placeholderText(), view.link_graph.accessibleDescription()]
    for text in texts:
        assert not REQ_ID.search(text), text


def test_table_scrolls_a_thousand_rows_without_widgets(qtbot: Any, view_of: Any) -> None:
    view = view_of(outcome(1, person_rows(1500), {"iin": SUBJECT}))
    view.filter_edit.setText("жұмабаев")
    view.table.sortByColumn(view.model.names.index("surname"), Qt.SortOrder.AscendingOrder)
    view.table.scrollToBottom()
    qtbot.wait(10)
    assert view.table.indexWidget(view.proxy.index(0, 0)) is None
    assert view.proxy.rowCount() == len([r for r in person_rows(1500)
                                         if r["surname"] == "ЖҰМАБАЕВ"])
