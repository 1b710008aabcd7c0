#pragma once
// One function per scenario file; registry.cpp lists them in the order the app shows.

#include "scenario.hpp"

namespace mpviz::scenarios {

Scenario lifecycle();
Scenario lock();
Scenario semaphore();
Scenario event();
Scenario queue();
Scenario pipe();
Scenario pool();
Scenario deadlockOnJoin();
Scenario sharedValue();
Scenario lockOrder();

} // namespace mpviz::scenarios
