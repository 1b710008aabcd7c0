#include "gui/object_widget.hpp"

#include "gui/chips.hpp"
#include "render/labels.hpp"
#include "render/style.hpp"
#include "trace/shared_number.hpp"

#include <QEvent>
#include <QFontMetricsF>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace mpviz::gui {

using trace::ObjectKind;

namespace {

QString str(const std::string& s) {
    return QString::fromStdString(s);
}

double lerp(double a, double b, double t) {
    return a + (b - a) * t;
}

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(
        float(lerp(a.redF(), b.redF(), t)), float(lerp(a.greenF(), b.greenF(), t)),
        float(lerp(a.blueF(), b.blueF(), t)), float(lerp(a.alphaF(), b.alphaF(), t)));
}

} // namespace

// The drawing of one card, kind by kind. Rows are one line of chips tall.
struct ObjectWidget::Painter {
    const ObjectWidget& w;
    QPainter& p;
    std::vector<QStringList>& shown; // every row's pieces of text, as drawn
    QStringList rowText;             // the pieces drawn so far in the current row
    render::Palette palette;
    QColor text, muted, line;
    double pad = 0, row = 0, left = 0, right = 0, y = 0;
    ChipStyle chip;

    static QString tr(const char* text) { return ObjectWidget::tr(text); }

    Painter(const ObjectWidget& widget, QPainter& painter, std::vector<QStringList>& shownRows)
        : w(widget), p(painter), shown(shownRows), palette(render::paletteFor(widget.theme_)) {
        const QFontMetricsF fm(w.font());
        pad = fm.height() * 0.5;
        row = fm.height() * 1.6;
        left = pad;
        right = w.width() - pad;
        text = w.palette().color(QPalette::WindowText);
        muted = w.palette().color(QPalette::PlaceholderText);
        line = w.palette().color(QPalette::Mid);
        chip.theme = w.theme_;
    }

    double centre() const { return y + row / 2; }
    void nextRow() {
        shown.push_back(rowText);
        rowText.clear();
        y += row;
    }

    // Every word the card writes goes through these two, so what it shows can be read back.
    void say(const QRectF& r, int flags, const QString& words) {
        p.drawText(r, flags, words);
        if (!words.isEmpty()) rowText << words;
    }
    QRectF chipAt(double x, double centreY, const QString& name, const QColor& colour,
                  const ChipStyle& style) {
        rowText << name;
        return drawChip(p, x, centreY, name, colour, style);
    }

    // "label" in muted text, then the chips; "nobody" when there are none.
    void labelledChips(const QString& label, const std::vector<int>& who, const QString& none) {
        p.setPen(muted);
        const double lw = QFontMetricsF(p.font()).horizontalAdvance(label + QLatin1Char(' '));
        say(QRectF(left, y, lw, row), Qt::AlignVCenter | Qt::AlignLeft, label);
        if (who.empty()) {
            say(QRectF(left + lw, y, right - left - lw, row), Qt::AlignVCenter | Qt::AlignLeft,
                none);
        } else {
            ChipStyle s = chip;
            drawChipRow(p, left + lw, centre(), right, w.namesOf(who), w.coloursOf(who), s,
                        &rowText);
        }
        nextRow();
    }

    void header() {
        QFont bold = p.font();
        bold.setBold(true);
        p.save();
        p.setFont(bold);
        p.setPen(text);
        const QString title = render::pythonClassName(w.now_.kind) + QStringLiteral("  ") + str(w.now_.name);
        say(QRectF(left, y, right - left, row), Qt::AlignVCenter | Qt::AlignLeft, title);
        const double titleEnd = left + QFontMetricsF(bold).horizontalAdvance(title) + pad;
        p.restore();
        // The summary takes what the title leaves: on a narrow card it is elided, never
        // drawn over the title.
        p.setPen(muted);
        const double room = std::max(0.0, right - titleEnd);
        say(QRectF(titleEnd, y, room, row), Qt::AlignVCenter | Qt::AlignRight,
            QFontMetricsF(p.font()).elidedText(w.summary(), Qt::ElideRight, room));
        nextRow();
    }

