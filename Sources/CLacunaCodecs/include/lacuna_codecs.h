/* lacuna_codecs.h — the only C API between Lacuna and libpng, libjpeg-turbo and libtiff.
 *
 * Every entry point owns its own setjmp landing pad (libpng, libjpeg) or per-handle error
 * handler (libtiff), so a corrupt file comes back as a status code and a message in a
 * caller-owned lc_error; nothing here prints, aborts or exits, and no longjmp crosses a Swift
 * frame. Readers are two-phase: open (header only, so the caller can check the pixel limit),
 * then read into a caller-allocated raster. Rasters are interleaved; 16-bit samples are
 * host-endian uint16, 32-bit samples (TIFF only) host-endian IEEE 754 float.
 */
#ifndef LACUNA_CODECS_H
#define LACUNA_CODECS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum lc_status {
    LC_OK = 0,
    LC_ERR_CORRUPT = 1,
    LC_ERR_TRUNCATED = 2,
    LC_ERR_UNSUPPORTED = 3,
    LC_ERR_MEMORY = 4,
    LC_ERR_WRITE = 5,
    LC_ERR_ARGUMENT = 6
} lc_status;

typedef struct lc_error {
    lc_status status;
    char message[256];
} lc_error;

typedef struct lc_image_info {
    uint32_t width;
    uint32_t height;
    uint32_t channels;  /* 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA: the raster read() fills */
    uint32_t bits;      /* 8, 16, or 32 when is_float */
    uint32_t pages;     /* TIFF directories; 1 for PNG and JPEG */
    uint32_t source_bits;     /* bits per sample stored in the file */
    uint32_t source_channels; /* samples per pixel stored in the file (1 for palette) */
    uint32_t is_palette;      /* 1 when the file stores palette indices */
    uint32_t is_float;        /* 1 when the samples are 32-bit IEEE float (one grey channel) */
} lc_image_info;

/* ---- PNG ---- */
typedef struct lc_png_reader lc_png_reader;
lc_png_reader *lc_png_open(const uint8_t *data, size_t size, lc_image_info *info, lc_error *err);
lc_status lc_png_read(lc_png_reader *reader, void *raster, size_t raster_bytes, lc_error *err);
void lc_png_close(lc_png_reader *reader);

/* The fast PNG path alone, for tests (lc_png_read tries it first and falls back to libpng):
 * 1 with *info filled, or the raster filled, when it reads the file; 0 when it declines. */
int lc_png_fast_info(const uint8_t *data, size_t size, lc_image_info *info);
int lc_png_fast_decode(const uint8_t *data, size_t size, void *raster, size_t raster_bytes);

/* Encodes an interleaved raster (channels 1–4, bits 8 or 16; with a palette of palette_count
 * RGB triplets and channels == 1, bits == 8 the samples are palette indices). On success
 * *out holds a malloc'd buffer that the caller releases with lc_free. */
lc_status lc_png_encode(const void *raster, uint32_t width, uint32_t height, uint32_t channels,
                        uint32_t bits, const uint8_t *palette_rgb, uint32_t palette_count,
                        int compression_level, uint8_t **out, size_t *out_size, lc_error *err);

/* The fast PNG path for 8-bit rasters (channels 1–4) in two steps, so the caller can free the
 * raster in between. lc_png_filter_rows writes PNG's filtered rows into `filtered`,
 * (width·channels + 1)·height bytes: with filter_type 1 (Sub) a Sub filter-type byte, then the
 * row's bytes minus those one pixel to the left; with any other value a None byte (0) and the
 * row as it is. lc_png_encode_filtered compresses them with libdeflate at its fastest level into
 * a PNG with one IDAT chunk; LC_ERR_UNSUPPORTED when the stream would not fit one chunk (over
 * 2 GiB): use lc_png_encode then. On success *out holds a malloc'd buffer released with lc_free. */
void lc_png_filter_rows(const uint8_t *raster, uint32_t width, uint32_t height, uint32_t channels,
                        int filter_type, uint8_t *filtered);
/* The same rows made in place: `buffer` holds the raster (width·channels·height bytes) and has
 * room for the filtered rows, height bytes more. Rows move from the last to the first, each
 * filtered right to left, so no byte is read after it was overwritten. */
void lc_png_filter_rows_in_place(uint8_t *buffer, uint32_t width, uint32_t height, uint32_t channels,
                                 int filter_type);
lc_status lc_png_encode_filtered(const uint8_t *filtered, uint32_t width, uint32_t height, uint32_t channels,
                                 uint8_t **out, size_t *out_size, lc_error *err);

