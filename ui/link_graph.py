"""The links of №50/51 drawn as a graph: the queried subject in the centre, linked persons and
companies around it (level 2 on an outer ring, hung on the level-1 subject they were found
through), each edge labelled with its relation.

Every node is clickable and keyboard-focusable (Tab / arrows move, Enter or Space picks) and asks
for "query this subject with the same basis" through `query_subject(resource_id, params)`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ui.i18n import translate

PERSON, COMPANY = "person", "company"
_ARROW = re.compile(r"\s*(?:→|->)\s*")
NAME_MAX_PX = 170  # a node's name wraps to two lines of this width; the tooltip has it whole
LABEL_MAX_PX = 150  # and an edge's relation likewise
PAD = 8.0
_COLOURS = {  # fill, border
    "centre": ("#dff3e4", "#2d7a46"),
    PERSON: ("#e4eeff", "#3a6fb0"),
    COMPANY: ("#fff0d9", "#a8701f"),
}
_FOCUS = "#e08a00"
MIN_SCALE, MAX_SCALE = 0.3, 2.0  # what the analyst may zoom to
FIT_MIN_SCALE = 0.7  # fitting never shrinks text below this: a larger graph scrolls instead


# -- the data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class LinkNode:
    """One subject of the graph. `via` is the node it hangs on (the centre for level 1)."""

    id: str
    name: str
    kind: str  # PERSON or COMPANY
    level: int  # 0 the queried subject, 1 direct links, 2 links of links
    via: str
    relation: str


@dataclass(frozen=True)
class LinkEdge:
    source: str
    target: str
    relation: str


@dataclass(frozen=True)
class LinkGraphData:
    centre: LinkNode
    nodes: tuple[LinkNode, ...]  # every linked subject once, level 1 first
    edges: tuple[LinkEdge, ...]


def guess_kind(subject_id: str, kind_text: str = "") -> str:
    """PERSON or COMPANY from the record's kind text, else from the number itself: a BIN has
    4, 5 or 6 as its fifth digit, where an IIN has the first digit of a day of the month."""
    text = kind_text.casefold()
    if any(w in text for w in ("юл", "заңды", "legal", "company", "entity")):
        return COMPANY
    if any(w in text for w in ("фл", "жеке", "person", "individual")):
        return PERSON
    digits = subject_id.strip()
    if len(digits) == 12 and digits.isdigit() and digits[4] in "456":
        return COMPANY
    return PERSON


def parse_links(
    records: Sequence[Mapping[str, str]], subject: str = "", resource_id: int = 50
) -> LinkGraphData:
    """Nodes and edges from №50/51 records (linked_id, linked_name, linked_kind, relation,
    path "S → V → X"). A level-1 subject known only from a path becomes a node of its own."""
    paths = [[p for p in _ARROW.split(r.get("path", "").strip()) if p] for r in records]
    centre_id = subject.strip() or next((p[0] for p in paths if p), "")
    centre = LinkNode(centre_id, "", guess_kind(centre_id), 0, "", "")
    nodes: dict[str, LinkNode] = {}
    edges: dict[tuple[str, str], LinkEdge] = {}
    extra_level1: dict[str, LinkNode] = {}

    def edge(a: str, b: str, relation: str) -> None:
        key = (a, b)
        if key in edges:
            if relation and relation not in edges[key].relation.split("; "):
                joined = "; ".join(x for x in (edges[key].relation, relation) if x)
                edges[key] = LinkEdge(a, b, joined)
        else:
            edges[key] = LinkEdge(a, b, relation)

    for i, (rec, path) in enumerate(zip(records, paths, strict=True)):
        node_id = rec.get("linked_id", "").strip() or f"#{i + 1}"
        relation = rec.get("relation", "").strip()
        if len(path) >= 3:
            level, via = 2, path[-2]
        elif len(path) == 2:
            level, via = 1, centre_id
        else:  # no path: hang it on the centre, on the ring its resource speaks of
            level, via = (2 if resource_id == 51 else 1), centre_id
        if via != centre_id and via not in extra_level1:
            extra_level1[via] = LinkNode(via, "", guess_kind(via), 1, centre_id, "")
        if node_id == centre_id:
            continue
        if node_id not in nodes:
            kind = guess_kind(node_id, rec.get("linked_kind", ""))
            name = rec.get("linked_name", "").strip()
            nodes[node_id] = LinkNode(node_id, name, kind, level, via, relation)
        edge(via, node_id, relation)
    for via, node in extra_level1.items():
        if via not in nodes:
            nodes[via] = node
        edge(centre_id, via, "")
    ordered = sorted(nodes.values(), key=lambda n: n.level)  # stable: records' order kept
    return LinkGraphData(centre, tuple(ordered), tuple(edges.values()))


def subject_params(resource: Any, subject_id: str, kind: str) -> dict[str, str]:
    """The parameters that query `subject_id` on `resource`, by the catalogue's parameter types:
    a person by its "iin" parameter, a company by its "bin" one, else the "iin_or_bin" one
    (№50/51 have a single "subject" parameter of that type)."""
    params = list(getattr(resource, "params", ()))
    wanted = "iin" if kind == PERSON else "bin"
    for ptype in (wanted, "iin_or_bin"):
        for p in params:
            if p.type == ptype:
                return {p.name: subject_id}
    return {wanted: subject_id}


# -- layout --------------------------------------------------------------------------------


def _exit_fraction(dx: float, dy: float, half: QPointF) -> float:
    """How far along (dx, dy) from a box's centre the line leaves a box of half-size `half`."""
    fx = half.x() / abs(dx) if dx else math.inf
    fy = half.y() / abs(dy) if dy else math.inf
    return min(fx, fy)


