// Catch2 with a Qt application object: offscreen with the test screens unless a platform
// was chosen.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QString>
#include <cstdlib>

namespace Catch {
template <> struct StringMaker<QString> {
    static std::string convert(const QString& s) { return s.toStdString(); }
};
} // namespace Catch

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", MPVIZ_OFFSCREEN_PLATFORM, 1);
    QApplication app(argc, argv);
    return Catch::Session().run(argc, argv);
}
