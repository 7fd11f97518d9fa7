/* TIFF through libtiff: in-memory reader (strips and tiles, 8/16-bit gray/RGB/palette, 32-bit
 * float grey, any page) and a file writer. Errors and warnings go to per-handle handlers (TIFFOpenOptionsSetErrorHandlerExtR,
 * libtiff >= 4.5), never to libtiff's global stderr handler. */
#include "lc_error.h"
#include <tiffio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct memory_file {
    const uint8_t *data;
    toff_t size;
    toff_t position;
    int short_read; /* a read asked for bytes past the end of the file */
} memory_file;

/* What libtiff's per-handle error handler writes to: the caller's error, and the memory file
 * (NULL when writing) so that an error after a short read is reported as truncation. */
typedef struct error_context {
    lc_error *err;
    memory_file *file;
} error_context;

struct lc_tiff_reader {
    TIFF *tif;
    memory_file file;
    error_context errors;
    uint16_t photometric;
    uint16_t samples;
    uint16_t bits;
    uint32_t width;
    uint32_t height;
    int is_float; /* 32-bit IEEE float samples */
};

static int handle_error(TIFF *tif, void *user, const char *module, const char *format, va_list args) {
    (void)tif;
    (void)module;
    error_context *context = (error_context *)user;
    if (context != NULL && context->err != NULL) {
        char text[200];
        vsnprintf(text, sizeof text, format, args);
        int truncated = context->file != NULL && context->file->short_read;
        lc_set_error(context->err, truncated ? LC_ERR_TRUNCATED : LC_ERR_CORRUPT, "TIFF: %s%s", text,
                     truncated ? " (file ends early)" : "");
    }
    return 1; /* handled: libtiff must not call its global handler */
}

static int ignore_warning(TIFF *tif, void *user, const char *module, const char *format, va_list args) {
    (void)tif; (void)user; (void)module; (void)format; (void)args;
    return 1;
}

static tmsize_t memory_read(thandle_t handle, void *buffer, tmsize_t size) {
    memory_file *f = (memory_file *)handle;
    if (size <= 0) return 0;
    if (f->position >= f->size) {
        f->short_read = 1;
        return 0;
    }
    toff_t available = f->size - f->position;
    toff_t n = (toff_t)size < available ? (toff_t)size : available;
    if (n < (toff_t)size) f->short_read = 1;
    memcpy(buffer, f->data + f->position, (size_t)n);
    f->position += n;
    return (tmsize_t)n;
}

static tmsize_t memory_write(thandle_t handle, void *buffer, tmsize_t size) {
    (void)handle; (void)buffer; (void)size;
    return 0;
}

static toff_t memory_seek(thandle_t handle, toff_t offset, int whence) {
    memory_file *f = (memory_file *)handle;
    toff_t base = whence == SEEK_CUR ? f->position : whence == SEEK_END ? f->size : 0;
    if (offset > (toff_t)INT64_MAX - base) return (toff_t)-1;
    f->position = base + offset;
    return f->position;
}

static int memory_close(thandle_t handle) { (void)handle; return 0; }
static toff_t memory_size(thandle_t handle) { return ((memory_file *)handle)->size; }
static int memory_map(thandle_t handle, void **base, toff_t *size) {
    (void)handle; (void)base; (void)size;
    return 0;
}
static void memory_unmap(thandle_t handle, void *base, toff_t size) {
    (void)handle; (void)base; (void)size;
}

static TIFFOpenOptions *make_options(error_context *slot) {
    TIFFOpenOptions *options = TIFFOpenOptionsAlloc();
    if (options == NULL) return NULL;
    TIFFOpenOptionsSetErrorHandlerExtR(options, handle_error, slot);
    TIFFOpenOptionsSetWarningHandlerExtR(options, ignore_warning, NULL);
    /* One allocation inside libtiff may not exceed 1 GiB (strip/tile buffers, tag arrays). */
    TIFFOpenOptionsSetMaxSingleMemAlloc(options, (tmsize_t)1 << 30);
    return options;
}

/* Reads the layout of the current directory into r and info, refusing what Lacuna does not read.
 * info->pages is left alone. */