def _label_centre(
    p: QPointF, hp: QPointF, q: QPointF, hq: QPointF, share: float = 0.5
) -> QPointF:
    """The point `share` of the way along the visible part of the line p→q between the two
    boxes: the middle for links of the centre; nearer the far end for links of links, which
    fan out from their level-1 node and would crowd at the middle."""
    dx, dy = q.x() - p.x(), q.y() - p.y()
    if not dx and not dy:
        return QPointF(p)
    a = min(_exit_fraction(dx, dy, hp), 1.0)
    b = 1.0 - min(_exit_fraction(dx, dy, hq), 1.0)
    t = a + (b - a) * share if b > a else 0.5
    return QPointF(p.x() + dx * t, p.y() + dy * t)


def _share(edge: LinkEdge, centre_id: str) -> float:
    return 0.5 if edge.source == centre_id else 0.7


def _overlaps(rects: list[QRectF]) -> bool:
    """Any two rects intersect? A coarse grid keeps this near-linear for hundreds of rects."""
    cell = 256.0
    grid: dict[tuple[int, int], list[int]] = {}
    for i, r in enumerate(rects):
        cells = [
            (cx, cy)
            for cx in range(math.floor(r.left() / cell), math.floor(r.right() / cell) + 1)
            for cy in range(math.floor(r.top() / cell), math.floor(r.bottom() / cell) + 1)
        ]
        for c in cells:
            for j in grid.get(c, ()):
                if rects[j].intersects(r):
                    return True
        for c in cells:
            grid.setdefault(c, []).append(i)
    return False


