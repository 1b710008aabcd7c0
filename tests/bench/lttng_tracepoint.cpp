// The probe of lttng_tracepoint.h, built into the LTTng benchmark.
#define LTTNG_UST_TRACEPOINT_CREATE_PROBES
#define LTTNG_UST_TRACEPOINT_DEFINE
#include "lttng_tracepoint.h"