static lc_status read_layout(struct lc_tiff_reader *r, lc_image_info *info, lc_error *err) {
    uint16_t sample_format = SAMPLEFORMAT_UINT, planar = PLANARCONFIG_CONTIG;
    r->width = 0;
    r->height = 0;
    TIFFGetField(r->tif, TIFFTAG_IMAGEWIDTH, &r->width);
    TIFFGetField(r->tif, TIFFTAG_IMAGELENGTH, &r->height);
    TIFFGetFieldDefaulted(r->tif, TIFFTAG_SAMPLESPERPIXEL, &r->samples);
    TIFFGetFieldDefaulted(r->tif, TIFFTAG_BITSPERSAMPLE, &r->bits);
    TIFFGetFieldDefaulted(r->tif, TIFFTAG_SAMPLEFORMAT, &sample_format);
    TIFFGetFieldDefaulted(r->tif, TIFFTAG_PLANARCONFIG, &planar);
    if (!TIFFGetField(r->tif, TIFFTAG_PHOTOMETRIC, &r->photometric)) {
        r->photometric = r->samples >= 3 ? PHOTOMETRIC_RGB : PHOTOMETRIC_MINISBLACK;
    }
    r->is_float = sample_format == SAMPLEFORMAT_IEEEFP;
    const char *problem = NULL;
    if (r->width == 0 || r->height == 0) problem = "zero image size";
    else if (r->is_float) {
        /* ImageJ's 32-bit images: one grey float per pixel. Inverting min-is-white or expanding
         * colour has no defined meaning for floats, so only min-is-black grey is read. */
        if (r->bits != 32) problem = "only 32-bit float samples are supported";
        else if (r->samples != 1 || r->photometric != PHOTOMETRIC_MINISBLACK)
            problem = "float samples are read only as one min-is-black grey channel";
    }
    else if (r->bits != 8 && r->bits != 16) problem = "only 8- and 16-bit samples are supported";
    else if (sample_format != SAMPLEFORMAT_UINT) problem = "only unsigned integer or 32-bit float samples are supported";
    else if (planar != PLANARCONFIG_CONTIG && r->samples > 1) problem = "separate colour planes are not supported";
    else if (r->photometric == PHOTOMETRIC_PALETTE && (r->samples != 1 || r->bits != 8))
        problem = "only 8-bit palettes are supported";
    else if ((r->photometric == PHOTOMETRIC_MINISBLACK || r->photometric == PHOTOMETRIC_MINISWHITE) &&
             r->samples > 2)
        problem = "grey image with more than two samples";
    else if (r->photometric == PHOTOMETRIC_RGB && (r->samples < 3 || r->samples > 4))
        problem = "RGB image needs three or four samples";
    else if (r->photometric != PHOTOMETRIC_MINISBLACK && r->photometric != PHOTOMETRIC_MINISWHITE &&
             r->photometric != PHOTOMETRIC_RGB && r->photometric != PHOTOMETRIC_PALETTE)
        problem = "photometric interpretation not supported (CMYK, YCbCr, Lab…)";
    if (problem != NULL) {
        lc_set_error(err, LC_ERR_UNSUPPORTED, "TIFF: %s (%u bits, %u samples, sample format %u, photometric %u)",
                     problem, r->bits, r->samples, sample_format, r->photometric);
        return LC_ERR_UNSUPPORTED;
    }
    info->width = r->width;
    info->height = r->height;
    info->bits = r->bits;
    info->channels = r->photometric == PHOTOMETRIC_PALETTE ? 3 : r->samples;
    info->source_bits = r->bits;
    info->source_channels = r->samples;
    info->is_palette = r->photometric == PHOTOMETRIC_PALETTE;
    info->is_float = r->is_float;
    return LC_OK;
}

