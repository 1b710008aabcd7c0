#pragma once
// Sentences core/ says to people. Each is an English pattern marked MPVIZ_TR_NOOP
// (tr_noop.hpp), %1…%9 standing for its arguments; the window hands in a Translate that
// turns a pattern into its language (gui/window/language.hpp, coreTranslate()), the command
// line hands none and prints the English.

#include "tr_noop.hpp"

#include <functional>
#include <initializer_list>
#include <string>

namespace mpviz::engine {

// (context, English pattern) → the pattern in the chosen language.
using Translate = std::function<std::string(const char* context, const char* pattern)>;

// The pattern with %1, %2 … replaced, in one pass (an argument may contain "%2").
std::string fill(const std::string& pattern, std::initializer_list<std::string> args);

// One context's sentences: words(pattern, {args}) is the pattern in the chosen language,
// its placeholders filled. English when `translate` is empty.
class Words {
  public:
    Words(const Translate& translate, const char* context)
        : translate_(translate), context_(context) {}
    std::string operator()(const char* pattern, std::initializer_list<std::string> args = {}) const;

  private:
    const Translate& translate_;
    const char* context_;
};

} // namespace mpviz::engine