def layout(
    data: LinkGraphData,
    node_half: Mapping[str, QPointF],
    label_half: Mapping[tuple[str, str], QPointF],
) -> dict[str, QPointF]:
    """Positions: the centre at (0, 0), level 1 on an inner ellipse, level 2 on an outer one.

    Each level-1 subject gets as many consecutive slots of the outer ring as it has level-2
    subjects (at least one) and sits at the middle of its slots, so links of links fan out
    behind the link they were found through. Both rings grow until no box and no edge label
    overlaps another (ellipses, because the boxes are wide and flat).
    """
    level1 = [n for n in data.nodes if n.level == 1]
    level2 = [n for n in data.nodes if n.level == 2]
    children: dict[str, list[LinkNode]] = {n.id: [] for n in level1}
    orphans: list[LinkNode] = []  # level 2 with no level-1 node to hang on
    for n in level2:
        (children[n.via] if n.via in children else orphans).append(n)
    slots: list[LinkNode | None] = []
    groups: list[tuple[LinkNode | None, list[int]]] = []
    for parent in level1:
        start = len(slots)
        kids = children[parent.id]
        slots.extend(kids if kids else [None])
        groups.append((parent, list(range(start, len(slots)))))
    for orphan in orphans:
        groups.append((None, [len(slots)]))
        slots.append(orphan)
    count = max(len(slots), 1)
    angle = [-math.pi / 2 + 2 * math.pi * k / count for k in range(count)]
    parent_angle: dict[str, float] = {}
    for owner, idx in groups:
        if owner is not None:
            sx = sum(math.cos(angle[k]) for k in idx)
            sy = sum(math.sin(angle[k]) for k in idx)
            parent_angle[owner.id] = math.atan2(sy, sx) if (sx or sy) else angle[idx[0]]

    aspect = 2.0  # the ellipses are wide, as the boxes are
    zero = QPointF(0, 0)
    centre_id = data.centre.id

    def place(r1: float, r2: float) -> dict[str, QPointF]:
        pos = {centre_id: QPointF(0, 0)}
        for n in level1:
            a = parent_angle[n.id]
            pos[n.id] = QPointF(aspect * r1 * math.cos(a), r1 * math.sin(a))
        for k, slot in enumerate(slots):
            if slot is not None:
                a = angle[k]
                pos[slot.id] = QPointF(aspect * r2 * math.cos(a), r2 * math.sin(a))
        return pos

    def boxes(pos: dict[str, QPointF], upto: int) -> list[QRectF]:
        out = []
        margin = 6.0
        ids = [centre_id] + [n.id for n in data.nodes if n.level <= upto]
        for i in ids:
            h = node_half.get(i, zero)
            c = pos[i]
            out.append(QRectF(c.x() - h.x() - margin, c.y() - h.y() - margin,
                              2 * (h.x() + margin), 2 * (h.y() + margin)))
        shown = set(ids)
        for e in data.edges:
            lh = label_half.get((e.source, e.target))
            if lh is None or e.source not in shown or e.target not in shown:
                continue
            c = _label_centre(pos[e.source], node_half.get(e.source, zero),
                              pos[e.target], node_half.get(e.target, zero),
                              _share(e, centre_id))
            out.append(QRectF(c.x() - lh.x() - 2, c.y() - lh.y() - 2,
                              2 * lh.x() + 4, 2 * lh.y() + 4))
        return out

    r1 = 70.0
    gap = 60.0
    for _ in range(60):
        if not _overlaps(boxes(place(r1, r1 + gap), 1)):
            break
        r1 *= 1.1
    if any(slot is not None for slot in slots):
        for _ in range(60):
            if not _overlaps(boxes(place(r1, r1 + gap), 2)):
                break
            gap *= 1.12
        # Spread the inner ring out to near half the outer one, room permitting: a cramped
        # inner ring hides which link the outer subjects were found through.
        outer = r1 + gap
        for share in (0.5, 0.45, 0.4, 0.35, 0.3):
            wider = max(r1, share * outer)
            if wider == r1 or not _overlaps(boxes(place(wider, outer), 2)):
                r1, gap = wider, outer - wider
                break
    return place(r1, r1 + gap)


# -- the items -----------------------------------------------------------------------------


