// The LTTng-UST tracepoint the LTTng benchmark fires (lttng_bench.cpp): the same fields
// as the mpviz event it is compared with (op, phase, object, value); LTTng adds the time.
#undef LTTNG_UST_TRACEPOINT_PROVIDER
#define LTTNG_UST_TRACEPOINT_PROVIDER mpviz_bench
#undef LTTNG_UST_TRACEPOINT_INCLUDE
#define LTTNG_UST_TRACEPOINT_INCLUDE "./lttng_tracepoint.h"

#if !defined(MPVIZ_LTTNG_TRACEPOINT_H) || defined(LTTNG_UST_TRACEPOINT_HEADER_MULTI_READ)
#define MPVIZ_LTTNG_TRACEPOINT_H

#include <lttng/tracepoint.h>
#include <stdint.h>

// clang-format off
LTTNG_UST_TRACEPOINT_EVENT(mpviz_bench, event,
    LTTNG_UST_TP_ARGS(uint8_t, op, uint8_t, phase, uint16_t, object, int64_t, value),
    LTTNG_UST_TP_FIELDS(
        lttng_ust_field_integer(uint8_t, op, op)
        lttng_ust_field_integer(uint8_t, phase, phase)
        lttng_ust_field_integer(uint16_t, object, object)
        lttng_ust_field_integer(int64_t, value, value)))
// clang-format on

#endif

#include <lttng/tracepoint-event.h>
