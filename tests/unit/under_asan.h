// POLC_UNDER_ASAN: defined when the test binary is built with AddressSanitizer (build-san), for
// the few tests that measure what ASan changes or that the sanitizer build leaves to another test.
#pragma once

#if defined(__SANITIZE_ADDRESS__)
#define POLC_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POLC_UNDER_ASAN 1
#endif
#endif