    void padlock(const QRectF& r, bool closed, const QColor& colour) {
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        const double bw = r.width() * 0.7, bh = r.height() * 0.5;
        const QRectF body(r.center().x() - bw / 2, r.bottom() - bh, bw, bh);
        const double sw = bw * 0.6;
        const double lift = closed ? 0 : r.height() * 0.18;
        QPainterPath shackle;
        const QRectF arc(r.center().x() - sw / 2, r.top() - lift + r.height() * 0.05, sw,
                         r.height() * 0.7);
        shackle.moveTo(arc.left(), body.top() - (closed ? 0 : lift * 0.2));
        shackle.arcTo(arc, 180, -180);
        shackle.lineTo(arc.right(), body.top() - lift);
        p.setPen(QPen(colour, std::max(2.0, r.width() * 0.1)));
        p.setBrush(Qt::NoBrush);
        p.drawPath(shackle);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawRoundedRect(body, 2, 2);
        p.restore();
    }

    void lock() {
        const auto& s = w.now_;
        const bool held = !s.holders.empty();
        const double icon = row * 0.9;
        padlock(QRectF(left, y + (row - icon) / 2, icon, icon), held,
                held ? palette.blocked : palette.running);
        double x = left + icon + pad;
        if (!held) {
            p.setPen(text);
            say(QRectF(x, y, right - x, row), Qt::AlignVCenter | Qt::AlignLeft, tr("free"));
        } else {
            p.setPen(muted);
            const QString label = tr("held by");
            say(QRectF(x, y, right - x, row), Qt::AlignVCenter | Qt::AlignLeft, label);
            x += QFontMetricsF(p.font()).horizontalAdvance(label + QLatin1Char(' '));
            for (int h : s.holders) {
                ChipStyle cs = chip;
                const bool died = std::count(s.diedHolding.begin(), s.diedHolding.end(), h) > 0;
                cs.dashed = died;
                const bool isNew =
                    std::count(w.before_.holders.begin(), w.before_.holders.end(), h) == 0;
                cs.opacity = isNew ? std::max(0.15, w.progress_) : 1.0;
                QString name = w.processName(h);
                if (died) name += tr(" \u2014 owner died");
                x = chipAt(x, centre(), name, w.colourOf(h), cs).right() + pad / 2;
            }
        }
        nextRow();
        labelledChips(tr("waiting:"), s.waiters, tr("nobody"));
    }

    void semaphore() {
        const auto& s = w.now_;
        const int permits = static_cast<int>(std::max<std::int64_t>(s.capacity, 1));
        const int slotCount = std::max<int>(permits, static_cast<int>(s.holders.size()));
        const double gap = pad / 2;
        const double slotW = std::min((right - left - gap * (slotCount - 1)) / slotCount, row * 5);
        for (int i = 0; i < slotCount; ++i) {
            const QRectF r(left + i * (slotW + gap), y + row * 0.08, slotW, row * 0.84);
            p.save();
            p.setRenderHint(QPainter::Antialiasing);
            const bool over = i >= permits; // more holders than permits: drawn in the alarm colour
            if (i < static_cast<int>(s.holders.size())) {
                const int h = s.holders[static_cast<std::size_t>(i)];
                const bool isNew =
                    std::count(w.before_.holders.begin(), w.before_.holders.end(), h) == 0;
                QColor c = w.colourOf(h);
                QColor fill = c;
                fill.setAlphaF((w.theme_ == Theme::Dark ? 0.4 : 0.22) *
                               (isNew ? std::max(0.2, w.progress_) : 1.0));
                p.setPen(QPen(over ? palette.blocked : c, over ? 3 : 1.5));
                p.setBrush(fill);
                p.drawRoundedRect(r, 4, 4);
                p.setPen(text);
                say(r, Qt::AlignCenter,
                    QFontMetricsF(p.font()).elidedText(w.processName(h), Qt::ElideRight,
                                                       r.width() - 4));
            } else {
                QPen pen(palette.running, 1.5, Qt::DashLine);
                p.setPen(pen);
                p.setBrush(Qt::NoBrush);
                p.drawRoundedRect(r, 4, 4);
                p.setPen(muted);
                say(r, Qt::AlignCenter, tr("free"));
            }
            p.restore();
        }
        nextRow();
        labelledChips(tr("waiting:"), s.waiters, tr("nobody"));
    }

