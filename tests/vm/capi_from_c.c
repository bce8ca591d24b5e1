/* What a C caller does that C++ cannot do without undefined behaviour: convert any int to
   polrt_status (C's enums are ints). capi_test.cpp calls these. */
#include "polrt.h"

const char* polrt_test_status_name_of(int code) { return polrt_status_name((polrt_status)code); }
