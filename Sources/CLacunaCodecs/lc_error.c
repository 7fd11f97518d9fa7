#include "lc_error.h"
#include <stdio.h>
#include <stdlib.h>

void lc_set_error_v(lc_error *err, lc_status status, const char *format, va_list args) {
    if (err == NULL) return;
    /* Keep the first error: later ones are usually consequences of it. */
    if (err->status != LC_OK) return;
    err->status = status;
    vsnprintf(err->message, sizeof err->message, format, args);
}

void lc_set_error(lc_error *err, lc_status status, const char *format, ...) {
    va_list args;
    va_start(args, format);
    lc_set_error_v(err, status, format, args);
    va_end(args);
}

void lc_free(void *pointer) { free(pointer); }