    void event() {
        const auto& s = w.now_;
        const bool set = s.value.value_or(0) != 0;
        const bool wasSet = w.before_.value.value_or(0) != 0;
        const double t = set == wasSet ? 1.0 : w.progress_;
        const QColor on = QColor::fromRgb(render::okabe_ito::kYellow);
        const QColor off = w.palette().color(QPalette::Mid);
        const QColor lamp = set ? mix(off, on, t) : mix(on, off, t);
        const double d = row * 0.8;
        const QRectF r(left, y + (row - d) / 2, d, d);
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        if (set) {
            QColor glow = on;
            glow.setAlphaF(0.35 * t);
            p.setPen(Qt::NoPen);
            p.setBrush(glow);
            p.drawEllipse(r.adjusted(-d * 0.25, -d * 0.25, d * 0.25, d * 0.25));
        }
        p.setPen(QPen(text, 1.2));
        p.setBrush(lamp);
        p.drawEllipse(r);
        p.restore();
        p.setPen(text);
        say(QRectF(r.right() + pad, y, right - r.right() - pad, row),
            Qt::AlignVCenter | Qt::AlignLeft,
            set ? tr("set: wait() returns at once") : tr("not set: wait() blocks"));
        nextRow();
        labelledChips(tr("waiting:"), s.waiters, tr("nobody"));
    }

    // A row of item boxes, oldest at the left (the next one out), sliding as they move.
    void itemSlots(const std::vector<std::string>& items, std::int64_t capacity,
                   const std::vector<std::string>& beforeItems, bool animate) {
        const double gap = pad / 3;
        const int shownSlots = capacity > 0 ? static_cast<int>(std::min<std::int64_t>(capacity, 20))
                                            : std::max<int>(static_cast<int>(items.size()), 6);
        const int maxBoxes = std::max(1, std::min(shownSlots, 20));
        const double slotW = std::max(row * 0.8, (right - left - gap * (maxBoxes - 1)) / maxBoxes);
        const int fits = std::max(1, int((right - left + gap) / (slotW + gap)));
        const int boxes = std::min(maxBoxes, fits);
        // An item was taken from the front: everything slides one slot to the left.
        const bool took = animate && !beforeItems.empty() &&
                          (items.empty() || items.front() != beforeItems.front());
        const double shift = took ? (1.0 - w.progress_) * (slotW + gap) : 0.0;
        const bool put = animate && items.size() > beforeItems.size() && !took;
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setClipRect(QRectF(left - 1, y, right - left + 2, row));
        for (int i = 0; i < boxes; ++i) {
            const QRectF slot(left + i * (slotW + gap), y + row * 0.1, slotW, row * 0.8);
            p.setPen(QPen(line, 1, Qt::DotLine));
            p.setBrush(Qt::NoBrush);
            if (capacity > 0 || i < static_cast<int>(items.size())) p.drawRoundedRect(slot, 3, 3);
        }
        const int n = static_cast<int>(items.size());
        for (int i = 0; i < n && i < boxes; ++i) {
            QRectF box(left + i * (slotW + gap) + shift, y + row * 0.1, slotW, row * 0.8);
            double opacity = 1.0;
            if (put && i == n - 1) {
                box.translate((1.0 - w.progress_) * (slotW + gap) * 1.5, 0);
                opacity = std::max(0.2, w.progress_);
            }
            if (i == boxes - 1 && n > boxes) {
                p.setPen(muted);
                say(box, Qt::AlignCenter, QStringLiteral("+%1").arg(n - boxes + 1));
                break;
            }
            p.setOpacity(opacity);
            p.setPen(QPen(QColor::fromRgb(render::okabe_ito::kOrange).darker(120), 1.2));
            QColor fill = QColor::fromRgb(render::okabe_ito::kOrange);
            fill.setAlphaF(w.theme_ == Theme::Dark ? 0.45 : 0.3);
            p.setBrush(fill);
            p.drawRoundedRect(box, 3, 3);
            p.setPen(text);
            // Items are Python reprs ('ice-lolly 3'): the quotes go, and a long one loses its
            // start rather than its end, where the numbers that tell items apart usually are.
            std::string item = items[static_cast<std::size_t>(i)];
            if (item.size() >= 2 && item.front() == '\'') {
                const auto close = item.find('\'', 1);
                if (close != std::string::npos)
                    item = item.substr(1, close - 1) + item.substr(close + 1);
            }
            const QString label = str(shortItem(item, 24));
            const Qt::TextElideMode elide =
                !label.isEmpty() && label.back().isDigit() ? Qt::ElideLeft : Qt::ElideRight;
            say(box.adjusted(2, 0, -2, 0), Qt::AlignCenter,
                QFontMetricsF(p.font()).elidedText(label, elide, box.width() - 4));
            p.setOpacity(1.0);
        }
        // The item just taken fades out at the front.
        if (took && w.progress_ < 1.0) {
            QRectF gone(left - (slotW + gap) + shift, y + row * 0.1, slotW, row * 0.8);
            p.setOpacity(1.0 - w.progress_);
            p.setPen(Qt::NoPen);
            QColor fill = QColor::fromRgb(render::okabe_ito::kOrange);
            fill.setAlphaF(0.3);
            p.setBrush(fill);
            p.drawRoundedRect(gone, 3, 3);
            p.setOpacity(1.0);
        }
        p.restore();
        nextRow();
    }

