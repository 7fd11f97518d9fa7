/* printf's %g and %f conversions of one double, for Swift callers: Swift reaches vsnprintf only
 * through withVaList and CVarArg existentials, whose boxing and dynamic casts cost more than
 * the conversion itself (4 % of the 17-MP whole job, writing its tables). */
#include "lacuna_codecs.h"
#include <stdio.h>

int lc_format_double(char *buffer, size_t size, int fixed, int precision, double value) {
    return fixed ? snprintf(buffer, size, "%.*f", precision, value) : snprintf(buffer, size, "%.*g", precision, value);
}
