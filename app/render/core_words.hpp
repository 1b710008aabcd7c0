#pragma once
// core/'s sentences (engine/words.hpp) in the language the application speaks: for the
// window and for exports, which both show them through Qt's installed translators.

#include "engine/words.hpp"

namespace mpviz::render {

// Each pattern through QCoreApplication::translate(context, pattern).
engine::Translate coreTranslate();

} // namespace mpviz::render