lc_tiff_reader *lc_tiff_open(const uint8_t *data, size_t size, lc_image_info *info, lc_error *err) {
    struct lc_tiff_reader *r = calloc(1, sizeof *r);
    if (r == NULL) {
        lc_set_error(err, LC_ERR_MEMORY, "TIFF: out of memory");
        return NULL;
    }
    r->file.data = data;
    r->file.size = size;
    r->errors.err = err;
    r->errors.file = &r->file;
    TIFFOpenOptions *options = make_options(&r->errors);
    if (options == NULL) {
        lc_set_error(err, LC_ERR_MEMORY, "TIFF: out of memory");
        free(r);
        return NULL;
    }
    r->tif = TIFFClientOpenExt("memory", "rm", (thandle_t)&r->file, memory_read, memory_write,
                               memory_seek, memory_close, memory_size, memory_map, memory_unmap, options);
    TIFFOpenOptionsFree(options);
    if (r->tif == NULL) {
        lc_set_error(err, LC_ERR_CORRUPT, "TIFF: cannot read the header");
        free(r);
        return NULL;
    }
    if (read_layout(r, info, err) != LC_OK) {
        lc_tiff_close(r);
        return NULL;
    }
    tdir_t pages = TIFFNumberOfDirectories(r->tif);
    info->pages = pages == 0 ? 1 : pages;
    if (err->status != LC_OK) { /* an error was reported while counting directories */
        err->status = LC_OK;
        err->message[0] = 0;
    }
    return r;
}

lc_status lc_tiff_select_page(lc_tiff_reader *r, uint32_t page, lc_image_info *info, lc_error *err) {
    if (page >= info->pages) {
        lc_set_error(err, LC_ERR_ARGUMENT, "TIFF: page %u requested, the file has %u", page, info->pages);
        return LC_ERR_ARGUMENT;
    }
    /* Errors of this call go to err; afterwards the handler reports to the error given at open
     * again (the one the caller keeps for the whole decode). */
    lc_error *previous = r->errors.err;
    r->errors.err = err;
    lc_status status;
    if (!TIFFSetDirectory(r->tif, (tdir_t)page)) {
        lc_set_error(err, LC_ERR_CORRUPT, "TIFF: cannot read the directory of page %u", page);
        status = err->status;
    } else {
        status = read_layout(r, info, err);
    }
    r->errors.err = previous;
    return status;
}

void lc_tiff_get_resolution(lc_tiff_reader *r, lc_tiff_resolution *out) {
    memset(out, 0, sizeof *out);
    float x = 0, y = 0;
    uint16_t unit = 0;
    if (TIFFGetField(r->tif, TIFFTAG_XRESOLUTION, &x)) {
        out->x = x;
        out->has_x = 1;
    }
    /* libtiff keeps both resolutions under one "set" flag, so an absent YResolution reads as 0. */
    if (TIFFGetField(r->tif, TIFFTAG_YRESOLUTION, &y) && y > 0) {
        out->y = y;
        out->has_y = 1;
    }
    if (TIFFGetField(r->tif, TIFFTAG_RESOLUTIONUNIT, &unit)) {
        out->unit = unit;
        out->has_unit = 1;
    }
}

/* Copies `rows` rows of `columns` pixels from a decoded block into the raster, expanding the
 * palette and inverting min-is-white. */
static void copy_block(struct lc_tiff_reader *r, const uint8_t *block, size_t block_row_bytes,
                       uint8_t *raster, uint32_t x0, uint32_t y0, uint32_t columns, uint32_t rows,
                       const uint16_t *map_r, const uint16_t *map_g, const uint16_t *map_b) {
    size_t bytes_per_sample = r->bits / 8;
    size_t out_channels = r->photometric == PHOTOMETRIC_PALETTE ? 3 : r->samples;
    size_t out_pixel_bytes = out_channels * bytes_per_sample;
    size_t raster_row_bytes = (size_t)r->width * out_pixel_bytes;
    for (uint32_t y = 0; y < rows; y++) {
        const uint8_t *src = block + (size_t)y * block_row_bytes;
        uint8_t *dst = raster + (size_t)(y0 + y) * raster_row_bytes + (size_t)x0 * out_pixel_bytes;
        if (r->photometric == PHOTOMETRIC_PALETTE) {
            for (uint32_t x = 0; x < columns; x++) {
                uint8_t index = src[x];
                dst[3 * x] = (uint8_t)(map_r[index] >> 8);
                dst[3 * x + 1] = (uint8_t)(map_g[index] >> 8);
                dst[3 * x + 2] = (uint8_t)(map_b[index] >> 8);
            }
        } else {
            memcpy(dst, src, (size_t)columns * out_pixel_bytes);
            if (r->photometric == PHOTOMETRIC_MINISWHITE) {
                /* Invert the grey sample, keep alpha. */
                for (uint32_t x = 0; x < columns; x++) {
                    if (bytes_per_sample == 1) {
                        uint8_t *s = dst + (size_t)x * r->samples;
                        *s = (uint8_t)(255 - *s);
                    } else {
                        uint16_t *s = (uint16_t *)(void *)(dst + (size_t)x * out_pixel_bytes);
                        *s = (uint16_t)(65535 - *s);
                    }
                }
            }
        }
    }
}

