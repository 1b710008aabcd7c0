#pragma once
// What a paint wrote and drew, read back as words and shapes: a paint device whose engine
// keeps every text with its box and every path's bounds, in the device's coordinates. The
// renderer paints into it through a real QPainter, as it paints on screen.

#include <QColor>
#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPen>
#include <QRectF>
#include <QString>
#include <QTextItem>

#include <vector>

namespace mpviz::testing {

struct PaintedText {
    QString text;
    QRectF box;
};

struct PaintedPath {
    QRectF bounds;
    QColor pen;
};

class PaintedWords : public QPaintDevice {
  public:
    explicit PaintedWords(QSize size) : size_(size), engine_(*this) {}
    QPaintEngine* paintEngine() const override { return &engine_; }

    std::vector<PaintedText> texts;
    std::vector<PaintedPath> paths; // every path drawn (arcs, curved arrows, glyphs)

    // The texts whose words contain `part`.
    std::vector<PaintedText> textsWith(const QString& part) const {
        std::vector<PaintedText> out;
        for (const auto& t : texts)
            if (t.text.contains(part)) out.push_back(t);
        return out;
    }

  protected:
    int metric(PaintDeviceMetric m) const override {
        switch (m) {
        case PdmWidth:
            return size_.width();
        case PdmHeight:
            return size_.height();
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDepth:
            return 32;
        case PdmNumColors:
            return INT_MAX;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return static_cast<int>(devicePixelRatioFScale());
        case PdmWidthMM:
            return size_.width() * 254 / 960;
        case PdmHeightMM:
            return size_.height() * 254 / 960;
        default:
            return 0;
        }
    }

  private:
    class Engine : public QPaintEngine {
      public:
        explicit Engine(PaintedWords& out) : QPaintEngine(AllFeatures), out_(out) {}
        bool begin(QPaintDevice*) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState&) override {}
        Type type() const override { return User; }
        void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
        void drawPolygon(const QPointF*, int, PolygonDrawMode) override {}
        void drawRects(const QRectF*, int) override {} // bars, outlines, patches: not paths
        void drawPath(const QPainterPath& path) override {
            out_.paths.push_back(
                {state->transform().map(path).boundingRect(), state->pen().color()});
        }
        void drawTextItem(const QPointF& p, const QTextItem& item) override {
            const QRectF box(p.x(), p.y() - item.ascent(), item.width(),
                             item.ascent() + item.descent());
            out_.texts.push_back({item.text(), state->transform().mapRect(box)});
        }

      private:
        PaintedWords& out_;
    };

    QSize size_;
    mutable Engine engine_;
};

} // namespace mpviz::testing