/* ---- Numbers ---- */
/* snprintf(buffer, size, fixed ? "%.*f" : "%.*g", precision, value) in the C library's
 * current locale (Lacuna never calls setlocale, so "C": a decimal point). Returns snprintf's
 * count: the length the text needs, which may exceed size − 1 (then it was cut). */
int lc_format_double(char *buffer, size_t size, int fixed, int precision, double value);

/* ---- JPEG ---- */
typedef struct lc_jpeg_reader lc_jpeg_reader;
lc_jpeg_reader *lc_jpeg_open(const uint8_t *data, size_t size, lc_image_info *info, lc_error *err);
lc_status lc_jpeg_read(lc_jpeg_reader *reader, void *raster, size_t raster_bytes, lc_error *err);
void lc_jpeg_close(lc_jpeg_reader *reader);
lc_status lc_jpeg_encode(const uint8_t *raster, uint32_t width, uint32_t height, uint32_t channels,
                         int quality, uint8_t **out, size_t *out_size, lc_error *err);

/* ---- TIFF ---- */
/* Samples: 8/16-bit unsigned grey, grey+alpha, RGB(A) and 8-bit palette; 32-bit IEEE float grey
 * (SampleFormat 3, as ImageJ saves). Open reads the first directory (page 0); select_page moves
 * to another one before read. Tags and resolution are those of the current directory. */
typedef struct lc_tiff_reader lc_tiff_reader;
lc_tiff_reader *lc_tiff_open(const uint8_t *data, size_t size, lc_image_info *info, lc_error *err);
/* Makes directory `page` (0-based, < info->pages) current and refills info for it (pages is
 * kept). On failure the reader must only be closed. */
lc_status lc_tiff_select_page(lc_tiff_reader *reader, uint32_t page, lc_image_info *info, lc_error *err);
lc_status lc_tiff_read(lc_tiff_reader *reader, void *raster, size_t raster_bytes, lc_error *err);
/* The bytes of a tag of the current directory (ASCII, BYTE, SBYTE or UNDEFINED), valid until
 * close or select_page. Returns 1 when present. */
int lc_tiff_tag_bytes(lc_tiff_reader *reader, uint32_t tag, const uint8_t **bytes, size_t *count);

/* XResolution (282) and YResolution (283), pixels per ResolutionUnit, and ResolutionUnit (296:
 * 1 none, 2 inch, 3 centimetre; other values as stored) of the current directory. libtiff keeps
 * the rationals as float, so values carry about seven significant digits. */
typedef struct lc_tiff_resolution {
    double x;          /* valid when has_x */
    double y;          /* valid when has_y (0 when YResolution is absent: libtiff cannot tell) */
    uint32_t unit;     /* valid when has_unit; TIFF 6.0 says inch when the tag is absent */
    int has_x;
    int has_y;
    int has_unit;
} lc_tiff_resolution;
void lc_tiff_get_resolution(lc_tiff_reader *reader, lc_tiff_resolution *resolution);
void lc_tiff_close(lc_tiff_reader *reader);

typedef enum lc_tiff_compression {
    LC_TIFF_NONE = 0,
    LC_TIFF_LZW = 1,
    LC_TIFF_DEFLATE = 2,
    LC_TIFF_PACKBITS = 3
} lc_tiff_compression;

typedef struct lc_tiff_write_options {
    lc_tiff_compression compression;
    uint32_t tile_size;       /* 0: strips; else square tiles, a multiple of 16 */
    uint32_t rows_per_strip;  /* 0: libtiff's default */
    uint32_t private_tag;     /* 0: none; else written with private_bytes */
    uint32_t private_is_ascii;/* 1: TIFF ASCII; 0: BYTE */
    const uint8_t *private_bytes;
    size_t private_count;
    int big_endian;
    const char *description;  /* NULL: none; else ImageDescription (270), e.g. an ImageJ header */
    int has_resolution;       /* 1: write XResolution/YResolution with ResolutionUnit none */
    double x_resolution;      /* pixels per unit, as ImageJ reads them (1 / pixel width) */
    double y_resolution;
    int unsigned_32;          /* with bits 32: unsigned integer samples instead of IEEE float */
} lc_tiff_write_options;

/* Writes a single-page TIFF (channels 1 or 3, bits 8 or 16; or channels 1, bits 32 for IEEE
 * float samples, SampleFormat 3, or unsigned integers with unsigned_32) to path. */
lc_status lc_tiff_write(const char *path, const void *raster, uint32_t width, uint32_t height,
                        uint32_t channels, uint32_t bits, const lc_tiff_write_options *options,
                        lc_error *err);

void lc_free(void *pointer);

/* Gives the heap's free pages back to the system (glibc's malloc_trim; nothing elsewhere). */
void lc_release_free_heap(void);

#ifdef __cplusplus
}
#endif
#endif