lc_status lc_tiff_read(lc_tiff_reader *r, void *raster, size_t raster_bytes, lc_error *err) {
    r->errors.err = err;
    size_t out_channels = r->photometric == PHOTOMETRIC_PALETTE ? 3 : r->samples;
    size_t needed = (size_t)r->width * r->height * out_channels * (r->bits / 8);
    if (needed > raster_bytes) {
        lc_set_error(err, LC_ERR_ARGUMENT, "TIFF: raster buffer too small");
        return LC_ERR_ARGUMENT;
    }
    uint16_t *map_r = NULL, *map_g = NULL, *map_b = NULL;
    if (r->photometric == PHOTOMETRIC_PALETTE &&
        !TIFFGetField(r->tif, TIFFTAG_COLORMAP, &map_r, &map_g, &map_b)) {
        lc_set_error(err, LC_ERR_CORRUPT, "TIFF: palette image without a colour map");
        return LC_ERR_CORRUPT;
    }
    size_t pixel_bytes = (size_t)r->samples * (r->bits / 8);
    /* A strip buffer holds at most the image's rows (a RowsPerStrip beyond the height is clipped);
     * a tile must hold a whole tile. Either may not exceed the raster or 64 MiB, whichever is
     * larger: a 16x12 image declaring 4 GB strips or tiles otherwise made this allocate (and zero)
     * them (found by fuzzing, docs/reliability.md). */
    uint32_t rows_per_strip = 0;
    TIFFGetFieldDefaulted(r->tif, TIFFTAG_ROWSPERSTRIP, &rows_per_strip);
    if (rows_per_strip == 0 || rows_per_strip > r->height) rows_per_strip = r->height;
    tmsize_t block_size = TIFFIsTiled(r->tif) ? TIFFTileSize(r->tif)
                                              : (tmsize_t)((size_t)r->width * pixel_bytes * rows_per_strip);
    size_t block_limit = needed > ((size_t)64 << 20) ? needed : ((size_t)64 << 20);
    if (block_size <= 0 || (size_t)block_size > block_limit) {
        lc_set_error(err, LC_ERR_CORRUPT, "TIFF: invalid %s size (%lld bytes for a %ux%u image)",
                     TIFFIsTiled(r->tif) ? "tile" : "strip", (long long)block_size, r->width, r->height);
        return err->status;
    }
    uint8_t *block = _TIFFmalloc(block_size);
    if (block == NULL) {
        lc_set_error(err, LC_ERR_MEMORY, "TIFF: out of memory for a %lld-byte block", (long long)block_size);
        return LC_ERR_MEMORY;
    }
    lc_status status = LC_OK;
    if (TIFFIsTiled(r->tif)) {
        uint32_t tile_w = 0, tile_h = 0;
        TIFFGetField(r->tif, TIFFTAG_TILEWIDTH, &tile_w);
        TIFFGetField(r->tif, TIFFTAG_TILELENGTH, &tile_h);
        if (tile_w == 0 || tile_h == 0 || (tmsize_t)((size_t)tile_w * tile_h * pixel_bytes) > block_size) {
            lc_set_error(err, LC_ERR_CORRUPT, "TIFF: invalid tile size %ux%u", tile_w, tile_h);
            status = LC_ERR_CORRUPT;
        }
        for (uint32_t ty = 0; status == LC_OK && ty < r->height; ty += tile_h) {
            for (uint32_t tx = 0; status == LC_OK && tx < r->width; tx += tile_w) {
                memset(block, 0, (size_t)block_size); /* see the strip loop */
                if (TIFFReadTile(r->tif, block, tx, ty, 0, 0) < 0) {
                    lc_set_error(err, LC_ERR_CORRUPT, "TIFF: cannot decode the tile at (%u, %u)", tx, ty);
                    status = err->status;
                    break;
                }
                uint32_t columns = tile_w < r->width - tx ? tile_w : r->width - tx;
                uint32_t rows = tile_h < r->height - ty ? tile_h : r->height - ty;
                copy_block(r, block, (size_t)tile_w * pixel_bytes, raster, tx, ty, columns, rows, map_r, map_g, map_b);
            }
        }
    } else {
        size_t row_bytes = (size_t)r->width * pixel_bytes;
        uint32_t strips = TIFFNumberOfStrips(r->tif);
        for (uint32_t strip = 0; strip < strips; strip++) {
            uint32_t y0 = strip * rows_per_strip;
            if (y0 >= r->height) break;
            uint32_t rows = rows_per_strip < r->height - y0 ? rows_per_strip : r->height - y0;
            tmsize_t wanted = (tmsize_t)(row_bytes * rows);
            /* libtiff 4.5 with libdeflate reports a Deflate strip that inflates to more than the
             * strip as fully decoded while leaving most of the buffer unwritten: without this the
             * raster would receive stale heap bytes (docs/reliability.md, found by a bomb test). */
            memset(block, 0, (size_t)block_size);
            tmsize_t got = TIFFReadEncodedStrip(r->tif, strip, block, wanted);
            if (got < wanted) {
                lc_set_error(err, got < 0 ? LC_ERR_CORRUPT : LC_ERR_TRUNCATED,
                             "TIFF: strip %u is %s", strip, got < 0 ? "corrupt" : "truncated");
                status = err->status;
                break;
            }
            copy_block(r, block, row_bytes, raster, 0, y0, r->width, rows, map_r, map_g, map_b);
        }
    }
    _TIFFfree(block);
    if (status == LC_OK && err->status != LC_OK) status = err->status;
    return status;
}

