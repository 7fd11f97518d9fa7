/* PNG through libpng: in-memory reader and encoder. Each entry point sets its own setjmp;
 * libpng's error callback copies the message into the handle's lc_error and longjmps back.
 * The reader first offers the file to the fast path (lc_png_inflate.c: libdeflate and our own
 * unfiltering for the common layouts); libpng reads whatever that path declines. */
#include "lc_error.h"
#include "lc_png_inflate.h"
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

struct lc_png_reader {
    png_structp png;
    png_infop info;
    const uint8_t *data;
    size_t size;
    size_t position;
    lc_error *err;
    int truncated;
    int fast; /* the fast path's plan holds; libpng is not started yet */
    lc_png_fast_plan plan;
};

static void reader_error(png_structp png, png_const_charp message) {
    struct lc_png_reader *r = (struct lc_png_reader *)png_get_error_ptr(png);
    lc_set_error(r->err, r->truncated ? LC_ERR_TRUNCATED : LC_ERR_CORRUPT, "PNG: %s", message);
    png_longjmp(png, 1);
}

static void silent_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void read_from_memory(png_structp png, png_bytep out, png_size_t length) {
    struct lc_png_reader *r = (struct lc_png_reader *)png_get_io_ptr(png);
    if (length > r->size - r->position) {
        r->truncated = 1;
        png_error(png, "file is truncated");
    }
    memcpy(out, r->data + r->position, length);
    r->position += length;
}

/* Transforms to the raster layout Lacuna uses: 8 or 16 bits, gray/gray+alpha/RGB/RGBA,
 * palette expanded to RGB(A), 16-bit in host byte order. */
static void set_transforms(png_structp png, png_infop info) {
    int color_type = png_get_color_type(png, info);
    int depth = png_get_bit_depth(png, info);
    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color_type == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (depth == 16) {
        const uint16_t probe = 1;
        if (*(const uint8_t *)&probe == 1) png_set_swap(png);
    }
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
}

/* The layout the fast path reads, as libpng would report it after set_transforms. */
static void fast_info(const lc_png_fast_plan *plan, lc_image_info *info) {
    memset(info, 0, sizeof *info);
    info->width = plan->width;
    info->height = plan->height;
    info->channels = plan->channels;
    info->bits = plan->bits;
    info->pages = 1;
    info->source_bits = plan->bits;
    info->source_channels = plan->channels;
}

/* Starts libpng on r's bytes and reads the header (up to the first IDAT): 1 on success, 0 with
 * r->err set (r's libpng structures are then released). */
static int start_libpng(struct lc_png_reader *r, lc_image_info *info_out) {
    r->fast = 0;
    r->position = 0;
    r->truncated = 0;
    r->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, r, reader_error, silent_warning);
    if (r->png == NULL) {
        lc_set_error(r->err, LC_ERR_MEMORY, "PNG: cannot create reader");
        return 0;
    }
    r->info = png_create_info_struct(r->png);
    if (r->info == NULL) {
        lc_set_error(r->err, LC_ERR_MEMORY, "PNG: cannot create info");
        png_destroy_read_struct(&r->png, NULL, NULL);
        return 0;
    }
    if (setjmp(png_jmpbuf(r->png))) {
        png_destroy_read_struct(&r->png, &r->info, NULL);
        return 0;
    }
    /* Bound ancillary chunk memory (zTXt/iCCP bombs); the raster size is checked by Swift. */
    png_set_chunk_malloc_max(r->png, 64u << 20);
    png_set_user_limits(r->png, 0x7fffffffu, 0x7fffffffu);
    png_set_read_fn(r->png, r, read_from_memory);
    png_read_info(r->png, r->info);
    int source_channels = png_get_channels(r->png, r->info);
    int source_bits = png_get_bit_depth(r->png, r->info);
    int palette = png_get_color_type(r->png, r->info) == PNG_COLOR_TYPE_PALETTE;
    set_transforms(r->png, r->info);
    info_out->width = png_get_image_width(r->png, r->info);
    info_out->height = png_get_image_height(r->png, r->info);
    info_out->channels = png_get_channels(r->png, r->info);
    info_out->bits = png_get_bit_depth(r->png, r->info);
    info_out->pages = 1;
    info_out->source_bits = (uint32_t)source_bits;
    info_out->source_channels = (uint32_t)source_channels;
    info_out->is_palette = (uint32_t)palette;
    return 1;
}

lc_png_reader *lc_png_open(const uint8_t *data, size_t size, lc_image_info *info_out, lc_error *err) {
    struct lc_png_reader *r = calloc(1, sizeof *r);
    if (r == NULL) {
        lc_set_error(err, LC_ERR_MEMORY, "PNG: out of memory");
        return NULL;
    }
    r->data = data;
    r->size = size;
    r->err = err;
    if (lc_png_fast_probe(data, size, &r->plan)) {
        r->fast = 1;
        fast_info(&r->plan, info_out);
        return r;
    }
    if (!start_libpng(r, info_out)) {
        free(r);
        return NULL;
    }
    return r;
}

