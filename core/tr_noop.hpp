#pragma once
// Marks a string the window shows translated, without core/ or scenarios/ depending on Qt:
// the text stays as it is here (the command line prints English), and lupdate, told that
// MPVIZ_TR_NOOP spells QT_TRANSLATE_NOOP (app/CMakeLists.txt), collects it under `context`
// into resources/translations/. The window translates it where it shows it, with
// QCoreApplication::translate(context, text) - gui/window/language.hpp, lessonText().
#define MPVIZ_TR_NOOP(context, text) text