int lc_tiff_tag_bytes(lc_tiff_reader *r, uint32_t tag, const uint8_t **bytes, size_t *count) {
    *bytes = NULL;
    *count = 0;
    const TIFFField *field = TIFFFindField(r->tif, tag, TIFF_ANY);
    if (field == NULL) return 0;
    TIFFDataType type = TIFFFieldDataType(field);
    if (type != TIFF_ASCII && type != TIFF_BYTE && type != TIFF_SBYTE && type != TIFF_UNDEFINED) return 0;
    if (TIFFFieldPassCount(field)) {
        void *data = NULL;
        if (TIFFFieldReadCount(field) == TIFF_VARIABLE2) {
            uint32_t n = 0;
            if (!TIFFGetField(r->tif, tag, &n, &data) || data == NULL) return 0;
            *count = n;
        } else {
            uint16_t n = 0;
            if (!TIFFGetField(r->tif, tag, &n, &data) || data == NULL) return 0;
            *count = n;
        }
        *bytes = data;
        return 1;
    }
    if (type == TIFF_ASCII) {
        char *text = NULL;
        if (!TIFFGetField(r->tif, tag, &text) || text == NULL) return 0;
        *bytes = (const uint8_t *)text;
        *count = strlen(text);
        return 1;
    }
    return 0;
}

void lc_tiff_close(lc_tiff_reader *r) {
    if (r == NULL) return;
    /* The last caller's lc_error may be gone by now: anything libtiff reports while closing is dropped. */
    r->errors.err = NULL;
    if (r->tif != NULL) TIFFClose(r->tif);
    free(r);
}

/* ---- writer ---- */

