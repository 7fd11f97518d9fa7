/* Fast PNG reader for the common case: non-interlaced 8- or 16-bit grey, grey+alpha, RGB or
 * RGBA without tRNS. The chunks are walked and checked here (PNG, ISO/IEC 15948:2004, §5.3
 * chunk layout and CRC, §5.6 chunk ordering, §11.2.2 IHDR), the IDAT stream is inflated in one
 * call by libdeflate (about twice zlib's speed) and the rows are unfiltered (§9.2: None, Sub,
 * Up, Average, Paeth). The reader only ever accepts or declines: anything it does not handle,
 * and any damage it finds, sends the file to libpng (lc_png.c), which then reads it or reports
 * the error, so the pixels and the messages are libpng's whenever this path says no. */
#include "lc_png_inflate.h"
#include <libdeflate.h>
#include <stdlib.h>
#include <string.h>

static uint32_t get_be32(const uint8_t *p) {
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | (uint32_t)p[3];
}

/* Whether the chunk at p (length, type, data, CRC; `length` bytes of data) has a correct CRC. */
static int crc_ok(const uint8_t *p, uint32_t length) {
    return libdeflate_crc32(0, p + 4, 4 + (size_t)length) == get_be32(p + 8 + length);
}

static int is_type(const uint8_t *p, const char type[4]) { return memcmp(p + 4, type, 4) == 0; }

int lc_png_fast_probe(const uint8_t *data, size_t size, lc_png_fast_plan *plan) {
    static const uint8_t signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    static const uint32_t channels_of[7] = {1, 0, 3, 0, 2, 0, 4};
    memset(plan, 0, sizeof *plan);
    if (size < 8 + 25 || memcmp(data, signature, 8) != 0) return 0;
    const uint8_t *ihdr = data + 8;
    if (get_be32(ihdr) != 13 || !is_type(ihdr, "IHDR") || !crc_ok(ihdr, 13)) return 0;
    const uint32_t width = get_be32(ihdr + 8), height = get_be32(ihdr + 12);
    const uint8_t depth = ihdr[16], color = ihdr[17];
    if (width == 0 || height == 0 || width > 0x7fffffffu || height > 0x7fffffffu) return 0;
    if ((depth != 8 && depth != 16) || color > 6 || channels_of[color] == 0) return 0;
    if (ihdr[18] != 0 || ihdr[19] != 0 || ihdr[20] != 0) return 0; /* deflate, filter 0, no interlace */

    size_t at = 8 + 25;
    int idat_seen = 0, idat_ended = 0;
    for (;;) {
        if (size - at < 12) return 0; /* no IEND: libpng decides */
        const uint8_t *chunk = data + at;
        const uint32_t length = get_be32(chunk);
        if (length > 0x7fffffffu || size - at - 12 < length) return 0;
        const int critical = (chunk[4] & 0x20) == 0;
        if (critical && !crc_ok(chunk, length)) return 0;
        if (is_type(chunk, "IDAT")) {
            if (idat_ended) return 0; /* IDAT chunks must be consecutive */
            if (!idat_seen) plan->first_idat = at;
            idat_seen = 1;
            plan->idat_chunks += 1;
            plan->compressed_bytes += length;
        } else {
            if (idat_seen) idat_ended = 1;
            if (is_type(chunk, "IEND")) break;
            if (is_type(chunk, "tRNS")) return 0; /* libpng would add an alpha channel */
            if (is_type(chunk, "PLTE")) {
                if (color != 2 && color != 6) return 0;
            } else if (critical) {
                return 0; /* a second IHDR or an unknown critical chunk */
            }
        }
        at += 12 + (size_t)length;
    }
    if (!idat_seen) return 0;
    plan->width = width;
    plan->height = height;
    plan->channels = channels_of[color];
    plan->bits = depth;
    return 1;
}

/* Paeth's predictor (§9.4): the one of a (left), b (above), c (upper left) nearest a + b − c,
 * ties to a, then b. Written with selects (|p − a| = |b − c| and so on), so the serial loop
 * over a row has no branches. */
static inline uint8_t paeth(int a, int b, int c) {
    const int pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c);
    const int nearer_bc = pb <= pc ? b : c, distance_bc = pb <= pc ? pb : pc;
    return (uint8_t)(pa <= distance_bc ? a : nearer_bc);
}

/* Reverses the filter `type` of one row of `n` bytes (`bpp` bytes per pixel) from `in` into
 * `out`; `prior` is the previous unfiltered row (zeros for the first). 0 for a bad type. */
