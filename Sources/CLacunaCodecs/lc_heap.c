/*
 * Giving freed heap memory back to the system between the phases of a large image. glibc keeps
 * what threads free in their arenas for reuse; after the phase that reads the labels of an
 * 8192² frame on two threads that is 10–15 MiB of the process's resident size, just before the
 * overlays make its peak. malloc_trim(0) returns the free pages of every arena (glibc only;
 * elsewhere nothing is done).
 */
#include "lacuna_codecs.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

void lc_release_free_heap(void) {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}