lc_status lc_tiff_write(const char *path, const void *raster, uint32_t width, uint32_t height,
                        uint32_t channels, uint32_t bits, const lc_tiff_write_options *o, lc_error *err) {
    int is_float = bits == 32 && !o->unsigned_32;
    if (width == 0 || height == 0 || (channels != 1 && channels != 3) || (bits != 8 && bits != 16 && bits != 32) ||
        (bits == 32 && channels != 1) || (o->tile_size != 0 && o->tile_size % 16 != 0)) {
        lc_set_error(err, LC_ERR_ARGUMENT, "TIFF encode: unsupported layout %ux%u, %u channels, %u bits",
                     width, height, channels, bits);
        return LC_ERR_ARGUMENT;
    }
    error_context slot = {err, NULL};
    TIFFOpenOptions *options = make_options(&slot);
    if (options == NULL) {
        lc_set_error(err, LC_ERR_MEMORY, "TIFF encode: out of memory");
        return LC_ERR_MEMORY;
    }
    TIFF *tif = TIFFOpenExt(path, o->big_endian ? "wb" : "wl", options);
    TIFFOpenOptionsFree(options);
    if (tif == NULL) {
        lc_set_error(err, LC_ERR_WRITE, "TIFF encode: cannot create %s", path);
        return LC_ERR_WRITE;
    }
    static const uint16_t compressions[4] = {COMPRESSION_NONE, COMPRESSION_LZW, COMPRESSION_ADOBE_DEFLATE,
                                             COMPRESSION_PACKBITS};
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, width);
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, height);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, (uint16_t)channels);
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, (uint16_t)bits);
    TIFFSetField(tif, TIFFTAG_SAMPLEFORMAT, is_float ? SAMPLEFORMAT_IEEEFP : SAMPLEFORMAT_UINT);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, channels == 1 ? PHOTOMETRIC_MINISBLACK : PHOTOMETRIC_RGB);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, compressions[(unsigned)o->compression & 3u]);
    if (o->description != NULL) TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, o->description);
    if (o->has_resolution) {
        TIFFSetField(tif, TIFFTAG_XRESOLUTION, (float)o->x_resolution);
        TIFFSetField(tif, TIFFTAG_YRESOLUTION, (float)o->y_resolution);
        TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, (uint16_t)RESUNIT_NONE);
    }
    if (o->private_tag != 0 && o->private_bytes != NULL) {
        TIFFFieldInfo field = {o->private_tag, TIFF_VARIABLE2, TIFF_VARIABLE2,
                               o->private_is_ascii ? TIFF_ASCII : TIFF_BYTE, FIELD_CUSTOM, 1, 1,
                               (char *)"LacunaPrivate"};
        TIFFMergeFieldInfo(tif, &field, 1);
        TIFFSetField(tif, o->private_tag, (uint32_t)o->private_count, o->private_bytes);
    }
    size_t row_bytes = (size_t)width * channels * (bits / 8);
    int ok = 1;
    if (o->tile_size != 0) {
        uint32_t t = o->tile_size;
        TIFFSetField(tif, TIFFTAG_TILEWIDTH, t);
        TIFFSetField(tif, TIFFTAG_TILELENGTH, t);
        size_t pixel_bytes = channels * (bits / 8);
        uint8_t *tile = calloc((size_t)t * t, pixel_bytes);
        if (tile == NULL) ok = 0;
        for (uint32_t ty = 0; ok && ty < height; ty += t) {
            for (uint32_t tx = 0; ok && tx < width; tx += t) {
                memset(tile, 0, (size_t)t * t * pixel_bytes);
                uint32_t columns = t < width - tx ? t : width - tx;
                uint32_t rows = t < height - ty ? t : height - ty;
                for (uint32_t y = 0; y < rows; y++) {
                    memcpy(tile + (size_t)y * t * pixel_bytes,
                           (const uint8_t *)raster + (size_t)(ty + y) * row_bytes + (size_t)tx * pixel_bytes,
                           (size_t)columns * pixel_bytes);
                }
                ok = TIFFWriteTile(tif, tile, tx, ty, 0, 0) >= 0;
            }
        }
        free(tile);
    } else {
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP,
                     o->rows_per_strip ? o->rows_per_strip : TIFFDefaultStripSize(tif, 0));
        /* TIFFWriteScanline byte-swaps its buffer in place for a file of the other byte order, so
         * each row goes through a scratch copy: the caller's raster is const. */
        uint8_t *line = malloc(row_bytes);
        if (line == NULL) ok = 0;
        for (uint32_t y = 0; ok && y < height; y++) {
            memcpy(line, (const uint8_t *)raster + (size_t)y * row_bytes, row_bytes);
            ok = TIFFWriteScanline(tif, line, y, 0) >= 0;
        }
        free(line);
    }
    if (ok) ok = TIFFWriteDirectory(tif);
    TIFFClose(tif);
    if (!ok) {
        lc_set_error(err, LC_ERR_WRITE, "TIFF encode: writing %s failed", path);
        return err->status;
    }
    return LC_OK;
}