    void queue() {
        const auto& s = w.now_;
        itemSlots(s.items, s.capacity, w.before_.items, true);
        if (!s.flushing.empty() && s.producers.empty()) {
            // The deadlock-on-join lesson: the process returned, but its feeder thread cannot
            // push the rest of its data into the full pipe, so it cannot exit.
            labelledChips(tr("cannot exit, data stuck in the pipe:"), s.flushing, {});
        } else {
            std::vector<int> putters = s.producers;
            putters.insert(putters.end(), s.flushing.begin(), s.flushing.end());
            labelledChips(tr("blocked in put (full):"), putters, tr("nobody"));
        }
        labelledChips(tr("blocked in get (empty):"), s.consumers, tr("nobody"));
    }

    void pipe() {
        const auto& s = w.now_;
        const double bytes = double(s.value.value_or(0));
        const double cap = double(std::max<std::int64_t>(s.capacity, 1));
        const double before = double(w.before_.value.value_or(0));
        const double shown = lerp(before, bytes, w.progress_);
        const QRectF bar(left, y + row * 0.2, right - left, row * 0.6);
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(line, 1));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(bar, bar.height() / 2, bar.height() / 2);
        // Tiny messages would not show against a 64 KiB buffer: never less than a sliver.
        const double frac = bytes > 0 ? std::max(0.02, std::min(1.0, shown / cap)) : 0.0;
        if (frac > 0) {
            QColor fill = QColor::fromRgb(render::okabe_ito::kOrange);
            fill.setAlphaF(0.6);
            p.setPen(Qt::NoPen);
            p.setBrush(fill);
            p.drawRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * frac, bar.height()),
                              bar.height() / 2, bar.height() / 2);
        }
        p.setPen(text);
        say(bar, Qt::AlignCenter,
            tr("%1 of %2 bytes in the buffer").arg(qint64(bytes)).arg(qint64(cap)));
        p.restore();
        nextRow();
        itemSlotsLabelled(QStringLiteral("\u2192"), s.items, w.before_.items);
        itemSlotsLabelled(QStringLiteral("\u2190"), s.itemsBack, w.before_.itemsBack);
        std::vector<int> blocked = s.producers;
        blocked.insert(blocked.end(), s.consumers.begin(), s.consumers.end());
        labelledChips(tr("blocked:"), blocked, tr("nobody"));
    }

    void itemSlotsLabelled(const QString& arrow, const std::vector<std::string>& items,
                           const std::vector<std::string>& before) {
        p.setPen(muted);
        const double aw = QFontMetricsF(p.font()).horizontalAdvance(arrow + QStringLiteral("  "));
        say(QRectF(left, y, aw, row), Qt::AlignVCenter | Qt::AlignLeft, arrow);
        const double keep = left;
        left += aw;
        if (items.empty()) {
            say(QRectF(left, y, right - left, row), Qt::AlignVCenter | Qt::AlignLeft,
                tr("no message in flight"));
            nextRow();
        } else {
            itemSlots(items, 0, before, true);
        }
        left = keep;
    }

    void pool() {
        const auto& s = w.now_;
        for (const auto& worker : s.workers) {
            const bool busy = !worker.task.empty();
            ChipStyle cs = chip;
            const QRectF r = chipAt(left, centre(), w.processName(worker.process),
                                    w.colourOf(worker.process), cs);
            p.setPen(busy ? text : muted);
            say(QRectF(r.right() + pad, y, right - r.right() - pad, row),
                Qt::AlignVCenter | Qt::AlignLeft,
                busy ? tr("runs %1").arg(str(worker.task)) : tr("idle"));
            nextRow();
        }
        for (std::size_t i = s.workers.size();
             i < static_cast<std::size_t>(std::max<std::int64_t>(s.capacity, 0)); ++i) {
            const bool exited = i < s.workers.size() + static_cast<std::size_t>(s.exitedWorkers);
            p.setPen(muted);
            say(QRectF(left, y, right - left, row), Qt::AlignVCenter | Qt::AlignLeft,
                exited ? tr("(worker exited)") : tr("(worker not started)"));
            nextRow();
        }
        const auto list = [&](const QString& label, const std::vector<std::string>& items,
                              bool newestLast) {
            p.setPen(muted);
            QStringList shown;
            const int n = static_cast<int>(items.size());
            const int from = newestLast ? std::max(0, n - 4) : 0;
            for (int i = from; i < std::min(n, from + 4); ++i)
                shown << str(items[static_cast<std::size_t>(i)]);
            QString textLine =
                label + QStringLiteral(" (") + QString::number(n) + QStringLiteral("): ");
            if (newestLast && from > 0) textLine += QStringLiteral("\u2026, ");
            textLine += shown.join(QStringLiteral(", "));
            if (!newestLast && n > 4) textLine += QStringLiteral(", \u2026");
            say(QRectF(left, y, right - left, row), Qt::AlignVCenter | Qt::AlignLeft,
                QFontMetricsF(p.font()).elidedText(textLine, Qt::ElideRight, right - left));
            nextRow();
        };
        list(tr("pending"), s.pending, false);
        list(tr("results"), s.results, true);
    }

    void value() {
        const auto& s = w.now_;
        QFont big = p.font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        big.setBold(true);
        p.save();
        p.setFont(big);
        const bool changed = s.value != w.before_.value;
        p.setPen(changed ? mix(palette.blocked, text, w.progress_) : text);
        const auto numberText = [&](std::int64_t v) {
            return render::toQString(trace::sharedNumberText(v, s.valueType));
        };
        const QString number = s.value ? numberText(*s.value) : QStringLiteral("?");
        say(QRectF(left, y, right - left, row), Qt::AlignVCenter | Qt::AlignLeft, number);
        const double nw = QFontMetricsF(big).horizontalAdvance(number + QStringLiteral("  "));
        p.restore();
        if (s.kind == ObjectKind::Array) {
            QStringList cells;
            for (const auto& c : s.cells)
                cells << (c ? numberText(*c) : QStringLiteral("?"));
            p.setPen(text);
            say(QRectF(left, y, right - left, row), Qt::AlignVCenter | Qt::AlignLeft,
                QStringLiteral("[") + cells.join(QStringLiteral(", ")) + QStringLiteral("]"));
        } else if (s.lastWriter >= 0) {
            p.setPen(muted);
            const QString label = tr("written by");
            say(QRectF(left + nw, y, right - left - nw, row), Qt::AlignVCenter | Qt::AlignLeft,
                label);
            const double x =
                left + nw + QFontMetricsF(p.font()).horizontalAdvance(label + QLatin1Char(' '));
            chipAt(x, centre(), w.processName(s.lastWriter), w.colourOf(s.lastWriter), chip);
        }
        nextRow();
        if (s.kind == ObjectKind::Array && s.lastWriter >= 0) {
            labelledChips(tr("last written by"), {s.lastWriter}, {});
        } else {
            labelledChips(tr("last read by"),
                          s.lastReader >= 0 ? std::vector<int>{s.lastReader} : std::vector<int>{},
                          tr("nobody yet"));
        }
    }
};