def wrap_text(text: str, metrics: QFontMetricsF, width: float, max_lines: int = 2) -> list[str]:
    """Greedy word wrap to `max_lines` lines of at most `width` px; the last one elided."""
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and metrics.horizontalAdvance(line + " " + words[0]) <= width:
            line += " " + words.pop(0)
        if metrics.horizontalAdvance(line) > width:
            line = metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)
        lines.append(line)
    if words:
        lines.append(metrics.elidedText(" ".join(words), Qt.TextElideMode.ElideRight, width))
    return lines or [""]


class NodeItem(QGraphicsObject):
    """A subject as a box with its name and number; click, Enter or Space activate it."""

    activated = Signal(object)  # the LinkNode

    def __init__(self, node: LinkNode, font: QFont, clickable: bool = True) -> None:
        super().__init__()
        self.node = node
        self.clickable = clickable
        self._bold = QFont(font)
        self._bold.setBold(True)
        self._font = QFont(font)
        self._title: list[str] = []
        self._number = ""
        self._half = QPointF(60, 20)
        self._pressed = False
        if clickable:
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setAcceptHoverEvents(True)
        self.set_caption(node.name or node.id, node.id if node.name else "")

    @property
    def half(self) -> QPointF:
        return QPointF(self._half)

    def set_caption(self, title: str, number: str) -> None:
        """`title` in bold on up to two lines, `number` under it."""
        bold, plain = QFontMetricsF(self._bold), QFontMetricsF(self._font)
        self.prepareGeometryChange()
        self._title = wrap_text(title, bold, NAME_MAX_PX)
        self._number = number
        width = max([bold.horizontalAdvance(x) for x in self._title]
                    + [plain.horizontalAdvance(number), 80.0])
        height = bold.height() * len(self._title) + (plain.height() if number else 0)
        self._half = QPointF(width / 2 + PAD, height / 2 + PAD * 0.6)
        self.update()

    def caption(self) -> tuple[str, str]:
        """The name as shown (lines joined by a space) and the number."""
        return " ".join(self._title), self._number

    def boundingRect(self) -> QRectF:
        h = self._half
        return QRectF(-h.x() - 4, -h.y() - 4, 2 * h.x() + 8, 2 * h.y() + 8)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        h = self._half
        path.addRoundedRect(QRectF(-h.x(), -h.y(), 2 * h.x(), 2 * h.y()), 6, 6)
        return path

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        h = self._half
        box = QRectF(-h.x(), -h.y(), 2 * h.x(), 2 * h.y())
        fill, border = _COLOURS["centre" if self.node.level == 0 else self.node.kind]
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.hasFocus():
            painter.setPen(QPen(QColor(_FOCUS), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(-3, -3, 3, 3), 8, 8)
        width = 2.5 if self.node.level == 0 else 1.2
        painter.setPen(QPen(QColor(border), width))
        painter.setBrush(QBrush(QColor(fill)))
        if self.node.kind == COMPANY and self.node.level:
            painter.drawRect(box)  # companies square, persons rounded: not by colour alone
        else:
            painter.drawRoundedRect(box, 10, 10)
        painter.setPen(QColor("#111111"))
        y = box.top() + PAD * 0.6
        for font, lines in ((self._bold, self._title), (self._font, [self._number])):
            painter.setFont(font)
            line_h = QFontMetricsF(font).height()
            for line in lines:
                if line:
                    painter.drawText(QRectF(box.left(), y, box.width(), line_h),
                                     Qt.AlignmentFlag.AlignCenter, line)
                    y += line_h

    # -- interaction -----------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self._pressed = True
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
        else:
            event.ignore()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        was, self._pressed = self._pressed, False
        if was and event.button() == Qt.MouseButton.LeftButton and self.contains(event.pos()):
            self.activated.emit(self.node)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.clickable and event.key() in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select
        ):
            self.activated.emit(self.node)
            event.accept()
        else:
            event.ignore()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.update()
        for view in self.scene().views() if self.scene() else ():
            view.ensureVisible(self, 40, 40)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setZValue(2)
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setZValue(1)
        super().hoverLeaveEvent(event)


