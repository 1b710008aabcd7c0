// Export to PNG, SVG and PDF: valid files of the expected size, text kept as text, and
// clear messages when something is wrong.

#include "test_render_fixtures.hpp"

#include "render/export.hpp"
#include "render/layout.hpp"

#include <catch2/catch.hpp>

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cmath>

using namespace mpviz::render;
using namespace mpviz::test;

namespace {

std::filesystem::path in(const QTemporaryDir& dir, const char* name) {
    return std::filesystem::path(dir.path().toStdString()) / name;
}

QByteArray read(const std::filesystem::path& file) {
    QFile f(QString::fromStdString(file.string()));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

// Every piece of text in an SVG, concatenated.
QString svgText(const QByteArray& svg) {
    QXmlStreamReader xml(svg);
    QString text;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.name() == QStringLiteral("text"))
            text += xml.readElementText(QXmlStreamReader::IncludeChildElements) + QLatin1Char('\n');
    }
    REQUIRE_FALSE(xml.hasError());
    return text;
}

double expectedHeight(const TraceData& trace, int width) {
    const auto layout = computeLayout(trace, Viewport::whole(trace, QSizeF(width, 1)), Style{});
    return std::ceil(layout.contentHeight);
}

} // namespace

TEST_CASE("PNG export has the layout's size times the scale", "[export][png]") {
    QTemporaryDir dir;
    const auto trace = smallTrace();
    const double scale = GENERATE(1.0, 2.0, 4.0);
    ExportOptions options;
    options.width = 800;
    options.scale = scale;
    const auto file = in(dir, "timeline.png");
    REQUIRE(exportTimeline(trace, file, options).empty());
    QImage image;
    REQUIRE(image.load(QString::fromStdString(file.string())));
    CHECK(image.width() == static_cast<int>(800 * scale));
    CHECK(image.height() == static_cast<int>(std::ceil(expectedHeight(trace, 800) * scale)));
    CHECK(image.pixelColor(1, 1) == QColor(Qt::white));
}

TEST_CASE("SVG export is valid and keeps names as text", "[export][svg]") {
    QTemporaryDir dir;
    const auto trace = smallTrace();
    const auto file = in(dir, "timeline.SVG"); // the suffix in any case
    REQUIRE(exportTimeline(trace, file).empty());
    const QByteArray svg = read(file);
    QSvgRenderer renderer(svg);
    CHECK(renderer.isValid());
    const QString text = svgText(svg);
    const auto layout = computeLayout(trace, Viewport::whole(trace, QSizeF(1600, 1)), Style{});
    REQUIRE(layout.ticks.size() > 2);
    CHECK(text.contains(layout.ticks[2].label)); // the axis
    for (const char* expected : {"queue — completed", "MainProcess (100)", "Process-1 (101)",
                                 "Process-2 (102)", "join Process-1", "killed (SIGTERM)",
                                 "exited (0)", "sleep 0.4 s", "running", "blocked"}) {
        INFO(expected);
        CHECK(text.contains(QString::fromUtf8(expected)));
    }
}

TEST_CASE("PDF export is a PDF with the names in it", "[export][pdf]") {
    QTemporaryDir dir;
    const auto trace = deadlockTrace();
    ExportOptions options;
    options.title = "Lesson 7: deadlock on join";
    const auto file = in(dir, "timeline.pdf");
    REQUIRE(exportTimeline(trace, file, options).empty());
    const QByteArray pdf = read(file);
    CHECK(pdf.startsWith("%PDF-"));
    CHECK(pdf.contains("%%EOF"));

    // Page streams are compressed and fonts subset: read the text back as a reader would.
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        WARN("pdftotext not installed: PDF text not checked");
        return;
    }
    QProcess extract;
    extract.start(pdftotext, {QString::fromStdString(file.string()), QStringLiteral("-")});
    REQUIRE(extract.waitForFinished(30000));
    const QString text = QString::fromUtf8(extract.readAllStandardOutput());
    for (const char* expected :
         {"Lesson 7: deadlock on join", "MainProcess (200)", "Process-1 (201)", "waits: join",
          "waits: flush queue", "killed (SIGKILL)"}) {
        INFO(expected << " in:\n" << text.toStdString());
        CHECK(text.contains(QString::fromUtf8(expected)));
    }
}

TEST_CASE("export of a range, dark and large", "[export]") {
    QTemporaryDir dir;
    const auto trace = smallTrace();
    ExportOptions options;
    options.from = kT0 + 250 * kMs;
    options.to = kT0 + 550 * kMs;
    options.dark = true;
    options.fontScale = 2;
    options.width = 1200;
    const auto file = in(dir, "range.svg");
    REQUIRE(exportTimeline(trace, file, options).empty());
    const QString text = svgText(read(file));
    CHECK(text.contains(QStringLiteral("0.3 s")));
    CHECK_FALSE(text.contains(QStringLiteral("0.1 s"))); // before the range
    const auto png = in(dir, "range.png");
    REQUIRE(exportTimeline(trace, png, options).empty());
    QImage image;
    REQUIRE(image.load(QString::fromStdString(png.string())));
    CHECK(image.pixelColor(1, 1) == paletteFor(Theme::Dark).background);
}

TEST_CASE("export says clearly what went wrong", "[export][errors]") {
    QTemporaryDir dir;
    const auto trace = smallTrace();
    auto error = [&](const std::filesystem::path& file, ExportOptions o = {}) {
        return QString::fromStdString(exportTimeline(trace, file, o));
    };
    CHECK(error(in(dir, "x.bmp")).contains(QStringLiteral(".bmp")));
    CHECK(error(in(dir, "x.bmp")).contains(QStringLiteral(".png, .svg or .pdf")));
    CHECK(error(in(dir, "noext")).contains(QStringLiteral("noext")));
    const QString unwritable = error("/nonexistent-dir/for/sure/x.png");
    CHECK(unwritable.contains(QStringLiteral("cannot write")));
    CHECK(unwritable.contains(QStringLiteral("/nonexistent-dir/for/sure/x.png")));
    CHECK(QString::fromStdString(exportTimeline(TraceData{}, in(dir, "e.png")))
              .contains(QStringLiteral("empty")));
    ExportOptions tooBig;
    tooBig.scale = 5;
    CHECK(error(in(dir, "s.png"), tooBig).contains(QStringLiteral("scale")));
    ExportOptions backwards;
    backwards.from = kT0 + 500 * kMs;
    backwards.to = kT0 + 100 * kMs;
    CHECK(error(in(dir, "r.png"), backwards).contains(QStringLiteral("range")));
    // A failed export leaves no file behind.
    CHECK_FALSE(QFile::exists(QString::fromStdString(in(dir, "s.png").string())));
}