ObjectWidget::ObjectWidget(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    animation_.setStartValue(0.0);
    animation_.setEndValue(1.0);
    animation_.setDuration(350);
    animation_.setEasingCurve(QEasingCurve::OutCubic);
    connect(&animation_, &QVariantAnimation::valueChanged, this, [this](const QVariant& v) {
        progress_ = v.toDouble();
        update();
    });
}

void ObjectWidget::setTheme(Theme theme) {
    theme_ = theme;
    update();
}

void ObjectWidget::setSnapshot(const ObjectSnapshot& snapshot,
                               const std::vector<ProcessSnapshot>& processes) {
    // Every field counts: a pool's worker that just started changes no counter.
    const bool changed = !hasSnapshot_ || !(now_ == snapshot);
    const int oldRows = hasSnapshot_ ? rows() : -1;
    processes_ = processes;
    if (changed) {
        before_ = hasSnapshot_ ? now_ : snapshot;
        now_ = snapshot;
        maxItems_ = std::max(maxItems_, now_.items.size() + now_.itemsBack.size());
        maxHolders_ = std::max(maxHolders_, now_.holders.size());
        if (animated_ && hasSnapshot_) {
            animation_.stop();
            progress_ = 0;
            animation_.start();
        } else {
            progress_ = 1;
        }
        hasSnapshot_ = true;
    }
    if (rows() != oldRows) updateGeometry();
    update();
}

