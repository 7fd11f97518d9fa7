/* Internal helpers shared by the codec files. */
#ifndef LC_ERROR_INTERNAL_H
#define LC_ERROR_INTERNAL_H
#include "lacuna_codecs.h"
#include <stdarg.h>

void lc_set_error(lc_error *err, lc_status status, const char *format, ...);
void lc_set_error_v(lc_error *err, lc_status status, const char *format, va_list args);

#endif
