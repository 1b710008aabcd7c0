// Timeline export: one paint routine, three devices. The height follows the layout (every
// lane shown); all devices work at 96 dpi so fonts set in pixels keep their size.

#include "render/export.hpp"

#include "render/labels.hpp"
#include "render/layout.hpp"
#include "render/painter.hpp"
#include "render/style.hpp"
#include "render/viewport.hpp"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <cmath>

namespace mpviz::render {

namespace {

constexpr int kDpi = 96;
constexpr int kPngQuality = 89;

std::string str(const QString& s) {
    return s.toStdString();
}

// Opens the output now, so an unwritable path is reported by name and reason before
// anything is painted.
std::string openOutput(QFile& file) {
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate)) return {};
    return "cannot write " + str(file.fileName()) + ": " + str(file.errorString());
}

std::string writePng(const trace::TraceData& trace, Viewport v, const Style& style,
                     const TimelineLayout& layout, QFile& file, double scale) {
    const QSize pixels(static_cast<int>(std::ceil(v.size.width() * scale)),
                       static_cast<int>(std::ceil(v.size.height() * scale)));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return "image too large to export (" + std::to_string(pixels.width()) + "×" +
               std::to_string(pixels.height()) + " px)";
    image.setDevicePixelRatio(scale);
    image.setDotsPerMeterX(static_cast<int>(std::lround(kDpi * scale / 0.0254)));
    image.setDotsPerMeterY(image.dotsPerMeterX());
    v.devicePixelRatio = scale;
    {
        QPainter painter(&image);
        paint(painter, trace, layout, v, style);
    }
    QImageWriter writer(&file, "png");
    // Qt maps a PNG's quality 0-100 onto zlib's levels 9-0: this is level 1. A timeline is
    // large runs of flat colour, which the fastest level packs nearly as tightly as the
    // default one, in a fraction of its time (most of an export was spent compressing).
    writer.setQuality(kPngQuality);
    if (!writer.write(image.convertToFormat(QImage::Format_RGB32)))
        return "cannot write PNG " + str(file.fileName()) + ": " + str(writer.errorString());
    return {};
}

std::string writeSvg(const trace::TraceData& trace, const Viewport& v, const Style& style,
                     const TimelineLayout& layout, QFile& file) {
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setResolution(kDpi);
    svg.setSize(v.size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), v.size));
    svg.setTitle(layout.title.isEmpty() ? defaultTitle(trace) : layout.title);
    svg.setDescription(QStringLiteral("mpviz timeline"));
    QPainter painter;
    if (!painter.begin(&svg)) return "cannot write SVG " + str(file.fileName());
    paint(painter, trace, layout, v, style);
    painter.end();
    return {};
}

std::string writePdf(const trace::TraceData& trace, const Viewport& v, const Style& style,
                     const TimelineLayout& layout, QFile& file) {
    QPdfWriter pdf(&file);
    pdf.setResolution(kDpi);
    pdf.setCreator(QStringLiteral("mpviz"));
    pdf.setTitle(layout.title.isEmpty() ? defaultTitle(trace) : layout.title);
    // One page exactly the size of the timeline: points are 1/72 in, pixels 1/96 in.
    const QSizeF points(v.size.width() * 72.0 / kDpi, v.size.height() * 72.0 / kDpi);
    pdf.setPageSize(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    QPainter painter;
    if (!painter.begin(&pdf)) return "cannot write PDF " + str(file.fileName());
    paint(painter, trace, layout, v, style);
    painter.end();
    return {};
}

} // namespace

std::string exportTimeline(const trace::TraceData& trace, const std::filesystem::path& file,
                           const ExportOptions& options) {
    if (!QGuiApplication::instance())
        return "image export needs a QGuiApplication (run with QT_QPA_PLATFORM=offscreen)";
    if (trace.processes().empty()) return "the trace is empty: it has no process to draw";

    std::string suffix = file.extension().string();
    for (auto& c : suffix)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (suffix != ".png" && suffix != ".svg" && suffix != ".pdf")
        return "unknown file type '" + (suffix.empty() ? file.filename().string() : suffix) +
               "': export writes .png, .svg or .pdf";
    if (!(options.scale >= 1.0 && options.scale <= 4.0))
        return "scale must be between 1 and 4 (got " + std::to_string(options.scale) + ")";
    if (options.width < 200 || options.width > 20000)
        return "width must be between 200 and 20000 px (got " + std::to_string(options.width) + ")";
    if (!(options.fontScale >= 0.5 && options.fontScale <= 4.0))
        return "font scale must be between 0.5 and 4 (got " + std::to_string(options.fontScale) +
               ")";

    Viewport v = Viewport::whole(trace, QSizeF(options.width, 1));
    if (options.from) v.t0 = *options.from;
    if (options.to) v.t1 = *options.to;
    if (v.t1 <= v.t0) return "the range to export is empty (it must end after it starts)";
    v.title = QString::fromStdString(options.title);

    Style style;
    style.theme = options.dark ? Theme::Dark : Theme::Light;
    style.fontScale = options.fontScale;
    style.showLegend = options.legend;
    style.showArrows = options.arrows;
    style.showHolds = options.holds;
    style.showCounters = options.counters;
    const TimelineLayout layout = computeLayout(trace, v, style);
    v.size = QSizeF(options.width, std::ceil(layout.contentHeight));

    QFile out(QString::fromStdString(file.string()));
    if (auto error = openOutput(out); !error.empty()) return error;
    std::string error;
    if (suffix == ".png")
        error = writePng(trace, v, style, layout, out, options.scale);
    else if (suffix == ".svg")
        error = writeSvg(trace, v, style, layout, out);
    else
        error = writePdf(trace, v, style, layout, out);
    out.close();
    if (error.empty() && out.error() != QFileDevice::NoError)
        error = "cannot write " + file.string() + ": " + str(out.errorString());
    if (!error.empty()) out.remove(); // no half-written file left behind
    return error;
}

} // namespace mpviz::render