int ObjectWidget::rows() const {
    switch (now_.kind) {
    case ObjectKind::Lock:
    case ObjectKind::Semaphore:
    case ObjectKind::Event:
    case ObjectKind::Value:
    case ObjectKind::Array:
        return 2;
    case ObjectKind::Queue:
    case ObjectKind::JoinableQueue:
        return 3;
    case ObjectKind::Pipe:
        return 4;
    case ObjectKind::Pool:
        return static_cast<int>(std::max<std::size_t>(
                   now_.workers.size(),
                   static_cast<std::size_t>(std::max<std::int64_t>(now_.capacity, 0)))) +
               2;
    case ObjectKind::Count:
        break;
    }
    return 1;
}

QSize ObjectWidget::sizeHint() const {
    const QFontMetricsF fm(font());
    const double row = fm.height() * 1.6;
    return QSize(int(fm.height() * 22), int(std::ceil(row * (rows() + 1) + fm.height())));
}

QSize ObjectWidget::minimumSizeHint() const {
    const QSize s = sizeHint();
    return QSize(int(QFontMetricsF(font()).height() * 12), s.height());
}

QString ObjectWidget::processName(int index) const {
    // Holders, waiters and workers are trace process indices; processes_ is indexed alike.
    if (index >= 0 && static_cast<std::size_t>(index) < processes_.size() &&
        processes_[static_cast<std::size_t>(index)].index == index)
        return str(processes_[static_cast<std::size_t>(index)].name);
    return QStringLiteral("?");
}

QColor ObjectWidget::colourOf(int index) const {
    return processColor(index, theme_);
}

QStringList ObjectWidget::namesOf(const std::vector<int>& processes) const {
    QStringList names;
    for (int p : processes)
        names << processName(p);
    return names;
}

QList<QColor> ObjectWidget::coloursOf(const std::vector<int>& processes) const {
    QList<QColor> colours;
    for (int p : processes)
        colours << colourOf(p);
    return colours;
}

