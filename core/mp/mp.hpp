#pragma once
// The C++ "multiprocessing" module scenario code is written with.
#include "mp/args.hpp"
#include "mp/event.hpp"
#include "mp/line.hpp"
#include "mp/lock.hpp"
#include "mp/pipe.hpp"
#include "mp/pool.hpp"
#include "mp/print.hpp"
#include "mp/process.hpp"
#include "mp/program.hpp"
#include "mp/queue.hpp"
#include "mp/semaphore.hpp"
#include "mp/value.hpp"
