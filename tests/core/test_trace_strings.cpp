// The string table: one copy of each text, stable views, copies that stand alone.

#include "trace/string_table.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using mpviz::trace::StringTable;

TEST_CASE("each text is stored once and found again", "[trace]") {
    StringTable table;
    CHECK(table.intern("") == 0);
    CHECK(table.at(0).empty());
    std::vector<std::uint32_t> ids;
    for (int i = 0; i < 20000; ++i)
        ids.push_back(table.intern("item " + std::to_string(i)));
    const std::string_view first = table.at(ids[0]);
    const std::string longText(100000, 'x'); // bigger than a block
    const auto longId = table.intern(longText);
    for (int i = 0; i < 20000; ++i) {
        REQUIRE(table.intern("item " + std::to_string(i)) == ids[static_cast<std::size_t>(i)]);
        REQUIRE(table.at(ids[static_cast<std::size_t>(i)]) == "item " + std::to_string(i));
    }
    CHECK(table.at(longId) == longText);
    CHECK(table.intern(longText) == longId);
    CHECK(first.data() == table.at(ids[0]).data()); // views never move
    CHECK(table.size() == 20002);
    CHECK(table.at(99999999).empty());
    CHECK(table.memoryBytes() > 100000);

    StringTable copy = table;
    table = StringTable();
    CHECK(copy.at(longId) == longText);
    CHECK(copy.intern("item 77") == ids[77]);
    CHECK(table.intern("item 77") == 1);
}