QString ObjectWidget::summary() const {
    const auto& s = now_;
    switch (s.kind) {
    case ObjectKind::Lock:
        return s.holders.empty() ? tr("free") : tr("held");
    case ObjectKind::Semaphore:
        return tr("%1 of %2 permits free").arg(s.value.value_or(s.capacity)).arg(s.capacity);
    case ObjectKind::Event:
        return s.value.value_or(0) ? tr("flag set") : tr("flag clear");
    case ObjectKind::Queue:
    case ObjectKind::JoinableQueue: {
        QString t = s.capacity > 0
                        ? tr("%1 of %2 items").arg(s.items.size()).arg(s.capacity)
                        : (s.items.size() == 1 ? tr("1 item (no maxsize)")
                                               : tr("%1 items (no maxsize)").arg(s.items.size()));
        if (s.kind == ObjectKind::JoinableQueue) t += tr(", %1 unfinished").arg(s.unfinished);
        return t;
    }
    case ObjectKind::Pipe:
        return tr("%1 + %2 messages unread").arg(s.items.size()).arg(s.itemsBack.size());
    case ObjectKind::Pool: {
        const auto busy =
            std::count_if(s.workers.begin(), s.workers.end(),
                          [](const PoolWorkerSnapshot& w) { return !w.task.empty(); });
        return tr("%1 of %2 workers busy").arg(busy).arg(s.capacity);
    }
    case ObjectKind::Value:
        return tr("shared number");
    case ObjectKind::Array:
        return tr("%1 numbers").arg(s.capacity);
    case ObjectKind::Count:
        break;
    }
    return {};
}

QString ObjectWidget::tooltipText() const {
    const auto& s = now_;
    QStringList lines;
    lines << render::pythonClassName(s.kind) + QStringLiteral(" '") + str(s.name) + QStringLiteral("': ") +
                 summary();
    if (!s.holders.empty())
        lines << tr("held by: ") + namesOf(s.holders).join(QStringLiteral(", "));
    if (!s.waiters.empty())
        lines << tr("blocked on it: ") + namesOf(s.waiters).join(QStringLiteral(", "));
    if (!s.items.empty()) {
        QStringList items;
        for (const auto& i : s.items)
            items << str(shortItem(i, 40));
        lines << tr("items, oldest first: ") + items.join(QStringLiteral(", "));
    }
    if (!s.itemsBack.empty()) {
        QStringList items;
        for (const auto& i : s.itemsBack)
            items << str(shortItem(i, 40));
        lines << tr("sent the other way: ") + items.join(QStringLiteral(", "));
    }
    if (!s.flushing.empty())
        lines << tr("cannot exit until their queued data is read: ") +
                     namesOf(s.flushing).join(QStringLiteral(", "));
    return lines.join(QLatin1Char('\n'));
}

bool ObjectWidget::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip) {
        QToolTip::showText(static_cast<QHelpEvent*>(e)->globalPos(), tooltipText(), this);
        return true;
    }
    return QWidget::event(e);
}

void ObjectWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QRectF card = QRectF(rect()).adjusted(1, 1, -1, -1);
    QColor base = palette().color(QPalette::Base);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(base);
    p.drawRoundedRect(card, 6, 6);
    if (progress_ < 1.0) {
        // A brief flash: something just happened to this object.
        QColor flash = QColor::fromRgb(render::okabe_ito::kOrange);
        flash.setAlphaF(0.22 * (1.0 - progress_));
        p.setBrush(flash);
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(card, 6, 6);
    }
    if (!hasSnapshot_) return;
    shownRows_.clear();
    Painter painter(*this, p, shownRows_);
    painter.y = painter.pad / 2;
    painter.header();
    switch (now_.kind) {
    case ObjectKind::Lock:
        painter.lock();
        break;
    case ObjectKind::Semaphore:
        painter.semaphore();
        break;
    case ObjectKind::Event:
        painter.event();
        break;
    case ObjectKind::Queue:
    case ObjectKind::JoinableQueue:
        painter.queue();
        break;
    case ObjectKind::Pipe:
        painter.pipe();
        break;
    case ObjectKind::Pool:
        painter.pool();
        break;
    case ObjectKind::Value:
    case ObjectKind::Array:
        painter.value();
        break;
    case ObjectKind::Count:
        break;
    }
}

} // namespace mpviz::gui
