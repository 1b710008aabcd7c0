#include "render/core_words.hpp"

#include <QCoreApplication>

namespace mpviz::render {

engine::Translate coreTranslate() {
    return [](const char* context, const char* pattern) {
        return QCoreApplication::translate(context, pattern).toStdString();
    };
}

} // namespace mpviz::render