lc_status lc_png_read(lc_png_reader *r, void *raster, size_t raster_bytes, lc_error *err) {
    r->err = err;
    if (r->fast) {
        if (lc_png_fast_read(r->data, r->size, &r->plan, raster, raster_bytes)) return LC_OK;
        /* Damaged data: libpng reads the file again and reports what is wrong (or reads it,
         * with the same layout, since the header passed both). */
        lc_image_info again;
        if (!start_libpng(r, &again)) return err->status == LC_OK ? LC_ERR_CORRUPT : err->status;
    }
    png_bytep *volatile rows = NULL;
    if (setjmp(png_jmpbuf(r->png))) {
        free(rows);
        return err->status == LC_OK ? LC_ERR_CORRUPT : err->status;
    }
    uint32_t height = png_get_image_height(r->png, r->info);
    size_t row_bytes = png_get_rowbytes(r->png, r->info);
    if (row_bytes * (size_t)height > raster_bytes) {
        lc_set_error(err, LC_ERR_ARGUMENT, "PNG: raster buffer too small");
        return LC_ERR_ARGUMENT;
    }
    rows = malloc(sizeof(png_bytep) * (height ? height : 1));
    if (rows == NULL) {
        lc_set_error(err, LC_ERR_MEMORY, "PNG: out of memory");
        return LC_ERR_MEMORY;
    }
    for (uint32_t y = 0; y < height; y++) rows[y] = (png_bytep)raster + (size_t)y * row_bytes;
    png_read_image(r->png, rows);
    free(rows);
    return LC_OK;
}

void lc_png_close(lc_png_reader *r) {
    if (r == NULL) return;
    if (r->png != NULL) png_destroy_read_struct(&r->png, &r->info, NULL);
    free(r);
}

int lc_png_fast_info(const uint8_t *data, size_t size, lc_image_info *info) {
    lc_png_fast_plan plan;
    if (!lc_png_fast_probe(data, size, &plan)) return 0;
    fast_info(&plan, info);
    return 1;
}

int lc_png_fast_decode(const uint8_t *data, size_t size, void *raster, size_t raster_bytes) {
    lc_png_fast_plan plan;
    return lc_png_fast_probe(data, size, &plan) && lc_png_fast_read(data, size, &plan, raster, raster_bytes);
}

/* ---- encoder ---- */

typedef struct png_sink {
    uint8_t *bytes;
    size_t size;
    size_t capacity;
    int failed;
    lc_error *err;
} png_sink;

static void write_to_memory(png_structp png, png_bytep data, png_size_t length) {
    png_sink *sink = (png_sink *)png_get_io_ptr(png);
    if (sink->size + length > sink->capacity) {
        size_t capacity = sink->capacity ? sink->capacity : 4096;
        while (capacity < sink->size + length) capacity *= 2;
        uint8_t *grown = realloc(sink->bytes, capacity);
        if (grown == NULL) {
            sink->failed = 1;
            png_error(png, "out of memory");
        }
        sink->bytes = grown;
        sink->capacity = capacity;
    }
    memcpy(sink->bytes + sink->size, data, length);
    sink->size += length;
}

static void flush_nothing(png_structp png) { (void)png; }

static void writer_error(png_structp png, png_const_charp message) {
    png_sink *sink = (png_sink *)png_get_error_ptr(png);
    lc_set_error(sink->err, LC_ERR_WRITE, "PNG encode: %s", message);
    png_longjmp(png, 1);
}

lc_status lc_png_encode(const void *raster, uint32_t width, uint32_t height, uint32_t channels,
                        uint32_t bits, const uint8_t *palette_rgb, uint32_t palette_count,
                        int compression_level, uint8_t **out, size_t *out_size, lc_error *err) {
    *out = NULL;
    *out_size = 0;
    if (width == 0 || height == 0 || channels < 1 || channels > 4 || (bits != 8 && bits != 16) ||
        (palette_rgb != NULL && (channels != 1 || bits != 8 || palette_count == 0 || palette_count > 256))) {
        lc_set_error(err, LC_ERR_ARGUMENT, "PNG encode: unsupported layout %ux%u, %u channels, %u bits",
                     width, height, channels, bits);
        return LC_ERR_ARGUMENT;
    }
    static const int color_types[5] = {0, PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA,
                                       PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA};
    png_sink sink = {0};
    sink.err = err;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, writer_error, silent_warning);
    if (png == NULL) {
        lc_set_error(err, LC_ERR_MEMORY, "PNG encode: cannot create writer");
        return LC_ERR_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    png_bytep *volatile rows = NULL;
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        free(rows);
        free(sink.bytes);
        if (err->status == LC_OK) lc_set_error(err, LC_ERR_MEMORY, "PNG encode: cannot create info");
        return err->status;
    }
    png_set_write_fn(png, &sink, write_to_memory, flush_nothing);
    png_set_compression_level(png, compression_level);
    if (compression_level == 1) {
        /* The fast setting (overlays): the Sub filter on every row instead of libpng's trial
           of all five filters per row. On a 12.6-MP RGB overlay this took rendering + encoding
           from ~930 to ~700 ms for a file 2 % larger; zlib's run-length strategy as well
           (OpenCV's default) saved another ~50 ms but made the file 84 % larger. */
        png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
    }
    int color_type = palette_rgb ? PNG_COLOR_TYPE_PALETTE : color_types[channels];
    png_set_IHDR(png, info, width, height, (int)bits, color_type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (palette_rgb) {
        png_color colors[256];
        for (uint32_t i = 0; i < palette_count; i++) {
            colors[i].red = palette_rgb[3 * i];
            colors[i].green = palette_rgb[3 * i + 1];
            colors[i].blue = palette_rgb[3 * i + 2];
        }
        png_set_PLTE(png, info, colors, (int)palette_count);
    }
    png_write_info(png, info);
    if (bits == 16) {
        const uint16_t probe = 1;
        if (*(const uint8_t *)&probe == 1) png_set_swap(png);
    }
    size_t row_bytes = (size_t)width * channels * (bits / 8);
    rows = malloc(sizeof(png_bytep) * height);
    if (rows == NULL) png_error(png, "out of memory");
    for (uint32_t y = 0; y < height; y++) rows[y] = (png_bytep)raster + (size_t)y * row_bytes;
    png_write_image(png, rows);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(rows);
    *out = sink.bytes;
    *out_size = sink.size;
    return LC_OK;
}
