/* The fast PNG reader (lc_png_inflate.c), used by lc_png.c before libpng. */
#ifndef LC_PNG_INFLATE_H
#define LC_PNG_INFLATE_H
#include <stddef.h>
#include <stdint.h>

/* What the probe learnt: the layout, and where the IDAT chunks lie. */
typedef struct lc_png_fast_plan {
    uint32_t width, height, channels, bits;
    size_t first_idat;       /* offset of the first IDAT chunk's length field */
    uint32_t idat_chunks;    /* consecutive IDAT chunks from there */
    size_t compressed_bytes; /* their data, in total */
} lc_png_fast_plan;

/* 1 when the fast path reads this file (its chunk structure and critical CRCs are sound and
 * the layout is one it handles); 0 when libpng should. */
int lc_png_fast_probe(const uint8_t *data, size_t size, lc_png_fast_plan *plan);

/* Fills `raster` (host-order samples) from a probed file: 1 on success, 0 when the data turn
 * out damaged (libpng should then read the file and report why). */
int lc_png_fast_read(const uint8_t *data, size_t size, const lc_png_fast_plan *plan, uint8_t *raster,
                     size_t raster_bytes);

#endif