class EdgeLabel(QGraphicsItem):
    """The relation written on an edge, on a plate so the line does not run through it."""

    def __init__(self, text: str, font: QFont) -> None:
        super().__init__()
        self._font = QFont(font)
        metrics = QFontMetricsF(self._font)
        self.full_text = text
        self.lines = wrap_text(text, metrics, LABEL_MAX_PX)
        self.text = " ".join(self.lines)
        width = max(metrics.horizontalAdvance(x) for x in self.lines)
        self.half = QPointF(width / 2 + 4, metrics.height() * len(self.lines) / 2 + 1)
        if self.text != " ".join(text.split()):
            self.setToolTip(text)

    def boundingRect(self) -> QRectF:
        h = self.half
        return QRectF(-h.x(), -h.y(), 2 * h.x(), 2 * h.y())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        box = self.boundingRect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 235))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(QColor("#404040"))
        painter.setFont(self._font)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "\n".join(self.lines))


# -- the view ------------------------------------------------------------------------------


class LinkGraphView(QGraphicsView):
    """The graph of one №50/51 result. Ctrl+wheel or +/−/0 zoom; Tab and arrows walk the
    nodes; Enter, Space or a click asks to query the subject (query_subject)."""

    query_subject = Signal(int, dict)  # resource id, parameters

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkGraph")
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QColor("#fbfbfd"))
        self._resource: Any = None
        self._data: LinkGraphData | None = None
        self._nodes: list[NodeItem] = []
        self._centre: NodeItem | None = None
        self._labels: list[EdgeLabel] = []
        self._user_zoomed = False

    # -- content ---------------------------------------------------------------------------

    def set_links(
        self, resource: Any, records: Sequence[Mapping[str, str]], subject: str = ""
    ) -> None:
        self.clear_graph()
        self._resource = resource
        rid = int(getattr(resource, "id", 50))
        data = parse_links(records, subject, rid)
        self._data = data
        font = QFont(self.font())
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() - 1, 7.0))
        centre = NodeItem(data.centre, font, clickable=False)
        self._centre = centre
        items = {data.centre.id: centre}
        for node in data.nodes:
            item = NodeItem(node, font, clickable=not node.id.startswith("#"))
            item.activated.connect(self._activated)
            items[node.id] = item
            self._nodes.append(item)
        labels: dict[tuple[str, str], EdgeLabel] = {}
        for e in data.edges:
            if e.relation:
                labels[(e.source, e.target)] = EdgeLabel(e.relation, small)
        self._retranslate_items()
        pos = layout(
            data,
            {k: v.half for k, v in items.items()},
            {k: v.half for k, v in labels.items()},
        )
        scene = self.scene()
        pen = QPen(QColor("#8a94a6"), 1.4)
        for e in data.edges:
            a, b = pos.get(e.source), pos.get(e.target)
            if a is None or b is None:
                continue
            line = QGraphicsLineItem(a.x(), a.y(), b.x(), b.y())
            line.setPen(pen if e.relation else QPen(QColor("#8a94a6"), 1.4, Qt.PenStyle.DashLine))
            line.setZValue(0)
            scene.addItem(line)
            label = labels.get((e.source, e.target))
            if label is not None:
                src, dst = items[e.source], items[e.target]
                label.setPos(
                    _label_centre(a, src.half, b, dst.half, _share(e, data.centre.id))
                )
                label.setZValue(0.5)
                scene.addItem(label)
                self._labels.append(label)
        for node_id, item in items.items():
            item.setPos(pos[node_id])
            item.setZValue(1)
            scene.addItem(item)
        scene.setSceneRect(scene.itemsBoundingRect().adjusted(-30, -30, 30, 30))
        self._user_zoomed = False
        self.fit()

    def clear_graph(self) -> None:
        self.scene().clear()
        self._nodes, self._labels, self._centre, self._data = [], [], None, None

    @property
    def data(self) -> LinkGraphData | None:
        return self._data

    def node_items(self) -> list[NodeItem]:
        """The linked subjects' nodes (the centre excluded), level 1 first."""
        return list(self._nodes)

    def centre_item(self) -> NodeItem | None:
        return self._centre

    def edge_labels(self) -> list[EdgeLabel]:
        return list(self._labels)

    def _activated(self, node: LinkNode) -> None:
        if self._resource is None:
            return
        params = subject_params(self._resource, node.id, node.kind)
        self.query_subject.emit(int(self._resource.id), params)

    # -- zoom ------------------------------------------------------------------------------

    def fit(self) -> None:
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        self.resetTransform()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.transform().m11()
        if scale > 1.0 or scale < FIT_MIN_SCALE:
            self.resetTransform()
            target = min(1.0, max(scale, FIT_MIN_SCALE))
            self.scale(target, target)
            if self._centre is not None:
                self.centerOn(self._centre)

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if MIN_SCALE / 2 <= scale <= MAX_SCALE:
            self._user_zoomed = True
            self.scale(factor, factor)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
        else:
            super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._user_zoomed:
            self.fit()

    # -- keyboard --------------------------------------------------------------------------

    def _focused_index(self) -> int:
        item = self.scene().focusItem()
        return self._nodes.index(item) if item in self._nodes else -1

    def focus_node(self, index: int, reason: Qt.FocusReason = Qt.FocusReason.TabFocusReason):
        if 0 <= index < len(self._nodes):
            self._nodes[index].setFocus(reason)

    def focusNextPrevChild(self, next: bool) -> bool:  # Qt's parameter name
        i = self._focused_index()
        j = i + 1 if next else i - 1
        if self.hasFocus() and 0 <= j < len(self._nodes) and i >= 0:
            self.focus_node(j, Qt.FocusReason.TabFocusReason if next
                            else Qt.FocusReason.BacktabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self._nodes and self._focused_index() < 0:
            last = event.reason() == Qt.FocusReason.BacktabFocusReason
            self.focus_node(len(self._nodes) - 1 if last else 0, event.reason())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        n = len(self._nodes)
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up) and n:
            step = 1 if key in (Qt.Key.Key_Right, Qt.Key.Key_Down) else -1
            i = self._focused_index()
            self.focus_node((i + step) % n if i >= 0 else 0, Qt.FocusReason.OtherFocusReason)
            event.accept()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.15)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / 1.15)
        elif key == Qt.Key.Key_0:
            self._user_zoomed = False
            self.fit()
        else:
            super().keyPressEvent(event)

    # -- language --------------------------------------------------------------------------

    def _retranslate_items(self) -> None:
        if self._centre is not None:
            self._centre.set_caption(
                translate("LinkGraph", "Queried subject"), self._centre.node.id
            )
            self._centre.setToolTip(
                translate("LinkGraph", "The subject of this query: {id}").format(
                    id=self._centre.node.id
                )
            )
        kinds = {
            PERSON: translate("LinkGraph", "Person"),
            COMPANY: translate("LinkGraph", "Legal entity"),
        }
        hint = translate(
            "LinkGraph", "Click, or press Enter, to query this subject with the same basis."
        )
        for item in self._nodes:
            node = item.node
            lines = [node.name, f"{kinds[node.kind]} · {node.id}"]
            if node.relation:
                lines.append(node.relation)
            if item.clickable:
                lines.append(hint)
            item.setToolTip("\n".join(x for x in lines if x))
        self.setAccessibleName(translate("LinkGraph", "Links graph"))
        self.setAccessibleDescription(
            translate("LinkGraph", "{n} linked subjects. Tab or arrow keys move between them; "
                      "Enter queries the one in focus.").format(n=len(self._nodes))
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_items()
        super().changeEvent(event)
