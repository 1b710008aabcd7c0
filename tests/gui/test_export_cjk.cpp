// Chinese, as the tutorials print it, drawn with real glyphs and kept as text. The timeline
// asks for a generic sans font; for Chinese, Qt must fall back (through fontconfig) to a CJK
// font, which .ci/prepare.sh installs (fonts-wqy-microhei). Without one every character is
// drawn as the same empty box, and these cases fail.

#include "render/style.hpp"

#include <catch2/catch.hpp>

#include <QFile>
#include <QGlyphRun>
#include <QImage>
#include <QPainterPath>
#include <QProcess>
#include <QRawFont>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextLayout>

#include <algorithm>
#include <filesystem>

using namespace mpviz::render;

namespace {

const QString kWorker = QStringLiteral("工人");

QString mpviz() {
    return QString::fromStdString((std::filesystem::path(MPVIZ_BIN_DIR) / "mpviz").string());
}

// Runs mpviz with these arguments; its output goes into the failure message.
void runMpviz(const QStringList& args) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(mpviz(), args);
    REQUIRE(process.waitForFinished(120000));
    INFO("mpviz " << args.join(QLatin1Char(' ')).toStdString() << ":\n"
                  << process.readAll().toStdString());
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
}

// Glyph indexes of `text` as the painter would lay it out in `font` (0 is .notdef: the box).
QList<quint32> glyphsOf(const QString& text, const QFont& font) {
    QTextLayout layout(text, font);
    layout.beginLayout();
    layout.createLine();
    layout.endLayout();
    QList<quint32> glyphs;
    for (const QGlyphRun& run : layout.glyphRuns())
        glyphs += run.glyphIndexes();
    return glyphs;
}

QByteArray read(const QString& file) {
    QFile f(file);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

void write(const QString& file, const QByteArray& bytes) {
    QFile f(file);
    REQUIRE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    REQUIRE(f.write(bytes) == bytes.size());
}

} // namespace

TEST_CASE("the timeline's fonts draw Chinese with real glyphs, not boxes", "[export][cjk]") {
    const QString words = QStringLiteral("工人进程开始");
    const Style style;
    for (FontRole role : {FontRole::Title, FontRole::Label, FontRole::Small, FontRole::Bar}) {
        // Laid out as the painter lays it out, so the fallback font is the one it would use.
        QTextLayout layout(words, style.font(role));
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        qsizetype glyphs = 0;
        for (const QGlyphRun& run : layout.glyphRuns()) {
            const QRawFont font = run.rawFont();
            INFO("font " << font.familyName().toStdString());
            for (quint32 glyph : run.glyphIndexes()) {
                CHECK(glyph != 0); // glyph 0 is .notdef: the box
                CHECK_FALSE(font.pathForGlyph(glyph).isEmpty());
                ++glyphs;
            }
        }
        CHECK(glyphs == words.size());
    }
}

TEST_CASE("a program that prints Chinese exports its Chinese names as text and as glyphs",
          "[export][cjk]") {
    QTemporaryDir dir;
    const QString program =
        QString::fromUtf8(MPVIZ_TEST_PROGRAMS) + QStringLiteral("/chinese_prints.py");
    const QString trace = dir.filePath(QStringLiteral("trace.json"));
    const QString svg = dir.filePath(QStringLiteral("zh.svg"));
    runMpviz({QStringLiteral("run"), program, QStringLiteral("--quiet"), QStringLiteral("--trace"),
              trace, QStringLiteral("--export"), svg});

    // SVG: the worker's lane is named in characters a reader can search and copy.
    const QByteArray svgBytes = read(svg);
    CHECK(svgBytes.contains(kWorker.toUtf8()));

    // PDF: the same, read back as a reader would (fonts are subset, streams compressed).
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        WARN("pdftotext not installed: PDF text not checked");
    } else {
        const QString pdf = dir.filePath(QStringLiteral("zh.pdf"));
        runMpviz({QStringLiteral("export"), trace, pdf});
        QProcess extract;
        extract.start(pdftotext, {pdf, QStringLiteral("-")});
        REQUIRE(extract.waitForFinished(30000));
        const QString text = QString::fromUtf8(extract.readAllStandardOutput());
        INFO("pdftotext:\n" << text.toStdString());
        CHECK(text.contains(kWorker));
    }

    // PNG: the same run with the name swapped for two Tangut characters, which no font here
    // has, so they are drawn as boxes. Were Chinese boxes too, the two images would be the
    // same pixel for pixel.
    const QString unknown = QString::fromUcs4(U"\U00017000\U00017001");
    const auto unknownGlyphs = glyphsOf(unknown, Style{}.font(FontRole::Label));
    if (std::any_of(unknownGlyphs.begin(), unknownGlyphs.end(), [](quint32 g) { return g != 0; })) {
        WARN("a Tangut font is installed: PNG not compared with boxes");
        return;
    }
    const QByteArray traceBytes = read(trace);
    REQUIRE(traceBytes.contains(kWorker.toUtf8()));
    QByteArray boxedBytes = traceBytes;
    boxedBytes.replace(kWorker.toUtf8(), unknown.toUtf8());
    const QString boxedTrace = dir.filePath(QStringLiteral("boxed.json"));
    write(boxedTrace, boxedBytes);
    const QString png = dir.filePath(QStringLiteral("zh.png"));
    const QString boxedPng = dir.filePath(QStringLiteral("boxed.png"));
    runMpviz({QStringLiteral("export"), trace, png});
    runMpviz({QStringLiteral("export"), boxedTrace, boxedPng});
    QImage chinese, boxes;
    REQUIRE(chinese.load(png));
    REQUIRE(boxes.load(boxedPng));
    REQUIRE(chinese.size() == boxes.size());
    CHECK(chinese != boxes);
}