static int unfilter_row(uint8_t type, const uint8_t *in, const uint8_t *prior, uint8_t *out, size_t n,
                        size_t bpp) {
    size_t i;
    if (bpp == 1 && type != 0 && type != 2) {
        /* Grey 8-bit: the left neighbour (and for Paeth the upper left) carried in registers,
         * not reloaded from the row just stored. */
        unsigned left = 0, upper_left = 0;
        for (i = 0; i < n; i++) {
            const unsigned above = prior[i];
            switch (type) {
            case 1: left = (uint8_t)(in[i] + left); break;
            case 3: left = (uint8_t)(in[i] + ((left + above) >> 1)); break;
            case 4: left = (uint8_t)(in[i] + paeth((int)left, (int)above, (int)upper_left)); break;
            default: return 0;
            }
            out[i] = (uint8_t)left;
            upper_left = above;
        }
        return 1;
    }
    switch (type) {
    case 0:
        memcpy(out, in, n);
        return 1;
    case 1:
        for (i = 0; i < bpp && i < n; i++) out[i] = in[i];
        for (; i < n; i++) out[i] = (uint8_t)(in[i] + out[i - bpp]);
        return 1;
    case 2:
        for (i = 0; i < n; i++) out[i] = (uint8_t)(in[i] + prior[i]);
        return 1;
    case 3:
        for (i = 0; i < bpp && i < n; i++) out[i] = (uint8_t)(in[i] + (prior[i] >> 1));
        for (; i < n; i++) out[i] = (uint8_t)(in[i] + (((unsigned)out[i - bpp] + prior[i]) >> 1));
        return 1;
    case 4:
        for (i = 0; i < bpp && i < n; i++) out[i] = (uint8_t)(in[i] + prior[i]);
        for (; i < n; i++) out[i] = (uint8_t)(in[i] + paeth(out[i - bpp], prior[i], prior[i - bpp]));
        return 1;
    default:
        return 0;
    }
}

int lc_png_fast_read(const uint8_t *data, size_t size, const lc_png_fast_plan *plan, uint8_t *raster,
                     size_t raster_bytes) {
    const size_t bpp = (size_t)plan->channels * (plan->bits / 8);
    const size_t row_bytes = (size_t)plan->width * bpp;
    size_t filtered_bytes;
    if (__builtin_mul_overflow(row_bytes + 1, (size_t)plan->height, &filtered_bytes)) return 0;
    if (row_bytes * plan->height > raster_bytes || plan->first_idat >= size) return 0;

    /* One IDAT is inflated where it lies; several are joined first. */
    const uint8_t *compressed = data + plan->first_idat + 8;
    uint8_t *joined = NULL;
    if (plan->idat_chunks > 1) {
        joined = malloc(plan->compressed_bytes ? plan->compressed_bytes : 1);
        if (joined == NULL) return 0;
        size_t at = plan->first_idat, filled = 0;
        for (uint32_t k = 0; k < plan->idat_chunks; k++) {
            const uint32_t length = get_be32(data + at);
            memcpy(joined + filled, data + at + 8, length);
            filled += length;
            at += 12 + (size_t)length;
        }
        compressed = joined;
    }
    uint8_t *filtered = malloc(filtered_bytes);
    struct libdeflate_decompressor *inflater = filtered ? libdeflate_alloc_decompressor() : NULL;
    int ok = inflater != NULL
        && libdeflate_zlib_decompress(inflater, compressed, plan->compressed_bytes, filtered, filtered_bytes, NULL)
               == LIBDEFLATE_SUCCESS;
    if (inflater) libdeflate_free_decompressor(inflater);
    free(joined);

    uint8_t *zeros = ok ? calloc(row_bytes ? row_bytes : 1, 1) : NULL;
    ok = ok && zeros != NULL;
    for (uint32_t y = 0; ok && y < plan->height; y++) {
        const uint8_t *in = filtered + (size_t)y * (row_bytes + 1);
        uint8_t *out = raster + (size_t)y * row_bytes;
        ok = unfilter_row(in[0], in + 1, y == 0 ? zeros : out - row_bytes, out, row_bytes, bpp);
    }
    free(zeros);
    free(filtered);
    if (!ok) return 0;
    if (plan->bits == 16) {
        const uint16_t probe = 1;
        if (*(const uint8_t *)&probe == 1) { /* big-endian samples to host (little) order */
            const size_t n = row_bytes * plan->height;
            for (size_t i = 0; i + 1 < n; i += 2) {
                const uint8_t high = raster[i];
                raster[i] = raster[i + 1];
                raster[i + 1] = high;
            }
        }
    }
    return 1;
}
